/**
 * `npm run bench -- <suite>`: performance, printed as tables with ratios against a reference
 * measured in the same run. Suites: metrics, train (optionally followed by task ids), serve
 * ([seconds] [clients] [task]; needs `npx next build`).
 */
import { benchMetrics } from "./metrics";
import { benchServe } from "./serve";
import { benchTrain } from "./train";

const SUITES = { metrics: benchMetrics, train: benchTrain, serve: benchServe } as const;

const name = process.argv[2];
if (!name || !Object.hasOwn(SUITES, name)) {
  console.error(`usage: npm run bench -- <suite>; suites: ${Object.keys(SUITES).join(", ")}`);
  process.exit(2);
}
console.log(`node ${process.version}, ${new Date().toISOString()}`);
await SUITES[name as keyof typeof SUITES](process.argv.slice(3));
