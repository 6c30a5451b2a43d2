/**
 * The in-memory index: entity records (analysed units as sparse term-frequency vectors),
 * per-term postings for the entities' aggregated text, IDF, document norms and the corpus-trained
 * semantic vectors. Updates are incremental: an upsert appends postings and its norm and vector
 * are computed with the current statistics; a removal tombstones the entity and postings are
 * compacted when enough are dead. `train()` refreshes statistics and the semantic model.
 *
 * @module
 */
import type { TokenizeOptions } from '../analysis/tokenize.ts';
import { fromMap, type SparseVec } from '../index/sparse.ts';
import { Vocabulary, grow } from '../index/vocabulary.ts';
import { embedSparse, normalizeDense, trainLsa, type LsaModel } from '../semantic/lsa.ts';
import type { MatchEntity } from '../types.ts';
import { analyzeUnits, type TextBearer, type TextUnit } from './analyze.ts';

/** One indexed entity. */
export interface EntityRecord {
  idx: number;
  entity: MatchEntity;
  /** Raw weighted term frequencies of each unit (own text, then documents). */
  units: SparseVec[];
  /** Sum of the units. */
  agg: SparseVec;
  /** Per `agg` entry: index into `IndexCore.fieldNames` of the field where it weighed most. */
  aggField: Uint8Array;
  length: number;
  /** Dense semantic vectors of each unit (only kept for multi-unit entities). */
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
}

/** Log-scaled term frequency: repeated words add evidence with diminishing returns. */
export function ltf(tf: number): number {
  return tf > 0 ? 1 + Math.log(tf) : 0;
}

/** The index. */
export class IndexCore {
  readonly vocab = new Vocabulary();
  readonly fieldNames: string[] = [];
  private readonly fieldIds = new Map<string, number>();
  records: (EntityRecord | undefined)[] = [];
  readonly byId = new Map<string, number>();
  alive = 0;
  dead = 0;
  unitCount = 0;
  // Postings of the aggregated text: entity idx and log-tf per term.
  pDocs: Int32Array[] = [];
  pW: Float32Array[] = [];
  pLen = new Int32Array(1024);
  postingsBuilt = false;
  /** L2 norm of each entity's TF-IDF vector. */
  docNorm = new Float32Array(1024);
  idfCache = new Float32Array(1024);
  idfN = -1;
  model: LsaModel | undefined;
  /** Entity semantic vectors, idx × dim. */
  sem = new Float32Array(0);
  trainedSize = 0;

  constructor(readonly config: CoreConfig) {}

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

  /** Analyses text into units with term ids; `intern` adds new terms (indexing) or drops them (queries). */
  analyze(e: TextBearer, intern: boolean): { units: SparseVec[]; raw: TextUnit[] } {
    const raw = analyzeUnits(e, this.config.fieldWeights, this.config.tokenize);
    const units = raw.map((u) => {
      const m = new Map<number, number>();
      for (const [term, tf] of u.tf) {
        const id = intern ? this.vocab.intern(term) : this.vocab.idOf(term);
        if (id >= 0) m.set(id, tf);
      }
      return fromMap(m);
    });
    return { units, raw };
  }

  /** IDF of a term over entities: ln(1 + (N − df + 0.5)/(df + 0.5)). */
  idf(t: number): number {
    const n = this.alive;
    if (this.idfN !== n || t >= this.idfCache.length) this.refreshIdf();
    return this.idfCache[t] as number;
  }

  refreshIdf(): void {
    const units = this.config.idfUnits;
    const n = units ? this.unitCount : this.alive;
    const v = this.vocab.size;
    if (this.idfCache.length < v) this.idfCache = new Float32Array(Math.max(v, this.idfCache.length * 2));
    const df = units ? this.vocab.dfUnit : this.vocab.dfEntity;
    for (let t = 0; t < v; t++) {
      const d = df[t] as number;
      this.idfCache[t] = Math.log(1 + (n - d + 0.5) / (d + 0.5));
    }
    this.idfN = this.alive;
  }

