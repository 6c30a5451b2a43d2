import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMatchEngine } from '../engine/engine.ts';
import type { MatchEngine, MatchEntity, MatchQuery } from '../types.ts';
import { createEmbeddingFusion, type FusionLogger } from './fused-engine.ts';
import { createOnnxEmbeddingProvider } from './onnx.ts';
import { OpenAiEmbeddingProvider } from './openai.ts';
import { writeTinyEmbeddingModel } from './tiny-model.ts';

const root = mkdtempSync(join(tmpdir(), 'tianfu-fusion-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A logger that keeps the warnings. */
function collect(): FusionLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (_details, message) => void lines.push(message) };
}

// ---- a fake OpenAI-compatible endpoint whose vectors know a few concepts ---------------------

/** Concepts of the fake model: a text's vector counts the words of each concept it contains. */
const CONCEPTS = [
  ['果树', '冻害', '猕猴桃', '低温', '霜冻'],
  ['茶', '茶叶'],
  ['水稻', '稻'],
];
function conceptVector(text: string): number[] {
  return [...CONCEPTS.map((words) => words.filter((w) => text.includes(w)).length), 0.1];
}

type Mode = 'ok' | 'error' | 'hang';
let mode: Mode = 'ok';
let failNext = 0;
let requests: string[][] = [];
let server: Server;
let baseUrl: string;

function handle(req: IncomingMessage, res: ServerResponse): void {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
  req.on('end', () => {
    const body = JSON.parse(raw) as { input: string[] };
    requests.push(body.input);
    if (mode === 'hang') return; // never answers
    if (mode === 'error' || failNext > 0) {
      failNext = Math.max(0, failNext - 1);
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'model overloaded' } }));
      return;
    }
    const data = body.input.map((t, index) => ({ object: 'embedding', index, embedding: conceptVector(t) }));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data }));
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
  mode = 'ok';
  failNext = 0;
  requests = [];
});

const fakeProvider = () =>
  new OpenAiEmbeddingProvider({ baseUrl, model: 'fake-concepts', maxRetries: 0, timeoutMs: 2000 });

const ZH: MatchEntity[] = [
  { id: 'kiwi', kind: 'scientist', title: '猕猴桃低温灾害研究', region: '510100', orgId: 'org-k' },
  { id: 'tea', kind: 'scientist', title: '茶叶病虫害绿色防控', region: '510100' },
  { id: 'rice', kind: 'scientist', title: '水稻育种与栽培', region: '511100' },
  { id: 'apple', kind: 'scientist', title: '果树栽培技术推广', region: '511100' },
  { id: 'need-kiwi', kind: 'need', title: '猕猴桃园霜冻', region: '510100' },
];
const FROST: MatchQuery = { text: '果树冻害防御', kinds: ['scientist'], top: 10 };

async function zhFusion(
  engine: MatchEngine = createMatchEngine(),
  logger = collect(),
  queryTimeoutMs = 3000,
) {
  const fused = createEmbeddingFusion(engine, fakeProvider(), {
    logger,
    queryTimeoutMs,
    cooldownMs: 60_000,
    retryMs: 20,
  });
  fused.upsertMany(ZH);
  await fused.idle();
  return { fused, engine, logger };
}

