/**
 * The lexical candidate step over the compact postings of `IndexCore`.
 *
 * `accumulate` adds, term at a time, each query term's weight × the entity's log-tf impact for
 * every admissible entity in the term's postings (the filter is a typed-array check per posting,
 * so filtered-out entities never enter the accumulator), rarest terms first. In pruned mode a
 * term whose postings exceed `commonAbove` is skipped once rarer terms have found candidates
 * (Moffat & Zobel's "quit"), but only once `enough` admissible candidates were found: such terms have low IDF and cannot lift an entity found by nothing
 * else above one that shares a rare term. The few hundred best candidates by the partial score
 * then get their exact lexical cosine from the forward index (`exactLexical`: a merge of the
 * query's and the entity's sorted term ids), so pruning only decides who is a candidate, never a
 * candidate's score. Exhaustive mode visits every posting.
 *
 * Scratch arrays live on the core and are reset after each query (`release`).
 *
 * @module
 */
import type { IndexCore } from '../engine/core.ts';
import { IMPACT_SCALE, ltf } from '../engine/core.ts';
import type { SparseVec } from './sparse.ts';

/** Postings longer than this share of the corpus (and ≥ 1,000) are "common" in pruned mode. */
export const COMMON_TERM_SHARE = 0.02;

/** Accumulated lexical scores: `acc[idx]` for the `n` entities in `touched`. */
export interface Accumulated {
  acc: Float32Array;
  touched: Int32Array;
  n: number;
  /** Whether some query terms were skipped (scores in `acc` are then partial). */
  pruned: boolean;
}

/** A posting list this many times longer than the admissible list is searched, not walked. */
export const GALLOP_FACTOR = 8;

/**
 * Accumulates the lexical cosine (divided by each entity's norm at the end) of the query's
 * aggregated TF-IDF vector with every admissible entity sharing one of its (non-skipped) terms.
 *
 * `adm`, when given, is the ascending list of exactly the entities `ok` accepts (a selective
 * filter, `filter-lists.ts`): they are marked admissible up front, so `ok` is never called, and
 * a posting list much longer than `adm` is not walked — each admissible entity is looked up in it
 * by exponential search. Both ways visit the same (entity, posting) pairs in the same order, so
 * the result is identical to the walk with `ok`.
 */
