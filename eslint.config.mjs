import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/db/generated/**",
    "test-results/**",
    "playwright-report/**",
    "reports/**",
    "data/**",
    // Copied from node_modules on install (scripts/copy-wasm.mjs): tfjs-backend-wasm's own files.
    "public/tfjs/**",
  ]),
]);
