/**
 * `createMatchEngine`: the public engine over `IndexCore` and the scoring passes.
 *
 * @module
 */
import { normalizeDense } from '../semantic/lsa.ts';
import { combine, normalized, type SparseVec, dot } from '../index/sparse.ts';
import type {
  MatchEngine,
  MatchEngineOptions,
  MatchEntity,
  MatchHit,
  MatchQuery,
  EngineTrainOptions,
} from '../types.ts';
import { IndexCore, type EntityRecord } from './core.ts';
import { DEFAULT_FIELD_WEIGHTS, DEFAULT_SCORING, DEFAULT_SEMANTIC, DEFAULT_WEIGHTS } from './defaults.ts';
import { explain } from './explain.ts';
import { accumulate, denseQuery, exactLexical, release, topIdx } from '../index/candidates.ts';
import {
  COMMON_TERM_SHARE,
  admissible,
  bodyFacet,
  fuse,
  prepareQuery,
  textParts,
  type ScoringConfig,
  type Scored,
} from './search.ts';
import { compileFilter, structuredBound, structuredParts } from './structured.ts';
import { saveSnapshotFile } from './snapshot.ts';
import { fitToQueries } from '../transduce/fit.ts';
import { smoothScores } from '../transduce/neighbours.ts';
import { admissibleList } from '../index/filter-lists.ts';

import { MAX_TEXT_CHARS } from '../analysis/normalize.ts';
import { lexiconConceptBase, type ConceptBase } from '../analysis/concept-base.ts';
import { conceptCosine, topConcept } from './concepts.ts';

/** Extra (non-public) tuning knobs, used by the benchmark scripts. */
export interface InternalOptions extends MatchEngineOptions {
  scoring?: Partial<Omit<ScoringConfig, 'weights'>>;
  bigrams?: boolean;
  searchMode?: boolean;
  /** English adjacent-word phrase terms (default true). */
  phrases?: boolean;
  sigmaExponent?: number;
  idfUnits?: boolean;
  /** Entities above which the index drops bigrams and quantises semantic vectors (tests lower it). */
  largeCorpus?: number;
  /** Concept base of the concept layer (default: the shipped lexicon; `null` switches it off). */
  conceptBase?: ConceptBase | null;
  /** Share of a title-named discipline in an entity's concept vector (default `PRIOR_SHARE`). */
  conceptPrior?: number;
  /** Weight of the concepts as extra training texts of the semantic model (default 0: none). */
  conceptLsa?: number;
}

/** Lexical pool per re-scored candidate on large corpora (see `search`). */
export const WIDE_FACTOR = 10;

/**
 * Large corpora: common terms (postings above 2 % of the corpus) are skipped only once this many
 * admissible candidates per re-scored candidate (5,000 for the default 200), and at least as many
 * as a common term's postings, were found by rarer terms. Entities that share only common
 * (discipline-level) terms with a need can still rank high through the semantic part. Recall@20
 * against the exhaustive scoring: 300,000 profiles 0.970 with 800, 0.999 with 5,000; 1,000,000
 * profiles (20 needs) 0.935 with 5,000, 0.950 with 10,000, 1.000 with 20,000.
 */