export function accumulate(
  core: IndexCore,
  aggVec: SparseVec,
  ok: (idx: number) => boolean,
  commonAbove = Number.POSITIVE_INFINITY,
  enough = 1,
  adm?: Int32Array,
): Accumulated {
  const size = core.size;
  if (core.scratchAcc.length < size) {
    core.scratchAcc = new Float32Array(Math.ceil(size * 1.25));
    core.scratchSeen = new Uint8Array(core.scratchAcc.length);
  }
  const acc = core.scratchAcc;
  const seen = core.scratchSeen;
  // Growing id lists are kept on the core between queries (no per-query allocation churn).
  let touched = core.scratchTouched;
  let n = 0;
  let pruned = false;
  const order = [...aggVec.t.keys()].sort(
    (a, b) => core.postingCount(aggVec.t[a] as number) - core.postingCount(aggVec.t[b] as number),
  );
  const pOff = core.pOff;
  const pDoc = core.pDoc;
  const pImp = core.pImp;
  const impScale = pImp instanceof Uint16Array ? 1 / IMPACT_SCALE : 1;
  // seen: 0 unseen, 1 admissible (in `touched`), 2 rejected by the filter (tested once; the ids
  // are kept to reset the scratch array).
  let rejected = core.scratchRejected;
  let nr = 0;
  // Into `touched`: a doc that passed the filter, or seen 3 (admissible, in `adm`, not yet touched).
  const admit = (doc: number, x: number): void => {
    seen[doc] = 1;
    if (n === touched.length) {
      const b = new Int32Array(n * 2);
      b.set(touched);
      touched = b;
      core.scratchTouched = b;
    }
    touched[n++] = doc;
    acc[doc] = x;
  };
  // First sight of `doc` without the admissible list: admitted or rejected by the filter.
  const admitNew = (doc: number, x: number): void => {
    if (ok(doc)) {
      admit(doc, x);
      return;
    }
    seen[doc] = 2;
    if (nr === rejected.length) {
      const b = new Int32Array(nr * 2);
      b.set(rejected);
      rejected = b;
      core.scratchRejected = b;
    }
    rejected[nr++] = doc;
  };
  if (adm) for (let j = 0; j < adm.length; j++) seen[adm[j] as number] = 3;
  const gallopAbove = adm ? adm.length * GALLOP_FACTOR : Infinity;
  for (const i of order) {
    const t = aggVec.t[i] as number;
    const len = core.postingCount(t);
    if (len === 0) continue;
    if (len > commonAbove && n >= enough) {
      pruned = true;
      continue;
    }
    const qw = (aggVec.w[i] as number) * core.idf(t);
    const qwBase = qw * impScale;
    const base = t + 1 < pOff.length;
    const d = core.delta.get(t);
    const from = base ? (pOff[t] as number) : 0;
    const to = base ? (pOff[t + 1] as number) : 0;
    if (adm) {
      if (to - from > gallopAbove) {
        // Each admissible entity (ascending) looked up in the ascending postings.
        let p = from;
        for (let j = 0; j < adm.length && p < to; j++) {
          const doc = adm[j] as number;
          if ((pDoc[p] as number) < doc) {
            let step = 1;
            let hi = p + 1;
            while (hi < to && (pDoc[hi] as number) < doc) {
              p = hi;
              step *= 2;
              hi = p + step;
            }
            // pDoc[p] < doc ≤ pDoc[hi] (or hi past the end): the first position ≥ doc is in (p, hi].
            let lo = p + 1;
            let h = Math.min(hi, to);
            while (lo < h) {
              const m = (lo + h) >>> 1;
              if ((pDoc[m] as number) < doc) lo = m + 1;
              else h = m;
            }
            p = lo;
            if (p >= to) break;
          }
          if (pDoc[p] === doc) {
            if (seen[doc] === 1) acc[doc] = (acc[doc] as number) + qwBase * (pImp[p] as number);
            else admit(doc, qwBase * (pImp[p] as number));
            p++;
          }
        }
      } else
        for (let p = from; p < to; p++) {
          const doc = pDoc[p] as number;
          const sv = seen[doc];
          if (sv === 1) acc[doc] = (acc[doc] as number) + qwBase * (pImp[p] as number);
          else if (sv === 3) admit(doc, qwBase * (pImp[p] as number));
        }
      if (d)
        for (let k = 0; k < d.length; k += 2) {
          const doc = d[k] as number;
          const sv = seen[doc];
          if (sv === 1) acc[doc] = (acc[doc] as number) + qw * (d[k + 1] as number);
          else if (sv === 3) admit(doc, qw * (d[k + 1] as number));
        }
      continue;
    }
    // Base postings, then the delta segment; a rejected entity costs one byte read per posting.
    for (let p = from; p < to; p++) {
      const doc = pDoc[p] as number;
      const sv = seen[doc];
      if (sv === 2) continue;
      if (sv === 1) acc[doc] = (acc[doc] as number) + qwBase * (pImp[p] as number);
      else admitNew(doc, qwBase * (pImp[p] as number));
    }
    if (d)
      for (let k = 0; k < d.length; k += 2) {
        const doc = d[k] as number;
        const sv = seen[doc];
        if (sv === 2) continue;
        if (sv === 1) acc[doc] = (acc[doc] as number) + qw * (d[k + 1] as number);
        else admitNew(doc, qw * (d[k + 1] as number));
      }
  }
  for (let j = 0; j < nr; j++) seen[rejected[j] as number] = 0;
  if (adm) for (let j = 0; j < adm.length; j++) if (seen[adm[j] as number] === 3) seen[adm[j] as number] = 0;
  for (let j = 0; j < n; j++) {
    const d = touched[j] as number;
    acc[d] = (acc[d] as number) / (core.docNorm[d] as number);
  }
  return { acc, touched, n, pruned };
}

/** Resets the scratch entries an `accumulate` call used. */
export function release(core: IndexCore, a: Accumulated): void {
  for (let j = 0; j < a.n; j++) {
    const d = a.touched[j] as number;
    core.scratchAcc[d] = 0;
    core.scratchSeen[d] = 0;
  }
}

/** The query's term weights times IDF (for repeated `exactLexical` calls). */
export function queryWeights(core: IndexCore, aggVec: SparseVec): Float64Array {
  return Float64Array.from(aggVec.t, (t, i) => (aggVec.w[i] as number) * core.idf(t));
}

