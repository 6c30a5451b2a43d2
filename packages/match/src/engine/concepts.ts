/**
 * The concept layer: texts and entities as weights over the disciplines of the project's lexicon
 * (explicit semantic analysis over a curated concept base, `src/analysis/concept-base.ts`).
 *
 * - A unit's concept vector sums, over the lexicon terms it contains, log-tf × the corpus IDF of
 *   the term × the term's weight in each concept (rank in its list, how few concepts list it);
 *   it is L2-normalised. An entity's vector is the normalised centroid of its units' vectors (each
 *   document counts once), so it comes from the forward index alone: nothing is stored per entity,
 *   and large corpora (which keep no text) compute it for the re-scored candidates only.
 * - An entity whose title is a discipline's name or alias (a discipline entity of the GB/T 13745
 *   taxonomy, a department named after its field) has that concept as a prior: its vector is
 *   `PRIOR_SHARE` the named concept(s) and the rest its text's vector. Priors are kept by entity id
 *   (they survive compaction) and written into snapshots.
 * - The score part `concept` is the cosine of the query's and the entity's vectors. Text that
 *   contains no lexicon term (an empty lexicon) has no vector and the part is absent.
 * - The layer's weight follows how much of the corpus the lexicon describes (`trust`, measured at
 *   training): the share of the corpus's tf-idf mass on lexicon terms, ramped smoothly from 0 at
 *   `TRUST_FROM` to 1 at `TRUST_TO`. A corpus the lexicon barely touches (English papers, where a
 *   few English aliases match ≈ 1 % of the text) gets no concept part at all, so the layer is
 *   neutral there instead of ranking by those few words.
 *
 * @module
 */
import { conceptsNamed, type ConceptBase, type TermConcepts } from '../analysis/concept-base.ts';
import type { TextUnit } from './analyze.ts';
import type { IndexCore } from './core.ts';
import { dot, type SparseVec } from '../index/sparse.ts';

const ltf = (tf: number): number => (tf > 0 ? 1 + Math.log(tf) : 0);

/** A concept vector: ascending concept ids and L2-normalised weights. */
export interface ConceptVec {
  c: Int32Array;
  w: Float32Array;
}

/** Share of a named discipline in the vector of an entity whose title names it. */
export const PRIOR_SHARE = 0.5;

/**
 * Lexicon share of the corpus's tf-idf mass below which the layer is off, and from which it has its
 * full weight (measured with the lexicon's second pass: Chinese discipline and related-work corpora
 * 0.080–0.088, English papers 0.0125; with the first pass 0.045–0.048 and 0.010; see README).
 */
export const TRUST_FROM = 0.02;
export const TRUST_TO = 0.05;

/** Units sampled (evenly) to measure the lexicon share of a corpus. */
const SHARE_SAMPLE_UNITS = 30_000;

/** Smooth 0 → 1 ramp of the lexicon share (smoothstep between `TRUST_FROM` and `TRUST_TO`). */
export function trustOf(share: number): number {
  if (!(share > TRUST_FROM)) return 0;
  if (share >= TRUST_TO) return 1;
  const x = (share - TRUST_FROM) / (TRUST_TO - TRUST_FROM);
  return x * x * (3 - 2 * x);
}

/** Most entity vectors cached (≈ 150 bytes each). */
const CACHE_MAX = 100_000;

const EMPTY: ConceptVec = { c: new Int32Array(0), w: new Float32Array(0) };

/**
 * Concepts kept per entity in the column of large corpora (its strongest, re-normalised): the
 * concept cosine of a candidate is then `COLUMN_K` multiply-adds against the query's dense vector.
 */
export const COLUMN_K = 8;
/** Empty slot of the column. */
const NO_CONCEPT = 0xffff;

/** Cosine of two normalised concept vectors (a sparse dot product over concept ids). */
export function conceptCosine(a: ConceptVec, b: ConceptVec): number {
  return dot({ t: a.c, w: a.w }, { t: b.c, w: b.w });
}

/** The strongest concept of a vector (-1 when empty). */
export function topConcept(v: ConceptVec): number {
  let best = -1;
  let bw = 0;
  for (let i = 0; i < v.c.length; i++)
    if ((v.w[i] as number) > bw) {
      bw = v.w[i] as number;
      best = v.c[i] as number;
    }
  return best;
}

