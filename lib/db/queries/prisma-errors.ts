import { StudioError } from "@/lib/errors";

interface KnownPrismaError {
  code: string;
  meta?: { target?: unknown; modelName?: string; field_name?: unknown; cause?: unknown };
}

function isKnown(err: unknown): err is KnownPrismaError {
  return typeof err === "object" && err !== null && typeof (err as { code?: unknown }).code === "string"
    && /^P\d{4}$/.test((err as { code: string }).code);
}

/**
 * Maps Prisma's known errors to StudioErrors for `surface` (P2002 unique -> conflict,
 * P2003 foreign key -> not_found, P2025 missing record -> not_found); rethrows anything else.
 */
export function rethrowAsStudioError(err: unknown, surface: string, what: string): never {
  if (isKnown(err)) {
    if (err.code === "P2002") throw new StudioError(`conflict:${surface}`, `${what} already exists`, { cause: err });
    if (err.code === "P2003") {
      throw new StudioError(`not_found:${surface}`, `${what} refers to a record that does not exist`, { cause: err });
    }
    if (err.code === "P2025") throw new StudioError(`not_found:${surface}`, `${what} was not found`, { cause: err });
  }
  throw err;
}