/** Exact lexical cosine of the query's aggregated TF-IDF vector with one entity (forward index). */
export function exactLexical(core: IndexCore, aggVec: SparseVec, idx: number, qw?: Float64Array): number {
  const a = core.eAgg[idx] as number;
  let j = core.uOff[a] as number;
  const end = j + (core.uLen[a] as number);
  const fT = core.fT;
  const qt = aggVec.t;
  let i = 0;
  let s = 0;
  while (i < qt.length && j < end) {
    const x = qt[i] as number;
    const y = fT[j] as number;
    if (x === y) {
      s += (qw ? (qw[i] as number) : (aggVec.w[i] as number) * core.idf(x)) * ltf(core.fW[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s / (core.docNorm[idx] as number);
}

/**
 * Scores many entities against one query vector: the query's weights × IDF are scattered into a
 * term-indexed scratch array once, so each entity costs one pass over its own terms (instead of a
 * merge with a long, e.g. feedback-expanded, query). `score(idx)` equals `exactLexical`; call
 * `done()` afterwards (it zeroes the scratch entries).
 */
export function denseQuery(
  core: IndexCore,
  vec: SparseVec,
): { score: (idx: number) => number; done: () => void } {
  const need = core.vocab.size;
  if (core.scratchQ.length < need) core.scratchQ = new Float64Array(Math.ceil(need * 1.25) + 16);
  const q = core.scratchQ;
  // A 64 Kibit membership bitmap (8 KB, stays in L1) answers "not a query term" for most of an
  // entity's terms without touching the large weight array.
  const bits = new Uint32Array(2048);
  for (let i = 0; i < vec.t.length; i++) {
    const t = vec.t[i] as number;
    q[t] = (vec.w[i] as number) * core.idf(t);
    bits[(t >>> 5) & 2047] = (bits[(t >>> 5) & 2047] as number) | (1 << (t & 31));
  }
  const fT = core.fT;
  const fW = core.fW;
  return {
    score: (idx) => {
      const a = core.eAgg[idx] as number;
      const from = core.uOff[a] as number;
      const end = from + (core.uLen[a] as number);
      let s = 0;
      for (let j = from; j < end; j++) {
        const t = fT[j] as number;
        if (((bits[(t >>> 5) & 2047] as number) & (1 << (t & 31))) === 0) continue;
        const w = q[t] as number;
        if (w !== 0) s += w * ltf(fW[j] as number);
      }
      return s / (core.docNorm[idx] as number);
    },
    done: () => {
      for (let i = 0; i < vec.t.length; i++) q[vec.t[i] as number] = 0;
    },
  };
}

/**
 * The `limit` entries of `pool` (entity ids) with the highest `score(idx)` that `admit` accepts,
 * best first (ties by lower id), via a bounded min-heap: O(n log limit), no full sort.
 */
export function topIdx(
  pool: ArrayLike<number>,
  n: number,
  score: Float32Array | ((idx: number) => number),
  limit: number,
  admit?: (idx: number) => boolean,
): { idx: Int32Array; score: Float32Array } {
  const arr = typeof score === 'function' ? undefined : score;
  const fn = typeof score === 'function' ? score : undefined;
  const hi = new Int32Array(Math.max(0, Math.min(limit, n)));
  const hs = new Float64Array(hi.length);
  let size = 0;
  // min-heap: worst (lowest score, then highest id) at the root
  const worse = (a: number, b: number): boolean =>
    (hs[a] as number) < (hs[b] as number) ||
    ((hs[a] as number) === (hs[b] as number) && (hi[a] as number) > (hi[b] as number));
  const swap = (a: number, b: number): void => {
    const ti = hi[a] as number;
    hi[a] = hi[b] as number;
    hi[b] = ti;
    const ts = hs[a] as number;
    hs[a] = hs[b] as number;
    hs[b] = ts;
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && worse(l, m)) m = l;
      if (r < size && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  if (hi.length > 0)
    for (let k = 0; k < n; k++) {
      const idx = pool[k] as number;
      const s = arr ? (arr[idx] as number) : (fn as (i: number) => number)(idx);
      if (size === hi.length) {
        const ws = hs[0] as number;
        if (s < ws || (s === ws && idx > (hi[0] as number))) continue;
      }
      if (admit && !admit(idx)) continue;
      if (size < hi.length) {
        hi[size] = idx;
        hs[size] = s;
        let i = size++;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (!worse(i, p)) break;
          swap(i, p);
          i = p;
        }
      } else {
        hi[0] = idx;
        hs[0] = s;
        down(0);
      }
    }
  // Pop into best-first order.
  const outI = new Int32Array(size);
  const outS = new Float32Array(size);
  for (let k = size - 1; k >= 0; k--) {
    outI[k] = hi[0] as number;
    outS[k] = hs[0] as number;
    size--;
    if (size > 0) {
      hi[0] = hi[size] as number;
      hs[0] = hs[size] as number;
      down(0);
    }
  }
  return { idx: outI, score: outS };
}
