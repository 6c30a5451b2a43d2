/**
 * Score regularisation over the corpus's own similarity graph (cluster hypothesis; Diaz 2005,
 * "Regularizing ad hoc retrieval scores"): an entity whose nearest entities also match the query
 * well is more likely relevant than an isolated one with the same score, and an isolated match on
 * a few chance words loses ground. Each entity's final score gains `weight ×` the similarity-
 * weighted mean score of its `k` nearest entities (among those admissible for this query — an
 * excluded entity, e.g. the query's own record, never lends its score).
 *
 * The graph (k nearest entities by the same text similarity the engine uses: lexical share ×
 * TF-IDF cosine + the rest × semantic cosine of the aggregated vectors) is built once per semantic
 * model (each `train()`), so an upsert costs one new row (a pass over the corpus), not a rebuild;
 * only for corpora scored exhaustively, where every entity has a score to lend.
 *
 * @module
 */
import type { IndexCore } from '../engine/core.ts';
import type { Scored } from '../engine/search.ts';
import type { SparseVec } from '../index/sparse.ts';
import { CosineIndex } from './unit-index.ts';
import { conceptCosine } from '../engine/concepts.ts';

/** Neighbour lists: for entity slot i, `nb[i]` slots and `w[i]` similarity weights (≥ 0). */
export interface NeighbourGraph {
  model: unknown;
  k: number;
  share: number;
  /** Weight of the concept cosine added to the similarity (0: none). */
  concept: number;
  /** Entity id of each slot when its row was built (slots are renumbered by compaction). */
  ids: Map<number, string>;
  nb: Map<number, Int32Array>;
  w: Map<number, Float32Array>;
  /** Live slots and their TF-IDF / semantic vectors at build time (rows for later entities use them). */
  slots: number[];
  index: CosineIndex;
  sem: Float32Array[];
}

const graphs = new WeakMap<IndexCore, NeighbourGraph>();

function addRow(
  core: IndexCore,
  g: NeighbourGraph,
  idx: number,
  v: SparseVec,
  sv: Float32Array | undefined,
): void {
  const n = g.slots.length;
  const sims = g.index.dots(v);
  const share = sv ? g.share : 1;
  const cl = g.concept > 0 ? core.concepts : undefined;
  const cv = cl?.entityVec(core, idx);
  for (let j = 0; j < n; j++) {
    let s = share * (sims[j] as number);
    if (share < 1) s += (1 - share) * core.semDot(sv as Float32Array, g.slots[j] as number);
    if (cl && cv && cv.c.length > 0)
      s += g.concept * conceptCosine(cv, cl.entityVec(core, g.slots[j] as number));
    sims[j] = g.slots[j] === idx ? Number.NEGATIVE_INFINITY : s;
  }
  const kk = Math.min(g.k, n);
  const best: number[] = [];
  const by = (a: number, b: number): number => (sims[b] as number) - (sims[a] as number);
  for (let j = 0; j < n; j++) {
    if (best.length < kk) {
      best.push(j);
      best.sort(by);
    } else if (kk > 0 && (sims[j] as number) > (sims[best[kk - 1] as number] as number)) {
      best[kk - 1] = j;
      best.sort(by);
    }
  }
  const kept = best.filter((j) => (sims[j] as number) > Number.NEGATIVE_INFINITY); // never itself
  g.nb.set(
    idx,
    Int32Array.from(kept, (j) => g.slots[j] as number),
  );
  g.w.set(
    idx,
    Float32Array.from(kept, (j) => Math.max(0, sims[j] as number)),
  );
  g.ids.set(idx, core.entity(idx)?.id ?? '');
}

/**
 * The k-nearest-entity graph of the current trained state, built once per semantic model (i.e.
 * per `train()` or batch fit). Entities added since get their own row on first use (their
 * neighbours are among the entities of the build); a row whose slot now holds another entity
 * (replaced, or renumbered by compaction) is rebuilt.
 */
export function neighbourGraph(
  core: IndexCore,
  k: number,
  lexicalShare: number,
  concept = 0,
): NeighbourGraph {
  let g = graphs.get(core);
  if (!g || g.model !== core.model || g.k !== k || g.share !== lexicalShare || g.concept !== concept) {
    const slots: number[] = [];
    const vecs: SparseVec[] = [];
    for (let idx = 0; idx < core.size; idx++) {
      if (!core.isLive(idx)) continue;
      slots.push(idx);
      vecs.push(core.tfidf(core.aggOf(idx)));
    }
    const sem = core.model ? slots.map((idx) => Float32Array.from(core.semVec(idx) as Float32Array)) : [];
    g = {
      model: core.model,
      k,
      share: lexicalShare,
      concept,
      ids: new Map(),
      nb: new Map(),
      w: new Map(),
      slots,
      index: new CosineIndex(vecs),
      sem,
    };
    graphs.set(core, g);
    slots.forEach((idx, i) => addRow(core, g as NeighbourGraph, idx, vecs[i] as SparseVec, sem[i]));
  }
  return g;
}

function rowFor(core: IndexCore, g: NeighbourGraph, idx: number, id: string): void {
  if (g.ids.get(idx) === id && g.nb.has(idx)) return;
  addRow(core, g, idx, core.tfidf(core.aggOf(idx)), core.model ? core.semVec(idx) : undefined);
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
  concept = 0,
): Scored[] {
  if (weight <= 0 || k <= 0 || scored.length < 2) return scored;
  const g = neighbourGraph(core, k, lexicalShare, concept);
  const base = new Map<number, number>();
  const idOf = new Map<number, string>();
  for (const s of scored) {
    base.set(s.rec.idx, s.score);
    idOf.set(s.rec.idx, s.rec.entity.id);
  }
  return scored.map((s) => {
    rowFor(core, g, s.rec.idx, s.rec.entity.id);
    const nb = g.nb.get(s.rec.idx);
    const ws = g.w.get(s.rec.idx);
    if (!nb || !ws) return s;
    let num = 0;
    let den = 0;
    for (let i = 0; i < nb.length; i++) {
      const n = nb[i] as number;
      const v = base.get(n);
      // A neighbour slot that now holds another entity (compaction) does not lend its score.
      if (v === undefined || idOf.get(n) !== g.ids.get(n)) continue;
      num += (ws[i] as number) * v;
      den += ws[i] as number;
    }
    if (den <= 0) return s;
    const add = (weight * num) / den;
    return { ...s, score: s.score + add, parts: { ...s.parts, neighbours: add } };
  });
}
