import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiEmbeddingProvider, OpenAiEmbeddingProvider } from './openai.ts';
import { EmbeddingError } from './provider.ts';

/** A local fake of an OpenAI-compatible endpoint whose behaviour each test scripts. */
interface Call {
  path: string;
  auth: string | undefined;
  body: { model: string; input: string[]; dimensions?: number };
}
let calls: Call[] = [];
let script: ((call: Call, res: ServerResponse) => boolean) | undefined;
let server: Server;
let baseUrl: string;

/** The fake's embedding of a text: [length, code of first char, 1], so tests can check order. */
function fakeVector(text: string): number[] {
  return [text.length, text.codePointAt(0) ?? 0, 1];
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
  req.on('end', () => {
    const call: Call = { path: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(raw) };
    calls.push(call);
    if (script && script(call, res)) return;
    if (call.auth !== 'Bearer sk-test') {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Incorrect API key provided' } }));
      return;
    }
    // Answer in reverse order with indexes, as some servers do.
    const data = call.body.input
      .map((t, index) => ({ object: 'embedding', index, embedding: fakeVector(t) }))
      .reverse();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data, model: call.body.model }));
  });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  calls = [];
  script = undefined;
});

const unit = (v: number[]) => v.map((x) => x / Math.hypot(...v));

describe('OpenAI-compatible embedding provider', () => {
  it('posts {model, input} with the API key, batches, keeps order and normalises', async () => {
    const p = await createOpenAiEmbeddingProvider({
      baseUrl: `${baseUrl}/`,
      model: 'bge-m3',
      apiKey: 'sk-test',
      batchSize: 2,
    });
    expect(p.dimensions).toBe(3);
    expect(p.id).toBe(`openai:bge-m3@${baseUrl}`);
    calls = [];
    const texts = ['水稻', 'tea', 'maize seed', '😀'];
    const vectors = await p.embed(texts);
    expect(calls.map((c) => [c.path, c.body.model, c.body.input])).toEqual([
      ['/v1/embeddings', 'bge-m3', ['水稻', 'tea']],
      ['/v1/embeddings', 'bge-m3', ['maize seed', '😀']],
    ]);
    vectors.forEach((v, i) =>
      expect(Array.from(v)).toEqual(unit(fakeVector(texts[i]!)).map((x) => expect.closeTo(x, 5))),
    );
  });

  it('sends empty texts as a space and cuts enormous ones', async () => {
    const p = new OpenAiEmbeddingProvider({ baseUrl, model: 'm', apiKey: 'sk-test', dimensions: 3 });
    await p.embed(['', 'x'.repeat(20_000)]);
    expect(calls[0]!.body.input[0]).toBe(' ');
    expect(calls[0]!.body.input[1]!.length).toBe(8000);
  });

  it('retries 429 and 5xx with backoff, honouring Retry-After, then succeeds', async () => {
    let n = 0;
    script = (_call, res) => {
      n++;
      if (n === 1) {
        res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'Rate limit reached' } }));
        return true;
      }
      if (n === 2) {
        res.writeHead(503);
        res.end('upstream overloaded');
        return true;
      }
      return false;
    };
    const p = new OpenAiEmbeddingProvider({
      baseUrl,
      model: 'm',
      apiKey: 'sk-test',
      dimensions: 3,
      retryBaseMs: 5,
    });
    const [v] = await p.embed(['abc']);
    expect(calls).toHaveLength(3);
    expect(Array.from(v!)).toEqual(unit(fakeVector('abc')).map((x) => expect.closeTo(x, 5)));
  });

  it('gives up after maxRetries with the last error', async () => {
    script = (_call, res) => {
      res.writeHead(500);
      res.end('boom');
      return true;
    };
    const p = new OpenAiEmbeddingProvider({
      baseUrl,
      model: 'm',
      dimensions: 3,
      maxRetries: 2,
      retryBaseMs: 1,
    });
    const err = await p.embed(['a']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddingError);
    expect((err as EmbeddingError).status).toBe(500);
    expect((err as Error).message).toMatch(/answered 500.*boom.*gave up after 3 attempts/);
    expect(calls).toHaveLength(3);
  });

  it('does not retry a 401 and reports the server message', async () => {
    const p = new OpenAiEmbeddingProvider({
      baseUrl,
      model: 'm',
      apiKey: 'wrong',
      dimensions: 3,
      retryBaseMs: 1,
    });
    await expect(p.embed(['a'])).rejects.toThrow(/answered 401 Unauthorized: Incorrect API key provided/);
    expect(calls).toHaveLength(1);
  });

  it('times out a hanging request', async () => {
    script = () => true; // never answers
    const p = new OpenAiEmbeddingProvider({
      baseUrl,
      model: 'm',
      dimensions: 3,
      timeoutMs: 50,
      maxRetries: 1,
      retryBaseMs: 1,
    });
    const err = (await p.embed(['a']).catch((e: unknown) => e)) as EmbeddingError;
    expect(err.code).toBe('timeout');
    expect(err.message).toMatch(/timed out after 50 ms/);
    expect(calls).toHaveLength(2);
  });

  it('rejects malformed responses clearly', async () => {
    const answer = (body: string) => (script = (_c, res) => (res.writeHead(200), res.end(body), true));
    const p = new OpenAiEmbeddingProvider({ baseUrl, model: 'm', dimensions: 3, maxRetries: 0 });
    answer('<html>gateway</html>');
    await expect(p.embed(['a'])).rejects.toThrow(/non-JSON/);
    answer(JSON.stringify({ data: [] }));
    await expect(p.embed(['a'])).rejects.toThrow(/0 vectors for 1 inputs/);
    answer(JSON.stringify({ data: [{ embedding: [1, 2] }] }));
    await expect(p.embed(['a'])).rejects.toThrow(/2 dimensions, expected 3/);
    answer(JSON.stringify({ data: [{ embedding: 'AAAA' }] }));
    await expect(p.embed(['a'])).rejects.toThrow(/non-numeric/);
  });

  it('reports an unreachable endpoint and a bad configuration', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const p = new OpenAiEmbeddingProvider({
      baseUrl: `http://127.0.0.1:${port}`,
      model: 'm',
      dimensions: 3,
      maxRetries: 0,
    });
    const err = (await p.embed(['a']).catch((e: unknown) => e)) as EmbeddingError;
    expect(err.code).toBe('network');
    expect(err.message).toMatch(/ECONNREFUSED/);
    expect(() => new OpenAiEmbeddingProvider({ baseUrl: 'not a url', model: 'm' })).toThrow(/not a URL/);
    expect(() => new OpenAiEmbeddingProvider({ baseUrl: 'ftp://x', model: 'm' })).toThrow(/http/);
  });
});