describe('embedding fusion with an OpenAI-compatible endpoint (local fake)', () => {
  it('ranks an entity that shares no word with the query but whose vector is close', async () => {
    const { fused, engine } = await zhFusion();
    const plain = engine.search(FROST);
    // The premise: no word of the query occurs in the kiwi expert's text.
    const plainKiwi = plain.find((h) => h.id === 'kiwi');
    expect(plainKiwi === undefined || plainKiwi.explanation.terms.length === 0).toBe(true);
    expect(plain[0]?.id).toBe('apple');

    const hits = await fused.search(FROST);
    const kiwi = hits.find((h) => h.id === 'kiwi')!;
    expect(kiwi).toBeDefined();
    expect(kiwi.explanation.parts.embedding).toBeGreaterThan(0.9);
    expect(kiwi.explanation.reasons).toContainEqual({
      code: 'semantic',
      params: { source: 'embedding', similarity: expect.any(Number) },
    });
    expect(
      hits
        .slice(0, 2)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['apple', 'kiwi']);
    expect(hits.map((h) => h.rank)).toEqual(hits.map((_, i) => i + 1));
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    // Tea and rice are far in meaning: no semantic reason.
    for (const h of hits.filter((x) => x.id === 'tea' || x.id === 'rice'))
      expect(h.explanation.reasons.some((r) => r.code === 'semantic')).toBe(false);
    // The need is close in meaning but of another kind.
    expect(hits.some((h) => h.id === 'need-kiwi')).toBe(false);
    // One request for the query (the entities were embedded in one batch before).
    expect(requests.filter((r) => r.length === 1 && r[0] === '果树冻害防御')).toHaveLength(1);
  });

  it('lets a neighbour in when no word of the query is in the index at all', async () => {
    const { fused, engine } = await zhFusion();
    const q: MatchQuery = { text: '冻害', kinds: ['scientist'], top: 5 };
    expect(engine.search(q)).toEqual([]);
    const hits = await fused.search(q);
    expect(hits.map((h) => h.id).sort()).toEqual(['apple', 'kiwi']); // the two frost-related experts
    expect(hits[0]!.explanation).toMatchObject({ terms: [], parts: { lexical: 0, facet: 0 } });
    expect(hits[0]!.rank).toBe(1);
    // With the neighbour scan off only the engine's pool is re-scored.
    const noScan = createEmbeddingFusion(engine, fakeProvider(), {
      neighbours: 0,
      reuse: fused,
      logger: collect(),
    });
    noScan.upsertMany(ZH);
    expect(noScan.stats().vectors).toBe(5);
    expect(await noScan.search(q)).toEqual([]);
  });

  it('applies the hard filter, exclusions and conflicts of interest to semantic-only neighbours', async () => {
    const { fused } = await zhFusion();
    const ids = async (q: MatchQuery) => (await fused.search({ ...FROST, ...q })).map((h) => h.id);
    expect(await ids({ filter: { regionPrefix: '5111' } })).not.toContain('kiwi');
    expect(await ids({ excludeIds: ['kiwi'] })).not.toContain('kiwi');
    expect(await ids({ requester: { orgId: 'org-k' } })).not.toContain('kiwi');
    expect(await ids({ kinds: ['need'] })).toContain('need-kiwi');
  });

  it('indexes at once and embeds in batches; unchanged text is not embedded again', async () => {
    const engine = createMatchEngine();
    const fused = createEmbeddingFusion(engine, fakeProvider(), { batchSize: 2, logger: collect() });
    fused.upsertMany(ZH);
    // Lexically searchable before any vector arrived.
    expect(engine.search({ text: '茶叶', top: 3 })[0]?.id).toBe('tea');
    expect(fused.store?.size ?? 0).toBe(0);
    await fused.idle();
    expect(requests.map((r) => r.length)).toEqual([2, 2, 1]);
    expect(fused.store!.size).toBe(5);
    fused.upsert({ ...ZH[1]! }); // same text (e.g. a capacity change upstream)
    await fused.idle();
    expect(requests).toHaveLength(3);
    fused.upsert({ ...ZH[1]!, title: '水稻稻瘟病防治' }); // new text: new vector
    expect(fused.store!.has('tea')).toBe(false);
    await fused.idle();
    expect(requests).toHaveLength(4);
    const [hit] = await fused.search({ text: '稻', kinds: ['scientist'], top: 1 });
    expect(hit?.explanation.parts.embedding).toBeGreaterThan(0.9);
  });

  it('a fusion over a fresh engine takes over the vectors of unchanged texts', async () => {
    const { fused } = await zhFusion();
    const before = requests.length;
    const next = createEmbeddingFusion(createMatchEngine(), fakeProvider(), {
      reuse: fused,
      logger: collect(),
    });
    next.upsertMany([...ZH.slice(0, 4), { ...ZH[4]!, title: '茶园倒春寒' }]);
    await next.idle();
    expect(requests.slice(before)).toEqual([['茶园倒春寒']]);
    expect(next.stats().vectors).toBe(5);
    expect(Array.from(next.store!.get('kiwi')!)).toEqual(Array.from(fused.store!.get('kiwi')!));
  });

  it('removal removes the vector, also one still in flight', async () => {
    const { fused } = await zhFusion();
    expect(fused.store!.has('kiwi')).toBe(true);
    expect(fused.remove('kiwi')).toBe(true);
    expect(fused.store!.has('kiwi')).toBe(false);
    expect((await fused.search(FROST)).some((h) => h.id === 'kiwi')).toBe(false);

    fused.upsert({ id: 'late', kind: 'scientist', title: '低温冻害' });
    fused.remove('late'); // before its batch returns
    await fused.idle();
    expect(fused.store!.has('late')).toBe(false);
    expect((await fused.search(FROST)).some((h) => h.id === 'late')).toBe(false);
  });

  it('provider down → the plain engine result, a warning, and no waiting during the cool-down', async () => {
    const { fused, engine, logger } = await zhFusion();
    mode = 'error';
    const fresh = { ...FROST, text: '果树冻害预警' }; // not in the query cache
    expect(await fused.search(fresh)).toEqual(engine.search(fresh));
    expect(logger.lines.join('\n')).toMatch(/failed on a query; plain engine results/);
    const before = requests.length;
    expect(await fused.search({ ...fresh, text: '猕猴桃' })).toEqual(
      engine.search({ ...fresh, text: '猕猴桃' }),
    );
    expect(requests.length).toBe(before); // cool-down: the provider is not asked
  });

  it('a hanging provider times out into the plain engine result', async () => {
    const { fused, engine, logger } = await zhFusion(createMatchEngine(), collect(), 300);
    mode = 'hang';
    const q = { ...FROST, text: '低温冻害对策' };
    const started = Date.now();
    expect(await fused.search(q)).toEqual(engine.search(q));
    expect(Date.now() - started).toBeLessThan(1900); // the provider's own timeout is 2000 ms
    expect(logger.lines.join('\n')).toMatch(/timed out|plain engine/);
  });

  it('a failed entity batch is retried and the entities get their vectors', async () => {
    const logger = collect();
    const fused = createEmbeddingFusion(createMatchEngine(), fakeProvider(), { logger, retryMs: 20 });
    failNext = 1;
    fused.upsertMany(ZH);
    await fused.idle();
    expect(fused.stats().pending).toBe(5);
    expect(logger.lines[0]).toMatch(/failed on a batch/);
    await expect.poll(() => fused.stats().vectors, { timeout: 3000 }).toBe(5);
    expect(fused.stats()).toMatchObject({ pending: 0, failures: 1 });
    fused.close();
  });

  it('saves and loads vectors beside the engine snapshot', async () => {
    const { fused, engine } = await zhFusion();
    const snap = join(root, 'engine.snap');
    const vecs = join(root, 'engine.vectors');
    engine.saveSnapshot(snap);
    fused.saveVectors(vecs);
    const { loadMatchEngine } = await import('../engine/snapshot.ts');
    const again = createEmbeddingFusion(await loadMatchEngine(snap), fakeProvider(), { logger: collect() });
    expect(again.loadVectors(vecs)).toBe(true);
    expect(again.stats().vectors).toBe(5);
    expect((await again.search(FROST)).map((h) => [h.id, h.score])).toEqual(
      (await fused.search(FROST)).map((h) => [h.id, expect.closeTo(h.score, 5)]),
    );
    expect(requests.filter((r) => r.length > 1)).toHaveLength(1); // entities embedded once, before the save
    // Another provider (other model) does not take these vectors; nor does a broken file.
    const other = createEmbeddingFusion(
      createMatchEngine(),
      new OpenAiEmbeddingProvider({ baseUrl, model: 'other' }),
    );
    expect(other.loadVectors(vecs)).toBe(false);
    writeFileSync(join(root, 'broken.vectors'), 'TFV1garbage');
    expect(again.loadVectors(join(root, 'broken.vectors'))).toBe(false);
    expect(again.loadVectors(join(root, 'missing.vectors'))).toBe(false);
  });

  it('off by default: an engine alone has no embedding part, and a fusion without vectors is the engine', async () => {
    const engine = createMatchEngine();
    engine.upsertMany(ZH);
    for (const h of engine.search(FROST)) expect(h.explanation.parts.embedding).toBeUndefined();
    mode = 'error';
    const fused = createEmbeddingFusion(engine, fakeProvider(), { logger: collect(), retryMs: 60_000 });
    expect(await fused.search(FROST)).toEqual(engine.search(FROST));
    fused.close();
  });
});

