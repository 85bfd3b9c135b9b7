import path from "node:path";
import { z } from "zod";

/** Which database the studio talks to, resolved from the environment. */
export interface DatabaseTarget {
  provider: "sqlite" | "postgres";
  /** For SQLite `file:<absolute path>`; for PostgreSQL the connection string as given. */
  url: string;
  /** SQLite only: the absolute path of the database file. */
  file?: string;
}

const DatabaseEnv = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), {
      message: "expected file:<path> (SQLite) or postgresql://user@host:port/db (PostgreSQL)",
    })
    .optional(),
  RS_DATA_DIR: z.string().trim().min(1).optional(),
});

/**
 * Resolves DATABASE_URL: unset means the embedded SQLite file `<data dir>/reward-studio.db`
 * (data dir = RS_DATA_DIR or ./data); `file:...` is another SQLite file; `postgresql://...`
 * switches to PostgreSQL. Throws an Error naming the variable when it is malformed.
 */
export function resolveDatabase(env: Record<string, string | undefined>): DatabaseTarget {
  const parsed = DatabaseEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const { DATABASE_URL, RS_DATA_DIR } = parsed.data;
  if (DATABASE_URL && !DATABASE_URL.startsWith("file:")) {
    return { provider: "postgres", url: DATABASE_URL };
  }
  // Resolved against the working directory at run time, not traced at build time.
  const dataDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), RS_DATA_DIR ?? "data");
  const file = DATABASE_URL
    ? path.resolve(/* turbopackIgnore: true */ process.cwd(), DATABASE_URL.slice("file:".length))
    : path.join(dataDir, "reward-studio.db");
  return { provider: "sqlite", url: `file:${file}`, file };
}
