// Copies tfjs-backend-wasm's .wasm binaries into public/tfjs/ so the browser (and its Web
// Workers) load them from this server: nothing is fetched from a CDN. Runs on postinstall.
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const dist = dirname(createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm"));
mkdirSync("public/tfjs", { recursive: true });
const files = readdirSync(dist).filter((f) => f.endsWith(".wasm"));
for (const f of files) copyFileSync(join(dist, f), join("public/tfjs", f));
console.log(`copied ${files.length} wasm binaries to public/tfjs/`);
