/**
 * Embedding provider for any OpenAI-compatible HTTP endpoint (OpenAI, Azure-style gateways,
 * vLLM, Ollama, text-embeddings-inference, one-api…): `POST {baseUrl}/embeddings` with
 * `{ model, input: string[] }`, answered by `{ data: [{ embedding: number[], index }] }`.
 *
 * Batches inputs, times out each request, retries 408/429/5xx and network failures with
 * exponential backoff (honouring `Retry-After`), and turns every failure into an
 * {@link EmbeddingError} that says what went wrong and where.
 *
 * @module
 */
import { cleanEmbeddingText, EmbeddingError, normalizeVector, type EmbeddingProvider } from './provider.ts';

/** Options of {@link OpenAiEmbeddingProvider}. */
export interface OpenAiEmbeddingOptions {
  /** e.g. `https://api.example.com/v1` (the `/embeddings` path is appended). */
  baseUrl: string;
  model: string;
  /** Sent as `Authorization: Bearer …` unless `apiKeyHeader` names another header. */
  apiKey?: string;
  apiKeyHeader?: string;
  /** Vector size; when omitted {@link createOpenAiEmbeddingProvider} asks the endpoint once. */
  dimensions?: number;
  /** Also send `dimensions` in the request (models that can shorten their vectors). */
  requestDimensions?: boolean;
  /** Texts per request (default 64). */
  batchSize?: number;
  /** Per-request timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** First backoff in ms, doubled each retry (default 500); capped at 30 s. */
  retryBaseMs?: number;
  /** L2-normalise returned vectors (default true: cosine = dot product). */
  normalize?: boolean;
  headers?: Record<string, string>;
  /** Injected fetch (default the global one). */
  fetch?: typeof fetch;
}

const RETRYABLE = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * OpenAI-compatible embedding provider.
 *
 * @example
 * const provider = await createOpenAiEmbeddingProvider({
 *   baseUrl: 'http://127.0.0.1:8080/v1', model: 'bge-m3', apiKey: process.env.EMBED_KEY,
 * });
 * const [v] = await provider.embed(['水稻病虫害防治']);
 */
export class OpenAiEmbeddingProvider implements EmbeddingProvider {
  readonly id: string;
  private dims: number;
  private readonly url: string;
  private readonly options: OpenAiEmbeddingOptions;

