import type { CDPSession, Page } from "@playwright/test";
import { writeFileSync } from "node:fs";

/**
 * A Chromium performance trace of the page (CDP Tracing: the timeline and the V8 sampling
 * profiler), for finding what a long task was. Open the file in DevTools' Performance panel or
 * read it with scripts/long-tasks-of-trace.mjs.
 */
export async function startTrace(page: Page): Promise<{ mark: (label: string) => Promise<void>; stop: (path: string) => Promise<void> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send("Tracing.start", {
    transferMode: "ReturnAsStream",
    traceConfig: {
      includedCategories: [
        "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing", "toplevel",
        "disabled-by-default-v8.cpu_profiler", "v8", "disabled-by-default-v8.gc",
      ],
    },
  });
  return {
    mark: (label) => page.evaluate((l) => console.timeStamp(l), label),
    stop: async (path) => {
      const done = new Promise<string>((resolve) => cdp.once("Tracing.tracingComplete", (e) => resolve(e.stream!)));
      await cdp.send("Tracing.end");
      const stream = await done;
      const parts: string[] = [];
      for (;;) {
        const r = await cdp.send("IO.read", { handle: stream, size: 1 << 20 });
        parts.push(r.base64Encoded ? Buffer.from(r.data, "base64").toString() : r.data);
        if (r.eof) break;
      }
      await cdp.send("IO.close", { handle: stream });
      writeFileSync(path, parts.join(""));
    },
  };
}
