// What the page's long main-thread tasks were, from a Chromium trace (e2e/support/trace.ts):
// each task over 50 ms, the phase it fell in (console.timeStamp marks), its longest nested
// events and the functions the V8 sampler caught in it (self and inclusive time).
// Usage: node scripts/long-tasks-of-trace.mjs trace.json [minMs=50]
import { readFileSync } from "node:fs";

const [file, min = "50"] = process.argv.slice(2);
const raw = JSON.parse(readFileSync(file, "utf8"));
const events = Array.isArray(raw) ? raw : raw.traceEvents;
const mains = new Set(events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
const onMain = (e) => mains.has(`${e.pid}:${e.tid}`);
const marks = events.filter((e) => e.name === "TimeStamp" && onMain(e)).map((e) => ({ ts: e.ts, label: e.args?.data?.message })).sort((a, b) => a.ts - b.ts);
const phaseAt = (ts) => marks.filter((m) => m.ts <= ts).at(-1)?.label ?? "(before the first mark)";

// The V8 sampler's samples: [ts, stack of "fn url:line"] per sample, per profiled thread.
const samples = [];
const profiles = new Map();
for (const e of events) {
  if (e.name === "Profile") profiles.set(`${e.pid}:${e.id}`, { t: e.args.data.startTime, nodes: new Map(), tid: e.tid });
  if (e.name !== "ProfileChunk") continue;
  const p = profiles.get(`${e.pid}:${e.id}`);
  if (!p) continue;
  const c = e.args.data.cpuProfile ?? {};
  for (const n of c.nodes ?? []) p.nodes.set(n.id, n);
  const deltas = e.args.data.timeDeltas ?? [];
  (c.samples ?? []).forEach((id, i) => {
    p.t += deltas[i] ?? 0;
    samples.push({ ts: p.t, pid: e.pid, tid: p.tid, id, p });
  });
}
const frame = (n) => `${n.callFrame.functionName || "(anonymous)"} ${(n.callFrame.url || "").split("/").at(-1)}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
const stackOf = (s) => {
  const out = [];
  for (let n = s.p.nodes.get(s.id); n; n = n.parent === undefined ? undefined : s.p.nodes.get(n.parent)) out.push(frame(n));
  return out;
};
// Parents are given as children lists in some Chromium versions.
for (const p of profiles.values()) for (const n of p.nodes.values()) for (const c of n.children ?? []) if (p.nodes.get(c)) p.nodes.get(c).parent = n.id;

const describe = (e) => {
  const d = e.args?.data ?? {};
  return [e.name, d.functionName, d.url ? d.url.split("/").at(-1) : "", d.type, d.timerId !== undefined ? `timer ${d.timerId}` : ""].filter(Boolean).join(" ");
};
const xs = events.filter((e) => e.ph === "X" && onMain(e) && typeof e.dur === "number");
const totalSelf = new Map();
const totalIncl = new Map();
const tasks = xs.filter((e) => e.name === "RunTask" && e.dur > Number(min) * 1000).sort((a, b) => a.ts - b.ts);
for (const t of tasks) {
  const end = t.ts + t.dur;
  console.log(`\n=== ${(t.dur / 1000).toFixed(1)} ms task at ${((t.ts - (marks[0]?.ts ?? t.ts)) / 1e6).toFixed(2)} s, phase ${phaseAt(t.ts)}`);
  const inner = xs.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= end && e.dur > 3000).sort((a, b) => a.ts - b.ts);
  for (const e of inner.slice(0, 40)) console.log(`  +${((e.ts - t.ts) / 1000).toFixed(1).padStart(6)} ${(e.dur / 1000).toFixed(1).padStart(6)} ms  ${describe(e)}`);
  const um = events.filter((e) => onMain(e) && e.cat?.includes("blink.user_timing") && /PROBE/.test(e.name) && e.ts >= t.ts && e.ts <= end && e.ph !== "e");
  if (um.length) console.log(`  marks: ${[...new Set(um.map((e) => e.name.replace("PROBE ", "")))].join(" | ")}`);
  const [pid] = [...mains].find((m) => m.startsWith(`${t.pid}:`)).split(":");
  const inTask = samples.filter((s) => String(s.pid) === pid && s.ts >= t.ts && s.ts <= end && String(s.tid) === String(t.tid));
  const self = new Map();
  const incl = new Map();
  for (const s of inTask) {
    const st = stackOf(s);
    self.set(st[0], (self.get(st[0]) ?? 0) + 1);
    for (const f of new Set(st)) incl.set(f, (incl.get(f) ?? 0) + 1);
    if (marks.length && t.ts >= marks[0].ts) {
      totalSelf.set(st[0], (totalSelf.get(st[0]) ?? 0) + 1);
      for (const f of new Set(st)) totalIncl.set(f, (totalIncl.get(f) ?? 0) + 1);
    }
  }
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, n]) => `    ${String(n).padStart(4)}  ${f}`).join("\n");
  // Components (capitalised names): which parts of the page rendered in the task.
  const comps = new Map([...incl].filter(([f]) => /^[A-Z][A-Za-z]+ /.test(f)));
  console.log(`  ${inTask.length} samples; self:\n${top(self, 15)}\n  inclusive:\n${top(incl, 30)}\n  components:\n${top(comps, 25)}`);
}
{
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, n]) => `    ${String(n).padStart(5)}  ${f}`).join("\n");
  console.log(`\nall long tasks from the first mark on, self:\n${top(totalSelf, 40)}\n  inclusive:\n${top(totalIncl, 120)}`);
}
console.log(`\nmarks: ${marks.map((m) => m.label).join(", ")}; long tasks over ${min} ms: ${tasks.length}`);
