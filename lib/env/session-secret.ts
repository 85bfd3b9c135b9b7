import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Shortest accepted session secret: 32 characters (`openssl rand -hex 32` gives 64). */
export const SESSION_SECRET_MIN = 32;

/**
 * The session secret kept in `<dataDir>/session-secret` (mode 0600), created with 32 random
 * bytes the first time, so sessions survive restarts without any set-up. The file is written
 * whole under a temporary name and hard-linked into place (link fails if the name exists), so
 * two servers starting together end up with the same, complete secret.
 */
export function loadSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(tmp, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    try {
      linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < SESSION_SECRET_MIN) {
    throw new Error(`${file}: expected a secret of at least ${SESSION_SECRET_MIN} characters; delete the file to make a new one (signs everyone out)`);
  }
  return secret;
}
