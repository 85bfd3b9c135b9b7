/**
 * The TypeScript side of scripts/check-preference-stats.py: reads a JSON batch of cases on
 * stdin, answers with lib/preference's results on stdout (NaN as null). Not for direct use.
 * Usage: /usr/bin/python3 scripts/check-preference-stats.py [--cases N] [--seed S]
 */
import { readFileSync } from "node:fs";
import { bradleyTerry, cohenKappa, fitPairwiseLogistic, fleissKappa, normalQuantile, wilsonInterval } from "@/lib/preference";

interface Cases {
  ppf: number[];
  wilson: [number, number, number][];
  bt: { items: number; ridge: number; outcomes: [number, number, number][] }[];
  cohen: { a: string[]; b: string[] }[];
  fleiss: number[][][];
  pairwise: { ridge: number; rows: [number[], 0 | 1, number][] }[];
}

const cases = JSON.parse(readFileSync(0, "utf8")) as Cases;
const answer = {
  ppf: cases.ppf.map(normalQuantile),
  wilson: cases.wilson.map(([count, n, level]) => wilsonInterval(count, n, level)),
  bt: cases.bt.map(({ items, ridge, outcomes }) => {
    const fit = bradleyTerry(outcomes.map(([winner, loser, weight]) => ({ winner, loser, weight })), { items, ridge });
    return fit.estimable ? { estimable: true, strengths: fit.strengths, logLikelihood: fit.logLikelihood } : { estimable: false, reason: fit.reason };
  }),
  cohen: cases.cohen.map(({ a, b }) => cohenKappa(a, b)),
  fleiss: cases.fleiss.map(fleissKappa),
  pairwise: cases.pairwise.map(({ ridge, rows }) => fitPairwiseLogistic(rows.map(([diff, y, weight], i) => ({ diff, y, weight, group: `${i}` })), { ridge })),
};
process.stdout.write(JSON.stringify(answer));
