/**
 * `createEmbeddingFusion`: a match engine with an embedding provider's vectors fused into its
 * ranking. The engine stays synchronous and authoritative for text, filters and structured
 * parts; this wrapper adds what needs I/O:
 *
 * - `upsert` indexes the entity in the engine at once (lexically searchable immediately) and
 *   queues its text for embedding; queued texts are sent in batches, one batch at a time, and
 *   each entity gets its vector when its batch returns (a vector never outlives a newer upsert
 *   or a removal, and unchanged text is not embedded again).
 * - `search` embeds the query text once, asks the engine for a wider pool (`poolFactor` × top),
 *   adds the vector store's nearest neighbours that pass the query's kinds, hard filter,
 *   exclusions and conflicts of interest (so a purely semantic match can enter), adds
 *   `weight × cosine` to every hit's score as `explanation.parts.embedding`, re-ranks and
 *   re-numbers. A `semantic` reason marks hits whose cosine reaches `minSimilarity`.
 * - A provider failure (timeout, HTTP error, bad response, model error) never reaches the
 *   caller: the search returns the plain engine result and a warning is logged; after a failed
 *   query embedding the provider is skipped for `cooldownMs`. Failed entity batches are retried
 *   with a doubling delay.
 * - `saveVectors` / `loadVectors` keep the vectors in a file beside the engine snapshot.
 *
 * Without a provider nothing of this runs: use the engine directly (off by default).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { findConflicts } from '../coi/coi.ts';
import { DEFAULT_WEIGHTS } from '../engine/defaults.ts';
import { passesFilter, structuredParts } from '../engine/structured.ts';
import type { FusionWeights, MatchEngine, MatchEntity, MatchHit, MatchQuery, MatchReason } from '../types.ts';
import { embeddingPart, entityText, VectorStore } from './fusion.ts';
import { normalizeVector, type EmbeddingProvider } from './provider.ts';

/** Where warnings go (pino-compatible: `warn(details, message)`). */
export interface FusionLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

/** Options of {@link createEmbeddingFusion}; every one has a default. */
export interface EmbeddingFusionOptions {
  /**
   * Fusion weights as given to the engine (for the structured parts of purely semantic hits);
   * `weights.embedding` (default 0.3) is the weight of the cosine unless `weight` is set.
   */
  weights?: Partial<FusionWeights>;
  /** Weight of the embedding cosine in the fused score (default `weights.embedding`, 0.3). */
  weight?: number;
  /** The engine is asked for `poolFactor × top` hits before fusion (default 5, at most `maxPool`). */
  poolFactor?: number;
  /** Largest pool asked of the engine (default 1000, the engine's own `maxTop`). */
  maxPool?: number;
  /**
   * Nearest neighbours from the vector store considered per query (default: the pool size, ≤ 200,
   * while the store holds at most {@link NEIGHBOUR_SCAN_LIMIT} vectors, else 0); 0 = only the
   * engine's pool is re-scored. The neighbour search is an exact scan of every vector.
   */
  neighbours?: number;
  /**
   * Cosine from which a hit gets the `semantic` reason and a neighbour that shares no word with
   * the query may enter the results (default 0.5; model-dependent).
   */
  minSimilarity?: number;
  /** Texts per embedding request (default 32). */
  batchSize?: number;
  /** Longest wait for a query's embedding before the plain engine result is returned (default 3000 ms). */
  queryTimeoutMs?: number;
  /** After a failed query embedding, searches skip the provider this long (default 30 000 ms). */
  cooldownMs?: number;
  /** First retry delay of a failed entity batch, doubled up to 10 minutes (default 5000 ms). */
  retryMs?: number;
  /** Query embeddings kept for repeated queries (default 256). */
  queryCache?: number;
  logger?: FusionLogger;
  /**
   * A previous fusion (same provider) whose vectors are taken over when an upserted entity's text
   * is unchanged: rebuilding into a fresh engine then does not embed the whole catalog again.
   */
  reuse?: EmbeddingFusion;
}