/** Per-core concept state: term-id lookups, priors by entity id, a cache of entity vectors. */
export class ConceptLayer {
  /** Vocabulary id → 1 + index into `entries`, 0 = not looked up yet, -1 = no concept. */
  private termMap = new Int32Array(0);
  private readonly entries: TermConcepts[] = [];
  /** Entity id → concepts its title names. */
  readonly priors = new Map<string, Int32Array>();
  private readonly cache = new Map<number, ConceptVec>();
  /** Share of the corpus's tf-idf mass on lexicon terms (`measure`; NaN before). */
  share = Number.NaN;
  /** Multiplier of the layer's weights, 0–1 (`trustOf(share)`; 1 before any measurement). */
  trust = 1;
  /** The corpus state the cache is valid for (alive, size, trained size). */
  private cacheAlive = -1;
  private cacheSize = -1;
  private cacheTrained = -1;
  private readonly acc: Float64Array;
  private readonly unitAcc: Float64Array;
  private readonly touched: Int32Array;
  /**
   * Large corpora: every entity's vector as `COLUMN_K` (concept id, weight) slots, built at
   * training, on snapshot load and on upsert; used instead of the exact vector everywhere (the
   * pool ranking, the re-check, the full score), so pruned and exhaustive search agree.
   */
  private colIds: Uint16Array<ArrayBufferLike> = new Uint16Array(0);
  private colW: Float32Array<ArrayBufferLike> = new Float32Array(0);
  private readonly topK = new Int32Array(COLUMN_K);
  /** Whether the column is in use (large corpora once built). */
  columnOn = false;
  private building = false;

