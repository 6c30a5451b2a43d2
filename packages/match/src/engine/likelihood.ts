/**
 * Query likelihood of a candidate under each of the query's documents (the document model of
 * expert finding, Balog, Azzopardi & de Rijke 2006, turned around: the query is the body of work,
 * the candidate one text). "Could this expert review the paper?" becomes "how well does one of
 * their papers, as a language model, generate this paper, against the corpus as a whole?".
 *
 * Each query document d is a unigram model with Dirichlet smoothing towards the collection model
 * (Zhai & Lafferty 2001): P(t | d) = (tf(t, d) + μ·P(t | C)) / (|d| + μ), with P(t | C) the
 * corpus's term mass share (`collectionModel`). The candidate e is scored per query document by
 * its normalised log-likelihood ratio (the cross entropy of e's own term distribution against d's
 * model, less that against the corpus):
 *
 *   s(e, d) = Σ_t P(t | e) · log(P(t | d) / P(t | C))
 *           = Σ_{t ∈ e ∩ d} P(t | e) · log(1 + tf(t, d) / (μ·P(t | C))) + log(μ / (|d| + μ))
 *
 * (Σ_t P(t | e) = 1), comparable across candidates of different lengths, and the facet is the
 * mean of the best `k` documents' scores (the expert's closest papers decide, not the blur of all
 * of them). μ is a number of mean unit lengths of the corpus (a parameter derived from the data:
 * the same smoothing for English words and for Chinese words + bigrams). Defined only for queries
 * of two or more units; single-text queries keep their score unchanged.
 *
 * Term frequencies are the analysed ones (field-weighted: a title word counts twice), on both sides.
 *
 * @module
 */
import type { SparseVec } from '../index/sparse.ts';
import type { IndexCore } from './core.ts';

/** The corpus's unigram model: term mass (weighted tf) by term id, its total and the unit count. */
export interface CollectionModel {
  cf: Float64Array;
  total: number;
  /** Mean weighted length of a unit (own text or one document). */
  meanUnit: number;
  /** Live entities when computed (staleness check). */
  alive: number;
  size: number;
}

const models = new WeakMap<IndexCore, CollectionModel>();

/**
 * The collection model of the live entities, computed from the forward index and cached; on small
 * corpora recomputed after any change, on large ones once the entity count drifted by 1 % (as IDF).
 */
export function collectionModel(core: IndexCore): CollectionModel {
  const m = models.get(core);
  // (Terms added since the model was computed have no mass in it: `queryModels` skips them.)
  if (m) {
    if (m.alive === core.alive && m.size === core.size) return m;
    if (core.largeMode && Math.abs(core.alive - m.alive) <= Math.max(1, m.alive * 0.01)) return m;
  }
  const cf = new Float64Array(core.vocab.size);
  let total = 0;
  let units = 0;
  for (let idx = 0; idx < core.size; idx++) {
    if (!core.isLive(idx)) continue;
    const agg = core.aggOf(idx);
    for (let i = 0; i < agg.t.length; i++) {
      const w = agg.w[i] as number;
      cf[agg.t[i] as number] = (cf[agg.t[i] as number] as number) + w;
      total += w;
    }
    units += core.eUC[idx] as number;
  }
  const next = { cf, total, meanUnit: units > 0 ? total / units : 0, alive: core.alive, size: core.size };
  models.set(core, next);
  return next;
}

/** A multi-document query's per-document models, ready to score candidates term by term. */
export interface QueryModels {
  /** Term id → the documents using it (`d`) and log(1 + tf / (μ·P(t | C))) in each (`g`). */
  byTerm: Map<number, { d: number[]; g: number[] }>;
  /** log(μ / (|d| + μ)) of each document. */
  base: Float64Array;
  k: number;
}

/** Anything holding a query's analysed units and their weighted lengths. */
export interface LengthsBearer {
  units: SparseVec[];
  unitLen: number[];
}

const prepared = new WeakMap<LengthsBearer, { key: CollectionModel; q: QueryModels | null }>();

/** The query's document models; undefined for queries of fewer than 2 units or an empty corpus. */
export function queryModels(
  core: IndexCore,
  q: LengthsBearer,
  k: number,
  lengths: number,
): QueryModels | undefined {
  if (q.units.length < 2) return undefined;
  const cm = collectionModel(core);
  const hit = prepared.get(q);
  if (hit && hit.key === cm && (hit.q === null || hit.q.k === k)) return hit.q ?? undefined;
  let out: QueryModels | null = null;
  if (cm.total > 0) {
    const mu = lengths * cm.meanUnit;
    const byTerm = new Map<number, { d: number[]; g: number[] }>();
    const base = new Float64Array(q.units.length);
    q.units.forEach((u, d) => {
      base[d] = Math.log(mu / ((q.unitLen[d] ?? 0) + mu));
      for (let i = 0; i < u.t.length; i++) {
        const t = u.t[i] as number;
        const tf = u.w[i] as number;
        const c = t < cm.cf.length ? (cm.cf[t] as number) : 0;
        if (tf <= 0 || c <= 0) continue; // a term no live entity has cannot be in a candidate
        let e = byTerm.get(t);
        if (!e) byTerm.set(t, (e = { d: [], g: [] }));
        e.d.push(d);
        e.g.push(Math.log(1 + tf / ((mu * c) / cm.total)));
      }
    });
    out = { byTerm, base, k: Math.max(1, k) };
  }
  prepared.set(q, { key: cm, q: out });
  return out ?? undefined;
}

/** The facet of a candidate given by its aggregated raw vector: mean of the best k s(e, d). */
export function likelihoodOfAgg(m: QueryModels, agg: SparseVec): number {
  let len = 0;
  for (let i = 0; i < agg.w.length; i++) len += agg.w[i] as number;
  const acc = Float64Array.from(m.base);
  if (len > 0)
    for (let i = 0; i < agg.t.length; i++) {
      const e = m.byTerm.get(agg.t[i] as number);
      if (!e) continue;
      const p = (agg.w[i] as number) / len;
      for (let j = 0; j < e.d.length; j++)
        acc[e.d[j] as number] = (acc[e.d[j] as number] as number) + p * (e.g[j] as number);
    }
  acc.sort();
  const n = Math.min(m.k, acc.length);
  let s = 0;
  for (let i = acc.length - n; i < acc.length; i++) s += acc[i] as number;
  return s / n;
}
