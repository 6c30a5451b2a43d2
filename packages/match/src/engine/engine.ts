/**
 * `createMatchEngine`: the public engine over `IndexCore` and the scoring passes.
 *
 * @module
 */
import { normalizeDense } from '../semantic/lsa.ts';
import { combine, normalized, type SparseVec, dot } from '../index/sparse.ts';
import type { MatchEngine, MatchEngineOptions, MatchEntity, MatchHit, MatchQuery } from '../types.ts';
import { IndexCore, type EntityRecord } from './core.ts';
import { DEFAULT_FIELD_WEIGHTS, DEFAULT_SCORING, DEFAULT_SEMANTIC, DEFAULT_WEIGHTS } from './defaults.ts';
import { explain } from './explain.ts';
import {
  COMMON_TERM_SHARE,
  admissible,
  fuse,
  lexicalPass,
  prepareQuery,
  textParts,
  type ScoringConfig,
  type Scored,
} from './search.ts';
import { structuredParts } from './structured.ts';
import { saveSnapshotFile } from './snapshot.ts';

import { MAX_TEXT_CHARS } from '../analysis/normalize.ts';

/** Extra (non-public) tuning knobs, used by the benchmark scripts. */
export interface InternalOptions extends MatchEngineOptions {
  scoring?: Partial<Omit<ScoringConfig, 'weights'>>;
  bigrams?: boolean;
  searchMode?: boolean;
  sigmaExponent?: number;
  idfUnits?: boolean;
}

/** Default and maximum `top`. */
export const DEFAULT_TOP = 20;

/**
 * Creates an empty engine.
 *
 * @example
 * const engine = createMatchEngine();
 * engine.upsertMany(experts);
 * const hits = engine.search({ text: '猕猴桃溃疡病防治', kinds: ['scientist'], filter: { regionPrefix: '5118' } });
 */
export function createMatchEngine(options: InternalOptions = {}): MatchEngine {
  return wrapCore(coreFor(options), options);
}

/** A new empty core configured from options. */
export function coreFor(options: InternalOptions): IndexCore {
  return new IndexCore({
    fieldWeights: { ...DEFAULT_FIELD_WEIGHTS, ...options.fieldWeights },
    tokenize: {
      bigrams: options.bigrams ?? true,
      searchMode: options.searchMode ?? true,
      maxChars: options.maxTextChars ?? MAX_TEXT_CHARS,
    },
    semanticDim: options.semanticDim ?? DEFAULT_SEMANTIC.dim,
    maxTrainUnits: DEFAULT_SEMANTIC.maxTrainUnits,
    seed: options.seed ?? DEFAULT_SEMANTIC.seed,
    sigmaExponent: options.sigmaExponent ?? DEFAULT_SEMANTIC.sigmaExponent,
    idfUnits: options.idfUnits ?? false,
  });
}

