import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MatchEntity } from '../types.ts';
import { createMatchEngine } from './engine.ts';
import { loadMatchEngine } from './snapshot.ts';

function buildScientist(id: string, overrides: Partial<MatchEntity> = {}): MatchEntity {
  return { id, kind: 'scientist', region: '510104', ...overrides };
}

const corpus: MatchEntity[] = [
  buildScientist('rice', {
    title: '水稻育种专家',
    docs: [{ text: '杂交水稻高产栽培技术' }, { text: '水稻稻瘟病抗性基因' }],
    disciplines: ['210'],
  }),
  buildScientist('kiwi', {
    title: '猕猴桃病害防治',
    text: '猕猴桃溃疡病综合防控',
    region: '511800',
    disciplines: ['210'],
  }),
  buildScientist('chip', {
    title: '集成电路设计',
    text: '低功耗芯片与模拟电路',
    region: '510100',
    disciplines: ['510'],
  }),
  buildScientist('pig', {
    title: '生猪养殖',
    text: '非洲猪瘟防控与饲料配方',
    region: '511000',
    verified: true,
  }),
  { id: 'need1', kind: 'need', title: '猕猴桃溃疡病急需专家', text: '我们的猕猴桃果园出现溃疡病' },
  ...Array.from({ length: 20 }, (_, i) =>
    buildScientist(`filler${i}`, { region: '513200', text: `机械设计 数控机床 第${i}号 焊接工艺` }),
  ),
];

describe('createMatchEngine', () => {
  it('ranks the topical expert first and explains the hit', () => {
    const e = createMatchEngine();
    e.upsertMany(corpus);
    const hits = e.search({ text: '猕猴桃溃疡病怎么防治', kinds: ['scientist'], top: 3 });
    expect(hits[0]?.id).toBe('kiwi');
    expect(hits[0]?.rank).toBe(1);
    const ex = hits[0]!.explanation;
    expect(ex.terms.map((t) => t.term)).toContain('猕猴桃');
    expect(ex.terms.find((t) => t.term === '猕猴桃')?.field).toBe('title');
    expect(ex.parts.lexical).toBeGreaterThan(0);
    expect(hits.every((h) => h.id !== 'need1')).toBe(true);
  });

  it('matches multi-document entities by their best documents, in both directions', () => {
    const e = createMatchEngine();
    e.upsertMany(corpus);
    expect(e.search({ text: '稻瘟病抗性', top: 1 })[0]?.id).toBe('rice');
    const back = e.search({
      docs: [{ text: '猕猴桃溃疡病综合防控' }, { text: '果园病害' }],
      kinds: ['need'],
      top: 1,
    });
    expect(back[0]?.id).toBe('need1');
    // No structured facts to report (a discipline inferred from the lexicon may be).
    expect(back[0]?.explanation.reasons.filter((r) => r.code !== 'same_inferred_discipline')).toEqual([]);
  });

  it('applies filters, exclusions and structured reasons', () => {
    const e = createMatchEngine();
    e.upsertMany(corpus);
    const inChengdu = e.search({ text: '芯片 猕猴桃 水稻', filter: { regionPrefix: '510100' }, top: 10 });
    expect(inChengdu.map((h) => h.id).sort()).toEqual(['chip', 'rice']);
    const hits = e.search({
      text: '水稻',
      disciplines: ['210'],
      region: '510104',
      excludeIds: ['kiwi'],
      top: 5,
    });
    expect(hits[0]?.id).toBe('rice');
    expect(hits[0]?.explanation.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['same_discipline', 'same_county']),
    );
    expect(hits.some((h) => h.id === 'kiwi')).toBe(false);
    expect(e.search({ id: 'rice', text: '水稻', top: 5 }).some((h) => h.id === 'rice')).toBe(false);
  });

  it('excludes conflicts of interest as a hard filter', () => {
    const e = createMatchEngine();
    e.upsertMany([...corpus, buildScientist('kiwi2', { title: '猕猴桃栽培', orgId: 'org-a' })]);
    const ids = (r: object) => e.search({ text: '猕猴桃', top: 10, requester: r }).map((h) => h.id);
    expect(ids({})).toContain('kiwi2');
    expect(ids({ orgId: 'org-a' })).not.toContain('kiwi2');
    expect(ids({ relations: ['kiwi'] })).not.toContain('kiwi');
  });

  it('sees upserts and removals on the next query without a rebuild', () => {
    const e = createMatchEngine();
    e.upsertMany(corpus);
    expect(e.search({ text: '茶叶加工', top: 5 }).some((h) => h.id === 'tea')).toBe(false);
    e.upsert(buildScientist('tea', { title: '茶叶加工', text: '名优绿茶加工工艺' }));
    expect(e.search({ text: '茶叶加工', top: 5 })[0]?.id).toBe('tea');
    e.upsert(buildScientist('tea', { title: '白酒酿造', text: '浓香型白酒' }));
    // The old text is gone: 'tea' may still rank by its inferred discipline (food processing),
    // never by the old words.
    const tea = e.search({ text: '茶叶加工', top: 5 }).find((h) => h.id === 'tea');
    expect(tea?.explanation.terms ?? []).toEqual([]);
    expect(e.remove('kiwi')).toBe(true);
    expect(e.remove('kiwi')).toBe(false);
    expect(e.search({ text: '猕猴桃溃疡病', top: 5 }).some((h) => h.id === 'kiwi')).toBe(false);
    expect(e.size).toBe(corpus.length);
  });

  it('never throws on bad queries', () => {
    const e = createMatchEngine();
    expect(e.search({ text: '水稻' })).toEqual([]);
    e.upsertMany(corpus);
    expect(e.search({ text: '' })).toEqual([]);
    expect(e.search({ text: '<p>😀😀</p>' })).toEqual([]);
    expect(e.search({ text: '水稻'.repeat(50_000), top: 2 }).length).toBeLessThanOrEqual(2);
    expect(e.search({ text: '水稻', top: -3 })).toEqual([]);
    expect(e.search(null as never)).toEqual([]);
  });

  it('saves and loads a binary snapshot that answers identically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianfu-snap-'));
    try {
      const e = createMatchEngine();
      e.upsertMany(corpus);
      e.remove('pig');
      const path = join(dir, 'index.snap');
      e.saveSnapshot(path);
      const loaded = await loadMatchEngine(path);
      expect(loaded.size).toBe(e.size);
      const q = { text: '水稻稻瘟病与猕猴桃', top: 5 };
      expect(loaded.search(q).map((h) => [h.id, h.score.toFixed(5)])).toEqual(
        e.search(q).map((h) => [h.id, h.score.toFixed(5)]),
      );
      loaded.upsert(buildScientist('tea', { title: '茶叶加工' }));
      expect(loaded.search({ text: '茶叶', top: 1 })[0]?.id).toBe('tea');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
