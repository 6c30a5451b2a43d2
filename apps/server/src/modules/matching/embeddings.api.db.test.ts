import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SearchPage } from '@tianfu/contracts';
import type { Db } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { CatalogIndex } from './catalog-index.ts';
import { catalogIndexRepository } from './catalog-index.repository.ts';
import { embeddingProviderFromConfig } from './embeddings.ts';
import { buildScientistProfile } from './matching.factories.ts';

/** A local OpenAI-compatible endpoint whose vectors count the words of a few concepts. */
const CONCEPTS = [
  ['冻害', '霜冻', '低温', '倒春寒'],
  ['茶', '茶叶'],
  ['水稻', '稻'],
];
const vectorOf = (text: string) => [...CONCEPTS.map((ws) => ws.filter((w) => text.includes(w)).length), 0.1];

let server: Server;
let baseUrl: string;
let down = false;
let requests = 0;

function handle(req: IncomingMessage, res: ServerResponse): void {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
  req.on('end', () => {
    requests++;
    const body = JSON.parse(raw) as { input: string[]; model: string };
    if (down || req.headers.authorization !== 'Bearer sk-local') {
      res.writeHead(down ? 503 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: down ? 'overloaded' : 'bad key' } }));
      return;
    }
    const data = body.input.map((t, index) => ({ index, embedding: vectorOf(t) }));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data, model: body.model }));
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

describeEachDb('search with an embedding provider (MATCH_EMBEDDINGS=openai)', (getDb) => {
  let db: Db;
  let on: TestApp;
  let off: TestApp;
  let frostId: string;

  beforeAll(async () => {
    db = getDb();
    frostId = (
      await buildScientistProfile(db, {
        name: '王研究员',
        skills: ['猕猴桃低温灾害防御', '倒春寒预警'],
        bio: '研究果园的霜冻与低温',
        regionCode: '511803',
      })
    ).id;
    await buildScientistProfile(db, { name: '李研究员', skills: ['茶叶加工', '名优绿茶'] });
    await buildScientistProfile(db, { name: '张研究员', skills: ['水稻育种', '杂交稻制种'] });
    await buildScientistProfile(db, { name: '赵研究员', skills: ['冻害防治', '果树栽培'] });
    on = await buildTestApp({
      db,
      config: {
        MATCH_INDEX_POLL_MS: 0,
        MATCH_EMBEDDINGS: 'openai',
        MATCH_EMBEDDINGS_URL: baseUrl,
        MATCH_EMBEDDINGS_MODEL: 'concepts',
        MATCH_EMBEDDINGS_API_KEY: 'sk-local',
        MATCH_EMBEDDINGS_TIMEOUT_MS: 3000,
      },
    });
    off = await buildTestApp({ db, config: { MATCH_INDEX_POLL_MS: 0 } });
    await on.app.catalogIndex.embeddingsIdle();
  });
  afterAll(async () => {
    await on?.app.close();
    await off?.app.close();
  });

  const search = async (t: TestApp, text: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/search?text=${encodeURIComponent(text)}&kinds=scientist`,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as SearchPage;
  };

  it('a scientist sharing no word with the query surfaces through /api/search when on', async () => {
    expect(on.app.catalogIndex.embeddings?.stats()).toMatchObject({ vectors: 4, pending: 0 });
    // "冻害" (frost damage) is no word of the frost expert's profile (霜冻, 低温, 倒春寒 are).
    const plain = await search(off, '冻害');
    expect(plain.items.map((i) => i.id)).not.toContain(frostId);
    const fused = await search(on, '冻害');
    const hit = fused.items.find((i) => i.id === frostId);
    expect(hit).toBeDefined();
    expect(hit!.explanation?.reasons).toContainEqual({
      code: 'semantic',
      params: { source: 'embedding', similarity: expect.any(Number) },
    });
    expect(hit!.explanation?.parts.embedding).toBeGreaterThan(0.9);
    // Unrelated experts do not come in on meaning alone.
    expect(fused.total).toBe(2);
  });

  it('falls back to the plain result when the provider is down', async () => {
    down = true;
    try {
      const before = requests;
      const page = await search(on, '冻害防治技术');
      expect(requests).toBeGreaterThan(before);
      expect(page).toEqual(await search(off, '冻害防治技术'));
    } finally {
      down = false;
    }
  });

  it('keeps the vectors in the index snapshot: loading it embeds nothing again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianfu-emb-snap-'));
    try {
      await on.app.catalogIndex.saveSnapshot(dir);
      const index = new CatalogIndex({
        source: catalogIndexRepository(db),
        logger: on.app.log,
        pollMs: 0,
        semanticDim: on.app.config.MATCH_SEMANTIC_DIM,
      });
      const setup = await embeddingProviderFromConfig(on.app.config, on.app.log);
      index.useEmbeddings(setup!.provider, setup!.options);
      const before = requests;
      expect(await index.loadSnapshot(dir)).toBe(true);
      await index.embeddingsIdle();
      expect(index.embeddings!.stats()).toMatchObject({ vectors: 4, pending: 0 });
      expect(requests).toBe(before);
      const hits = await index.search({ text: '冻害', kinds: ['scientist'], top: 5 });
      expect(hits.find((h) => h.id === frostId)?.explanation.parts.embedding).toBeGreaterThan(0.9);
      await index.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
