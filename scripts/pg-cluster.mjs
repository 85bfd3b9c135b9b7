// A throwaway PostgreSQL cluster on a free loopback port, for tests and migration authoring.
// initdb refuses to run as root, so as root the cluster runs as the `postgres` system user.
// CLI: `node scripts/pg-cluster.mjs -- <command...>` runs the command with DATABASE_URL set.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function asPostgres(isRoot, cmd, args) {
  if (!isRoot) return execFileSync(cmd, args, { stdio: "pipe" });
  const quoted = [cmd, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  return execFileSync("su", ["-s", "/bin/sh", "postgres", "-c", quoted], { stdio: "pipe" });
}

/**
 * Starts a fresh cluster. Returns its connection URL (database `postgres`, user `postgres`,
 * trust auth) and a stop() that shuts it down and removes its directory.
 */
export async function startCluster() {
  for (const bin of ["initdb", "pg_ctl"]) {
    if (spawnSync("which", [bin]).status !== 0) {
      throw new Error(`PostgreSQL server binaries not found (${bin}); install postgresql`);
    }
  }
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "rs-pg-"));
  chmodSync(dir, 0o700);
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const pgdata = join(dir, "pg");
  asPostgres(isRoot, "initdb", ["-D", pgdata, "-U", "postgres", "-A", "trust", "--no-sync"]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  asPostgres(isRoot, "pg_ctl", ["-D", pgdata, "-o", opts, "-l", join(dir, "log"), "-w", "start"]);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asPostgres(isRoot, "pg_ctl", ["-D", pgdata, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url, port, stop };
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const sep = process.argv.indexOf("--");
  const cmd = sep >= 0 ? process.argv.slice(sep + 1) : [];
  if (cmd.length === 0) {
    console.error("usage: node scripts/pg-cluster.mjs -- <command...>");
    process.exit(2);
  }
  const cluster = await startCluster();
  const r = spawnSync(cmd[0], cmd.slice(1), {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: cluster.url },
  });
  cluster.stop();
  process.exit(r.status ?? 1);
}
