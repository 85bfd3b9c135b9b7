// Copies tfjs-backend-wasm's .wasm binaries into public/tfjs/ so the browser (and its Web
// Workers) load them from this server: nothing is fetched from a CDN. With them goes the
// unbundled threaded-SIMD factory, the source its pthreads run (lib/training/browser/wasm-threads.ts).
// Runs on postinstall.
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const pkg = dirname(createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm/package.json"));
const dist = join(pkg, "dist");
mkdirSync("public/tfjs", { recursive: true });
const files = readdirSync(dist).filter((f) => f.endsWith(".wasm"));
for (const f of files) copyFileSync(join(dist, f), join("public/tfjs", f));
copyFileSync(join(pkg, "wasm-out", "tfjs-backend-wasm-threaded-simd.js"), join("public/tfjs", "tfjs-backend-wasm-threaded-simd.js"));
console.log(`copied ${files.length} wasm binaries and the threaded-SIMD factory to public/tfjs/`);
