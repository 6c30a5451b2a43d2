/**
 * Public types of the match engine. Everything here is plain data: entities in, ranked and
 * explained hits out. Other packages (server, bench, re-ranking, learning) code against these.
 *
 * @module
 */

/** One document of a multi-document entity (a paper, a result, an exemplar abstract). */
export interface MatchDoc {
  title?: string;
  text: string;
}

/** The kinds of entity the platform matches; free strings are accepted for extensions. */
export type MatchKind =
  | 'scientist'
  | 'team'
  | 'service'
  | 'result'
  | 'need'
  | 'enterprise'
  | 'resource'
  | 'discipline'
  | 'doc'
  | (string & {});

/**
 * An entity that can be indexed and matched. Only `id` is required; text lives in `title`,
 * `text`, `keywords`, named `fields` (skills, services…) and `docs` (papers, exemplars).
 */
export interface MatchEntity {
  id: string;
  kind?: MatchKind;
  title?: string;
  text?: string;
  keywords?: string[];
  /** Named text fields, e.g. `{ skills: [...], services: '...' }`; weights per name in options. */
  fields?: Record<string, string | string[]>;
  /** Documents that make up the entity: an expert is their papers, a discipline its exemplars. */
  docs?: MatchDoc[];
  /** Discipline codes (GB/T 13745 style, e.g. `520`, `52030`); prefixes count as partial matches. */
  disciplines?: string[];
  /** Industry codes (GB/T 4754 style, e.g. `C27`). */
  industries?: string[];
  /** Administrative division code, e.g. `510104` (county), `510100` (city), `510000` (province). */
  region?: string;
  orgId?: string;
  /** What the entity asks for a service/result (yuan). */
  price?: number;
  /** What a need is willing to pay (yuan). */
  budget?: { min?: number; max?: number };
  /** Open and total capacity (e.g. engagements a scientist can take now). */
  capacity?: { open: number; total: number };
  verified?: boolean;
  /** Reputation in [0, 1]. */
  reputation?: number;
  /** Ids of entities (people, organisations) this one declares a relationship with. */
  relations?: string[];
}

/** Hard filters applied before ranking. */
export interface MatchFilter {
  /** Keep entities whose region code starts with this (after trailing zeros are trimmed). */
  regionPrefix?: string;
  /** Keep entities having at least one discipline code with one of these prefixes. */
  disciplines?: string[];
  /** Keep entities having at least one industry code with one of these prefixes. */
  industries?: string[];
  verifiedOnly?: boolean;
  /** Keep entities with open capacity > 0 (entities without capacity info are kept). */
  openCapacityOnly?: boolean;
  /** Maximum price (yuan) of the entity. */
  maxPrice?: number;
}

/** Who is asking: used for conflict-of-interest exclusion and region preference. */
export interface MatchRequester {
  entityId?: string;
  orgId?: string;
  region?: string;
  relations?: string[];
}

/**
 * A query. A query is itself an entity-like bag of text (it may be multi-document: an expert's
 * papers searching for needs) plus structured preferences and filters.
 */
export interface MatchQuery {
  /** Used for self-exclusion: a query never returns the entity with its own id. */
  id?: string;
  title?: string;
  text?: string;
  keywords?: string[];
  fields?: Record<string, string | string[]>;
  docs?: MatchDoc[];
  /** Structured preferences (soft: they add score; see `filter` for hard constraints). */
  disciplines?: string[];
  industries?: string[];
  region?: string;
  budget?: { min?: number; max?: number };
  price?: number;
  /** Only entities of these kinds (all kinds when omitted). */
  kinds?: MatchKind[];
  filter?: MatchFilter;
  /** Number of hits wanted (default 20, capped by `options.maxTop`). */
  top?: number;
  excludeIds?: string[];
  requester?: MatchRequester;
  /** Skip explanation building (faster bulk evaluation). Default false. */
  noExplain?: boolean;
  /**
   * Score every admissible entity with the full fused score (no candidate pruning). Slow on
   * large corpora; used to measure the fast path's recall against the engine's own scoring.
   */
  exhaustive?: boolean;
}

/** A term that contributed to a hit. */
export interface MatchedTerm {
  term: string;
  /** The entity field in which it matched (`title`, `text`, `keywords`, `docs`, a `fields` name). */
  field: string;
  weight: number;
}

/** A structured reason, as a stable code plus parameters (the UI translates the code). */
export interface MatchReason {
  code:
    | 'same_discipline'
    | 'related_discipline'
    | 'same_industry'
    | 'same_county'
    | 'same_city'
    | 'same_province'
    | 'within_budget'
    | 'over_budget'
    | 'has_capacity'
    | 'no_capacity'
    | 'verified'
    | 'reputation'
    | 'best_doc'
    | 'semantic'
    | 'same_inferred_discipline'
    | (string & {});
  params?: Record<string, string | number>;
}

