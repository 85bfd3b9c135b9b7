/**
 * Typed errors shared by lib/ and the server edge. A code reads `<type>:<surface>`, e.g.
 * `bad_request:reward_spec`; route handlers turn a StudioError into an HTTP response with the
 * status below and a message a person can act on. (After ai-chatbot's lib/errors.ts.)
 */
export type ErrorType = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "internal";

export type ErrorCode = `${ErrorType}:${string}`;

const STATUS: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

export class StudioError extends Error {
  readonly code: ErrorCode;
  readonly type: ErrorType;
  readonly status: number;
  /** The input field the error is about, as a dotted path, when there is one. */
  readonly field?: string;

  constructor(code: ErrorCode, message: string, options?: { field?: string; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "StudioError";
    this.code = code;
    this.type = code.slice(0, code.indexOf(":")) as ErrorType;
    this.status = STATUS[this.type];
    this.field = options?.field;
  }

  /** The JSON body a route handler sends. */
  toJSON(): { code: ErrorCode; message: string; field?: string } {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}
