/**
 * The one place environment variables are read and validated (server side).
 * Anything else imports `env` from here instead of touching process.env.
 */
import path from "node:path";
import { z } from "zod";
import { resolveDatabase, type DatabaseTarget } from "./database";
import { loadSessionSecret, SESSION_SECRET_MIN } from "./session-secret";

const ServerEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  RS_DATA_DIR: z.string().trim().min(1).default("data"),
  /** Signs session cookies; unset: a random secret kept in `<data dir>/session-secret`. */
  RS_SESSION_SECRET: z
    .string()
    .min(SESSION_SECRET_MIN, `expected at least ${SESSION_SECRET_MIN} characters (e.g. \`openssl rand -hex 32\`)`)
    .optional(),
});

export type ServerEnv = Omit<z.infer<typeof ServerEnv>, "RS_SESSION_SECRET"> & {
  database: DatabaseTarget;
  /** RS_DATA_DIR resolved against the working directory: the database, checkpoints, the session secret. */
  dataDir: string;
  /** The secret that signs session cookies (read from the data dir on first use when not in the environment). */
  sessionSecret: () => string;
};

/** Parses an environment record; throws an Error naming the offending variable. */
export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const parsed = ServerEnv.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const { RS_SESSION_SECRET, ...rest } = parsed.data;
  // Resolved against the working directory at run time, not traced at build time.
  const dataDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), rest.RS_DATA_DIR);
  let secret = RS_SESSION_SECRET;
  return {
    ...rest,
    database: resolveDatabase(source),
    dataDir,
    sessionSecret: () => (secret ??= loadSessionSecret(dataDir)),
  };
}

let cached: ServerEnv | undefined;

/** The validated server environment, parsed once. */
export function env(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

export { resolveDatabase, type DatabaseTarget };
