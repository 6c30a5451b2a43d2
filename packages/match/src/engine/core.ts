/**
 * The in-memory index, stored column-wise in typed arrays so a million profiles fit in a few
 * hundred bytes each:
 * - a forward index: every entity's analysed units (own text, each document) and their sum
 *   (`agg`) as term-id / weighted-tf segments of one arena (`fT`, `fW`, `fF` = field of the term);
 * - postings of the aggregated text, built by a counting sort into one arena (`pOff` per term,
 *   `pDoc` entity ids ascending, `pImp` log-tf impacts), plus a small mutable delta for entities
 *   added after the build (merged by a rebuild past a threshold) and tombstones (`live`);
 * - entity metadata in columns (kind, region, discipline / industry codes as dictionary ids,
 *   verified, open capacity, price) so filters are typed-array checks; a slim copy of the entity
 *   without its text for structured scoring and conflict checks; the text itself as UTF-8 JSON
 *   in a byte arena, only for `get`;
 * - IDF, document norms and the corpus-trained semantic vectors (int8 with a per-entity scale on
 *   large corpora).
 * `train()` refreshes statistics, postings and the semantic model. On corpora of more than
 * `LARGE_CORPUS` entities character bigrams are dropped (see README "Scale").
 *
 * @module
 */
import { BIGRAM_MARK, type TokenizeOptions } from '../analysis/tokenize.ts';
import { ByteArena, Dict, IntPool, growTo } from '../index/columns.ts';
import { fromMap, type SparseVec } from '../index/sparse.ts';
import { Vocabulary } from '../index/vocabulary.ts';
import { embedSparse, normalizeDense, trainLsa, type LsaModel } from '../semantic/lsa.ts';
import type { MatchEntity } from '../types.ts';
import { analyzeUnits, type TextBearer, type TextUnit } from './analyze.ts';
import type { ConceptBase } from '../analysis/concept-base.ts';
import { ConceptLayer } from './concepts.ts';

/** A view of one indexed entity (built on demand from the columns). */
export interface EntityRecord {
  idx: number;
  /** The entity without its text fields (id, kind, codes, region, capacity…). */
  entity: MatchEntity;
  /** Raw weighted term frequencies of each unit (own text, then documents). */
  units: SparseVec[];
  /** Sum of the units. */
  agg: SparseVec;
  /** Per `agg` entry: index into `IndexCore.fieldNames` of the field where it weighed most. */
  aggField: Uint8Array;
  length: number;
  /** Dense semantic vectors of each unit (only for multi-unit entities). */
  unitSem?: Float32Array[];
  /** TF-IDF unit vectors cached for multi-unit entities (refreshed by training). */
  unitVecs?: SparseVec[];
}

/** Tunables of the core (all have benchmarked defaults in the engine). */
export interface CoreConfig {
  fieldWeights: Record<string, number>;
  tokenize: TokenizeOptions;
  semanticDim: number;
  maxTrainUnits: number;
  seed: number;
  sigmaExponent: number;
  /** Count document frequency over units (documents) instead of entities. */
  idfUnits: boolean;
  /** Entities above which the index takes its large-corpus form (default `LARGE_CORPUS`). */
  largeCorpus?: number;
  /** The concept base of the concept layer (`src/engine/concepts.ts`); none disables it. */
  conceptBase?: ConceptBase;
  /** Share of a title-named discipline in an entity's concept vector. */
  conceptPrior?: number;
  /** Weight of the concepts as extra semantic-model training texts (0 / undefined: none). */
  conceptLsa?: number;
}

/**
 * Above this many entities (at training time) the index switches to its large-corpus form:
 * no character bigrams (≈ 2.6× fewer postings and forward entries) and int8 semantic vectors.
 * Every quality task is far below it, so their scoring is unchanged.
 */
export const LARGE_CORPUS = 50_000;

/** Fixed-point scale of 16-bit postings impacts (log-tf ≤ 16 fits; resolution 2.4e-4). */
export const IMPACT_SCALE = 4096;

/** Text-bearing entity fields, kept in the byte arena instead of the slim entity. */
const TEXT_KEYS = ['title', 'text', 'keywords', 'fields', 'docs'] as const;

/** Log-scaled term frequency: repeated words add evidence with diminishing returns. */
export function ltf(tf: number): number {
  return tf > 0 ? 1 + Math.log(tf) : 0;
}

const enc = new TextEncoder();
const dec = new TextDecoder();
const NO_CAP = -2147483648;

/** The index. */
export class IndexCore {
  readonly vocab = new Vocabulary();
  readonly fieldNames: string[] = [];
  private readonly fieldIds = new Map<string, number>();
  /** Tokenizer options in force (bigrams switched off in large mode). */
  tok: TokenizeOptions;
  largeMode = false;
  /** Whether the bigrams of entities indexed before large mode were removed (at training). */
  bigramsDropped = false;
  /** Set when statistics must be refreshed before the next query (see `upsert`). */
  needsTrain = false;

  // ---- entities (slot = idx; removed slots stay until compaction) ----
  size = 0;
  ids: string[] = [];
  slim: (MatchEntity | undefined)[] = [];
  live = new Uint8Array(1024);
  readonly byId = new Map<string, number>();
  alive = 0;
  dead = 0;
  unitCount = 0;

