/**
 * Where provider vectors meet the match score. Vectors live in a {@link VectorStore} beside
 * the index (keyed by entity id, normalised, one contiguous Float32Array per entity), and an
 * {@link EmbeddingIndex} keeps them in step with entity upserts and removals. At query time
 * the caller embeds the query text once (async) and the engine reads
 * `embeddingPart(store, queryVector, id)` for each candidate: the cosine, clipped at 0, that
 * becomes `explanation.parts.embedding` and is weighted by `FusionWeights.embedding`.
 *
 * @module
 */
import type { MatchEntity } from '../types.ts';
import { EmbeddingError, MAX_EMBED_CHARS, normalizeVector, type EmbeddingProvider } from './provider.ts';

/**
 * Normalised vectors by entity id, with exact top-k search (a brute-force scan is
 * ~1 ms per 10k vectors of 384 dimensions; it is for candidate generation on small
 * collections and for re-scoring lexical candidates on large ones).
 *
 * @example
 * const store = new VectorStore(384);
 * store.set('s1', vector);
 * store.cosine(queryVector, 's1');
 */
export class VectorStore {
  private readonly vectors = new Map<string, Float32Array>();

  constructor(readonly dimensions: number) {
    if (!(Number.isInteger(dimensions) && dimensions > 0))
      throw new EmbeddingError(
        'bad_config',
        `vector dimensions must be a positive integer, got ${dimensions}`,
      );
  }

  get size(): number {
    return this.vectors.size;
  }

  /** Stores a copy of `vector`, normalised. */
  set(id: string, vector: ArrayLike<number>): void {
    if (vector.length !== this.dimensions)
      throw new EmbeddingError(
        'bad_response',
        `vector for ${id} has ${vector.length} dimensions, expected ${this.dimensions}`,
      );
    this.vectors.set(id, normalizeVector(Float32Array.from(vector)));
  }

  get(id: string): Float32Array | undefined {
    return this.vectors.get(id);
  }

  has(id: string): boolean {
    return this.vectors.has(id);
  }

  delete(id: string): boolean {
    return this.vectors.delete(id);
  }

  /** Cosine of a (normalised) query vector with an entity's vector; undefined when it has none. */
  cosine(query: Float32Array, id: string): number | undefined {
    const v = this.vectors.get(id);
    if (!v || query.length !== v.length) return undefined;
    let s = 0;
    for (let i = 0; i < v.length; i++) s += query[i]! * v[i]!;
    return s;
  }

  /** The `k` most similar entities (exact scan), optionally only those passing `accept`. */
  nearest(query: Float32Array, k: number, accept?: (id: string) => boolean): { id: string; score: number }[] {
    const q = normalizeVector(Float32Array.from(query));
    const top: { id: string; score: number }[] = [];
    for (const [id, v] of this.vectors) {
      if (accept && !accept(id)) continue;
      let s = 0;
      for (let i = 0; i < v.length; i++) s += q[i]! * v[i]!;
      if (top.length < k) {
        top.push({ id, score: s });
        if (top.length === k) top.sort((a, b) => b.score - a.score);
      } else if (k > 0 && s > top[k - 1]!.score) {
        let j = k - 1;
        while (j > 0 && top[j - 1]!.score < s) j--;
        top.splice(j, 0, { id, score: s });
        top.pop();
      }
    }
    return top.length < k ? top.sort((a, b) => b.score - a.score) : top;
  }

  /** All entries (for snapshots). */
  entries(): IterableIterator<[string, Float32Array]> {
    return this.vectors.entries();
  }
}

/** The `embedding` score part: cosine clipped to [0, 1]; 0 when either vector is missing. */
export function embeddingPart(
  store: VectorStore | undefined,
  query: Float32Array | undefined,
  id: string,
): number {
  if (!store || !query) return 0;
  const c = store.cosine(query, id);
  return c === undefined ? 0 : Math.max(0, Math.min(1, c));
}

/** The text a provider sees for an entity: title, keywords, fields and documents, in that order. */
export function entityText(
  entity: Pick<MatchEntity, 'title' | 'text' | 'keywords' | 'fields' | 'docs'>,
): string {
  const parts: string[] = [];
  if (entity.title) parts.push(entity.title);
  if (entity.keywords?.length) parts.push(entity.keywords.join('、'));
  if (entity.text) parts.push(entity.text);
  for (const v of Object.values(entity.fields ?? {})) parts.push(Array.isArray(v) ? v.join('、') : v);
  for (const d of entity.docs ?? []) parts.push(d.title ? `${d.title}。${d.text}` : d.text);
  return parts.join('\n').slice(0, MAX_EMBED_CHARS);
}

/**
 * Keeps a {@link VectorStore} in step with entities through a provider.
 *
 * @example
 * const index = new EmbeddingIndex(provider);
 * await index.upsert(entities);
 * const q = await index.embedQuery('茶叶病虫害绿色防控');
 * const part = embeddingPart(index.store, q, 'scientist-42');
 */
export class EmbeddingIndex {
  readonly store: VectorStore;

  constructor(readonly provider: EmbeddingProvider) {
    this.store = new VectorStore(provider.dimensions);
  }

  /** Embeds and stores entities (batched by the provider). */
  async upsert(entities: readonly MatchEntity[]): Promise<void> {
    if (entities.length === 0) return;
    const vectors = await this.provider.embed(entities.map((e) => entityText(e)));
    entities.forEach((e, i) => this.store.set(e.id, vectors[i]!));
  }

  remove(id: string): boolean {
    return this.store.delete(id);
  }

  /** Embeds a query's text (call once per search, before the synchronous scoring). */
  async embedQuery(text: string): Promise<Float32Array> {
    const [v] = await this.provider.embed([text]);
    return normalizeVector(Float32Array.from(v!));
  }
}
