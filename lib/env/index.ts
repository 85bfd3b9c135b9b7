/**
 * The one place environment variables are read and validated (server side).
 * Anything else imports `env` from here instead of touching process.env.
 */
import path from "node:path";
import { z } from "zod";
import { resolveDatabase, type DatabaseTarget } from "./database";

const ServerEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  RS_DATA_DIR: z.string().trim().min(1).default("data"),
  /** Predictions each API token (or signed-in user) may ask for per minute. */
  RS_PREDICT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Predictions that may wait for the model in one server process before the next gets a 503. */
  RS_PREDICT_QUEUE: z.coerce.number().int().min(0).max(10_000).default(16),
  /** Demo accounts on a fresh database: "on" or "off"; unset: on for the embedded SQLite only. */
  RS_DEMO_SEED: z.enum(["on", "off"], { error: 'expected "on" or "off"' }).optional(),
});

export type ServerEnv = Omit<z.infer<typeof ServerEnv>, "RS_DEMO_SEED"> & {
  database: DatabaseTarget;
  /** Whether a fresh database gets the demo accounts (RS_DEMO_SEED; unset: only on SQLite). */
  demoSeed: boolean;
  /** RS_DATA_DIR resolved against the working directory: the SQLite database, checkpoints. */
  dataDir: string;
};

/** Parses an environment record; throws an Error naming the offending variable. */
export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const parsed = ServerEnv.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const { RS_DEMO_SEED, ...rest } = parsed.data;
  // Resolved against the working directory at run time, not traced at build time.
  const dataDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), rest.RS_DATA_DIR);
  const database = resolveDatabase(source);
  return { ...rest, database, dataDir, demoSeed: RS_DEMO_SEED ? RS_DEMO_SEED === "on" : database.provider === "sqlite" };
}

let cached: ServerEnv | undefined;

/** The validated server environment, parsed once. */
export function env(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

export { resolveDatabase, type DatabaseTarget };
