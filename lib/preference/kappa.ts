/**
 * Chance-corrected agreement between raters: Cohen's kappa for two raters on the same items
 * (Cohen 1960) and Fleiss' kappa for a fixed number of raters per item (Fleiss 1971). Both are
 * (observed agreement − chance agreement) / (1 − chance agreement). Computed from integer counts,
 * so the only rounding is the final division; the same numbers as sklearn
 * `cohen_kappa_score(a, b)` and statsmodels `fleiss_kappa(table, method="fleiss")`.
 */

/**
 * Cohen's kappa of two label sequences over the same items (a[i], b[i] the two raters' labels
 * of item i): κ = (p_o − p_e) / (1 − p_e), p_o the share of items with equal labels, p_e =
 * Σ_c (share of a's labels that are c)(share of b's that are c). NaN when p_e = 1 (both raters
 * gave every item one and the same label), as sklearn returns.
 */
export function cohenKappa(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new RangeError(`b: expected ${a.length} labels as a has, got ${b.length}`);
  if (a.length === 0) throw new RangeError("a: expected at least one item");
  const n = a.length;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  let agree = 0;
  for (let i = 0; i < n; i++) {
    countA.set(a[i]!, (countA.get(a[i]!) ?? 0) + 1);
    countB.set(b[i]!, (countB.get(b[i]!) ?? 0) + 1);
    if (a[i] === b[i]) agree++;
  }
  let chance = 0; // n² p_e
  for (const [label, ca] of countA) chance += ca * (countB.get(label) ?? 0);
  // (p_o − p_e) / (1 − p_e) with both multiplied by n²: exact integers up to the division.
  return chance === n * n ? NaN : (n * agree - chance) / (n * n - chance);
}

/**
 * Fleiss' kappa of `table` (rows = items, columns = categories, table[i][j] = raters who put
 * item i in category j; every row sums to the same n >= 2). With N items and T = N n ratings:
 *   P̄ = (Σ_ij t_ij² − T) / (T (n − 1)),  P̄_e = Σ_j (c_j / T)², c_j the column totals,
 *   κ = (P̄ − P̄_e) / (1 − P̄_e).
 * NaN when P̄_e = 1 (every rating in one category), as statsmodels returns.
 */
export function fleissKappa(table: readonly (readonly number[])[]): number {
  if (table.length === 0) throw new RangeError("table: expected at least one item (row)");
  const cats = table[0]!.length;
  const n = table[0]!.reduce((s, x) => s + x, 0);
  const columns = new Array<number>(cats).fill(0);
  let squares = 0;
  table.forEach((row, i) => {
    if (row.length !== cats) throw new RangeError(`table[${i}]: expected ${cats} categories, got ${row.length}`);
    if (!row.every((x) => Number.isInteger(x) && x >= 0)) throw new RangeError(`table[${i}]: expected non-negative integer counts, got [${row.join(", ")}]`);
    const sum = row.reduce((s, x) => s + x, 0);
    if (sum !== n) throw new RangeError(`table[${i}]: expected ${n} ratings as table[0] has (Fleiss' kappa needs equal raters per item), got ${sum}`);
    row.forEach((x, j) => {
      columns[j]! += x;
      squares += x * x;
    });
  });
  if (n < 2) throw new RangeError(`table: expected at least 2 ratings per item, got ${n}`);
  const total = table.length * n;
  const chance = columns.reduce((s, c) => s + c * c, 0); // T² P̄_e
  if (chance === total * total) return NaN;
  // Both terms multiplied by T² (n − 1): integers up to the division.
  return (total * (squares - total) - (n - 1) * chance) / ((n - 1) * (total * total - chance));
}

export interface Rating {
  item: string;
  rater: string;
  label: string;
}

export interface RatingsTable {
  /** Rows in order of each item's first rating; columns in `categories` order. */
  table: number[][];
  /** The items of the rows. */
  items: string[];
  /** Items used (rows), and items left out for having fewer than `ratersPerItem` raters. */
  used: number;
  skipped: number;
  /** Repeat ratings of an item by the same rater, ignored (the first one counts). */
  duplicates: number;
}

/**
 * The Fleiss table of `ratings`: items with at least `ratersPerItem` distinct raters, each
 * counted by its first `ratersPerItem` raters in the given order. A label outside `categories`
 * is an error (a silent drop would change n for that item).
 */
export function ratingsTable(ratings: readonly Rating[], categories: readonly string[], ratersPerItem: number): RatingsTable {
  if (!Number.isInteger(ratersPerItem) || ratersPerItem < 2) throw new RangeError(`ratersPerItem: expected an integer >= 2, got ${ratersPerItem}`);
  const column = new Map(categories.map((c, j) => [c, j]));
  const byItem = new Map<string, Map<string, string>>(); // item -> rater -> label, in insertion order
  let duplicates = 0;
  ratings.forEach(({ item, rater, label }, i) => {
    if (!column.has(label)) throw new RangeError(`ratings[${i}].label: expected one of ${categories.join(", ")}, got "${label}"`);
    const raters = byItem.get(item) ?? byItem.set(item, new Map()).get(item)!;
    if (raters.has(rater)) duplicates++;
    else raters.set(rater, label);
  });
  const table: number[][] = [];
  const items: string[] = [];
  for (const [item, raters] of byItem) {
    if (raters.size < ratersPerItem) continue;
    const row = new Array<number>(categories.length).fill(0);
    for (const label of [...raters.values()].slice(0, ratersPerItem)) row[column.get(label)!]!++;
    table.push(row);
    items.push(item);
  }
  return { table, items, used: items.length, skipped: byItem.size - items.length, duplicates };
}
