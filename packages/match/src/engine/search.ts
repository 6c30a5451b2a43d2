/**
 * Query evaluation. Three passes:
 * 1. lexical: term-at-a-time accumulation over the postings of the query's terms gives the
 *    TF-IDF cosine of the query's aggregated text with every entity sharing a term;
 * 2. re-scoring of the best candidates (all entities on small corpora) with the semantic cosine
 *    and the per-document (facet) similarity: an expert is as good as their best-matching
 *    papers, a discipline as its nearest exemplars;
 * 3. pseudo-relevance feedback: the top few results' vectors are added to the query and the
 *    candidates are scored again, which pulls in documents that share the topic but not the words.
 *
 * @module
 */
import { dot, type SparseVec } from '../index/sparse.ts';
import { denseDot, normalizeDense } from '../semantic/lsa.ts';
import type { FusionWeights, MatchEntity, MatchQuery } from '../types.ts';
import type { EntityRecord, IndexCore } from './core.ts';
import { findConflicts } from '../coi/coi.ts';
import { passesFilter, structuredParts } from './structured.ts';

/** Scoring tunables (defaults chosen on the development benchmarks, see README). */
export interface ScoringConfig {
  weights: FusionWeights;
  /** Share of the lexical cosine in a text similarity; the rest is the semantic cosine. */
  lexicalShare: number;
  /** Top-k mean over an entity's documents for each query document. */
  entityTopK: number;
  /** Top-k mean over the query's documents. */
  queryTopK: number;
  /** Candidates re-scored after the lexical pass (all entities when the corpus is at most `exhaustiveBelow`). */
  candidates: number;
  exhaustiveBelow: number;
  /** Pseudo-relevance feedback: results used and their weight (0 disables). */
  prfDocs: number;
  prfWeight: number;
}

/** A scored candidate before explanation. */
export interface Scored {
  rec: EntityRecord;
  score: number;
  parts: Record<string, number>;
  reasons: ReturnType<typeof structuredParts>['reasons'];
  bestUnit: number;
}

/** Analysed query. */
export interface PreparedQuery {
  units: SparseVec[];
  unitVecs: SparseVec[];
  unitSem: (Float32Array | undefined)[];
  aggVec: SparseVec;
  aggSem: Float32Array | undefined;
}

function topKMean(values: number[], k: number): number {
  if (values.length === 0) return 0;
  if (values.length <= k) {
    if (k === 1) return Math.max(...values);
    values.sort((a, b) => b - a);
  } else values.sort((a, b) => b - a);
  const n = Math.min(k, values.length);
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i] as number;
  return s / n;
}

/** Analyses a query against the index vocabulary. */
export function prepareQuery(core: IndexCore, q: MatchQuery): PreparedQuery {
  const { units } = core.analyze(q, false);
  const unitVecs = units.map((u) => core.tfidf(u));
  const aggMap = new Map<number, number>();
  for (const u of units)
    for (let i = 0; i < u.t.length; i++)
      aggMap.set(u.t[i] as number, (aggMap.get(u.t[i] as number) ?? 0) + (u.w[i] as number));
  const ids = [...aggMap.keys()].sort((a, b) => a - b);
  const aggRaw = { t: new Int32Array(ids), w: Float32Array.from(ids, (t) => aggMap.get(t) ?? 0) };
  const aggVec = core.tfidf(aggRaw);
  const unitSem = unitVecs.map((_, i) => core.embedQuery(units[i] as SparseVec));
  let aggSem: Float32Array | undefined;
  if (core.model) {
    aggSem = new Float32Array(core.model.dim);
    for (const v of unitSem)
      if (v) for (let k = 0; k < v.length; k++) aggSem[k] = (aggSem[k] as number) + (v[k] as number);
    normalizeDense(aggSem);
  }
  return { units, unitVecs, unitSem, aggVec, aggSem };
}

/**
 * Postings longer than this share of the corpus are "common" on large corpora: they only add to
 * entities already found through rarer terms (the quit/continue strategy of Moffat & Zobel), looked
 * up by binary search in the id-sorted postings instead of scanning them.
 */
export const COMMON_TERM_SHARE = 0.02;