/** Builds the engine facade over a core (used by snapshot loading too). */
export function wrapCore(core: IndexCore, options: InternalOptions): MatchEngine {
  const cfg: ScoringConfig = {
    ...DEFAULT_SCORING,
    ...options.scoring,
    weights: { ...DEFAULT_WEIGHTS, ...options.weights },
  };
  const maxTop = options.maxTop ?? 1000;

  const ensureTrained = (): void => {
    if (!core.postingsBuilt || core.alive > 2 * core.trainedSize + 100) core.train();
  };

  const search = (q: MatchQuery): MatchHit[] => {
    if (!q || typeof q !== 'object') return [];
    ensureTrained();
    const top = Math.max(0, Math.min(maxTop, Math.floor(Number(q.top ?? DEFAULT_TOP)) || 0));
    if (top === 0 || core.alive === 0) return [];
    const pq = prepareQuery(core, q);
    if (pq.aggVec.t.length === 0) return [];
    const exclude = new Set<string>(q.excludeIds ?? []);
    if (q.id) exclude.add(q.id);
    if (q.requester?.entityId) exclude.add(q.requester.entityId);

    const exhaustive = core.alive <= cfg.exhaustiveBelow;
    const { acc, touched, n } = lexicalPass(
      core,
      pq.aggVec,
      exhaustive ? Infinity : Math.max(1000, core.alive * COMMON_TERM_SHARE),
    );
    let pool: number[];
    if (exhaustive && core.model) {
      pool = [];
      for (const rec of core.records) if (rec) pool.push(rec.idx);
    } else pool = Array.from(touched.subarray(0, n));
    const limit = exhaustive ? core.alive : Math.max(cfg.candidates, top * 5);
    const cands: EntityRecord[] = topByScore(pool, acc, limit, (idx) => {
      const rec = core.records[idx];
      return rec && admissible(q, rec.entity, exclude) ? rec : undefined;
    });
    let scored: Scored[] = cands.map((rec) => {
      const tp = textParts(core, cfg, pq, rec, acc[rec.idx] as number);
      const st = structuredParts(q, rec.entity);
      const parts: Record<string, number> = {
        lexical: tp.lexical,
        semantic: tp.semantic,
        facet: tp.facet,
        ...st.parts,
      };
      return { rec, score: fuse(parts, cfg.weights), parts, reasons: st.reasons, bestUnit: tp.bestUnit };
    });
    const order = (a: Scored, b: Scored): number =>
      b.score - a.score || (a.rec.entity.id < b.rec.entity.id ? -1 : 1);
    scored.sort(order);
    let aggVec = pq.aggVec;
    if (cfg.prfDocs > 0 && cfg.prfWeight > 0 && scored.length > cfg.prfDocs) {
      const fb = scored.slice(0, cfg.prfDocs);
      const expVec = combine([
        { v: pq.aggVec, c: 1 },
        ...fb.map((s) => ({ v: core.tfidf(s.rec.agg), c: cfg.prfWeight / fb.length })),
      ]);
      aggVec = normalized(expVec);
      const dim = core.model?.dim ?? 0;
      let expSem: Float32Array | undefined;
      if (pq.aggSem && dim) {
        expSem = Float32Array.from(pq.aggSem);
        for (const s of fb)
          for (let k = 0; k < dim; k++)
            expSem[k] =
              (expSem[k] as number) + (cfg.prfWeight / fb.length) * (core.sem[s.rec.idx * dim + k] as number);
        normalizeDense(expSem);
      }
      scored = scored.map((s) => {
        const parts = { ...s.parts };
        parts.lexical = dot(aggVec, core.tfidf(s.rec.agg));
        if (expSem) {
          let d = 0;
          for (let k = 0; k < dim; k++)
            d += (expSem[k] as number) * (core.sem[s.rec.idx * dim + k] as number);
          parts.semantic = d;
        }
        return { ...s, parts, score: fuse(parts, cfg.weights) };
      });
      scored.sort(order);
    }
    return scored.slice(0, top).map((s, i) => {
      const reasons = [...s.reasons];
      if (s.rec.units.length > 1) reasons.push({ code: 'best_doc', params: { index: s.bestUnit } });
      return {
        id: s.rec.entity.id,
        kind: s.rec.entity.kind,
        score: s.score,
        rank: i + 1,
        explanation: q.noExplain
          ? { terms: [], reasons, parts: s.parts }
          : explain(core, pq.aggVec, s.rec, s.parts, reasons),
      };
    });
  };

  return {
    upsert: (e: MatchEntity) => {
      if (e && typeof e.id === 'string' && e.id.length > 0) core.upsert(e);
    },
    upsertMany: (es: Iterable<MatchEntity>) => {
      for (const e of es) if (e && typeof e.id === 'string' && e.id.length > 0) core.upsert(e);
    },
    remove: (id: string) => core.remove(id),
    has: (id: string) => core.byId.has(id),
    get: (id: string) => {
      const idx = core.byId.get(id);
      return idx === undefined ? undefined : core.records[idx]?.entity;
    },
    search,
    train: () => core.train(),
    get size() {
      return core.alive;
    },
    stats: () => {
      let postings = 0;
      for (let t = 0; t < core.vocab.size; t++) postings += core.pLen[t] ?? 0;
      return {
        entities: core.alive,
        terms: core.vocab.size,
        postings,
        semanticDim: core.model?.dim ?? 0,
        semanticTrainedOn: core.model?.trainedOn ?? 0,
      };
    },
    saveSnapshot: (path: string) => {
      ensureTrained();
      saveSnapshotFile(core, options, path);
    },
  };
}

export type { SparseVec };

/**
 * The `limit` admissible entries of `pool` with the highest `acc`, via a bounded min-heap so a
 * million touched entities cost O(n log limit), not a full sort.
 */
function topByScore(
  pool: ArrayLike<number>,
  acc: Float32Array,
  limit: number,
  admit: (idx: number) => EntityRecord | undefined,
): EntityRecord[] {
  const heap: EntityRecord[] = [];
  const less = (a: EntityRecord, b: EntityRecord): boolean =>
    (acc[a.idx] as number) < (acc[b.idx] as number) ||
    ((acc[a.idx] as number) === (acc[b.idx] as number) && a.idx > b.idx);
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l] as EntityRecord, heap[m] as EntityRecord)) m = l;
      if (r < heap.length && less(heap[r] as EntityRecord, heap[m] as EntityRecord)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as EntityRecord, heap[i] as EntityRecord];
      i = m;
    }
  };
  for (let k = 0; k < pool.length; k++) {
    const idx = pool[k] as number;
    if (heap.length === limit && (acc[idx] as number) <= (acc[(heap[0] as EntityRecord).idx] as number))
      continue;
    const rec = admit(idx);
    if (!rec) continue;
    if (heap.length < limit) {
      heap.push(rec);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!less(heap[i] as EntityRecord, heap[p] as EntityRecord)) break;
        [heap[i], heap[p]] = [heap[p] as EntityRecord, heap[i] as EntityRecord];
        i = p;
      }
    } else {
      heap[0] = rec;
      down(0);
    }
  }
  return heap;
}
