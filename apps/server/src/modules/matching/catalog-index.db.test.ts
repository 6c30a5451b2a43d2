import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import pino from 'pino';
import { capabilities, organizationClaims, organizations, scientistProfiles, type Db } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import { buildTestApp, testLogger } from '../../../test/helpers/build-test-app.ts';
import { CatalogIndex } from './catalog-index.ts';
import { catalogIndexRepository } from './catalog-index.repository.ts';
import { buildEnterprise, buildNeedRow, buildScientistProfile } from './matching.factories.ts';

const quiet = pino({ level: 'silent' });

describeEachDb('catalog index against the database', (getDb) => {
  let db: Db;
  let index: CatalogIndex;

  beforeAll(async () => {
    db = getDb();
    await buildScientistProfile(db, { skills: ['水稻育种'] });
    // Tiny batches so paging runs many rounds on a small table.
    index = new CatalogIndex({
      source: catalogIndexRepository(db),
      logger: quiet,
      pollMs: 0,
      batchSize: 4,
      semanticDim: 0,
    });
    const report = await index.rebuild();
    expect(report.count).toBe(1);
  });
  afterAll(async () => {
    await index.stop();
  });

  it('pages a bulk write that shares one updated_at without gaps', async () => {
    // One statement: every row gets the same timestamp (as a bulk import does).
    const rows = await db.orm
      .insert(scientistProfiles)
      .values(
        Array.from({ length: 45 }, (_, i) => ({
          name: `批量${i}`,
          skills: [`茶叶加工${i}`, '名优绿茶'],
          regionCode: '5118',
          updatedAt: sql`now()`,
        })),
      )
      .returning({ id: scientistProfiles.id });
    await index.refresh();
    expect(index.size).toBe(46);
    for (const r of rows) expect(index.meta(r.id)?.kind).toBe('scientist');
    const hits = index.engine.search({ text: '名优绿茶', kinds: ['scientist'], top: 100 });
    expect(hits.length).toBe(45);
  });

  it('drops rows that stop being public, and rows deleted outright', async () => {
    const some = [...index.allMeta()].filter((m) => m.regionCode === '5118').map((m) => m.id);
    await db.orm
      .update(scientistProfiles)
      .set({ status: 'closed' })
      .where(inArray(scientistProfiles.id, some.slice(0, 10)));
    // A hard delete leaves no updated_at behind: the reconciliation in refresh() finds it.
    await db.orm.delete(scientistProfiles).where(eq(scientistProfiles.id, some[10]!));
    await index.refresh();
    expect(index.size).toBe(46 - 11);
    for (const id of some.slice(0, 11)) expect(index.meta(id)).toBeUndefined();
  });

  it("a claim decided elsewhere reaches the organization's needs and own listings at the next poll", async () => {
    const org = await buildEnterprise(db, { name: '远端认证测试公司' });
    const need = await buildNeedRow(db, { orgId: org.id, title: '远端认证测试需求：烟叶烘烤工艺优化' });
    const [service] = await db.orm
      .insert(capabilities)
      .values({
        ownerType: 'organization',
        orgId: org.id,
        authorId: org.ownerId,
        title: '远端认证测试服务：烘烤房节能改造',
        description: '为烟草种植合作社提供烘烤房节能改造方案',
        deliveryMode: 'onsite',
        priceType: 'negotiable',
        regionCode: '510104',
        status: 'published',
        publishedAt: new Date(),
      })
      .returning();
    await index.refresh();
    expect(index.engine.get(need.id)?.verified).toBeFalsy();
    expect(index.engine.get(service!.id)?.verified).toBeFalsy();
    // What a decision on another node writes: the claim, and the organization's updated_at (no
    // event reaches this index).
    await db.orm
      .insert(organizationClaims)
      .values({ orgId: org.id, claimantId: org.ownerId, status: 'verified' });
    await db.orm.update(organizations).set({ updatedAt: new Date() }).where(eq(organizations.id, org.id));
    await index.refresh();
    expect(index.engine.get(org.id)?.verified).toBe(true);
    expect(index.engine.get(need.id)?.verified).toBe(true);
    expect(index.engine.get(service!.id)?.verified).toBe(true);
  });

  it('restarts from a snapshot and catches up with what changed meanwhile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tianfu-index-'));
    try {
      index.ledger.record(['a', 'b']);
      await index.saveSnapshot(dir);
      const [changed] = await db.orm
        .update(scientistProfiles)
        .set({ skills: ['川芎规范化栽培'] })
        .where(eq(scientistProfiles.status, 'published'))
        .returning({ id: scientistProfiles.id });
      const next = new CatalogIndex({
        source: catalogIndexRepository(db),
        logger: quiet,
        pollMs: 0,
        semanticDim: 0,
      });
      expect(await next.loadSnapshot(dir)).toBe(true);
      expect(next.size).toBe(index.size);
      expect(next.ledger.exposureOf('a')).toBeCloseTo(index.ledger.exposureOf('a'), 6);
      await next.refresh();
      const hits = next.engine.search({ text: '川芎', kinds: ['scientist'], top: 100 });
      expect(hits.map((h) => h.id)).toContain(changed!.id);
      // Another configuration does not load it (rebuild instead).
      const other = new CatalogIndex({
        source: catalogIndexRepository(db),
        logger: quiet,
        pollMs: 0,
        semanticDim: 8,
      });
      expect(await other.loadSnapshot(dir)).toBe(false);
      expect(await other.loadSnapshot(join(dir, 'missing'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a bulk change builds a fresh engine from the whole catalog and swaps it in', async () => {
    const bulk = new CatalogIndex({
      source: catalogIndexRepository(db),
      logger: quiet,
      pollMs: 0,
      batchSize: 4,
      bulkThreshold: 10,
      semanticDim: 0,
    });
    try {
      await bulk.rebuild();
      const before = bulk.size;
      const oldEngine = bulk.engine;
      const rows = await db.orm
        .insert(scientistProfiles)
        .values(
          Array.from({ length: 30 }, (_, i) => ({
            name: `大批${i}`,
            skills: [`藏药材种植${i}`, '高原药材'],
            regionCode: '5132',
            updatedAt: sql`now()`,
          })),
        )
        .returning({ id: scientistProfiles.id });
      await bulk.refresh();
      // Not upserted into the old engine: a new one holds the old rows and the new ones.
      expect(bulk.engine).not.toBe(oldEngine);
      expect(oldEngine.size).toBe(before);
      expect(bulk.size).toBe(before + 30);
      expect(bulk.engine.size).toBe(before + 30);
      for (const r of rows) expect(bulk.meta(r.id)?.regionCode).toBe('5132');
      const hits = bulk.engine.search({ text: '高原药材', kinds: ['scientist'], top: 100 });
      expect(hits.map((h) => h.id).sort()).toEqual(rows.map((r) => r.id).sort());
      // A small change afterwards takes the incremental path (same engine).
      const engine = bulk.engine;
      await db.orm
        .update(scientistProfiles)
        .set({ skills: ['青稞育种'] })
        .where(eq(scientistProfiles.id, rows[0]!.id));
      await bulk.refresh();
      expect(bulk.engine).toBe(engine);
      const found = bulk.engine.search({ text: '青稞育种', kinds: ['scientist'], top: 10 });
      expect(found.map((h) => h.id)).toContain(rows[0]!.id);
    } finally {
      await bulk.stop();
    }
  });

  it('a large rebuild is searchable lexically first, then trains its semantic model in the background', async () => {
    const big = new CatalogIndex({
      source: catalogIndexRepository(db),
      logger: quiet,
      pollMs: 0,
      bulkThreshold: 10,
      lexicalFirstAbove: 20,
      semanticDim: 4,
    });
    const reference = new CatalogIndex({
      source: catalogIndexRepository(db),
      logger: quiet,
      pollMs: 0,
      lexicalFirstAbove: Number.MAX_SAFE_INTEGER,
      semanticDim: 4,
    });
    try {
      const rows = await db.orm
        .insert(scientistProfiles)
        .values(
          Array.from({ length: 30 }, (_, i) => ({
            name: `高原${i}`,
            skills: [`牦牛养殖${i}`, '高原畜牧'],
            regionCode: '5133',
            updatedAt: sql`now()`,
          })),
        )
        .returning({ id: scientistProfiles.id });
      const report = await big.rebuild();
      expect(report.lexicalFirst).toBe(true);
      // Swapped in before its semantic model: searchable now, lexically.
      expect(big.engine.stats().semanticDim).toBe(0);
      const query = { text: '高原畜牧', kinds: ['scientist' as const], top: 100, noExplain: true };
      const early = await big.search(query);
      // (Earlier tests' rows share 高原; these 30 match the whole query and come first.)
      expect(
        early
          .slice(0, 30)
          .map((h) => h.id)
          .sort(),
      ).toEqual(rows.map((r) => r.id).sort());
      // The training follows as the next queued task; then the ranking is the normal one.
      await big.idle();
      expect(big.engine.stats().semanticDim).toBeGreaterThan(0);
      const report2 = await reference.rebuild();
      expect(report2.lexicalFirst).toBe(false);
      const scores = (hits: { id: string; score: number }[]) => hits.map((h) => [h.id, h.score.toFixed(9)]);
      expect(scores(await big.search(query))).toEqual(scores(await reference.search(query)));
    } finally {
      await big.stop();
      await reference.stop();
    }
  });

  it('the app saves its index at shutdown and the next start loads it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tianfu-data-'));
    const config = { NODE_ENV: 'development', TIANFU_DATA_DIR: dir, MATCH_INDEX_POLL_MS: 0 };
    try {
      const first: string[] = [];
      const a = await buildTestApp({ db, config, logger: testLogger(first) });
      const size = a.app.catalogIndex.size;
      await a.close();
      expect(first.some((l) => l.includes('catalog index built'))).toBe(true);
      const second: string[] = [];
      const b = await buildTestApp({ db, config, logger: testLogger(second) });
      try {
        expect(second.some((l) => l.includes('loaded from its snapshot'))).toBe(true);
        expect(b.app.catalogIndex.size).toBe(size);
      } finally {
        await b.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