/** Lexical cosine of the query aggregate with every entity sharing a term: idx → score. */
export function lexicalPass(
  core: IndexCore,
  aggVec: SparseVec,
  continueAbove = Number.POSITIVE_INFINITY,
): { acc: Float32Array; touched: Int32Array; n: number } {
  const size = core.records.length;
  const acc = new Float32Array(size);
  const seen = new Uint8Array(size);
  let touched = new Int32Array(1024);
  let n = 0;
  // Rare terms first, so that common ones can run in continue mode.
  const order = [...aggVec.t.keys()].sort(
    (a, b) => (core.pLen[aggVec.t[a] as number] ?? 0) - (core.pLen[aggVec.t[b] as number] ?? 0),
  );
  for (const i of order) {
    const t = aggVec.t[i] as number;
    const len = core.pLen[t] ?? 0;
    if (len === 0) continue;
    const qw = (aggVec.w[i] as number) * core.idf(t);
    const docs = core.pDocs[t] as Int32Array;
    const ws = core.pW[t] as Float32Array;
    if (len > continueAbove && n > 0) {
      if (n * Math.log2(len) < len) {
        for (let k = 0; k < n; k++) {
          const d = touched[k] as number;
          let lo = 0;
          let hi = len - 1;
          while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const x = docs[mid] as number;
            if (x === d) {
              acc[d] = (acc[d] as number) + qw * (ws[mid] as number);
              break;
            }
            if (x < d) lo = mid + 1;
            else hi = mid - 1;
          }
        }
      } else {
        for (let j = 0; j < len; j++) {
          const d = docs[j] as number;
          if (seen[d] === 1) acc[d] = (acc[d] as number) + qw * (ws[j] as number);
        }
      }
      continue;
    }
    for (let j = 0; j < len; j++) {
      const d = docs[j] as number;
      acc[d] = (acc[d] as number) + qw * (ws[j] as number);
      if (seen[d] === 0) {
        seen[d] = 1;
        if (n === touched.length) {
          const b = new Int32Array(n * 2);
          b.set(touched);
          touched = b;
        }
        touched[n++] = d;
      }
    }
  }
  for (let j = 0; j < n; j++) {
    const d = touched[j] as number;
    acc[d] = (acc[d] as number) / (core.docNorm[d] as number);
  }
  return { acc, touched, n };
}

/** Whether the entity may appear for this query (kinds, filter, exclusions). */
export function admissible(q: MatchQuery, e: MatchEntity, exclude: ReadonlySet<string>): boolean {
  if (exclude.has(e.id)) return false;
  if (q.kinds?.length && !q.kinds.includes(e.kind ?? '')) return false;
  if (!passesFilter(e, q.filter)) return false;
  // Conflict of interest is a hard filter: same organisation, declared relations either way.
  return !q.requester || findConflicts(q.requester, e).length === 0;
}

/** Text similarity of the query with a candidate: aggregate and per-document parts. */
export function textParts(
  core: IndexCore,
  cfg: ScoringConfig,
  pq: PreparedQuery,
  rec: EntityRecord,
  lexAgg: number,
): { lexical: number; semantic: number; facet: number; bestUnit: number } {
  const dim = core.model?.dim ?? 0;
  const semAgg = pq.aggSem && dim ? denseDot(pq.aggSem, core.sem, rec.idx * dim) : 0;
  const share = core.model ? cfg.lexicalShare : 1;
  const multi = rec.units.length > 1 || pq.unitVecs.length > 1;
  if (!multi) {
    return { lexical: lexAgg, semantic: semAgg, facet: share * lexAgg + (1 - share) * semAgg, bestUnit: 0 };
  }
  const entityVecs = rec.unitVecs ?? rec.units.map((u) => core.tfidf(u));
  const entitySem: (Float32Array | undefined)[] =
    rec.unitSem ?? (dim ? [core.sem.subarray(rec.idx * dim, (rec.idx + 1) * dim)] : []);
  const perQuery: number[] = [];
  const bestCount = new Int32Array(entityVecs.length);
  pq.unitVecs.forEach((qv, qi) => {
    const qs = pq.unitSem[qi];
    const sims: number[] = [];
    let best = -1;
    let bestJ = 0;
    entityVecs.forEach((ev, j) => {
      const es = entitySem[j];
      const s = share * dot(qv, ev) + (1 - share) * (qs && es ? denseDot(qs, es) : 0);
      sims.push(s);
      if (s > best) {
        best = s;
        bestJ = j;
      }
    });
    bestCount[bestJ] = (bestCount[bestJ] as number) + 1;
    perQuery.push(topKMean(sims, cfg.entityTopK));
  });
  let bestUnit = 0;
  for (let j = 1; j < bestCount.length; j++)
    if ((bestCount[j] as number) > (bestCount[bestUnit] as number)) bestUnit = j;
  return { lexical: lexAgg, semantic: semAgg, facet: topKMean(perQuery, cfg.queryTopK), bestUnit };
}

/** Fused score: the weighted sum of the parts present. */
export function fuse(parts: Record<string, number>, w: FusionWeights): number {
  let s = 0;
  for (const k of Object.keys(w) as (keyof FusionWeights)[]) {
    const v = parts[k];
    if (v !== undefined) s += w[k] * v;
  }
  return s;
}