/** Counters of an {@link EmbeddingFusion}. */
export interface EmbeddingFusionStats {
  provider: string;
  vectors: number;
  /** Entities waiting for their vector (queued or waiting for a retry). */
  pending: number;
  /** Entity batches and query embeddings that failed since creation. */
  failures: number;
  lastError: string | null;
}

/** A match engine with provider vectors fused in; see the module comment. */
export interface EmbeddingFusion {
  readonly engine: MatchEngine;
  readonly provider: EmbeddingProvider;
  /** The vectors (created when the provider's dimension is known). */
  readonly store: VectorStore | undefined;
  /** Indexes at once in the engine; the vector follows when its batch returns. */
  upsert(entity: MatchEntity): void;
  upsertMany(entities: Iterable<MatchEntity>): void;
  /** Removes the entity and its vector (a vector still in flight is discarded). */
  remove(id: string): boolean;
  /** Queues indexed entities that have no vector yet (after `loadVectors`); returns how many. */
  embedMissing(ids: Iterable<string>): number;
  /** Fused, re-ranked hits; the plain engine result when the provider fails. Never rejects. */
  search(query: MatchQuery): Promise<MatchHit[]>;
  /** Resolves when no batch is queued or in flight (batches waiting for a retry do not count). */
  idle(): Promise<void>;
  stats(): EmbeddingFusionStats;
  /** Writes the vectors (with provider id and text hashes) to `path`, atomically. */
  saveVectors(path: string): void;
  /**
   * Reads vectors written by `saveVectors`; entities not in the engine are skipped. False (nothing
   * loaded) when the file is missing or unreadable or from another provider or dimension.
   */
  loadVectors(path: string): boolean;
  /** Stops retry timers; queued work is dropped. */
  close(): void;
  /** The stored vector of `id` when it was made from exactly `text` (for `reuse`). */
  vectorFor(id: string, text: string): Float32Array | undefined;
}

/**
 * Vectors up to which the exact neighbour scan runs by default (measured ≈ 200 ms a query at
 * 100,000 vectors of 384 dimensions on the shared 2-core machine; README "Plugging in…").
 */
export const NEIGHBOUR_SCAN_LIMIT = 20_000;

const MAGIC = 'TFV1';
const MAX_RETRY_MS = 600_000;

interface Pending {
  text: string;
  hash: string;
  gen: number;
}

const hashOf = (text: string) => createHash('sha1').update(text).digest('base64').slice(0, 16);

const defaultLogger: FusionLogger = {
  warn: (details, message) => console.warn(`[tianfu/match] ${message}`, details.error ?? ''),
};

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function fuse(parts: Record<string, number>, w: FusionWeights): number {
  let s = 0;
  for (const k of Object.keys(w) as (keyof FusionWeights)[]) {
    const v = parts[k];
    if (v !== undefined) s += w[k] * v;
  }
  return s;
}

/**
 * Wraps `engine` so that `provider`'s vectors fuse into its ranking.
 *
 * @example
 * const fused = createEmbeddingFusion(createMatchEngine(), await createOnnxEmbeddingProvider({ modelDir }));
 * fused.upsertMany(profiles); // searchable at once; vectors follow in batches
 * await fused.idle();
 * const hits = await fused.search({ text: '玉米制种', kinds: ['scientist'], top: 20 });
 * hits[0].explanation.parts.embedding; // cosine of query and entity vectors
 */
