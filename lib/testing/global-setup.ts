/**
 * Vitest global setup: one throwaway PostgreSQL cluster for the whole run (free port, removed
 * afterwards). Test files get its URL with `inject("postgresUrl")` and create their own
 * database in it, so the data-layer suite runs against SQLite and a real PostgreSQL.
 */
import type { TestProject } from "vitest/node";
// @ts-expect-error -- plain ESM script shared with the CLI, no type declarations
import { startCluster } from "../../scripts/pg-cluster.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = (await startCluster()) as { url: string; stop: () => void };
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}
