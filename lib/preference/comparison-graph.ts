/**
 * When the Bradley-Terry maximum-likelihood estimate exists. Zermelo (1929) and Ford (1957):
 * the likelihood has a finite maximiser iff for every split of the items into two non-empty
 * groups, some item of each group beat some item of the other, i.e. the directed graph with an
 * edge i -> j when i beat j (positive weight) is strongly connected. Otherwise the log-likelihood
 * keeps rising as one group's strengths move away from the rest, and a fit diverges.
 */

/** Why the MLE does not exist, from the most specific cause to the general one. */
export type NotEstimableReason = "disconnected" | "never_wins" | "never_loses" | "separated";

export interface NotEstimable {
  reason: NotEstimableReason;
  /** The items concerned: off item 0's component, never winning, never losing, or the group that never lost to the rest. */
  items: number[];
  message: string;
}

/**
 * Null when the MLE exists for `wins` (k x k, wins[i][j] = total weight of i beating j), else
 * the cause: the comparison graph (pairs met at least once) is not connected; an item never won
 * or never lost; or a group of items beat the others they met and never lost to them.
 */
export function whyNotEstimable(wins: readonly (readonly number[])[]): NotEstimable | null {
  const k = wins.length;
  const beat = (i: number, j: number) => (wins[i]![j] as number) > 0;
  // 1. Undirected components: item 0's, by a depth-first walk over pairs that met.
  const seen = new Array<boolean>(k).fill(false);
  const stack = [0];
  seen[0] = true;
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (let j = 0; j < k; j++) {
      if (!seen[j] && (beat(i, j) || beat(j, i))) {
        seen[j] = true;
        stack.push(j);
      }
    }
  }
  const off = range(k).filter((i) => !seen[i]);
  if (off.length > 0) return { reason: "disconnected", items: off, message: `items ${off.join(", ")} are not linked to item 0 by any chain of comparisons, so their strengths relative to it are undetermined` };
  // 2. and 3. An item with no win (no loss) has an estimate of -Infinity (+Infinity).
  const noWin = range(k).filter((i) => range(k).every((j) => !beat(i, j)));
  if (noWin.length > 0) return { reason: "never_wins", items: noWin, message: `items ${noWin.join(", ")} never won a comparison, so their strengths diverge to -Infinity` };
  const noLoss = range(k).filter((i) => range(k).every((j) => !beat(j, i)));
  if (noLoss.length > 0) return { reason: "never_loses", items: noLoss, message: `items ${noLoss.join(", ")} never lost a comparison, so their strengths diverge to +Infinity` };
  // 4. Strong connectivity: reach[i][j] when a chain of wins leads from i to j (transitive closure).
  const reach = wins.map((row, i) => row.map((w, j) => i === j || w > 0));
  for (let m = 0; m < k; m++)
    for (let i = 0; i < k; i++) if (reach[i]![m]) for (let j = 0; j < k; j++) if (reach[m]![j]) reach[i]![j] = true;
  if (range(k).every((j) => reach[0]![j] && reach[j]![0])) return null;
  // A source component of the condensation: items whose only losses are to each other.
  for (let v = 0; v < k; v++) {
    const group = range(k).filter((u) => reach[v]![u] && reach[u]![v]);
    if (range(k).every((u) => group.includes(u) || !reach[u]![v]))
      return { reason: "separated", items: group, message: `items ${group.join(", ")} never lost to any of the other items they met, so the gap between the two groups diverges` };
  }
  throw new Error("unreachable: a directed graph that is not strongly connected has a source component");
}

function range(k: number): number[] {
  return Array.from({ length: k }, (_, i) => i);
}