  constructor(
    readonly base: ConceptBase,
    readonly priorShare = PRIOR_SHARE,
  ) {
    const n = base.names.length;
    this.acc = new Float64Array(n);
    this.unitAcc = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  get size(): number {
    return this.base.names.length;
  }

  /** Records (or clears) the prior of an entity from its title. */
  setPrior(id: string, title: unknown): void {
    const named = conceptsNamed(this.base, title);
    if (named.length > 0) this.priors.set(id, Int32Array.from(named).sort());
    else this.priors.delete(id);
  }

  /** Priors as concept names (for snapshots). */
  priorNames(): [string, string[]][] {
    return [...this.priors].map(([id, cs]) => [id, Array.from(cs, (c) => this.base.names[c] as string)]);
  }

  /** Restores priors saved by `priorNames` (concepts no longer in the lexicon are dropped). */
  restorePriors(list: readonly [string, string[]][] | undefined): void {
    if (!list) return;
    const idOf = new Map(this.base.names.map((n, i) => [n, i] as const));
    for (const [id, names] of list) {
      const cs = names.map((n) => idOf.get(n)).filter((c): c is number => c !== undefined);
      if (cs.length > 0) this.priors.set(id, Int32Array.from(cs).sort());
    }
  }

  /**
   * Measures the lexicon share of the corpus (Σ log-tf × IDF of lexicon terms over that of all
   * terms, on an even sample of units) and sets `trust`. Called by training and snapshot loading.
   */
  measure(core: IndexCore): void {
    let all = 0;
    let lex = 0;
    const stride = Math.max(1, Math.ceil(core.unitCount / SHARE_SAMPLE_UNITS));
    let k = 0;
    for (let idx = 0; idx < core.size; idx++) {
      if (!core.isLive(idx)) continue;
      for (const u of core.unitsOf(idx)) {
        if (k++ % stride !== 0) continue;
        for (let i = 0; i < u.t.length; i++) {
          const t = u.t[i] as number;
          const x = ltf(u.w[i] as number) * core.idf(t);
          all += x;
          if (this.lookup(core, t)) lex += x;
        }
      }
    }
    this.setShare(all > 0 ? lex / all : 0);
  }

  /** Sets the measured lexicon share (and `trust` from it). */
  setShare(share: number): void {
    this.share = share;
    this.trust = trustOf(share);
  }

  /** Forgets cached vectors (after training, compaction or a change of statistics). */
  invalidate(): void {
    this.cache.clear();
    this.cacheAlive = -1;
  }

  private growTermMap(n: number): void {
    const m = new Int32Array(Math.max(n, this.termMap.length * 2));
    m.set(this.termMap);
    this.termMap = m;
  }

  private lookup(core: IndexCore, t: number): TermConcepts | undefined {
    if (t >= this.termMap.length) this.growTermMap(Math.max(core.vocab.size, t + 1));
    let k = this.termMap[t] as number;
    if (k === 0) {
      const e = this.base.terms.get(core.vocab.term(t));
      if (e) {
        this.entries.push(e);
        k = this.entries.length;
      } else k = -1;
      this.termMap[t] = k;
    }
    return k > 0 ? this.entries[k - 1] : undefined;
  }

  private unitN = 0;
  private readonly unitIds: number[] = [];

  /** Adds `x ×` a term's concept weights to the running unit. */
  private addTerm(e: TermConcepts, x: number): void {
    const u = this.unitAcc;
    for (let i = 0; i < e.c.length; i++) {
      const c = e.c[i] as number;
      if (u[c] === 0) this.unitIds[this.unitN++] = c;
      u[c] = (u[c] as number) + x * (e.w[i] as number);
    }
  }

  /** Adds `scale ×` the normalised running unit into the entity accumulator; returns its size. */
  private closeUnit(scale: number, n: number): number {
    const u = this.unitAcc;
    if (this.unitN === 0) return n;
    let s = 0;
    for (let k = 0; k < this.unitN; k++) s += (u[this.unitIds[k] as number] as number) ** 2;
    const inv = scale / Math.sqrt(s);
    for (let k = 0; k < this.unitN; k++) {
      const c = this.unitIds[k] as number;
      if (this.acc[c] === 0) this.touched[n++] = c;
      this.acc[c] = (this.acc[c] as number) + (u[c] as number) * inv;
      u[c] = 0;
    }
    this.unitN = 0;
    return n;
  }

  /** Reads the accumulator (plus the prior) into a normalised vector and clears it. */
  private finish(n: number, prior: Int32Array | undefined): ConceptVec {
    const acc = this.acc;
    let s = 0;
    for (let k = 0; k < n; k++) s += (acc[this.touched[k] as number] as number) ** 2;
    if (s > 0 && prior) {
      const inv = (1 - this.priorShare) / Math.sqrt(s);
      for (let k = 0; k < n; k++) {
        const c = this.touched[k] as number;
        acc[c] = (acc[c] as number) * inv;
      }
    }
    if (prior) {
      const p = (s > 0 ? this.priorShare : 1) / Math.sqrt(prior.length);
      for (const c of prior) {
        if (acc[c] === 0) this.touched[n++] = c;
        acc[c] = (acc[c] as number) + p;
      }
    }
    if (n === 0) return EMPTY;
    const c = this.touched.slice(0, n).sort();
    const w = new Float32Array(n);
    let z = 0;
    for (let k = 0; k < n; k++) {
      const x = acc[c[k] as number] as number;
      w[k] = x;
      z += x * x;
      acc[c[k] as number] = 0;
    }
    const iz = 1 / Math.sqrt(z);
    for (let k = 0; k < n; k++) w[k] = (w[k] as number) * iz;
    return { c, w };
  }

  /**
   * Each concept as one extra training text for the semantic model: its lexicon terms that occur
   * in the corpus, weighted by concept weight × IDF, L2-normalised and scaled by `scale`. LSA then
   * also learns that the terms of one discipline go together (prior knowledge the corpus may be
   * too small to show).
   */
  lsaUnits(core: IndexCore, scale: number): SparseVec[] {
    if (this.size === 0 || scale <= 0) return [];
    const rows: Map<number, number>[] = this.base.names.map(() => new Map());
    for (const [term, e] of this.base.terms) {
      const id = core.vocab.idOf(term);
      if (id < 0 || (core.vocab.dfEntity[id] as number) <= 0) continue;
      const idf = core.idf(id);
      for (let i = 0; i < e.c.length; i++)
        (rows[e.c[i] as number] as Map<number, number>).set(id, (e.w[i] as number) * idf);
    }
    const out: SparseVec[] = [];
    for (const r of rows) {
      if (r.size < 2) continue;
      const t = Int32Array.from(r.keys()).sort();
      const w = Float32Array.from(t, (k) => r.get(k) as number);
      let z = 0;
      for (let i = 0; i < w.length; i++) z += (w[i] as number) ** 2;
      const inv = scale / Math.sqrt(z);
      for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) * inv;
      out.push({ t, w });
    }
    return out;
  }

