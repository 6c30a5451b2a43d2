/** Small statistics for the scale report. */

/** Nearest-rank percentile (p in [0, 100]) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * Mean recall@k of `got` against `exact`: per need |got ∩ exact| / |exact|, averaged over the
 * needs the system answered (a system stopped by its query budget answers a prefix) whose exact
 * list is not empty (nothing to find there).
 */
export function meanRecall(got: Record<string, string[]>, exact: Record<string, string[]>): number {
  let sum = 0;
  let n = 0;
  for (const [id, ref] of Object.entries(exact)) {
    if (ref.length === 0 || !(id in got)) continue;
    const mine = new Set(got[id] ?? []);
    let hit = 0;
    for (const x of ref) if (mine.has(x)) hit++;
    sum += hit / ref.length;
    n++;
  }
  return n === 0 ? Number.NaN : sum / n;
}
