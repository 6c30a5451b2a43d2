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
import type { ConceptVec } from '../engine/concepts.ts';

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
  /** Concept vectors of the slots at build time (filled on first use; only when `concept` > 0). */
  con: (ConceptVec | undefined)[];
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
  // The row's concept vector as a dense array: each slot's cosine is a pass over its own concepts.
  const qd = cl && cv && cv.c.length > 0 ? cl.dense(cv) : undefined;
  for (let j = 0; j < n; j++) {
    let s = share * (sims[j] as number);
    if (share < 1) s += (1 - share) * core.semDot(sv as Float32Array, g.slots[j] as number);
    if (qd) {
      const o = (g.con[j] ??= (cl as NonNullable<typeof cl>).entityVec(core, g.slots[j] as number));
      let c = 0;
      for (let k = 0; k < o.c.length; k++) c += (o.w[k] as number) * (qd[o.c[k] as number] as number);
      s += g.concept * c;
    }
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
      con: [],
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
 * Score regularisation over the neighbour graph (part `neighbours`), in place of a new list;
 * neighbours not in `scored` (filtered or excluded) do not count. With `steps` = 1 (or `depth` 0)
 * each entity gains `weight ×` its neighbours' similarity-weighted mean score y. With more steps
 * the neighbours lend their own regularised scores, `f ← y + weight · W (y + depth · (f − y))`:
 * at `depth` 1 Diaz 2005's closed form `(I − weight · W)⁻¹ y` in the limit (the row-normalised W
 * and weight < 1 make it converge, step t changing the scores by at most `weight^t` of the first
 * step's change); `depth` between 0 and 1 mixes the one-step and the converged regularisation.
 */
export function smoothScores(
  core: IndexCore,
  scored: Scored[],
  k: number,
  weight: number,
  lexicalShare: number,
  concept = 0,
  steps = 1,
  depth = 1,
): Scored[] {
  if (weight <= 0 || k <= 0 || scored.length < 2) return scored;
  const g = neighbourGraph(core, k, lexicalShare, concept);
  const n = scored.length;
  const pos = new Map<number, number>();
  scored.forEach((s, i) => pos.set(s.rec.idx, i));
  // Each scored entity's neighbours as positions in `scored` with normalised weights.
  const rows: { at: Int32Array; w: Float64Array }[] = scored.map((s) => {
    rowFor(core, g, s.rec.idx, s.rec.entity.id);
    const nb = g.nb.get(s.rec.idx);
    const ws = g.w.get(s.rec.idx);
    const at: number[] = [];
    const w: number[] = [];
    let den = 0;
    if (nb && ws)
      for (let i = 0; i < nb.length; i++) {
        const p = pos.get(nb[i] as number);
        // A neighbour slot that now holds another entity (compaction) does not lend its score.
        if (p === undefined || (scored[p] as Scored).rec.entity.id !== g.ids.get(nb[i] as number)) continue;
        at.push(p);
        w.push(ws[i] as number);
        den += ws[i] as number;
      }
    return den > 0
      ? { at: Int32Array.from(at), w: Float64Array.from(w, (x) => x / den) }
      : { at: new Int32Array(0), w: new Float64Array(0) };
  });
  const y = Float64Array.from(scored, (s) => s.score);
  let f = y;
  const d = Math.min(1, Math.max(0, depth));
  for (let t = 0; t < (d > 0 ? Math.max(1, steps) : 1); t++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = rows[i] as { at: Int32Array; w: Float64Array };
      let m = 0;
      for (let j = 0; j < r.at.length; j++) {
        const p = r.at[j] as number;
        m += (r.w[j] as number) * ((y[p] as number) + d * ((f[p] as number) - (y[p] as number)));
      }
      next[i] = (y[i] as number) + weight * m;
    }
    f = next;
  }
  return scored.map((s, i) => {
    if ((rows[i] as { at: Int32Array }).at.length === 0) return s;
    const add = (f[i] as number) - (y[i] as number);
    return { ...s, score: f[i] as number, parts: { ...s.parts, neighbours: add } };
  });
}
