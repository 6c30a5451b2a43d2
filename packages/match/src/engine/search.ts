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
import type { ConceptVec } from './concepts.ts';
import { findConflicts } from '../coi/coi.ts';
import { passesFilter, structuredParts } from './structured.ts';
import { coverageOfAgg } from './coverage.ts';
import { likelihoodOfAgg, queryModels } from './likelihood.ts';

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
  /** Score regularisation over the k nearest entities (exhaustive corpora only; 0 disables, `src/transduce`). */
  neighbourK: number;
  neighbourWeight: number;
  /** Weight of the concept cosine in the neighbour graph's similarity (0: text only). */
  neighbourConcept: number;
  /** Steps of the score regularisation (1: the neighbours' first-pass scores; more: their regularised ones). */
  neighbourSteps: number;
  /** Share of coverage (`coverage.ts`) in the facet part of multi-document queries (0 disables). */
  coverageShare: number;
  /** Share of the query likelihood (`likelihood.ts`) in the facet part of multi-document queries. */
  likelihoodShare: number;
  /** Dirichlet prior μ of the query likelihood, in mean unit lengths of the corpus. */
  dirichletLengths: number;
  /**
   * Share of the lexical and semantic weights (cosines of the aggregated text) kept for queries of
   * several documents; the rest moves to the facet (only when the facet reads the body of work:
   * coverage or likelihood share > 0).
   */
  bodyAggShare: number;
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
  /** Weighted length of each unit, terms outside the vocabulary included. */
  unitLen: number[];
  unitVecs: SparseVec[];
  unitSem: (Float32Array | undefined)[];
  aggVec: SparseVec;
  aggSem: Float32Array | undefined;
  /** Concept vector (`src/engine/concepts.ts`); undefined when the text names no concept. */
  concept: ConceptVec | undefined;
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
  const { units, raw } = core.analyze(q, false);
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
  // No concept vector when the lexicon does not describe the corpus (`ConceptLayer.trust` 0).
  const cv =
    core.concepts && core.concepts.trust > 0 ? core.concepts.queryVec(core, raw, q.title) : undefined;
  return {
    units,
    unitLen: raw.map((r) => r.length),
    unitVecs,
    unitSem,
    aggVec,
    aggSem,
    concept: cv && cv.c.length > 0 ? cv : undefined,
  };
}

// The lexical candidate step (postings, pruning, exact re-scoring) lives in src/index/candidates.ts.
export { COMMON_TERM_SHARE } from '../index/candidates.ts';

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
  const semAgg = pq.aggSem && dim ? core.semDot(pq.aggSem, rec.idx) : 0;
  const share = core.model ? cfg.lexicalShare : 1;
  const multi = rec.units.length > 1 || pq.unitVecs.length > 1;
  if (!multi) {
    return { lexical: lexAgg, semantic: semAgg, facet: share * lexAgg + (1 - share) * semAgg, bestUnit: 0 };
  }
  const entityVecs = rec.unitVecs ?? rec.units.map((u) => core.tfidf(u));
  const entitySem: (Float32Array | undefined)[] =
    rec.unitSem ?? (dim ? [core.semVec(rec.idx) as Float32Array] : []);
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
  let facet = topKMean(perQuery, cfg.queryTopK);
  const body = bodyFacet(core, cfg, pq, rec.agg);
  if (body) facet = (1 - body.share) * facet + body.share * body.value;
  return { lexical: lexAgg, semantic: semAgg, facet, bestUnit };
}

/**
 * The part of a multi-document query's facet that reads the candidate as one text: coverage
 * (`coverage.ts`) and query likelihood (`likelihood.ts`), mixed by their shares. `share` is their
 * sum (the rest of the facet stays the per-document cosine); undefined for single-unit queries or
 * when both shares are 0. Needs only the candidate's aggregated raw vector (large-corpus re-check).
 */
export function bodyFacet(
  core: IndexCore,
  cfg: ScoringConfig,
  pq: PreparedQuery,
  agg: SparseVec,
): { share: number; value: number } | undefined {
  if (pq.units.length < 2) return undefined;
  const share = cfg.coverageShare + cfg.likelihoodShare;
  if (share <= 0) return undefined;
  let value = 0;
  if (cfg.coverageShare > 0) value += cfg.coverageShare * (coverageOfAgg(core, pq, agg) ?? 0);
  if (cfg.likelihoodShare > 0) {
    const m = queryModels(core, pq, cfg.queryTopK, cfg.dirichletLengths);
    value += cfg.likelihoodShare * (m ? likelihoodOfAgg(m, agg) : 0);
  }
  return { share, value: value / share };
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