  // ---- forward index ----
  fT = new Int32Array(4096);
  fW = new Float32Array(4096);
  fF = new Uint8Array(4096);
  fN = 0;
  uOff = new Int32Array(1024);
  uLen = new Int32Array(1024);
  uN = 0;
  /** First unit, number of units and the agg unit of each entity. */
  eU0 = new Int32Array(1024);
  eUC = new Int32Array(1024);
  eAgg = new Int32Array(1024);
  eLen = new Float32Array(1024);

  // ---- metadata columns ----
  readonly kinds = new Dict();
  readonly regions = new Dict();
  readonly codes = new Dict();
  readonly orgs = new Dict();
  kindId = new Uint8Array(1024);
  regionId = new Int32Array(1024);
  discOff = new Int32Array(1024);
  discCnt = new Uint8Array(1024);
  indOff = new Int32Array(1024);
  indCnt = new Uint8Array(1024);
  readonly codePool = new IntPool();
  verified = new Uint8Array(1024);
  openCap = new Int32Array(1024);
  price = new Float64Array(1024);

  // ---- entity text for get() ----
  text = new ByteArena();
  tChunk = new Int32Array(1024);
  tOff = new Int32Array(1024);
  tLen = new Int32Array(1024);

  // ---- postings ----
  pOff = new Int32Array(1);
  pDoc = new Int32Array(0);
  /** Log-tf impacts; on large corpora 16-bit fixed point (× `IMPACT_SCALE`), else float32. */
  pImp: Float32Array | Uint16Array = new Float32Array(0);
  postingsBuilt = false;
  /** Postings of entities added since the last build: term → [idx, impact, idx, impact…]. */
  delta = new Map<number, number[]>();
  deltaN = 0;

  // ---- statistics and semantics ----
  docNorm = new Float32Array(1024);
  idfCache = new Float32Array(1024);
  idfN = -1;
  model: LsaModel | undefined;
  semF = new Float32Array(0);
  semQ = new Int8Array(0);
  semScale = new Float32Array(0);
  semQuant = false;
  trainedSize = 0;
  private readonly unitVecCache = new Map<number, SparseVec[]>();
  private readonly unitSemCache = new Map<number, Float32Array[]>();

  /** Scratch buffers reused by queries (see `src/index/candidates.ts`). */
  scratchAcc = new Float32Array(0);
  scratchSeen = new Uint8Array(0);
  /** Incremented whenever entity slots are renumbered (compaction); slot-keyed caches compare it. */
  layoutVersion = 0;
  /** Query term weights by term id (`denseQuery` in `src/index/candidates.ts`), zero between queries. */
  scratchQ = new Float64Array(0);
  /** Admitted and filtered-out entity ids of the running query (grown, never shrunk). */
  scratchTouched = new Int32Array(1024);
  scratchRejected = new Int32Array(1024);

  /** The concept layer (absent when the concept base is empty). */
  readonly concepts: ConceptLayer | undefined;

  constructor(readonly config: CoreConfig) {
    this.tok = { ...config.tokenize };
    const cb = config.conceptBase;
    this.concepts = cb && cb.names.length > 0 ? new ConceptLayer(cb, config.conceptPrior) : undefined;
  }

  /** Field id for explanations. */
  fieldId(name: string): number {
    let id = this.fieldIds.get(name);
    if (id === undefined) {
      id = Math.min(this.fieldNames.length, 255);
      if (this.fieldNames.length < 256) {
        this.fieldNames.push(name);
        this.fieldIds.set(name, id);
      }
    }
    return id;
  }

  private scratchKeys = new Float64Array(0);
  private scratchTfs = new Float64Array(0);