  constructor(options: OpenAiEmbeddingOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl.replace(/\/+$/, '') + '/embeddings');
    } catch {
      throw new EmbeddingError(
        'bad_config',
        `embedding baseUrl is not a URL: ${JSON.stringify(options.baseUrl)}`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new EmbeddingError('bad_config', `embedding baseUrl must be http(s): ${options.baseUrl}`);
    if (!options.model) throw new EmbeddingError('bad_config', 'embedding model name is required');
    this.url = url.toString();
    this.options = options;
    this.dims = options.dimensions ?? 0;
    this.id = `openai:${options.model}@${url.origin}${url.pathname.replace(/\/embeddings$/, '')}`;
  }

  /** Vector size (0 until known: pass `dimensions` or use {@link createOpenAiEmbeddingProvider}). */
  get dimensions(): number {
    return this.dims;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const batch = Math.max(1, Math.floor(this.options.batchSize ?? 64));
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += batch) {
      const part = texts.slice(i, i + batch).map((t) => cleanEmbeddingText(t));
      out.push(...(await this.request(part)));
    }
    return out;
  }

  private async request(input: string[]): Promise<Float32Array[]> {
    const o = this.options;
    const maxRetries = Math.max(0, o.maxRetries ?? 3);
    const base = o.retryBaseMs ?? 500;
    let lastError: EmbeddingError | undefined;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      if (attempt > 0) await sleep(lastWait(lastError, base, attempt));
      try {
        return await this.once(input);
      } catch (err) {
        if (!(err instanceof EmbeddingError)) throw err;
        lastError = err;
        const retryable =
          err.code === 'timeout' ||
          err.code === 'network' ||
          (err.status !== undefined && RETRYABLE.has(err.status));
        if (!retryable) throw err;
      }
    }
    throw new EmbeddingError(
      lastError!.code,
      `${lastError!.message} (gave up after ${maxRetries + 1} attempts)`,
      lastError!.status,
      { cause: lastError },
    );
  }

  private async once(input: string[]): Promise<Float32Array[]> {
    const o = this.options;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...o.headers };
    if (o.apiKey) {
      const name = o.apiKeyHeader ?? 'authorization';
      headers[name] = name.toLowerCase() === 'authorization' ? `Bearer ${o.apiKey}` : o.apiKey;
    }
    const body: Record<string, unknown> = { model: o.model, input };
    if (o.requestDimensions && o.dimensions) body.dimensions = o.dimensions;
    const controller = new AbortController();
    const timeoutMs = o.timeoutMs ?? 30_000;
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await (o.fetch ?? fetch)(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      text = await res.text();
    } catch (err) {
      if (controller.signal.aborted)
        throw new EmbeddingError(
          'timeout',
          `embedding request to ${this.url} timed out after ${timeoutMs} ms`,
        );
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new EmbeddingError('network', `embedding request to ${this.url} failed: ${cause}`, undefined, {
        cause: err,
      });
    } finally {
      clearTimeout(timer);
    }
    if (!res.ok) {
      const detail = errorDetail(text);
      const error = new EmbeddingError(
        'http_error',
        `embedding endpoint ${this.url} answered ${res.status} ${res.statusText}${detail ? `: ${detail}` : ''}`,
        res.status,
      );
      (error as EmbeddingError & { retryAfterMs?: number }).retryAfterMs = retryAfter(
        res.headers.get('retry-after'),
      );
      throw error;
    }
    return this.parse(text, input.length);
  }

  private parse(text: string, expected: number): Float32Array[] {
    const bad = (why: string) => new EmbeddingError('bad_response', `embedding endpoint ${this.url} ${why}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw bad(`returned non-JSON: ${text.slice(0, 120)}`);
    }
    const data = (json as { data?: unknown }).data;
    if (!Array.isArray(data)) throw bad('returned no "data" array');
    if (data.length !== expected) throw bad(`returned ${data.length} vectors for ${expected} inputs`);
    const rows = data.map((d: unknown, i) => {
      const item = d as { embedding?: unknown; index?: unknown };
      return { index: typeof item.index === 'number' ? item.index : i, embedding: item.embedding };
    });
    rows.sort((a, b) => a.index - b.index);
    return rows.map(({ embedding }, i) => {
      if (!Array.isArray(embedding) || embedding.some((x) => typeof x !== 'number' || !Number.isFinite(x)))
        throw bad(`returned a non-numeric embedding at ${i} (base64 encoding is not supported)`);
      if (this.dims === 0) this.dims = embedding.length;
      if (embedding.length !== this.dims)
        throw bad(`returned ${embedding.length} dimensions, expected ${this.dims}`);
      const v = Float32Array.from(embedding as number[]);
      return this.options.normalize === false ? v : normalizeVector(v);
    });
  }
}

function lastWait(err: EmbeddingError | undefined, base: number, attempt: number): number {
  const hinted = (err as (EmbeddingError & { retryAfterMs?: number }) | undefined)?.retryAfterMs;
  const backoff = base * 2 ** (attempt - 1);
  return Math.min(30_000, hinted !== undefined ? Math.max(hinted, backoff) : backoff);
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The server's own error message (OpenAI shape `{ error: { message } }`) or the start of the body. */
function errorDetail(text: string): string {
  try {
    const j = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const m = typeof j.error === 'string' ? j.error : (j.error?.message ?? j.message);
    if (typeof m === 'string') return m.slice(0, 300);
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.trim().slice(0, 300);
}

/**
 * Creates the provider and, when `dimensions` is not given, asks the endpoint once so that
 * `dimensions` is known before the first real call.
 */
export async function createOpenAiEmbeddingProvider(
  options: OpenAiEmbeddingOptions,
): Promise<OpenAiEmbeddingProvider> {
  const provider = new OpenAiEmbeddingProvider(options);
  if (!options.dimensions) await provider.embed(['dimension probe']);
  return provider;
}
