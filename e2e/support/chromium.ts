/**
 * Debian's Chromium (apt-get install chromium), driven by Playwright. Playwright's own browser
 * download cannot run here. `--enable-unsafe-webgpu` exposes a WebGPU adapter (SwiftShader) so
 * the WebGPU path is testable headless; the rest keep Chromium off the (closed) network.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--enable-unsafe-webgpu",
];
