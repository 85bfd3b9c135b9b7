/**
 * The captioning frontier: CIDEr-D against object recall for the MLE model and tuned checkpoints
 * grouped by reward spec (one group per spec, one checkpoint per seed). Evaluates each on the
 * first <count> test scenes as `reward-studio eval` does, prints the docs/RESULTS.md rows (mean ±
 * sample std where a group has several seeds, * on points no other point beats on both axes),
 * and draws the frontier as an SVG.
 * Usage: npx tsx scripts/caption-frontier.ts <count> <out.svg> <mle-dir> <label>=<dir>[,<dir>...] ...
 */
import { writeFileSync } from "node:fs";
import { sampleMeanStd } from "@/lib/rewards";
import { selectBackend } from "@/lib/training";
import { evaluateCheckpointDir } from "@/lib/training/node/evaluate-dir";
import { nodeWasmPaths } from "@/lib/training/node/wasm-paths";

const [countArg, svgPath, mleDir, ...groupArgs] = process.argv.slice(2);
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1 || !svgPath || !mleDir || groupArgs.some((g) => !/^[^=]+=.+$/.test(g))) {
  console.error("usage: npx tsx scripts/caption-frontier.ts <count> <out.svg> <mle-dir> <label>=<dir>[,<dir>...] ...");
  process.exit(2);
}
await selectBackend("wasm", { wasmPaths: nodeWasmPaths() });

const evalDir = (dir: string) => evaluateCheckpointDir(dir, "test", count);

const COLUMNS = ["CIDEr", "object_recall", "object_hallucination", "count_accuracy", "caption_length", "vocabulary", "distinct_captions", "distinct_2"] as const;
interface Point { label: string; seeds: number; stats: Record<string, { mean: number; std: number }> }

const points: Point[] = [];
const mle = await evalDir(mleDir);
points.push({ label: "MLE", seeds: 1, stats: Object.fromEntries(COLUMNS.map((c) => [c, { mean: mle[c] as number, std: 0 }])) });
for (const arg of groupArgs) {
  const [label, dirs] = arg.split(/=(.*)/s) as [string, string];
  const evals: Record<string, number>[] = [];
  for (const d of dirs.split(",")) evals.push(await evalDir(d));
  points.push({ label, seeds: evals.length, stats: Object.fromEntries(COLUMNS.map((c) => [c, sampleMeanStd(evals.map((e) => e[c] as number))])) });
}

const at = (p: Point, c: string) => p.stats[c]!.mean;
const dominated = (p: Point) => points.some((q) => q !== p && at(q, "CIDEr") >= at(p, "CIDEr") && at(q, "object_recall") >= at(p, "object_recall") && (at(q, "CIDEr") > at(p, "CIDEr") || at(q, "object_recall") > at(p, "object_recall")));
const f = (v: { mean: number; std: number }, seeds: number) => {
  const digits = Math.abs(v.mean) >= 10 ? 1 : 4;
  return seeds > 1 ? `${v.mean.toFixed(digits)} ± ${v.std.toFixed(digits)}` : v.mean.toFixed(digits);
};
console.log(`| reward | seeds | ${COLUMNS.join(" | ")} |`);
console.log(`|---|---|${COLUMNS.map(() => "---").join("|")}|`);
for (const p of points) console.log(`| ${p.label}${dominated(p) ? "" : " \\*"} | ${p.seeds} | ${COLUMNS.map((c) => f(p.stats[c]!, p.seeds)).join(" | ")} |`);
console.log(JSON.stringify(points));

// The frontier drawn: CIDEr-D across, object recall up, MLE's lines dashed, error bars of ±1 std.
const W = 640, H = 430, L = 64, R = 16, T = 34, B = 48;
const xs = points.map((p) => at(p, "CIDEr")), ys = points.map((p) => at(p, "object_recall"));
const pad = (lo: number, hi: number) => [lo - 0.08 * (hi - lo || 1), hi + 0.08 * (hi - lo || 1)] as const;
const [x0, x1] = pad(Math.min(...xs), Math.max(...xs));
const [y0, y1] = pad(Math.min(...ys), Math.max(...ys));
const X = (v: number) => L + ((v - x0) / (x1 - x0)) * (W - L - R);
const Y = (v: number) => H - B - ((v - y0) / (y1 - y0)) * (H - T - B);
const ticks = (lo: number, hi: number, n: number) => [...Array(n + 1).keys()].map((i) => lo + ((hi - lo) * i) / n);
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
  `<rect width="${W}" height="${H}" fill="white"/>`,
  // The corner where a point beats MLE on both axes, shaded under the grid.
  `<rect x="${X(at(points[0]!, "CIDEr"))}" y="${T}" width="${W - R - X(at(points[0]!, "CIDEr"))}" height="${Y(at(points[0]!, "object_recall")) - T}" fill="#e8f5e9"/>`,
  ...ticks(x0, x1, 5).map((v) => `<line x1="${X(v)}" x2="${X(v)}" y1="${T}" y2="${H - B}" stroke="#eee"/><text x="${X(v)}" y="${H - B + 16}" text-anchor="middle">${v.toFixed(2)}</text>`),
  ...ticks(y0, y1, 5).map((v) => `<line x1="${L}" x2="${W - R}" y1="${Y(v)}" y2="${Y(v)}" stroke="#eee"/><text x="${L - 6}" y="${Y(v) + 4}" text-anchor="end">${(100 * v).toFixed(1)} %</text>`),
  `<text x="${W - R - 6}" y="${T + 14}" text-anchor="end" fill="#2e7d32">better than MLE on both</text>`,
  `<text x="${L}" y="${T - 8}" fill="#555">dark: beaten by no other point on both axes · pale: beaten · bars: ±1 sample std over seeds</text>`,
  `<line x1="${X(at(points[0]!, "CIDEr"))}" x2="${X(at(points[0]!, "CIDEr"))}" y1="${T}" y2="${H - B}" stroke="#888" stroke-dasharray="4 3"/>`,
  `<line x1="${L}" x2="${W - R}" y1="${Y(at(points[0]!, "object_recall"))}" y2="${Y(at(points[0]!, "object_recall"))}" stroke="#888" stroke-dasharray="4 3"/>`,
  `<text x="${(L + W - R) / 2}" y="${H - 10}" text-anchor="middle" font-size="12">CIDEr-D (first ${count} test scenes)</text>`,
  `<text transform="translate(14 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle" font-size="12">objects named with colour and class</text>`,
  ...points.map((p) => {
    const cx = X(at(p, "CIDEr")), cy = Y(at(p, "object_recall"));
    const sx = (X(at(p, "CIDEr") + p.stats.CIDEr!.std) - cx), sy = (cy - Y(at(p, "object_recall") + p.stats.object_recall!.std));
    const colour = p.label === "MLE" ? "#555" : dominated(p) ? "#9aa7c7" : "#1f4fd1";
    return [
      p.seeds > 1 ? `<line x1="${cx - sx}" x2="${cx + sx}" y1="${cy}" y2="${cy}" stroke="${colour}"/><line x1="${cx}" x2="${cx}" y1="${cy - sy}" y2="${cy + sy}" stroke="${colour}"/>` : "",
      `<circle cx="${cx}" cy="${cy}" r="4.5" fill="${colour}"/>`,
      `<text x="${cx + 7}" y="${cy - 6}" fill="#222">${esc(p.label)}</text>`,
    ].join("");
  }),
  `</svg>`,
].join("\n");
writeFileSync(svgPath, svg);
console.error(`wrote ${svgPath}`);
