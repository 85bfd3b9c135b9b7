/**
 * `npm run bench -- <suite>`: performance, printed as tables with ratios against a reference
 * measured in the same run. Suites: metrics.
 */
import { benchMetrics } from "./metrics";

const SUITES = { metrics: benchMetrics } as const;

const name = process.argv[2];
if (!name || !Object.hasOwn(SUITES, name)) {
  console.error(`usage: npm run bench -- <suite>; suites: ${Object.keys(SUITES).join(", ")}`);
  process.exit(2);
}
console.log(`node ${process.version}, ${new Date().toISOString()}`);
SUITES[name as keyof typeof SUITES]();