  private ensureColumn(n: number): void {
    if (this.colIds.length >= n * COLUMN_K) return;
    const cap = Math.max(n, Math.ceil((this.colIds.length / COLUMN_K) * 1.25)) * COLUMN_K;
    const ids = new Uint16Array(cap).fill(NO_CONCEPT);
    ids.set(this.colIds);
    const w = new Float32Array(cap);
    w.set(this.colW);
    this.colIds = ids;
    this.colW = w;
  }

  /** Writes an entity's strongest `COLUMN_K` concepts (re-normalised) into the column. */
  setColumn(core: IndexCore, idx: number): void {
    if (this.size === 0 || this.size >= NO_CONCEPT) return;
    this.ensureColumn(idx + 1);
    const v = this.exactVec(core, idx);
    const o = idx * COLUMN_K;
    this.colIds.fill(NO_CONCEPT, o, o + COLUMN_K);
    this.colW.fill(0, o, o + COLUMN_K);
    const n = v.c.length;
    // More than COLUMN_K concepts: the strongest (ties: the lower position), then in position order.
    let order: Int32Array | undefined;
    if (n > COLUMN_K) {
      order = this.topK;
      let m = 0;
      for (let k = 0; k < n; k++) {
        const wk = v.w[k] as number;
        if (m === COLUMN_K) {
          if (!(wk > (v.w[order[m - 1] as number] as number))) continue;
          m--;
        }
        let p = m;
        while (p > 0 && wk > (v.w[order[p - 1] as number] as number)) {
          order[p] = order[p - 1] as number;
          p--;
        }
        order[p] = k;
        m++;
      }
      order.sort();
    }
    const m = Math.min(n, COLUMN_K);
    let z = 0;
    for (let j = 0; j < m; j++) z += (v.w[order ? (order[j] as number) : j] as number) ** 2;
    const iz = z > 0 ? 1 / Math.sqrt(z) : 0;
    for (let j = 0; j < m; j++) {
      const k = order ? (order[j] as number) : j;
      this.colIds[o + j] = v.c[k] as number;
      this.colW[o + j] = (v.w[k] as number) * iz;
    }
  }

  /** Builds the column for every live entity (large corpora, after training or loading). */
  buildColumn(core: IndexCore): void {
    this.columnOn = false;
    if (this.size === 0 || this.size >= NO_CONCEPT) return;
    this.colIds = new Uint16Array(0);
    this.colW = new Float32Array(0);
    this.ensureColumn(core.size);
    this.building = true;
    try {
      for (let idx = 0; idx < core.size; idx++) if (core.live[idx] === 1) this.setColumn(core, idx);
    } finally {
      this.building = false;
    }
    this.cache.clear();
    this.columnOn = true;
  }

  /** The column's first `n` rows (snapshots). */
  columnData(n: number): { k: number; ids: Uint16Array; w: Float32Array } {
    this.ensureColumn(n);
    return {
      k: COLUMN_K,
      ids: this.colIds.subarray(0, n * COLUMN_K),
      w: this.colW.subarray(0, n * COLUMN_K),
    };
  }

  /** Takes a saved column; false (nothing taken) when it was made with other concepts or slots. */
  restoreColumn(ids: Uint16Array, w: Float32Array, meta: { k: number; names: readonly string[] }): boolean {
    const names = this.base.names;
    if (
      meta.k !== COLUMN_K ||
      meta.names.length !== names.length ||
      meta.names.some((x, i) => x !== names[i])
    )
      return false;
    this.colIds = ids;
    this.colW = w;
    this.cache.clear();
    this.columnOn = true;
    return true;
  }

