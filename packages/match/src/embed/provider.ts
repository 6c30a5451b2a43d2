/**
 * The pluggable embedding provider: anything that turns texts into fixed-size vectors.
 * None is configured by default; when one is, its vectors fuse into the match score as the
 * `embedding` part (see fusion.ts).
 *
 * @module
 */

/** Turns texts into vectors of `dimensions` floats (one per text, same order). */
export interface EmbeddingProvider {
  /** Stable identifier (e.g. `openai:text-embedding-3-small@http://host`, `onnx:bge-small-zh`), stored with vectors. */
  readonly id: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Why an embedding call failed (a stable code plus a readable message). */
export type EmbeddingErrorCode =
  'bad_config' | 'unavailable' | 'http_error' | 'timeout' | 'network' | 'bad_response' | 'model_error';

/** An embedding failure with a stable code; `status` is the HTTP status when there was one. */
export class EmbeddingError extends Error {
  constructor(
    readonly code: EmbeddingErrorCode,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmbeddingError';
  }
}

/** Characters of one text sent to a provider; longer texts are cut (documented limit). */
export const MAX_EMBED_CHARS = 8000;

/** Prepares a text for embedding: strips control characters, cuts at `max`, never empty. */
export function cleanEmbeddingText(text: string, max = MAX_EMBED_CHARS): string {
  // eslint-disable-next-line no-control-regex
  const t = String(text ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
  // Cut on a code point boundary so an emoji is never split into a lone surrogate.
  const cut =
    t.length > max
      ? Array.from(t.slice(0, max + 1))
          .join('')
          .slice(0, max)
      : t;
  const safe = /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
  return safe.trim().length === 0 ? ' ' : safe;
}

/** L2-normalises a vector in place (a zero vector stays zero) and returns it. */
export function normalizeVector(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < v.length; i++) v[i]! *= inv;
  }
  return v;
}