  /** Analyses text into units with term ids; `intern` adds new terms (indexing) or drops them (queries). */
  analyze(e: TextBearer, intern: boolean): { units: SparseVec[]; raw: TextUnit[] } {
    const raw = analyzeUnits(e, this.config.fieldWeights, this.tok);
    const units = raw.map((u) => {
      // (term id, position) packed in one float64 and sorted natively: ids ascending, no Map.
      // Scratch arrays reused between calls (not kept: the unit gets its own t / w below).
      if (this.scratchKeys.length < u.tf.size) {
        this.scratchKeys = new Float64Array(Math.max(64, u.tf.size * 2));
        this.scratchTfs = new Float64Array(this.scratchKeys.length);
      }
      const keys = this.scratchKeys;
      const tfs = this.scratchTfs;
      let n = 0;
      for (const [term, tf] of u.tf) {
        const id = intern ? this.vocab.intern(term) : this.vocab.idOf(term);
        if (id < 0) continue;
        keys[n] = id * 2097152 + n;
        tfs[n] = tf;
        n++;
      }
      const sorted = keys.subarray(0, n).sort();
      const t = new Int32Array(n);
      const w = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        const k = sorted[i] as number;
        const pos = k % 2097152;
        t[i] = (k - pos) / 2097152;
        w[i] = tfs[pos] as number;
      }
      return { t, w };
    });
    return { units, raw };
  }

  /** IDF of a term over entities: ln(1 + (N − df + 0.5)/(df + 0.5)). */
  idf(t: number): number {
    if (this.idfStale()) this.refreshIdf();
    else if (t >= this.idfValid) this.refreshIdfRange(this.idfValid, this.vocab.size);
    return this.idfCache[t] as number;
  }

  /** The IDF of every vocabulary term, refreshed if stale (index it by term id; valid until the next change). */
  idfTable(): Float32Array {
    if (this.idfStale()) this.refreshIdf();
    else if (this.idfValid < this.vocab.size) this.refreshIdfRange(this.idfValid, this.vocab.size);
    return this.idfCache;
  }

  /** Terms [0, idfValid) have a cached IDF computed with `idfDocs` documents. */
  private idfValid = 0;
  private idfDocs = 0;

  /**
   * Whether the cached IDF must be recomputed. Small corpora: whenever the entity count changed
   * (exact scores). Large corpora: when it drifted by more than 1 % — a single upsert then costs
   * O(its terms), not O(vocabulary); the changed terms are refreshed individually (`refreshIdfTerms`).
   */
  private idfStale(): boolean {
    if (this.idfN === this.alive) return false;
    if (!this.largeMode || !this.postingsBuilt) return true;
    return Math.abs(this.alive - this.idfN) > Math.max(1, this.idfN * 0.01);
  }

  refreshIdf(): void {
    this.idfDocs = this.config.idfUnits ? this.unitCount : this.alive;
    this.idfValid = 0;
    this.refreshIdfRange(0, this.vocab.size);
    this.idfN = this.alive;
  }

  private refreshIdfRange(from: number, to: number): void {
    if (this.idfCache.length < to) {
      const c = new Float32Array(Math.max(to, this.idfCache.length * 2));
      c.set(this.idfCache.subarray(0, from));
      this.idfCache = c;
    }
    const df = this.config.idfUnits ? this.vocab.dfUnit : this.vocab.dfEntity;
    const n = this.idfDocs;
    for (let t = from; t < to; t++) {
      const d = df[t] as number;
      this.idfCache[t] = Math.log(1 + (n - d + 0.5) / (d + 0.5));
    }
    this.idfValid = Math.max(this.idfValid, to);
  }

  /** Recomputes the cached IDF of some terms (their document frequency changed). */
  private refreshIdfTerms(ts: Int32Array): void {
    if (this.idfStale()) return this.refreshIdf();
    if (this.idfValid < this.vocab.size) this.refreshIdfRange(this.idfValid, this.vocab.size);
    const df = this.config.idfUnits ? this.vocab.dfUnit : this.vocab.dfEntity;
    const n = this.idfDocs;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i] as number;
      const d = df[t] as number;
      this.idfCache[t] = Math.log(1 + (n - d + 0.5) / (d + 0.5));
    }
  }

  /** TF-IDF weights of a raw vector, L2-normalised. */
  tfidf(v: SparseVec): SparseVec {
    if (this.idfStale()) this.refreshIdf();
    else if (this.idfValid < this.vocab.size) this.refreshIdfRange(this.idfValid, this.vocab.size);
    const w = new Float32Array(v.t.length);
    let s = 0;
    for (let i = 0; i < w.length; i++) {
      const x = ltf(v.w[i] as number) * (this.idfCache[v.t[i] as number] as number);
      w[i] = x;
      s += x * x;
    }
    if (s > 0) {
      const inv = 1 / Math.sqrt(s);
      for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) * inv;
    }
    return { t: v.t, w };
  }

  // ---------------------------------------------------------------- entity views

  /** A unit's raw vector (views into the arena). */
  unitVec(u: number): SparseVec {
    const o = this.uOff[u] as number;
    const n = this.uLen[u] as number;
    return { t: this.fT.subarray(o, o + n), w: this.fW.subarray(o, o + n) };
  }

  /** The aggregated raw vector of an entity. */
  aggOf(idx: number): SparseVec {
    return this.unitVec(this.eAgg[idx] as number);
  }

  /** Units of an entity (the agg itself for single-unit entities). */
  unitsOf(idx: number): SparseVec[] {
    const a = this.eAgg[idx] as number;
    const u0 = this.eU0[idx] as number;
    const c = this.eUC[idx] as number;
    if (c <= 1 && u0 === a) return [this.unitVec(a)];
    const out: SparseVec[] = [];
    for (let u = u0; u < u0 + c; u++) out.push(this.unitVec(u));
    return out;
  }

  isLive(idx: number): boolean {
    return this.live[idx] === 1;
  }

  /** The record view of a live entity. */
  rec(idx: number): EntityRecord | undefined {
    if (this.live[idx] !== 1) return undefined;
    const a = this.eAgg[idx] as number;
    const o = this.uOff[a] as number;
    const units = this.unitsOf(idx);
    return {
      idx,
      entity: this.slimOf(idx) as MatchEntity,
      units,
      agg: units.length === 1 ? (units[0] as SparseVec) : this.unitVec(a),
      aggField: this.fF.subarray(o, o + (this.uLen[a] as number)),
      length: this.eLen[idx] as number,
      ...this.unitCaches(idx, units),
    };
  }

  /**
   * The entity without its text: the stored slim object, or — for entities whose non-text fields
   * all live in the columns (id, kind, region, discipline / industry codes, verified, price) —
   * rebuilt from the columns, so a million such profiles keep no JS object at all.
   */
  slimOf(idx: number): MatchEntity | undefined {
    if (this.live[idx] !== 1) return undefined;
    const stored = this.slim[idx];
    if (stored) return stored;
    const e: MatchEntity = { id: this.ids[idx] as string };
    const kind = this.kinds.names[this.kindId[idx] as number];
    if (kind) e.kind = kind;
    const r = this.regionId[idx] as number;
    if (r >= 0) e.region = this.regions.names[r];
    const pool = this.codePool.data;
    const codes = (off: number, n: number): string[] | undefined =>
      n > 0 ? Array.from(pool.subarray(off, off + n), (c) => this.codes.names[c] as string) : undefined;
    const disc = codes(this.discOff[idx] as number, this.discCnt[idx] as number);
    if (disc) e.disciplines = disc;
    const ind = codes(this.indOff[idx] as number, this.indCnt[idx] as number);
    if (ind) e.industries = ind;
    if (this.verified[idx] === 1) e.verified = true;
    const price = this.price[idx] as number;
    if (!Number.isNaN(price)) e.price = price;
    return e;
  }

  /** Whether the non-text fields are exactly recoverable from the columns (see `slimOf`). */
  private columnar(slim: Record<string, unknown>): boolean {
    for (const [k, v] of Object.entries(slim)) {
      switch (k) {
        case 'id':
          break;
        case 'kind':
          if (typeof v !== 'string' || v === '' || (this.kinds.ids.get(v) ?? 0) >= 255) return false;
          break;
        case 'region':
          if (typeof v !== 'string' || v === '') return false;
          break;
        case 'disciplines':
        case 'industries':
          if (!Array.isArray(v) || v.length === 0 || v.length > 255 || !v.every((x) => typeof x === 'string'))
            return false;
          break;
        case 'verified':
          if (v !== true) return false;
          break;
        case 'price':
          if (typeof v !== 'number' || !Number.isFinite(v)) return false;
          break;
        default:
          return false;
      }
    }
    return true;
  }

  /** The full entity (slim part + stored text; large corpora keep no text, see README "Scale"). */
  entity(idx: number): MatchEntity | undefined {
    const slim = this.slimOf(idx);
    if (!slim) return undefined;
    const len = this.tLen[idx] as number;
    if (len === 0) return { ...slim };
    const txt = JSON.parse(
      dec.decode(this.text.get(this.tChunk[idx] as number, this.tOff[idx] as number, len)),
    ) as Partial<MatchEntity>;
    return { ...slim, ...txt };
  }

  /** Number of postings of a term (built + delta). */
  postingCount(t: number): number {
    const base = t + 1 < this.pOff.length ? (this.pOff[t + 1] as number) - (this.pOff[t] as number) : 0;
    const d = this.delta.get(t);
    return base + (d ? d.length >> 1 : 0);
  }

  // ---------------------------------------------------------------- updates

  private ensureEntityCap(n: number): void {
    if (n <= this.live.length) return;
    const g = <T extends Int32Array | Float32Array | Float64Array | Uint8Array>(a: T): T => growTo(a, n);
    this.live = g(this.live);
    this.eU0 = g(this.eU0);
    this.eUC = g(this.eUC);
    this.eAgg = g(this.eAgg);
    this.eLen = g(this.eLen);
    this.kindId = g(this.kindId);
    this.regionId = g(this.regionId);
    this.discOff = g(this.discOff);
    this.discCnt = g(this.discCnt);
    this.indOff = g(this.indOff);
    this.indCnt = g(this.indCnt);
    this.verified = g(this.verified);
    this.openCap = g(this.openCap);
    this.price = g(this.price);
    this.tChunk = g(this.tChunk);
    this.tOff = g(this.tOff);
    this.tLen = g(this.tLen);
    this.docNorm = g(this.docNorm);
  }

  private writeUnit(v: SparseVec, fields?: Uint8Array): number {
    const n = v.t.length;
    if (this.fN + n > this.fT.length) {
      // ×1.25 steps: the arena is the largest structure, so little slack and a low copy peak.
      this.fT = growTo(this.fT, this.fN + n, 1.25);
      this.fW = growTo(this.fW, this.fN + n, 1.25);
      this.fF = growTo(this.fF, this.fN + n, 1.25);
    }
    this.fT.set(v.t, this.fN);
    this.fW.set(v.w, this.fN);
    if (fields) this.fF.set(fields, this.fN);
    this.uOff = growTo(this.uOff, this.uN + 1);
    this.uLen = growTo(this.uLen, this.uN + 1);
    this.uOff[this.uN] = this.fN;
    this.uLen[this.uN] = n;
    this.fN += n;
    return this.uN++;
  }

  private codeIds(list: unknown): number[] {
    if (!Array.isArray(list)) return [];
    const out: number[] = [];
    for (const c of list) if (typeof c === 'string' && out.length < 255) out.push(this.codes.intern(c));
    return out;
  }

  /** Adds or replaces an entity. */
  upsert(entity: MatchEntity): void {
    if (this.byId.has(entity.id)) this.remove(entity.id);
    if (!this.largeMode && this.alive >= (this.config.largeCorpus ?? LARGE_CORPUS)) {
      // From here on the corpus is large: no bigrams for new entities and queries; the earlier
      // entities lose theirs at the next training, which an index already in use gets at once.
      this.largeMode = true;
      this.tok = { ...this.tok, bigrams: false };
      if (this.postingsBuilt) this.needsTrain = true;
    }
    const { units, raw } = this.analyze(entity, true);
    let length = 0;
    let agg: SparseVec;
    let aggField: Uint8Array;
    if (units.length === 1) {
      // One unit (the common case at scale): it is its own aggregate, no merging maps.
      agg = units[0] as SparseVec;
      const r = raw[0] as TextUnit;
      length = r.length;
      aggField = new Uint8Array(agg.t.length);
      for (let i = 0; i < agg.t.length; i++) {
        const t = agg.t[i] as number;
        aggField[i] = this.fieldId(r.field.get(this.vocab.term(t)) ?? 'text');
        this.vocab.dfUnit[t] = (this.vocab.dfUnit[t] as number) + 1;
        this.vocab.dfEntity[t] = (this.vocab.dfEntity[t] as number) + 1;
      }
    } else {
      const aggMap = new Map<number, number>();
      const fieldOf = new Map<number, number>();
      units.forEach((u, ui) => {
        const r = raw[ui] as TextUnit;
        length += r.length;
        for (let i = 0; i < u.t.length; i++) {
          const t = u.t[i] as number;
          const w = u.w[i] as number;
          aggMap.set(t, (aggMap.get(t) ?? 0) + w);
          if (!fieldOf.has(t)) fieldOf.set(t, this.fieldId(r.field.get(this.vocab.term(t)) ?? 'text'));
          this.vocab.dfUnit[t] = (this.vocab.dfUnit[t] as number) + 1;
        }
      });
      agg = fromMap(aggMap);
      aggField = new Uint8Array(agg.t.length);
      for (let i = 0; i < agg.t.length; i++) {
        const t = agg.t[i] as number;
        aggField[i] = fieldOf.get(t) ?? 0;
        this.vocab.dfEntity[t] = (this.vocab.dfEntity[t] as number) + 1;
      }
    }
    const idx = this.size++;
    this.ensureEntityCap(this.size);
    if (units.length <= 1) {
      const u = this.writeUnit(agg, aggField);
      this.eU0[idx] = u;
      this.eUC[idx] = 1;
      this.eAgg[idx] = u;
    } else {
      let first = -1;
      for (const u of units) {
        const k = this.writeUnit(u);
        if (first < 0) first = k;
      }
      this.eU0[idx] = first;
      this.eUC[idx] = units.length;
      this.eAgg[idx] = this.writeUnit(agg, aggField);
    }
    this.eLen[idx] = length;
    // Metadata columns and the slim entity.
    const slim: Record<string, unknown> = {};
    const txt: Record<string, unknown> = {};
    let hasText = false;
    for (const [k, v] of Object.entries(entity)) {
      if (v === undefined) continue;
      if ((TEXT_KEYS as readonly string[]).includes(k)) {
        txt[k] = v;
        hasText = true;
      } else slim[k] = v;
    }
    this.ids[idx] = entity.id;
    this.kindId[idx] = Math.min(255, this.kinds.intern(typeof entity.kind === 'string' ? entity.kind : ''));
    this.slim[idx] = this.columnar(slim) ? undefined : (slim as unknown as MatchEntity);
    this.regionId[idx] = typeof entity.region === 'string' ? this.regions.intern(entity.region) : -1;
    const disc = this.codeIds(entity.disciplines);
    this.discOff[idx] = this.codePool.push(disc);
    this.discCnt[idx] = disc.length;
    const ind = this.codeIds(entity.industries);
    this.indOff[idx] = this.codePool.push(ind);
    this.indCnt[idx] = ind.length;
    this.verified[idx] = entity.verified ? 1 : 0;
    this.openCap[idx] =
      entity.capacity && typeof entity.capacity.open === 'number' && !Number.isNaN(entity.capacity.open)
        ? Math.max(-1, Math.min(1e9, Math.ceil(entity.capacity.open)))
        : NO_CAP;
    this.price[idx] = typeof entity.price === 'number' ? entity.price : Number.NaN;
    if (hasText && !this.largeMode) {
      const bytes = enc.encode(JSON.stringify(txt));
      const [c, o] = this.text.put(bytes);
      this.tChunk[idx] = c;
      this.tOff[idx] = o;
      this.tLen[idx] = bytes.length;
    } else this.tLen[idx] = 0;
    this.live[idx] = 1;
    this.byId.set(entity.id, idx);
    this.concepts?.setPrior(entity.id, entity.title);
    this.alive++;
    this.unitCount += units.length;
    if (this.postingsBuilt) {
      if (this.largeMode) this.refreshIdfTerms(agg.t);
      this.appendDelta(idx);
      this.computeNorm(idx);
      if (this.model) this.embedRecord(idx);
      if (this.concepts?.columnOn) this.concepts.setColumn(this, idx);
    }
  }

  /** Removes an entity (tombstone); false when unknown. */
  remove(id: string): boolean {
    const idx = this.byId.get(id);
    if (idx === undefined) return false;
    this.byId.delete(id);
    if (this.live[idx] !== 1) return false;
    const agg = this.aggOf(idx);
    for (let i = 0; i < agg.t.length; i++) {
      const t = agg.t[i] as number;
      this.vocab.dfEntity[t] = (this.vocab.dfEntity[t] as number) - 1;
    }
    const units = this.unitsOf(idx);
    for (const u of units)
      for (let i = 0; i < u.t.length; i++) {
        const t = u.t[i] as number;
        this.vocab.dfUnit[t] = (this.vocab.dfUnit[t] as number) - 1;
      }
    this.unitCount -= units.length;
    if (this.postingsBuilt && this.largeMode) this.refreshIdfTerms(agg.t);
    this.live[idx] = 0;
    this.slim[idx] = undefined;
    this.concepts?.priors.delete(id);
    this.concepts?.invalidate();
    this.unitVecCache.delete(idx);
    this.unitSemCache.delete(idx);
    this.alive--;
    this.dead++;
    if (this.postingsBuilt && this.dead > 1000 && this.dead > this.alive / 4) {
      this.compact();
      this.buildPostings();
    }
    return true;
  }

  private appendDelta(idx: number): void {
    const agg = this.aggOf(idx);
    for (let i = 0; i < agg.t.length; i++) {
      const t = agg.t[i] as number;
      let d = this.delta.get(t);
      if (!d) this.delta.set(t, (d = []));
      d.push(idx, ltf(agg.w[i] as number));
    }
    this.deltaN += agg.t.length;
    // Merge the delta into the arena once it is a noticeable share of it (amortised O(1)).
    if (this.deltaN > Math.max(20_000, this.pDoc.length / 8)) this.buildPostings();
  }

  /** Rebuilds all postings by a counting sort over the forward index, dropping removed entities. */
  buildPostings(): void {
    const v = this.vocab.size;
    const off = new Int32Array(v + 1);
    for (let idx = 0; idx < this.size; idx++) {
      if (this.live[idx] !== 1) continue;
      const a = this.eAgg[idx] as number;
      const o = this.uOff[a] as number;
      const end = o + (this.uLen[a] as number);
      for (let k = o; k < end; k++) {
        const t1 = (this.fT[k] as number) + 1;
        off[t1] = (off[t1] as number) + 1;
      }
    }
    for (let t = 0; t < v; t++) off[t + 1] = (off[t + 1] as number) + (off[t] as number);
    const total = off[v] as number;
    const doc = new Int32Array(total);
    const quant = this.largeMode;
    const imp = quant ? new Uint16Array(total) : new Float32Array(total);
    const pos = off.slice(0, v);
    for (let idx = 0; idx < this.size; idx++) {
      if (this.live[idx] !== 1) continue;
      const a = this.eAgg[idx] as number;
      const o = this.uOff[a] as number;
      const end = o + (this.uLen[a] as number);
      for (let k = o; k < end; k++) {
        const t = this.fT[k] as number;
        const p = pos[t] as number;
        doc[p] = idx;
        const x = ltf(this.fW[k] as number);
        imp[p] = quant ? Math.min(65535, Math.round(x * IMPACT_SCALE)) : x;
        pos[t] = p + 1;
      }
    }
    this.pOff = off;
    this.pDoc = doc;
    this.pImp = imp;
    this.delta = new Map();
    this.deltaN = 0;
    this.postingsBuilt = true;
  }

  /**
   * Renumbers live entities densely (dropping removed slots) and rewrites the forward arena in
   * place; with `dropBigrams` also removes character-bigram terms (large-corpus mode).
   */
  compact(dropBigrams = false): void {
    this.layoutVersion++;
    const drop = new Uint8Array(this.vocab.size);
    if (dropBigrams)
      for (let t = 0; t < this.vocab.size; t++) if (this.vocab.term(t).startsWith(BIGRAM_MARK)) drop[t] = 1;
    let w = 0; // arena write position
    let un = 0; // unit write position
    let ni = 0; // entity write position
    const moveUnit = (u: number): number => {
      const o = this.uOff[u] as number;
      const n = this.uLen[u] as number;
      const start = w;
      for (let k = o; k < o + n; k++) {
        const t = this.fT[k] as number;
        if (drop[t] === 1) continue;
        this.fT[w] = t;
        this.fW[w] = this.fW[k] as number;
        this.fF[w] = this.fF[k] as number;
        w++;
      }
      this.uOff[un] = start;
      this.uLen[un] = w - start;
      return un++;
    };
    const semDim = this.model?.dim ?? 0;
    const vecCache = new Map<number, SparseVec[]>();
    const semCache = new Map<number, Float32Array[]>();
    for (let idx = 0; idx < this.size; idx++) {
      if (this.live[idx] !== 1) continue;
      const a = this.eAgg[idx] as number;
      const u0 = this.eU0[idx] as number;
      const c = this.eUC[idx] as number;
      if (c <= 1 && u0 === a) {
        const u = moveUnit(a);
        this.eU0[ni] = u;
        this.eAgg[ni] = u;
      } else {
        let first = -1;
        for (let u = u0; u < u0 + c; u++) {
          const k = moveUnit(u);
          if (first < 0) first = k;
        }
        this.eU0[ni] = first;
        this.eAgg[ni] = moveUnit(a);
      }
      this.eUC[ni] = c;
      if (ni !== idx) {
        this.eLen[ni] = this.eLen[idx] as number;
        this.kindId[ni] = this.kindId[idx] as number;
        this.regionId[ni] = this.regionId[idx] as number;
        this.discOff[ni] = this.discOff[idx] as number;
        this.discCnt[ni] = this.discCnt[idx] as number;
        this.indOff[ni] = this.indOff[idx] as number;
        this.indCnt[ni] = this.indCnt[idx] as number;
        this.verified[ni] = this.verified[idx] as number;
        this.openCap[ni] = this.openCap[idx] as number;
        this.price[ni] = this.price[idx] as number;
        this.tChunk[ni] = this.tChunk[idx] as number;
        this.tOff[ni] = this.tOff[idx] as number;
        this.tLen[ni] = this.tLen[idx] as number;
        this.docNorm[ni] = this.docNorm[idx] as number;
        this.slim[ni] = this.slim[idx];
        this.ids[ni] = this.ids[idx] as string;
        this.live[ni] = 1;
        if (semDim) {
          if (this.semQuant) {
            this.semQ.copyWithin(ni * semDim, idx * semDim, (idx + 1) * semDim);
            this.semScale[ni] = this.semScale[idx] as number;
          } else this.semF.copyWithin(ni * semDim, idx * semDim, (idx + 1) * semDim);
        }
      }
      this.concepts?.moveColumn(idx, ni);
      const vc = this.unitVecCache.get(idx);
      if (vc) vecCache.set(ni, vc);
      const sc = this.unitSemCache.get(idx);
      if (sc) semCache.set(ni, sc);
      this.byId.set(this.ids[ni] as string, ni);
      ni++;
    }
    this.live.fill(0, ni);
    this.concepts?.invalidate();
    this.slim.length = ni;
    this.ids.length = ni;
    this.size = ni;
    this.fN = w;
    this.uN = un;
    this.dead = 0;
    this.unitVecCache.clear();
    this.unitSemCache.clear();
    for (const [k, v] of vecCache) this.unitVecCache.set(k, v);
    for (const [k, v] of semCache) this.unitSemCache.set(k, v);
    if (dropBigrams) {
      // Large corpora keep no entity text (the caller's database has it): drop what was kept.
      this.text = new ByteArena();
      this.tLen.fill(0);
      for (let t = 0; t < this.vocab.size; t++)
        if (drop[t] === 1) {
          this.vocab.dfEntity[t] = 0;
          this.vocab.dfUnit[t] = 0;
        }
    }
  }

  /** Refreshes an entity's norm (and cached unit vectors) with the current IDF. */
  computeNorm(idx: number): void {
    const agg = this.aggOf(idx);
    let s = 0;
    for (let i = 0; i < agg.t.length; i++) s += (ltf(agg.w[i] as number) * this.idf(agg.t[i] as number)) ** 2;
    this.docNorm[idx] = Math.sqrt(s) || 1;
    if ((this.eUC[idx] as number) > 1 && !this.largeMode)
      this.unitVecCache.set(
        idx,
        this.unitsOf(idx).map((u) => this.tfidf(u)),
      );
    else this.unitVecCache.delete(idx);
  }

  /** Set by `train({ semantic: false })` until `finishTraining()` trains the semantic part. */
  semanticPending = false;

  /**
   * Refreshes IDF, norms, postings and the semantic model on the current corpus. With
   * `{ semantic: false }` the semantic model (and the concept column of large corpora) is left for
   * `finishTraining()`: until then the index answers with its lexical and concept parts only.
   */
  train(options: { semantic?: boolean } = {}): void {
    if (this.largeMode && !this.bigramsDropped) {
      this.compact(true);
      this.bigramsDropped = true;
    } else if (this.dead > 0) this.compact();
    this.needsTrain = false;
    this.concepts?.invalidate();
    this.refreshIdf();
    this.concepts?.measure(this);
    this.buildPostings();
    for (let idx = 0; idx < this.size; idx++) if (this.live[idx] === 1) this.computeNorm(idx);
    this.trainedSize = this.alive;
    this.semanticPending = true;
    if (options.semantic === false) {
      this.model = undefined;
      return;
    }
    this.finishTraining();
  }

  /** Trains what `train({ semantic: false })` left (no-op otherwise); true when it did. */
  finishTraining(): boolean {
    if (!this.semanticPending) return false;
    this.semanticPending = false;
    this.trainSemantic();
    // Large corpora: the concept column (a few multiply-adds per candidate instead of a vector).
    if (this.largeMode) this.concepts?.buildColumn(this);
    return true;
  }

  /**
   * `finishTraining()` in slices: the model is fitted at once, then entities are embedded for about
   * `sliceMs` at a time with `await pause()` between slices (a server keeps answering: searches
   * rank without the semantic part until every entity has its vector, then with it). The caller
   * must not change the index until it resolves.
   */
  async finishTrainingInSlices(pause: () => Promise<void>, sliceMs = 50): Promise<boolean> {
    if (!this.semanticPending) return false;
    this.semanticPending = false;
    const model = this.fitSemantic();
    if (model) {
      this.staged = model;
      try {
        let t = performance.now();
        for (let idx = 0; idx < this.size; idx++) {
          if (this.live[idx] === 1) this.embedRecord(idx);
          if (performance.now() - t >= sliceMs) {
            await pause();
            t = performance.now();
          }
        }
        this.model = model;
      } finally {
        this.staged = undefined;
        // Interrupted (pause threw): still to do.
        if (this.model !== model) this.semanticPending = true;
      }
    }
    if (this.largeMode) this.concepts?.buildColumn(this);
    return true;
  }

  /** A model being embedded by `finishTrainingInSlices`, not yet used by searches. */
  private staged: LsaModel | undefined;

  private trainSemantic(): void {
    const model = this.fitSemantic();
    if (!model) return;
    this.staged = model;
    for (let idx = 0; idx < this.size; idx++) if (this.live[idx] === 1) this.embedRecord(idx);
    this.model = model;
    this.staged = undefined;
  }

  /** Clears the semantic vectors and fits a model on the corpus (not yet in use). */
  private fitSemantic(): LsaModel | undefined {
    this.model = undefined;
    this.semF = new Float32Array(0);
    this.semQ = new Int8Array(0);
    this.semScale = new Float32Array(0);
    this.unitSemCache.clear();
    const dim = this.config.semanticDim;
    if (dim <= 0) return undefined;
    const units: SparseVec[] = [];
    // An even sample of entities bounds training time on large corpora (deterministic stride).
    const stride = Math.max(1, Math.ceil(this.unitCount / this.config.maxTrainUnits));
    let k = 0;
    for (let idx = 0; idx < this.size; idx++) {
      if (this.live[idx] !== 1) continue;
      for (const u of this.unitsOf(idx)) if (k++ % stride === 0) units.push(this.tfidf(u));
    }
    if (this.concepts && this.config.conceptLsa)
      units.push(...this.concepts.lsaUnits(this, this.config.conceptLsa * this.concepts.trust));
    const model = trainLsa(units, this.vocab.size, {
      dim,
      seed: this.config.seed,
      sigmaExponent: this.config.sigmaExponent,
    });
    if (!model) return undefined;
    this.semQuant = this.largeMode;
    this.ensureSemCap(this.size, model.dim);
    return model;
  }

  private ensureSemCap(n: number, d = (this.model ?? this.staged)?.dim ?? 0): void {
    if (!d) return;
    if (this.semQuant) {
      if (this.semQ.length < n * d) {
        const cap = Math.max(n, Math.ceil((this.semQ.length / d) * 1.25));
        const q = new Int8Array(cap * d);
        q.set(this.semQ);
        this.semQ = q;
        this.semScale = growTo(this.semScale, cap);
      }
    } else if (this.semF.length < n * d) {
      const cap = Math.max(n, Math.ceil((this.semF.length / d) * 1.5));
      const f = new Float32Array(cap * d);
      f.set(this.semF);
      this.semF = f;
    }
  }

  private readonly semTmp = new Float32Array(1024);

  /** Computes an entity's semantic vector(s) with the current model. */
  /**
   * A multi-document entity's per-document TF-IDF and semantic vectors. Small corpora keep them
   * cached from training; large corpora compute them when the entity is a candidate, because a
   * cache of every document of every profile (≈ 1.2 M vectors at 100k profiles) costs more memory
   * than the whole index.
   */
  private unitCaches(idx: number, units: SparseVec[]): Pick<EntityRecord, 'unitVecs' | 'unitSem'> {
    const cachedVecs = this.unitVecCache.get(idx);
    const cachedSem = this.unitSemCache.get(idx);
    if (!this.largeMode || units.length < 2 || (cachedVecs && cachedSem)) {
      return { unitVecs: cachedVecs, unitSem: cachedSem };
    }
    const model = this.model;
    return {
      unitVecs: cachedVecs ?? units.map((u) => this.tfidf(u)),
      unitSem: cachedSem ?? (model ? units.map((u) => embedSparse(model, this.tfidf(u))) : undefined),
    };
  }

  embedRecord(idx: number): void {
    const model = this.model ?? this.staged;
    if (!model) return;
    const d = model.dim;
    this.ensureSemCap(idx + 1);
    const out = this.semQuant ? this.semTmp.subarray(0, d) : this.semF.subarray(idx * d, (idx + 1) * d);
    if ((this.eUC[idx] as number) > 1) {
      // An entity's meaning is the centroid of its documents' meanings (each document counts once).
      const unitSem = this.unitsOf(idx).map((u) => embedSparse(model, this.tfidf(u)));
      if (!this.largeMode) this.unitSemCache.set(idx, unitSem);
      out.fill(0);
      for (const v of unitSem) for (let i = 0; i < d; i++) out[i] = (out[i] as number) + (v[i] as number);
      normalizeDense(out);
    } else {
      embedSparse(model, this.tfidf(this.aggOf(idx)), out);
    }
    if (this.semQuant) {
      let m = 0;
      for (let i = 0; i < d; i++) m = Math.max(m, Math.abs(out[i] as number));
      const scale = m > 0 ? m / 127 : 1;
      this.semScale[idx] = scale;
      const o = idx * d;
      for (let i = 0; i < d; i++) this.semQ[o + i] = Math.round((out[i] as number) / scale);
    }
  }

  /** Dot product of a query's semantic vector with an entity's (0 without a model). */
  semDot(v: Float32Array, idx: number): number {
    const d = this.model?.dim ?? 0;
    if (!d) return 0;
    let s = 0;
    const o = idx * d;
    if (this.semQuant) {
      const q = this.semQ;
      for (let k = 0; k < d; k++) s += (v[k] as number) * (q[o + k] as number);
      return s * (this.semScale[idx] as number);
    }
    const f = this.semF;
    for (let k = 0; k < d; k++) s += (v[k] as number) * (f[o + k] as number);
    return s;
  }

  /** An entity's semantic vector (a copy when quantised). */
  semVec(idx: number): Float32Array | undefined {
    const d = this.model?.dim ?? 0;
    if (!d) return undefined;
    if (!this.semQuant) return this.semF.subarray(idx * d, (idx + 1) * d);
    const out = new Float32Array(d);
    const sc = this.semScale[idx] as number;
    for (let k = 0; k < d; k++) out[k] = (this.semQ[idx * d + k] as number) * sc;
    return out;
  }

  /** Semantic vector of a query's unit (undefined when there is no model). */
  embedQuery(v: SparseVec): Float32Array | undefined {
    return this.model ? embedSparse(this.model, this.tfidf(v)) : undefined;
  }

  /** Approximate bytes held by the index's typed arrays (for benchmark facts). */
  bytes(): number {
    const arrs = [
      this.fT,
      this.fW,
      this.fF,
      this.uOff,
      this.uLen,
      this.eU0,
      this.eUC,
      this.eAgg,
      this.eLen,
      this.kindId,
      this.regionId,
      this.discOff,
      this.discCnt,
      this.indOff,
      this.indCnt,
      this.codePool.data,
      this.verified,
      this.openCap,
      this.price,
      this.tChunk,
      this.tOff,
      this.tLen,
      this.pOff,
      this.pDoc,
      this.pImp,
      this.docNorm,
      this.semF,
      this.semQ,
      this.semScale,
      this.live,
    ];
    let s = this.text.capacity;
    for (const a of arrs) s += a.byteLength;
    return s;
  }
}