export function createEmbeddingFusion(
  engine: MatchEngine,
  provider: EmbeddingProvider,
  options: EmbeddingFusionOptions = {},
): EmbeddingFusion {
  const weights: FusionWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  if (options.weight !== undefined) weights.embedding = options.weight;
  const poolFactor = Math.max(1, options.poolFactor ?? 5);
  const maxPool = Math.max(1, options.maxPool ?? 1000);
  const minSimilarity = options.minSimilarity ?? 0.5;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 32));
  const queryTimeoutMs = options.queryTimeoutMs ?? 3000;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const retryBase = options.retryMs ?? 5000;
  const cacheSize = Math.max(0, options.queryCache ?? 256);
  const logger = options.logger ?? defaultLogger;

  let store: VectorStore | undefined =
    provider.dimensions > 0 ? new VectorStore(provider.dimensions) : undefined;
  /** Hash of the text each stored vector was made from (unchanged text is not re-embedded). */
  const hashes = new Map<string, string>();
  const kinds = new Map<string, string>();
  /** Latest generation per id: a result for an older generation is discarded. */
  const latest = new Map<string, number>();
  let gen = 0;
  const queue = new Map<string, Pending>();
  const retrying = new Map<string, Pending>();
  let pump: Promise<void> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let retryDelay = retryBase;
  let failures = 0;
  let lastError: string | null = null;
  let cooldownUntil = 0;
  let closed = false;
  const cache = new Map<string, Float32Array>();

  const ensureStore = (dim: number): VectorStore => {
    if (!store) store = new VectorStore(dim);
    return store;
  };

  const runQueue = async (): Promise<void> => {
    // Let a synchronous run of upserts fill the queue before the first batch goes out.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (queue.size > 0 && !closed) {
      const batch: [string, Pending][] = [];
      for (const entry of queue) {
        batch.push(entry);
        if (batch.length === batchSize) break;
      }
      for (const [id] of batch) queue.delete(id);
      try {
        const vectors = await provider.embed(batch.map(([, p]) => p.text));
        if (vectors.length !== batch.length)
          throw new Error(`provider returned ${vectors.length} vectors for ${batch.length} texts`);
        const s = ensureStore(vectors[0]!.length);
        batch.forEach(([id, p], i) => {
          if (latest.get(id) !== p.gen || !engine.has(id)) return;
          s.set(id, vectors[i]!);
          hashes.set(id, p.hash);
        });
        retryDelay = retryBase;
      } catch (err) {
        failures++;
        lastError = errorText(err);
        logger.warn(
          { error: lastError, entities: batch.length, provider: provider.id },
          'embedding provider failed on a batch of entities; they stay lexical-only until a retry succeeds',
        );
        for (const [id, p] of batch) if (latest.get(id) === p.gen) retrying.set(id, p);
        scheduleRetry();
      }
    }
  };

  const kick = (): void => {
    if (pump || closed || queue.size === 0) return;
    pump = runQueue().finally(() => {
      pump = null;
      if (queue.size > 0) kick();
    });
  };

  const scheduleRetry = (): void => {
    if (retryTimer || closed) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      for (const [id, p] of retrying) if (latest.get(id) === p.gen && !queue.has(id)) queue.set(id, p);
      retrying.clear();
      kick();
    }, retryDelay);
    retryTimer.unref?.();
    retryDelay = Math.min(MAX_RETRY_MS, retryDelay * 2);
  };

  const enqueue = (e: MatchEntity): void => {
    if (!engine.has(e.id)) return;
    if (e.kind !== undefined) kinds.set(e.id, e.kind);
    else kinds.delete(e.id);
    const text = entityText(e);
    const hash = hashOf(text);
    if (store?.has(e.id) && hashes.get(e.id) === hash) return;
    const reused = options.reuse?.vectorFor(e.id, text);
    if (reused && (!store || store.dimensions === reused.length)) {
      ensureStore(reused.length).set(e.id, reused);
      hashes.set(e.id, hash);
      latest.set(e.id, ++gen);
      queue.delete(e.id);
      return;
    }
    store?.delete(e.id);
    hashes.delete(e.id);
    retrying.delete(e.id);
    const g = ++gen;
    latest.set(e.id, g);
    queue.delete(e.id);
    queue.set(e.id, { text, hash, gen: g });
  };

  const valid = (e: MatchEntity | undefined): e is MatchEntity =>
    !!e && typeof e.id === 'string' && e.id.length > 0;

  const embedQuery = async (text: string): Promise<Float32Array> => {
    const hit = cache.get(text);
    if (hit) {
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const [v] = await withTimeout(provider.embed([text]), queryTimeoutMs, 'query embedding');
    if (!v || v.length === 0) throw new Error('provider returned no vector for the query');
    const q = normalizeVector(Float32Array.from(v));
    if (cacheSize > 0) {
      cache.set(text, q);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    }
    return q;
  };

  const search = async (q: MatchQuery): Promise<MatchHit[]> => {
    if (!q || typeof q !== 'object') return engine.search(q);
    const text = entityText(q).trim();
    if (!text || !store || store.size === 0 || Date.now() < cooldownUntil) return engine.search(q);
    const top = Math.floor(Number(q.top ?? 20)) || 0;
    if (top <= 0) return engine.search(q);
    const queryVector = embedQuery(text);
    queryVector.catch(() => undefined); // handled below; never an unhandled rejection
    const pool = Math.min(maxPool, Math.max(top, top * poolFactor));
    const wide = engine.search({ ...q, top: pool });
    let qv: Float32Array;
    try {
      qv = await queryVector;
    } catch (err) {
      failures++;
      lastError = errorText(err);
      cooldownUntil = Date.now() + cooldownMs;
      logger.warn(
        { error: lastError, provider: provider.id, cooldownMs },
        'embedding provider failed on a query; plain engine results are returned',
      );
      return engine.search(q);
    }
    const s = store;
    if (qv.length !== s.dimensions) {
      failures++;
      lastError = `query vector has ${qv.length} dimensions, the store ${s.dimensions}`;
      logger.warn({ error: lastError, provider: provider.id }, 'embedding dimension mismatch');
      return engine.search(q);
    }

    const semantic = (cos: number): MatchReason => ({
      code: 'semantic',
      params: { source: 'embedding', similarity: Math.round(cos * 1000) / 1000 },
    });
    const fused: MatchHit[] = wide.map((h) => {
      if (!s.has(h.id)) return h;
      const cos = embeddingPart(s, qv, h.id);
      const reasons =
        cos >= minSimilarity ? [...h.explanation.reasons, semantic(cos)] : h.explanation.reasons;
      return {
        ...h,
        score: h.score + weights.embedding * cos,
        explanation: { ...h.explanation, reasons, parts: { ...h.explanation.parts, embedding: cos } },
      };
    });

    // Entities the engine did not return (no shared words, or beyond its pool) whose vectors are close.
    const seen = new Set(wide.map((h) => h.id));
    const exclude = new Set(q.excludeIds ?? []);
    if (q.id) exclude.add(q.id);
    if (q.requester?.entityId) exclude.add(q.requester.entityId);
    const kindSet = q.kinds?.length ? new Set<string>(q.kinds) : undefined;
    const kindOf = (id: string): string => {
      let kind = kinds.get(id);
      if (kind === undefined) {
        kind = engine.get(id)?.kind ?? '';
        kinds.set(id, kind);
      }
      return kind;
    };
    const accept = (id: string): boolean =>
      !seen.has(id) && !exclude.has(id) && (!kindSet || kindSet.has(kindOf(id)));
    const k = Math.min(
      options.neighbours ?? (s.size <= NEIGHBOUR_SCAN_LIMIT ? Math.min(pool, 200) : 0),
      s.size,
    );
    for (const n of k > 0 ? s.nearest(qv, k, accept) : []) {
      const cos = Math.min(1, n.score);
      if (cos < minSimilarity) break;
      const e = engine.get(n.id);
      if (!e || !passesFilter(e, q.filter)) continue;
      if (q.requester && findConflicts(q.requester, e).length > 0) continue;
      const st = structuredParts(q, e);
      const parts: Record<string, number> = {
        lexical: 0,
        semantic: 0,
        facet: 0,
        ...st.parts,
        embedding: cos,
      };
      fused.push({
        id: n.id,
        kind: e.kind,
        score: fuse(parts, weights),
        rank: 0,
        explanation: { terms: [], reasons: [...st.reasons, semantic(cos)], parts },
      });
    }
    fused.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return fused.slice(0, top).map((h, i) => ({ ...h, rank: i + 1 }));
  };

  return {
    engine,
    provider,
    get store() {
      return store;
    },
    upsert(entity) {
      if (!valid(entity)) return;
      engine.upsert(entity);
      enqueue(entity);
      kick();
    },
    upsertMany(entities) {
      const list = [...entities].filter(valid);
      engine.upsertMany(list);
      for (const e of list) enqueue(e);
      kick();
    },
    remove(id) {
      latest.set(id, ++gen);
      queue.delete(id);
      retrying.delete(id);
      store?.delete(id);
      hashes.delete(id);
      kinds.delete(id);
      return engine.remove(id);
    },
    embedMissing(ids) {
      let n = 0;
      for (const id of ids) {
        if (store?.has(id) || queue.has(id) || retrying.has(id)) continue;
        const e = engine.get(id);
        if (!e || !entityText(e).trim()) continue;
        enqueue(e);
        n++;
      }
      kick();
      return n;
    },
    search: (q) =>
      search(q).catch((err: unknown) => {
        // Only a fault of this wrapper lands here; the engine's own result is still correct.
        logger.warn({ error: errorText(err) }, 'embedding fusion failed; plain engine results are returned');
        return engine.search(q);
      }),
    async idle() {
      while (pump) await pump;
    },
    stats: () => ({
      provider: provider.id,
      vectors: store?.size ?? 0,
      pending: queue.size + retrying.size,
      failures,
      lastError,
    }),
    saveVectors(path) {
      const ids: string[] = [];
      const hs: string[] = [];
      const ks: (string | null)[] = [];
      const dim = store?.dimensions ?? provider.dimensions;
      const data = new Float32Array((store?.size ?? 0) * dim);
      if (store)
        for (const [id, v] of store.entries()) {
          data.set(v, ids.length * dim);
          ids.push(id);
          hs.push(hashes.get(id) ?? '');
          ks.push(kinds.get(id) ?? null);
        }
      const header = Buffer.from(
        JSON.stringify({ provider: provider.id, dimensions: dim, ids, hashes: hs, kinds: ks }),
      );
      const pad = (4 - ((8 + header.length) % 4)) % 4;
      const head = Buffer.alloc(8 + header.length + pad, 0x20);
      head.write(MAGIC, 0, 'latin1');
      head.writeUInt32LE(header.length + pad, 4);
      header.copy(head, 8);
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([head, Buffer.from(data.buffer, data.byteOffset, data.byteLength)]));
      renameSync(tmp, path);
    },
    loadVectors(path) {
      let buf: Buffer;
      try {
        buf = readFileSync(path);
      } catch {
        return false;
      }
      try {
        if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) return false;
        const len = buf.readUInt32LE(4);
        const header = JSON.parse(buf.toString('utf8', 8, 8 + len)) as {
          provider: string;
          dimensions: number;
          ids: string[];
          hashes: string[];
          kinds: (string | null)[];
        };
        if (header.provider !== provider.id) return false;
        if (provider.dimensions > 0 && header.dimensions !== provider.dimensions) return false;
        const dim = header.dimensions;
        const bytes = buf.subarray(8 + len);
        if (bytes.length !== header.ids.length * dim * 4) return false;
        const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
        if (store && store.dimensions !== dim) return false;
        const s = ensureStore(dim);
        header.ids.forEach((id, i) => {
          if (!engine.has(id) || queue.has(id)) return;
          s.set(id, data.subarray(i * dim, (i + 1) * dim));
          if (header.hashes[i]) hashes.set(id, header.hashes[i]!);
          const kind = header.kinds[i];
          if (kind) kinds.set(id, kind);
        });
        return true;
      } catch (err) {
        logger.warn(
          { error: errorText(err), path },
          'embedding vectors file unreadable; entities are embedded again',
        );
        return false;
      }
    },
    vectorFor(id, text) {
      const v = store?.get(id);
      return v && hashes.get(id) === hashOf(text) ? v : undefined;
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      queue.clear();
      retrying.clear();
    },
  };
}
