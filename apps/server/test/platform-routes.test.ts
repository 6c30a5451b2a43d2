import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegionDetail, RegionList } from '@tianfu/contracts';
import { describeEachDb } from '@tianfu/db/testing';
import { buildTestApp, type TestApp } from './helpers/build-test-app.ts';

describeEachDb('health', (getDb) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ db: getDb(), version: '9.9.9-test' });
  });
  afterAll(async () => t.close());

  it('reports ok, the database engine and the version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: getDb().kind, version: '9.9.9-test' });
  });
});

describe('health without a database', () => {
  it('answers 503 with a localized error when the database is gone', async () => {
    const t = await buildTestApp();
    await t.db.close();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({
      code: 'error.service_unavailable',
      message: 'Service temporarily unavailable',
    });
    await t.close();
  });
});

describe('regions, docs and the web app', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'tianfu-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>天府科技云</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await buildTestApp({ webDist: dist });
  });
  afterAll(async () => t.close());

  it('lists provinces without a parent', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions' });
    const { items } = res.json() as RegionList;
    expect(items.length).toBeGreaterThanOrEqual(31);
    expect(items.find((r) => r.code === '51')).toEqual({
      code: '51',
      name: '四川省',
      level: 'province',
      parentCode: null,
    });
  });

  it("lists Sichuan's 21 cities with ?parent=51 (and the padded form)", async () => {
    for (const parent of ['51', '510000']) {
      const { items } = (
        await t.app.inject({ method: 'GET', url: `/api/regions?parent=${parent}` })
      ).json() as RegionList;
      expect(items).toHaveLength(21);
      expect(items.every((r) => r.level === 'city' && r.parentCode === '51')).toBe(true);
      expect(items.map((r) => r.name)).toContain('成都市');
    }
  });

  it('returns Chengdu with its path for /api/regions/510100', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions/510100' });
    expect(res.statusCode).toBe(200);
    const r = res.json() as RegionDetail;
    expect(r).toMatchObject({ code: '5101', name: '成都市', level: 'city', parentCode: '51' });
    expect(r.path.map((p) => p.name)).toEqual(['四川省', '成都市']);
  });

  it('answers unknown and malformed codes with localized errors', async () => {
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/regions/519999',
      headers: { 'accept-language': 'en' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({
      code: 'regions.not_found',
      message: 'No such region: 519999',
    });
    const badParent = await t.app.inject({ method: 'GET', url: '/api/regions?parent=5199' });
    expect(badParent.statusCode).toBe(404);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/regions/abc' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields).toEqual({ code: '行政区划代码无效' });
  });

  it('publishes OpenAPI 3 with the zod schemas, and Swagger UI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/regions', '/api/regions/{code}', '/api/audit']),
    );
    expect(doc.paths['/api/audit']!.get!.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['page', 'pageSize', 'action', 'outcome']),
    );
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('serves the web app with SPA fallback, but never for /api', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('天府科技云');
    const deep = await t.app.inject({ method: 'GET', url: '/account/sessions?x=1' });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toContain('text/html');
    expect(deep.headers['cache-control']).toBe('no-cache');
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const api = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('error.route_not_found');
    const post = await t.app.inject({ method: 'POST', url: '/account' });
    expect(post.statusCode).toBe(404);
  });
});