/** Why an entity ranked where it did. `parts` are the score components before fusion weights. */
export interface MatchExplanation {
  terms: MatchedTerm[];
  reasons: MatchReason[];
  parts: Record<string, number>;
}

/** One ranked result. */
export interface MatchHit {
  id: string;
  kind?: MatchKind;
  score: number;
  /** 1-based rank. */
  rank: number;
  explanation: MatchExplanation;
}

/** Weights of the fused score parts. Every part is normalised to roughly [0, 1] first. */
export interface FusionWeights {
  /** BM25F lexical score (normalised per query by its maximum). */
  lexical: number;
  /** Cosine of the corpus-trained semantic vectors. */
  semantic: number;
  /** Best per-document (facet) similarity for multi-document entities/queries. */
  facet: number;
  /** Optional external embedding provider cosine. */
  embedding: number;
  /** Cosine of the discipline-concept vectors (the lexicon's concept layer). */
  concept: number;
  discipline: number;
  industry: number;
  region: number;
  budget: number;
  capacity: number;
  verified: number;
  reputation: number;
}

/** Options of `createMatchEngine`. All optional; defaults are the benchmarked configuration. */
export interface MatchEngineOptions {
  /** Field weights for BM25F: `title`, `text`, `keywords`, `docs`, and any `fields` name. */
  fieldWeights?: Record<string, number>;
  weights?: Partial<FusionWeights>;
  /** BM25 parameters. */
  k1?: number;
  b?: number;
  /** Semantic representation dimension (0 disables it). */
  semanticDim?: number;
  /** Characters of text analysed per entity; longer input is truncated (documented limit). */
  maxTextChars?: number;
  /** Upper bound on `query.top`. */
  maxTop?: number;
  /** Deterministic seed for the randomized SVD. */
  seed?: number;
}

/** Summary of an engine's contents. */
/** Options of `MatchEngine.train`. */
export interface EngineTrainOptions {
  /** false: leave the semantic model for `finishTraining()` (default true). */
  semantic?: boolean;
}

export interface MatchEngineStats {
  entities: number;
  terms: number;
  postings: number;
  semanticDim: number;
  semanticTrainedOn: number;
}

/** The engine: an in-memory index with incremental updates and snapshots. */
export interface MatchEngine {
  /** Adds or replaces an entity; the next `search` sees it. */
  upsert(entity: MatchEntity): void;
  /** Adds many entities (faster than repeated `upsert` before the first search). */
  upsertMany(entities: Iterable<MatchEntity>): void;
  /** Removes an entity; returns false when it was not indexed. */
  remove(id: string): boolean;
  has(id: string): boolean;
  /**
   * The indexed entity. Above 50,000 entities the engine keeps no text (the caller's database has
   * it): `title`, `text`, `keywords`, `fields` and `docs` are then absent (see README "Scale").
   */
  get(id: string): MatchEntity | undefined;
  /** Ranked, explained hits. Never throws on odd text; throws only on a programming error. */
  search(query: MatchQuery): MatchHit[];
  /**
   * Answers a batch of queries together (routing a set of needs at once). On corpora small enough
   * to be scored exhaustively the semantic model is first re-fitted to the corpus plus the batch's
   * own texts (transductive LSA, `src/transduce/fit.ts`); the fitted model stays for later searches.
   * Element i of the result answers `queries[i]`.
   */
  searchBatch(queries: readonly MatchQuery[]): MatchHit[][];
  /**
   * (Re)trains the semantic representation on the current corpus. Called lazily by `search`.
   * `{ semantic: false }`: statistics, postings and norms only; searches rank without the semantic
   * part until `finishTraining()` trains it (a large bulk load is searchable sooner).
   */
  train(options?: EngineTrainOptions): void;
  /** Trains what `train({ semantic: false })` left; false (nothing done) when nothing was left. */
  finishTraining(): boolean;
  /**
   * `finishTraining()` in slices of about `sliceMs` (default 50) with `await pause()` between them;
   * searches meanwhile rank as before it (no semantic part). Change nothing until it resolves.
   */
  finishTrainingInSlices(pause: () => Promise<void>, sliceMs?: number): Promise<boolean>;
  readonly size: number;
  stats(): MatchEngineStats;
  /** Writes a binary snapshot (index + entities) to `path`. */
  saveSnapshot(path: string): void;
}
