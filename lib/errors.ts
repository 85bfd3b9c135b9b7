/**
 * Typed errors shared by lib/ and the server edge. A code reads `<type>:<surface>`, e.g.
 * `bad_request:reward_spec`; route handlers turn a StudioError into an HTTP response with the
 * status below and a message a person can act on. (After ai-chatbot's lib/errors.ts.)
 */
export type ErrorType =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "gone"
  | "payload_too_large"
  | "unsupported_media_type"
  | "too_many_requests"
  | "unavailable"
  | "internal";

export type ErrorCode = `${ErrorType}:${string}`;

const STATUS: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
};

export class StudioError extends Error {
  readonly code: ErrorCode;
  readonly type: ErrorType;
  readonly status: number;
  /** The input field the error is about, as a dotted path, when there is one. */
  readonly field?: string;
  /** When to try again, in whole seconds (sent as Retry-After with a 429 or a 503). */
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options?: { field?: string; cause?: unknown; retryAfterSeconds?: number }) {
    super(message, { cause: options?.cause });
    this.name = "StudioError";
    this.code = code;
    this.type = code.slice(0, code.indexOf(":")) as ErrorType;
    this.status = STATUS[this.type];
    this.field = options?.field;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  /** The JSON body a route handler sends. */
  toJSON(): { code: ErrorCode; message: string; field?: string } {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}
