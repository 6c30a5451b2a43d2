/**
 * Coverage: how much of a candidate's content the query's documents know about. When the query
 * is a body of work (an expert known by their papers) and the candidate one text (a paper to
 * review), expertise is "have I written about what this paper is about?": the share of the
 * candidate's TF-IDF mass (squared L2-normalised weights, so the shares sum to 1) on terms the
 * query's documents use, each term counted by how many of them use it, saturating as n / (n + 1)
 * (one paper on a term is half the evidence, three are three quarters).
 *
 * Unlike a cosine, it is asymmetric: a term the expert used in twenty papers counts no more than
 * the candidate's own emphasis on it, and terms the expert uses but the paper does not cost
 * nothing — breadth of the expert's work is not a penalty. Defined only for queries of two or
 * more units (documents); single-text queries keep their score unchanged.
 *
 * Measured on expert-match-en in an in-process feature test (29 researchers; per-paper cosine
 * averaged over the expert's best 3 papers vs coverage): pairwise loss 0.245 → 0.229 with phrase
 * terms, 0.250 → 0.241 without; better in all 8 tokenisation variants tried (light / Porter
 * stemmer, phrases on / off, title weight 1 / 2), and every saturation tried (n/(n+1), n/(n+2),
 * ln(1+n), min(1, n/3)) scored 0.220–0.229. In the engine (`npm run bench:quality` scoring,
 * in process) the facet part of a multi-document query is the coverage alone (`coverageShare` 1):
 * expert-match-en 0.262 → 0.239 with phrase terms (easy 0.784 → 0.820, hard 0.635 → 0.649; share
 * 0.5: 0.250), 0.264 → 0.249 without. Against the engine before phrases and coverage (0.264):
 * 18 researchers better, 9 worse, bootstrap over researchers P(better) 0.96. The other tasks'
 * queries are single texts: unchanged.
 *
 * @module
 */
import type { SparseVec } from '../index/sparse.ts';
import type { EntityRecord, IndexCore } from './core.ts';

/** Anything holding a query's analysed units (raw term frequencies). */
export interface UnitsBearer {
  units: SparseVec[];
}

const counts = new WeakMap<UnitsBearer, Map<number, number> | null>();

/** Term id → number of the query's units using it; undefined for queries of fewer than 2 units. */
export function unitTermCounts(q: UnitsBearer): Map<number, number> | undefined {
  let m = counts.get(q);
  if (m === undefined) {
    if (q.units.length < 2) m = null;
    else {
      m = new Map();
      for (const u of q.units)
        for (let i = 0; i < u.t.length; i++) {
          const t = u.t[i] as number;
          if ((u.w[i] as number) > 0) m.set(t, (m.get(t) ?? 0) + 1);
        }
    }
    counts.set(q, m);
  }
  return m ?? undefined;
}

/** Coverage in [0, 1) of a candidate by a multi-document query; undefined when not defined. */
export function coverage(core: IndexCore, q: UnitsBearer, rec: EntityRecord): number | undefined {
  return coverageOfAgg(core, q, rec.agg);
}

/** `coverage` from an entity's aggregated raw vector (no record needed: large-corpus re-check). */
export function coverageOfAgg(core: IndexCore, q: UnitsBearer, agg: SparseVec): number | undefined {
  const n = unitTermCounts(q);
  if (!n) return undefined;
  const v = core.tfidf(agg);
  let s = 0;
  for (let i = 0; i < v.t.length; i++) {
    const c = n.get(v.t[i] as number);
    if (c) {
      const w = v.w[i] as number;
      s += (w * w * c) / (c + 1);
    }
  }
  return s;
}
