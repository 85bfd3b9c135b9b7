#!/usr/bin/env node
// The `reward-studio` command: runs the TypeScript CLI in lib/cli through tsx, so the CLI and
// the app share lib/ unchanged.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
register({ tsconfig: join(root, "tsconfig.json") });
const { main } = await import(pathToFileURL(join(root, "lib/cli/main.ts")).href);
process.exitCode = await main(process.argv.slice(2));
