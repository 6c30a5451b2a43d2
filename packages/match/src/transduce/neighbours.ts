/**
 * Score regularisation over the corpus's own similarity graph (cluster hypothesis; Diaz 2005,
 * "Regularizing ad hoc retrieval scores"): an entity whose nearest entities also match the query
 * well is more likely relevant than an isolated one with the same score, and an isolated match on
 * a few chance words loses ground. Each entity's final score gains `weight ×` the similarity-
 * weighted mean score of its `k` nearest entities (among those admissible for this query — an
 * excluded entity, e.g. the query's own record, never lends its score).
 *
 * The graph (k nearest entities by the same text similarity the engine uses: lexical share ×
 * TF-IDF cosine + the rest × semantic cosine of the aggregated vectors) is built once per trained
 * state and only for corpora scored exhaustively, where every entity has a score to lend.
 *
 * @module
 */
import type { IndexCore } from '../engine/core.ts';
import type { Scored } from '../engine/search.ts';
import type { SparseVec } from '../index/sparse.ts';
import { CosineIndex } from './unit-index.ts';

/** Neighbour lists: for entity slot i, `nb[i]` slots and `w[i]` similarity weights (≥ 0). */
export interface NeighbourGraph {
  model: unknown;
  size: number;
  alive: number;
  k: number;
  nb: Map<number, Int32Array>;
  w: Map<number, Float32Array>;
}

const graphs = new WeakMap<IndexCore, NeighbourGraph>();

/** The k-nearest-entity graph of the current trained state (cached until the index changes). */
export function neighbourGraph(core: IndexCore, k: number, lexicalShare: number): NeighbourGraph {
  const cached = graphs.get(core);
  if (
    cached &&
    cached.model === core.model &&
    cached.size === core.size &&
    cached.alive === core.alive &&
    cached.k === k
  )
    return cached;
  const slots: number[] = [];
  const vecs: SparseVec[] = [];
  for (let idx = 0; idx < core.size; idx++) {
    if (!core.isLive(idx)) continue;
    slots.push(idx);
    vecs.push(core.tfidf(core.aggOf(idx)));
  }
  const index = new CosineIndex(vecs);
  const share = core.model ? lexicalShare : 1;
  const sem = core.model ? slots.map((idx) => core.semVec(idx) as Float32Array) : [];
  const nb = new Map<number, Int32Array>();
  const w = new Map<number, Float32Array>();
  const sims = new Float64Array(slots.length);
  const kk = Math.min(k, slots.length - 1);
  for (let i = 0; i < slots.length; i++) {
    index.dots(vecs[i] as SparseVec, sims);
    for (let j = 0; j < slots.length; j++) {
      let s = share * (sims[j] as number);
      if (share < 1) s += (1 - share) * core.semDot(sem[i] as Float32Array, slots[j] as number);
      sims[j] = s;
    }
    sims[i] = Number.NEGATIVE_INFINITY;
    // Partial selection of the k best (k is small).
    const best: number[] = [];
    for (let j = 0; j < slots.length; j++) {
      const s = sims[j] as number;
      if (best.length < kk) {
        best.push(j);
        best.sort((a, b) => (sims[b] as number) - (sims[a] as number));
      } else if (kk > 0 && s > (sims[best[kk - 1] as number] as number)) {
        best[kk - 1] = j;
        best.sort((a, b) => (sims[b] as number) - (sims[a] as number));
      }
    }
    nb.set(
      slots[i] as number,
      Int32Array.from(best, (j) => slots[j] as number),
    );
    w.set(
      slots[i] as number,
      Float32Array.from(best, (j) => Math.max(0, sims[j] as number)),
    );
  }
  const g: NeighbourGraph = { model: core.model, size: core.size, alive: core.alive, k, nb, w };
  graphs.set(core, g);
  return g;
}

/**
 * Adds `weight ×` the neighbours' mean score to every scored entity (part `neighbours`), in place
 * of a new list; neighbours not in `scored` (filtered or excluded) do not count.
 */
export function smoothScores(
  core: IndexCore,
  scored: Scored[],
  k: number,
  weight: number,
  lexicalShare: number,
): Scored[] {
  if (weight <= 0 || k <= 0 || scored.length < 2) return scored;
  const g = neighbourGraph(core, k, lexicalShare);
  const base = new Map<number, number>();
  for (const s of scored) base.set(s.rec.idx, s.score);
  return scored.map((s) => {
    const nb = g.nb.get(s.rec.idx);
    const ws = g.w.get(s.rec.idx);
    if (!nb || !ws) return s;
    let num = 0;
    let den = 0;
    for (let i = 0; i < nb.length; i++) {
      const v = base.get(nb[i] as number);
      if (v === undefined) continue;
      num += (ws[i] as number) * v;
      den += ws[i] as number;
    }
    if (den <= 0) return s;
    const add = (weight * num) / den;
    return { ...s, score: s.score + add, parts: { ...s.parts, neighbours: add } };
  });
}
