/**
 * Sparse vectors as two parallel typed arrays sorted by term id: compact, and two of them meet
 * in one linear merge.
 *
 * @module
 */

/** A sparse vector: `t` ascending term ids, `w` the weights. */
export interface SparseVec {
  t: Int32Array;
  w: Float32Array;
}

/** The empty vector. */
export const EMPTY_VEC: SparseVec = { t: new Int32Array(0), w: new Float32Array(0) };

/** Builds a sorted sparse vector from a term → weight map. */
export function fromMap(map: Map<number, number>): SparseVec {
  // A typed array sorts numerically and natively (no comparator calls).
  const t = new Int32Array(map.size);
  let i = 0;
  for (const k of map.keys()) t[i++] = k;
  t.sort();
  const w = new Float32Array(t.length);
  for (let j = 0; j < t.length; j++) w[j] = map.get(t[j] as number) ?? 0;
  return { t, w };
}

/** Dot product of two sorted sparse vectors. */
export function dot(a: SparseVec, b: SparseVec): number {
  let i = 0;
  let j = 0;
  let s = 0;
  const at = a.t;
  const bt = b.t;
  while (i < at.length && j < bt.length) {
    const x = at[i] as number;
    const y = bt[j] as number;
    if (x === y) {
      s += (a.w[i] as number) * (b.w[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

/** Euclidean norm. */
export function norm(v: SparseVec): number {
  let s = 0;
  for (let i = 0; i < v.w.length; i++) s += (v.w[i] as number) ** 2;
  return Math.sqrt(s);
}

/** A copy scaled to unit length (the zero vector stays zero). */
export function normalized(v: SparseVec): SparseVec {
  const n = norm(v);
  const w = new Float32Array(v.w.length);
  if (n > 0) for (let i = 0; i < w.length; i++) w[i] = (v.w[i] as number) / n;
  return { t: v.t, w };
}

/** Sum of several vectors with coefficients. */
export function combine(parts: Array<{ v: SparseVec; c: number }>): SparseVec {
  const m = new Map<number, number>();
  for (const { v, c } of parts)
    for (let i = 0; i < v.t.length; i++) {
      const k = v.t[i] as number;
      m.set(k, (m.get(k) ?? 0) + c * (v.w[i] as number));
    }
  return fromMap(m);
}

/** Keeps the `k` largest-weight entries (still sorted by term id). */
export function truncateTop(v: SparseVec, k: number): SparseVec {
  if (v.t.length <= k) return v;
  const order = [...v.w.keys()].sort((a, b) => (v.w[b] as number) - (v.w[a] as number)).slice(0, k);
  order.sort((a, b) => (v.t[a] as number) - (v.t[b] as number));
  return {
    t: Int32Array.from(order, (i) => v.t[i] as number),
    w: Float32Array.from(order, (i) => v.w[i] as number),
  };
}