export const LARGE_ENOUGH_FACTOR = 25;

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
      phrases: options.phrases ?? true,
      maxChars: options.maxTextChars ?? MAX_TEXT_CHARS,
    },
    semanticDim: options.semanticDim ?? DEFAULT_SEMANTIC.dim,
    maxTrainUnits: DEFAULT_SEMANTIC.maxTrainUnits,
    seed: options.seed ?? DEFAULT_SEMANTIC.seed,
    sigmaExponent: options.sigmaExponent ?? DEFAULT_SEMANTIC.sigmaExponent,
    idfUnits: options.idfUnits ?? false,
    largeCorpus: options.largeCorpus,
    conceptBase: options.conceptBase === null ? undefined : (options.conceptBase ?? lexiconConceptBase()),
    conceptPrior: options.conceptPrior,
    conceptLsa: options.conceptLsa,
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
    if (!core.postingsBuilt || core.needsTrain || core.alive > 2 * core.trainedSize + 100) core.train();
  };

  const search = (q: MatchQuery): MatchHit[] => {
    if (!q || typeof q !== 'object') return [];
    ensureTrained();
    const top = Math.max(0, Math.min(maxTop, Math.floor(Number(q.top ?? DEFAULT_TOP)) || 0));
    if (top === 0 || core.alive === 0) return [];
    const pq = prepareQuery(core, q);
    // The concept part weighs as much as the lexicon describes the corpus (`ConceptLayer.trust`).
    const trust = core.concepts?.trust ?? 1;
    let weights = trust < 1 ? { ...cfg.weights, concept: cfg.weights.concept * trust } : cfg.weights;
    // A body of work (a query of several documents) is read document by document: the cosines of
    // its blurred concatenation give their weight to the facet, all but `bodyAggShare` of it.
    if (pq.units.length > 1 && cfg.coverageShare + cfg.likelihoodShare > 0 && cfg.bodyAggShare < 1) {
      const moved = (1 - cfg.bodyAggShare) * (weights.lexical + weights.semantic);
      weights = {
        ...weights,
        lexical: cfg.bodyAggShare * weights.lexical,
        semantic: cfg.bodyAggShare * weights.semantic,
        facet: weights.facet + moved,
      };
    }
    if (pq.aggVec.t.length === 0) return [];
    const exclude = new Set<string>(q.excludeIds ?? []);
    if (q.id) exclude.add(q.id);
    if (q.requester?.entityId) exclude.add(q.requester.entityId);

    const exhaustive = q.exhaustive === true || core.alive <= cfg.exhaustiveBelow;
    // Kinds and the hard filter as typed-array checks; exclusions and conflicts at admission.
    const ok = compileFilter(core, q.kinds, q.filter);
    // Excluded ids resolve to entity slots once; only conflict checks need the entity itself.
    const excludedIdx = new Set<number>();
    for (const id of exclude) {
      const idx = core.byId.get(id);
      if (idx !== undefined) excludedIdx.add(idx);
    }
    const admit = q.requester
      ? (idx: number): boolean => {
          const e = core.slimOf(idx);
          return e !== undefined && admissible(q, e, exclude);
        }
      : excludedIdx.size > 0
        ? (idx: number): boolean => !excludedIdx.has(idx)
        : undefined;
    const limit = Math.max(cfg.candidates, top * 5);
    // Large corpora: a wider lexical pool is ranked by a cheap text score (exact lexical + semantic
    // cosine, the fused weights of both) before the full re-scoring of the best `limit`.
    const wideN = core.largeMode ? limit * WIDE_FACTOR : limit * 4;
    const commonAbove = Math.max(1000, core.alive * COMMON_TERM_SHARE);
    // Large corpora: a selective filter's admissible entities as a list (`filter-lists.ts`; the
    // accumulation is identical with it, only cheaper).
    const adm = core.largeMode ? admissibleList(core, q.filter, ok) : undefined;
    const accd = accumulate(
      core,
      pq.aggVec,
      ok,
      exhaustive ? Infinity : commonAbove,
      core.largeMode ? Math.max(limit * LARGE_ENOUGH_FACTOR, commonAbove) : limit * 4,
      adm,
    );
    let lexOf: (idx: number) => number = (idx) => accd.acc[idx] as number;
    let cands: EntityRecord[];
    // Large corpora: the wide-pool members not fully re-scored, with their exact lexical cosine.
    let rest: { idx: Int32Array; lex: Float64Array; sem: Float32Array; con: Float32Array } | undefined;
    try {
      if (exhaustive) {
        let pool: Int32Array;
        let n: number;
        if (core.model && adm) {
          pool = adm;
          n = adm.length;
        } else if (core.model) {
          pool = new Int32Array(core.alive);
          n = 0;
          for (let idx = 0; idx < core.size; idx++) if (ok(idx)) pool[n++] = idx;
        } else {
          pool = accd.touched;
          n = accd.n;
        }
        const sel = topIdx(pool, n, accd.acc, core.alive, admit);
        cands = Array.from(sel.idx, (idx) => core.rec(idx) as EntityRecord);
        const lex = new Float64Array(core.size);
        // 16-bit impacts (large corpora) only rank candidates; scores come from the forward index.
        const quantized = core.pImp instanceof Uint16Array;
        sel.idx.forEach(
          (idx) => (lex[idx] = quantized ? exactLexical(core, pq.aggVec, idx) : (accd.acc[idx] as number)),
        );
        lexOf = (idx) => lex[idx] as number;
      } else {
        // Best partial scores first, then the exact lexical cosine of those from the forward index.
        const quantized = core.pImp instanceof Uint16Array;
        const wide = topIdx(accd.touched, accd.n, accd.acc, accd.pruned || quantized ? wideN : limit, admit);
        if (accd.pruned || quantized) {
          const w = wide.idx.length;
          const exact = new Float64Array(w);
          const dq = denseQuery(core, pq.aggVec);
          try {
            for (let k = 0; k < w; k++) exact[k] = dq.score(wide.idx[k] as number);
          } finally {
            dq.done();
          }
          // Ranked by position in `wide` (ties keep the better partial score first).
          const rank = new Float32Array(w);
          const sem = core.largeMode && core.model ? pq.aggSem : undefined;
          // A multi-document query's facet is (1 − c) of the usual mix plus c × its coverage and
          // likelihood (`bodyFacet`).
          const agg0 = w > 0 ? core.aggOf(wide.idx[0] as number) : undefined;
          const c = sem && agg0 ? (bodyFacet(core, cfg, pq, agg0)?.share ?? 0) : 0;
          const a = sem ? weights.lexical + (1 - c) * weights.facet * cfg.lexicalShare : 1;
          const b = sem ? weights.semantic + (1 - c) * weights.facet * (1 - cfg.lexicalShare) : 0;
          const semOf = new Float32Array(w);
          if (sem) for (let k = 0; k < w; k++) semOf[k] = core.semDot(sem, wide.idx[k] as number);
          for (let k = 0; k < w; k++) {
            const body =
              c > 0 ? (bodyFacet(core, cfg, pq, core.aggOf(wide.idx[k] as number))?.value ?? 0) : 0;
            rank[k] = a * (exact[k] as number) + b * (semOf[k] as number) + c * weights.facet * body;
          }
          // The concept cosine (the column's on large corpora) ranks the pool too, computed only
          // for members that can still be chosen: first for the `limit` best by text rank, whose
          // lowest full rank is then a floor; a member whose text rank + the concept weight (the
          // cosine is ≤ 1) stays below it cannot be chosen and is skipped (NaN = not computed).
          const conOf = new Float32Array(w).fill(Number.NaN);
          const cl = pq.concept ? core.concepts : undefined;
          const positions = new Int32Array(w);
          for (let k = 0; k < w; k++) positions[k] = k;
          if (cl && pq.concept) {
            const cw = weights.concept;
            const qd = cl.dense(pq.concept);
            const byText = topIdx(positions, w, rank, limit).idx;
            let floor = Infinity;
            for (const k of byText) {
              const cos = cl.cosineAt(core, qd, pq.concept, wide.idx[k] as number);
              conOf[k] = cos;
              rank[k] = (rank[k] as number) + cw * cos;
              floor = Math.min(floor, rank[k] as number);
            }
            for (let k = 0; k < w; k++) {
              if (!Number.isNaN(conOf[k] as number) || (rank[k] as number) + cw < floor) continue;
              const cos = cl.cosineAt(core, qd, pq.concept, wide.idx[k] as number);
              conOf[k] = cos;
              rank[k] = (rank[k] as number) + cw * cos;
            }
          }
          const sel = topIdx(positions, w, rank, limit);
          const lex = new Map<number, number>();
          cands = Array.from(sel.idx, (k) => {
            const idx = wide.idx[k] as number;
            lex.set(idx, exact[k] as number);
            return core.rec(idx) as EntityRecord;
          });
          lexOf = (idx) => lex.get(idx) ?? 0;
          if (core.largeMode && w > sel.idx.length) {
            const chosen = new Uint8Array(w);
            for (const k of sel.idx) chosen[k] = 1;
            const ri = new Int32Array(w - sel.idx.length);
            const rl = new Float64Array(ri.length);
            const rs = new Float32Array(ri.length);
            const rc = new Float32Array(ri.length);
            let m = 0;
            for (let k = 0; k < w; k++)
              if (chosen[k] !== 1) {
                ri[m] = wide.idx[k] as number;
                rl[m] = exact[k] as number;
                rc[m] = conOf[k] as number;
                rs[m++] = semOf[k] as number;
              }
            rest = { idx: ri, lex: rl, sem: rs, con: rc };
          }
        } else {
          const lex = new Map<number, number>();
          for (const idx of wide.idx) lex.set(idx, accd.acc[idx] as number);
          lexOf = (idx) => lex.get(idx) ?? 0;
          cands = Array.from(wide.idx, (idx) => core.rec(idx) as EntityRecord);
        }
      }
    } finally {
      release(core, accd);
    }
    const scoreRec = (rec: EntityRecord, lexAgg: number): Scored => {
      const tp = textParts(core, cfg, pq, rec, lexAgg);
      const st = structuredParts(q, rec.entity);
      const parts: Record<string, number> = {
        lexical: tp.lexical,
        semantic: tp.semantic,
        facet: tp.facet,
        ...st.parts,
      };
      let reasons = st.reasons;
      if (pq.concept && core.concepts) {
        const ev = core.concepts.entityVec(core, rec.idx);
        parts.concept = conceptCosine(pq.concept, ev);
        const c = topConcept(pq.concept);
        if (c >= 0 && c === topConcept(ev))
          reasons = [
            ...reasons,
            { code: 'same_inferred_discipline', params: { concept: core.concepts.base.names[c] as string } },
          ];
      }
      return { rec, score: fuse(parts, weights), parts, reasons, bestUnit: tp.bestUnit };
    };
    let scored: Scored[] = cands.map((rec) => scoreRec(rec, lexOf(rec.idx)));
    const order = (a: Scored, b: Scored): number =>
      b.score - a.score || (a.rec.entity.id < b.rec.entity.id ? -1 : 1);
    scored.sort(order);
    let aggVec = pq.aggVec;
    let expSem: Float32Array | undefined;
    let prf: ((s: Scored) => Scored) | undefined;
    if (cfg.prfDocs > 0 && cfg.prfWeight > 0 && scored.length > cfg.prfDocs) {
      const fb = scored.slice(0, cfg.prfDocs);
      const expVec = combine([
        { v: pq.aggVec, c: 1 },
        ...fb.map((s) => ({ v: core.tfidf(s.rec.agg), c: cfg.prfWeight / fb.length })),
      ]);
      aggVec = normalized(expVec);
      const dim = core.model?.dim ?? 0;
      if (pq.aggSem && dim) {
        expSem = Float32Array.from(pq.aggSem);
        for (const s of fb) {
          const v = core.semVec(s.rec.idx) as Float32Array;
          for (let k = 0; k < dim; k++)
            expSem[k] = (expSem[k] as number) + (cfg.prfWeight / fb.length) * (v[k] as number);
        }
        normalizeDense(expSem);
      }
      const ev = aggVec;
      const es = expSem;
      prf = (s) => {
        const parts = { ...s.parts };
        parts.lexical = dot(ev, core.tfidf(s.rec.agg));
        if (es) parts.semantic = core.semDot(es, s.rec.idx);
        return { ...s, parts, score: fuse(parts, weights) };
      };
      scored = scored.map(prf);
      scored.sort(order);
    }
    if (rest && rest.idx.length > 0 && scored.length >= top) {
      // Large corpora: every other member of the wide pool gets its final text score cheaply
      // (exact lexical cosine with the query and with the feedback-expanded query from the forward
      // index, semantic cosines; facet = the same mix for single-unit entities and queries) plus
      // the largest structured part this query allows; only those that can still reach the top
      // `top` are fully scored and merged.
      const w = weights;
      const share = core.model ? cfg.lexicalShare : 1;
      const sMax = structuredBound(q, w);
      const thr = (scored[top - 1] as Scored).score;
      const extra: Scored[] = [];
      const dq = prf ? denseQuery(core, aggVec) : undefined;
      const qd = pq.concept && core.concepts ? core.concepts.dense(pq.concept) : undefined;
      // The body facet is defined for multi-document queries only (no aggregate to look at otherwise).
      const multiDoc = pq.units.length >= 2;
      try {
        for (let k = 0; k < rest.idx.length; k++) {
          const idx = rest.idx[k] as number;
          const lex = rest.lex[k] as number;
          const sem = rest.sem[k] as number;
          const lexP = dq ? dq.score(idx) : lex;
          const semP = expSem ? core.semDot(expSem, idx) : sem;
          let facet = share * lex + (1 - share) * sem;
          // A multi-document query's facet is (mostly) its coverage and likelihood: exact and cheap.
          const body = multiDoc ? bodyFacet(core, cfg, pq, core.aggOf(idx)) : undefined;
          if (body) facet = (1 - body.share) * facet + body.share * body.value;
          let bound = w.lexical * lexP + w.semantic * semP + w.facet * facet + sMax;
          if (pq.concept && core.concepts) {
            let con = rest.con[k] as number;
            if (Number.isNaN(con)) {
              if (bound + w.concept < thr - 1e-6) continue;
              con = core.concepts.cosineAt(core, qd as Float32Array, pq.concept, idx);
            }
            bound += w.concept * con;
          }
          if (bound < thr - 1e-6) continue;
          const slim = core.slimOf(idx);
          if (!slim || bound - sMax + fuse(structuredParts(q, slim).parts, w) < thr - 1e-6) continue;
          const rec = core.rec(idx);
          if (!rec) continue;
          const s = scoreRec(rec, lex);
          extra.push(prf ? prf(s) : s);
        }
      } finally {
        dq?.done();
      }
      if (extra.length > 0) {
        scored = scored.concat(extra);
        scored.sort(order);
      }
    }
    if (core.alive <= cfg.exhaustiveBelow && cfg.neighbourWeight > 0) {
      // The regularisation iterates (`neighbourSteps`) only as far as the graph knows the
      // concepts: over text similarity alone one step (further steps measured no better there).
      const depth = core.concepts && cfg.neighbourConcept > 0 ? trust : 0;
      scored = smoothScores(
        core,
        scored,
        cfg.neighbourK,
        cfg.neighbourWeight,
        cfg.lexicalShare,
        cfg.neighbourConcept * trust,
        cfg.neighbourSteps,
        depth,
      );
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
      return idx === undefined ? undefined : core.entity(idx);
    },
    search,
    searchBatch: (queries: readonly MatchQuery[]) => {
      if (!Array.isArray(queries) || queries.length === 0) return [];
      ensureTrained();
      fitToQueries(core, queries, cfg.exhaustiveBelow);
      return queries.map((q) => search(q));
    },
    train: (options?: EngineTrainOptions) => core.train(options),
    finishTraining: () => core.finishTraining(),
    finishTrainingInSlices: (pause: () => Promise<void>, sliceMs?: number) =>
      core.finishTrainingInSlices(pause, sliceMs),
    get size() {
      return core.alive;
    },
    stats: () => {
      const postings = core.pDoc.length + core.deltaN;
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
      core.finishTraining();
      saveSnapshotFile(core, options, path);
    },
  };
}

export type { SparseVec };
