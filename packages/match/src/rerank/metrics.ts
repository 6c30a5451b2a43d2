/**
 * Measures for exposure fairness and ranking quality used by the exposure simulation.
 *
 * @module
 */

/**
 * Gini coefficient of a non-negative distribution: 0 when everyone gets the same, → 1 when
 * one gets everything. Entities with zero exposure must be included (they are the point).
 *
 * @example
 * gini([1, 1, 1, 1]); // 0
 * gini([0, 0, 0, 4]); // 0.75
 */
export function gini(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.max(0, sorted[i]!);
    total += v;
    weighted += (2 * (i + 1) - n - 1) * v;
  }
  return total === 0 ? 0 : weighted / (n * total);
}

/** DCG@k with linear gains (the relevance values themselves) and log2(rank + 1) discounts. */
export function dcgAt(gains: readonly number[], k: number): number {
  let dcg = 0;
  const n = Math.min(k, gains.length);
  for (let i = 0; i < n; i++) dcg += Math.max(0, gains[i]!) / Math.log2(i + 2);
  return dcg;
}

/** nDCG@k of a ranked list of gains against the ideal (gains sorted descending). */
export function ndcgAt(gains: readonly number[], ideal: readonly number[], k: number): number {
  const best = dcgAt(
    [...ideal].sort((a, b) => b - a),
    k,
  );
  return best === 0 ? 1 : dcgAt(gains, k) / best;
}
