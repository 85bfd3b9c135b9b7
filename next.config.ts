import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and driver packages stay as Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "@prisma/client"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // forbidden() and app/forbidden.tsx: the page guards answer a signed-in user without the role with a real 403.
  experimental: { authInterrupts: true },
  // `npm test` type-checks the whole project (tsc --noEmit) as its own step; the build does not
  // repeat it.
  typescript: { ignoreBuildErrors: true },
  // Cross-origin isolated (COOP + COEP): SharedArrayBuffer exists, as threaded WASM needs (see
  // lib/training/browser/wasm-threads.ts). Every asset is same-origin, so require-corp blocks
  // nothing of ours.
  // Browsers ask for /favicon.ico where a page names no icon (the 403 page, say): the app's icon.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
  async headers() {
    return [{
      source: "/:path*",
      headers: [
        { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        { key: "Cross-Origin-Embedder-Policy", value: "require-corp" },
      ],
    }];
  },
};

export default nextConfig;