  /** Moves a column row (compaction). */
  moveColumn(from: number, to: number): void {
    if (!this.columnOn || from === to) return;
    this.colIds.copyWithin(to * COLUMN_K, from * COLUMN_K, (from + 1) * COLUMN_K);
    this.colW.copyWithin(to * COLUMN_K, from * COLUMN_K, (from + 1) * COLUMN_K);
  }

  /** A query vector as a dense array over the concepts (for `cosineAt`). */
  dense(q: ConceptVec): Float32Array {
    const d = new Float32Array(this.size);
    for (let i = 0; i < q.c.length; i++) d[q.c[i] as number] = q.w[i] as number;
    return d;
  }

  /** Concept cosine of a dense query vector and an entity (the column when on, else exact). */
  cosineAt(core: IndexCore, qd: Float32Array, q: ConceptVec, idx: number): number {
    if (!this.columnOn || idx * COLUMN_K >= this.colIds.length)
      return conceptCosine(q, this.entityVec(core, idx));
    const ids = this.colIds;
    const w = this.colW;
    let s = 0;
    for (let o = idx * COLUMN_K, e = o + COLUMN_K; o < e; o++) {
      const c = ids[o] as number;
      if (c === NO_CONCEPT) break;
      s += (w[o] as number) * (qd[c] as number);
    }
    return s;
  }

  /** The concept vector of an indexed entity (the column's on large corpora, else exact). */
  entityVec(core: IndexCore, idx: number): ConceptVec {
    if (this.size === 0) return EMPTY;
    if (this.columnOn && idx * COLUMN_K < this.colIds.length) {
      const o = idx * COLUMN_K;
      let m = 0;
      while (m < COLUMN_K && this.colIds[o + m] !== NO_CONCEPT) m++;
      if (m === 0) return EMPTY;
      return { c: Int32Array.from(this.colIds.subarray(o, o + m)), w: this.colW.slice(o, o + m) };
    }
    return this.exactVec(core, idx);
  }

  /** The exact concept vector of an indexed entity (cached between changes of the corpus). */
  exactVec(core: IndexCore, idx: number): ConceptVec {
    if (this.size === 0) return EMPTY;
    if (
      core.alive !== this.cacheAlive ||
      core.size !== this.cacheSize ||
      core.trainedSize !== this.cacheTrained
    ) {
      this.cache.clear();
      this.cacheAlive = core.alive;
      this.cacheSize = core.size;
      this.cacheTrained = core.trainedSize;
    }
    const hit = this.cache.get(idx);
    if (hit) return hit;
    const units = core.unitsOf(idx);
    let n = 0;
    if (this.termMap.length < core.vocab.size) this.growTermMap(core.vocab.size);
    const map = this.termMap;
    const idf = core.idfTable();
    for (const u of units) {
      for (let i = 0; i < u.t.length; i++) {
        const t = u.t[i] as number;
        const k = map[t] as number;
        if (k < 0) continue;
        const e = k > 0 ? this.entries[k - 1] : this.lookup(core, t);
        if (e) this.addTerm(e, ltf(u.w[i] as number) * (idf[t] as number));
      }
      n = this.closeUnit(1 / units.length, n);
    }
    const v = this.finish(n, this.priors.size > 0 ? this.priors.get(core.ids[idx] as string) : undefined);
    // Kept between changes of the corpus; on large corpora at most `CACHE_MAX` (then started over).
    if (this.building) return v;
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(idx, v);
    return v;
  }

  /** The concept vector of a query from its analysed units (terms outside the corpus count too). */
  queryVec(core: IndexCore, units: readonly TextUnit[], title: unknown): ConceptVec {
    if (this.size === 0) return EMPTY;
    const maxIdf = Math.log(1 + (core.alive + 0.5) / 0.5);
    const base = this.base;
    let n = 0;
    const used = units.filter((u) => u.tf.size > 0);
    for (const u of used) {
      for (const [term, tf] of u.tf) {
        const e = base.terms.get(term);
        if (!e) continue;
        const id = core.vocab.idOf(term);
        this.addTerm(e, ltf(tf) * (id >= 0 ? core.idf(id) : maxIdf));
      }
      n = this.closeUnit(1 / used.length, n);
    }
    const named = conceptsNamed(base, title);
    return this.finish(n, named.length > 0 ? Int32Array.from(named).sort() : undefined);
  }
}