describe('embedding fusion with a local ONNX model (tiny model written by the test)', () => {
  it('ranks a synonym match the words do not give', async () => {
    const special = [0, 0, 0, 0.2];
    const model = writeTinyEmbeddingModel(
      join(root, 'tiny-synonyms'),
      ['maize', 'corn', 'hybrid', 'seed', 'tea', 'pest', 'control', 'kiwi', 'canker', 'wanted'],
      4,
      {
        '[CLS]': special,
        '[SEP]': special,
        '[UNK]': special,
        maize: [1, 0, 0, 0],
        corn: [1, 0, 0, 0],
        hybrid: [0.8, 0.2, 0, 0],
        seed: [0.8, 0.2, 0, 0],
        tea: [0, 1, 0, 0],
        pest: [0, 1, 0, 0],
        control: [0, 1, 0, 0],
        kiwi: [0, 0, 1, 0],
        canker: [0, 0, 1, 0],
      },
    );
    const provider = await createOnnxEmbeddingProvider({ modelDir: model.dir });
    const engine = createMatchEngine();
    const fused = createEmbeddingFusion(engine, provider, { logger: collect() });
    fused.upsertMany([
      { id: 'corn', kind: 'scientist', title: 'corn hybrid seed' },
      { id: 'tea', kind: 'scientist', title: 'tea pest control' },
      { id: 'kiwi', kind: 'scientist', title: 'kiwi canker control' },
      { id: 'n1', kind: 'need', title: 'maize wanted' },
    ]);
    await fused.idle();
    const q: MatchQuery = { text: 'maize', kinds: ['scientist'], top: 3 };
    const plain = engine.search(q);
    const plainCorn = plain.find((h) => h.id === 'corn');
    expect(plainCorn === undefined || plainCorn.explanation.terms.length === 0).toBe(true);
    const hits = await fused.search(q);
    expect(hits[0]?.id).toBe('corn');
    expect(hits[0]!.explanation.parts.embedding).toBeGreaterThan(0.9);
    expect(hits[0]!.explanation.reasons.map((r) => r.code)).toContain('semantic');
    expect(hits.find((h) => h.id === 'tea')?.explanation.parts.embedding ?? 0).toBeLessThan(0.2);
    fused.remove('corn');
    expect((await fused.search(q)).some((h) => h.id === 'corn')).toBe(false);
  });
});