  /** TF-IDF weights of a raw vector, L2-normalised. */
  tfidf(v: SparseVec): SparseVec {
    if (this.idfN !== this.alive || this.idfCache.length < this.vocab.size) this.refreshIdf();
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

  /** Refreshes an entity's norm (and cached unit vectors) with the current IDF. */
  computeNorm(rec: EntityRecord): void {
    const { agg } = rec;
    let s = 0;
    for (let i = 0; i < agg.t.length; i++) s += (ltf(agg.w[i] as number) * this.idf(agg.t[i] as number)) ** 2;
    this.docNorm = grow(this.docNorm, rec.idx + 1);
    this.docNorm[rec.idx] = Math.sqrt(s) || 1;
    rec.unitVecs = rec.units.length > 1 ? rec.units.map((u) => this.tfidf(u)) : undefined;
  }

  /** Adds or replaces an entity. */
  upsert(entity: MatchEntity): void {
    const old = this.byId.get(entity.id);
    if (old !== undefined) this.remove(entity.id);
    const { units, raw } = this.analyze(entity, true);
    const aggMap = new Map<number, number>();
    const fieldOf = new Map<number, number>();
    let length = 0;
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
    const agg = fromMap(aggMap);
    const aggField = new Uint8Array(agg.t.length);
    for (let i = 0; i < agg.t.length; i++) {
      const t = agg.t[i] as number;
      aggField[i] = fieldOf.get(t) ?? 0;
      this.vocab.dfEntity[t] = (this.vocab.dfEntity[t] as number) + 1;
    }
    const idx = this.records.length;
    const rec: EntityRecord = {
      idx,
      entity,
      units: units.length === 1 ? [agg] : units,
      agg,
      aggField,
      length,
    };
    this.records.push(rec);
    this.byId.set(entity.id, idx);
    this.alive++;
    this.unitCount += units.length;
    if (this.postingsBuilt) {
      this.appendPostings(rec);
      this.computeNorm(rec);
      if (this.model) this.embedRecord(rec);
    }
  }

  /** Removes an entity (tombstone); false when unknown. */
  remove(id: string): boolean {
    const idx = this.byId.get(id);
    if (idx === undefined) return false;
    const rec = this.records[idx];
    this.byId.delete(id);
    if (!rec) return false;
    for (let i = 0; i < rec.agg.t.length; i++) {
      const t = rec.agg.t[i] as number;
      this.vocab.dfEntity[t] = (this.vocab.dfEntity[t] as number) - 1;
    }
    for (const u of rec.units === undefined ? [] : rec.units.length === 1 ? [rec.agg] : rec.units)
      for (let i = 0; i < u.t.length; i++) {
        const t = u.t[i] as number;
        this.vocab.dfUnit[t] = (this.vocab.dfUnit[t] as number) - 1;
      }
    this.unitCount -= rec.units.length;
    this.records[idx] = undefined;
    this.alive--;
    this.dead++;
    if (this.postingsBuilt && this.dead > 1000 && this.dead > this.alive / 4) this.buildPostings();
    return true;
  }

  private appendPostings(rec: EntityRecord): void {
    const { agg, idx } = rec;
    this.pLen = grow(this.pLen, this.vocab.size);
    for (let i = 0; i < agg.t.length; i++) {
      const t = agg.t[i] as number;
      const n = this.pLen[t] as number;
      let docs = this.pDocs[t];
      let ws = this.pW[t];
      if (!docs || !ws || docs.length <= n) {
        const cap = Math.max(4, (docs?.length ?? 0) * 2);
        const nd = new Int32Array(cap);
        const nw = new Float32Array(cap);
        if (docs && ws) {
          nd.set(docs.subarray(0, n));
          nw.set(ws.subarray(0, n));
        }
        docs = nd;
        ws = nw;
        this.pDocs[t] = docs;
        this.pW[t] = ws;
      }
      docs[n] = idx;
      ws[n] = ltf(agg.w[i] as number);
      this.pLen[t] = n + 1;
    }
  }

  /** Rebuilds all postings exactly sized, dropping removed entities. */
  buildPostings(): void {
    const v = this.vocab.size;
    const counts = new Int32Array(v);
    for (const rec of this.records)
      if (rec)
        for (let i = 0; i < rec.agg.t.length; i++)
          counts[rec.agg.t[i] as number] = (counts[rec.agg.t[i] as number] as number) + 1;
    this.pDocs = new Array<Int32Array>(v);
    this.pW = new Array<Float32Array>(v);
    for (let t = 0; t < v; t++) {
      const c = counts[t] as number;
      this.pDocs[t] = new Int32Array(c);
      this.pW[t] = new Float32Array(c);
    }
    this.pLen = new Int32Array(v);
    for (const rec of this.records) {
      if (!rec) continue;
      const { agg, idx } = rec;
      for (let i = 0; i < agg.t.length; i++) {
        const t = agg.t[i] as number;
        const n = this.pLen[t] as number;
        (this.pDocs[t] as Int32Array)[n] = idx;
        (this.pW[t] as Float32Array)[n] = ltf(agg.w[i] as number);
        this.pLen[t] = n + 1;
      }
    }
    this.dead = 0;
    this.postingsBuilt = true;
  }

  /** Refreshes IDF, norms, postings and the semantic model on the current corpus. */
  train(): void {
    this.refreshIdf();
    this.buildPostings();
    for (const rec of this.records) if (rec) this.computeNorm(rec);
    this.trainSemantic();
    this.trainedSize = this.alive;
  }

  private trainSemantic(): void {
    this.model = undefined;
    this.sem = new Float32Array(0);
    const dim = this.config.semanticDim;
    if (dim <= 0) return;
    const units: SparseVec[] = [];
    const live = this.records.filter((r): r is EntityRecord => r !== undefined);
    // An even sample of entities bounds training time on large corpora (deterministic stride).
    const unitTotal = this.unitCount;
    const stride = Math.max(1, Math.ceil(unitTotal / this.config.maxTrainUnits));
    let k = 0;
    for (const rec of live)
      for (const u of rec.units) {
        if (k++ % stride === 0) units.push(this.tfidf(u));
      }
    this.model = trainLsa(units, this.vocab.size, {
      dim,
      seed: this.config.seed,
      sigmaExponent: this.config.sigmaExponent,
    });
    if (!this.model) return;
    this.sem = new Float32Array(this.records.length * this.model.dim);
    for (const rec of live) this.embedRecord(rec);
  }

  /** Computes an entity's semantic vectors with the current model. */
  embedRecord(rec: EntityRecord): void {
    const model = this.model;
    if (!model) return;
    const d = model.dim;
    if (this.sem.length < (rec.idx + 1) * d) {
      const next = new Float32Array(Math.max((rec.idx + 1) * d, this.sem.length * 2));
      next.set(this.sem);
      this.sem = next;
    }
    const out = this.sem.subarray(rec.idx * d, (rec.idx + 1) * d);
    if (rec.units.length > 1) {
      // An entity's meaning is the centroid of its documents' meanings (each document counts once).
      this.embedUnits(rec);
      out.fill(0);
      for (const v of rec.unitSem ?? [])
        for (let i = 0; i < d; i++) out[i] = (out[i] as number) + (v[i] as number);
      normalizeDense(out);
    } else {
      embedSparse(model, this.tfidf(rec.agg), out);
    }
  }

  /** Computes the per-document semantic vectors of a multi-unit entity. */
  embedUnits(rec: EntityRecord): void {
    const model = this.model;
    if (model) rec.unitSem = rec.units.map((u) => embedSparse(model, this.tfidf(u)));
  }

  /** Semantic vector of a query's unit (undefined when there is no model). */
  embedQuery(v: SparseVec): Float32Array | undefined {
    return this.model ? embedSparse(this.model, this.tfidf(v)) : undefined;
  }
}
