import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreFor, createMatchEngine, wrapCore } from '../engine/engine.ts';
import { prepareQuery } from '../engine/search.ts';
import { denseQuery, exactLexical } from './candidates.ts';
import { loadMatchEngine } from '../engine/snapshot.ts';
import { compileFilter, passesFilter } from '../engine/structured.ts';
import type { MatchEntity, MatchFilter } from '../types.ts';

const TOPICS = [
  '水稻育种',
  '猕猴桃溃疡病',
  '集成电路设计',
  '生猪养殖',
  '茶叶加工',
  '滑坡监测',
  '锂电池材料',
  '中药炮制',
];
const REGIONS = ['510104', '510105', '511802', '510603', '513401', ''];
const DISC = ['210', '21020', '510', '520', '330', ''];

/** A deterministic corpus of small profiles (topic words, a region and discipline per profile). */
function corpus(n: number, prefix = 'p'): MatchEntity[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    kind: i % 7 === 0 ? 'service' : 'scientist',
    title: `${TOPICS[i % TOPICS.length]}专家`,
    text: `${TOPICS[(i * 3) % TOPICS.length]}与${TOPICS[(i * 5 + 1) % TOPICS.length]}技术 编号${i}`,
    region: REGIONS[i % REGIONS.length] || undefined,
    disciplines: DISC[i % DISC.length] ? [DISC[i % DISC.length] as string] : undefined,
    verified: i % 3 === 0,
    capacity: i % 4 === 0 ? { open: i % 8 === 0 ? 0 : 2, total: 3 } : undefined,
    price: i % 5 === 0 ? 1000 * (i % 11) : undefined,
  }));
}

describe('compact index', () => {
  it('compiles filters to typed-array checks equivalent to passesFilter', () => {
    const core = coreFor({});
    const entities = corpus(120);
    for (const e of entities) core.upsert(e);
    const filters: (MatchFilter | undefined)[] = [
      undefined,
      { regionPrefix: '510100' },
      { regionPrefix: '5118' },
      { disciplines: ['21'] },
      { disciplines: ['520', '330'] },
      { verifiedOnly: true, openCapacityOnly: true },
      { maxPrice: 5000, regionPrefix: '51' },
    ];
    for (const f of filters)
      for (const kinds of [undefined, ['scientist'], ['service', 'need']]) {
        const ok = compileFilter(core, kinds, f);
        entities.forEach((e, idx) => {
          const want = passesFilter(e, f) && (!kinds || kinds.includes(e.kind ?? ''));
          expect(ok(idx), `${JSON.stringify({ f, kinds, id: e.id })}`).toBe(want);
        });
      }
  });

  it('keeps upserts after training in a delta segment, merges it past a threshold, compacts removals', () => {
    const e = createMatchEngine({ scoring: { exhaustiveBelow: 0 } });
    e.upsertMany(corpus(400));
    expect(e.search({ text: '茶叶加工', top: 3 }).length).toBe(3);
    // New entities after the build are found at once (delta postings, no rebuild).
    e.upsert({ id: 'new1', title: '青稞酿酒工艺', text: '青稞酿酒' });
    expect(e.search({ text: '青稞酿酒', top: 1 })[0]?.id).toBe('new1');
    // Enough new postings to cross the merge threshold: still consistent afterwards.
    e.upsertMany(corpus(1500, 'q'));
    expect(e.search({ text: '青稞酿酒', top: 1 })[0]?.id).toBe('new1');
    expect(e.size).toBe(1901);
    // Removing more than a quarter compacts the index; ids still resolve to the right entities.
    for (let i = 0; i < 1100; i++) e.remove(`q${i}`);
    expect(e.size).toBe(801);
    expect(e.get('q1400')?.title).toBe(corpus(1401, 'q')[1400]?.title);
    expect(e.get('q10')).toBeUndefined();
    const hits = e.search({ text: '猕猴桃溃疡病', top: 50 });
    expect(hits.every((h) => !/^q(\d+)$/.test(h.id) || Number(h.id.slice(1)) >= 1100)).toBe(true);
    expect(e.search({ text: '青稞酿酒', top: 1 })[0]?.id).toBe('new1');
  });

  it('switches to the large-corpus form (no bigrams, int8 semantic vectors) and snapshots it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianfu-large-'));
    try {
      const e = createMatchEngine({ largeCorpus: 300, scoring: { exhaustiveBelow: 0 } });
      e.upsertMany(corpus(600));
      e.train();
      const q = { text: '猕猴桃溃疡病防治', top: 10, filter: { regionPrefix: '5101' } };
      const fast = e.search(q);
      expect(fast.length).toBe(10);
      expect(fast.every((h) => ['510104', '510105'].includes(e.get(h.id)?.region ?? ''))).toBe(true);
      // The exhaustive mode scores every admissible entity with the same function.
      const exact = e.search({ ...q, exhaustive: true });
      expect(fast.map((h) => h.id)).toEqual(exact.map((h) => h.id));
      const path = join(dir, 'large.snap');
      e.saveSnapshot(path);
      const loaded = await loadMatchEngine(path);
      expect(loaded.search(q).map((h) => [h.id, h.score.toFixed(6)])).toEqual(
        fast.map((h) => [h.id, h.score.toFixed(6)]),
      );
      expect(loaded.get('p5')).toEqual(e.get('p5'));
      loaded.upsert({ id: 'late', title: '猕猴桃溃疡病', region: '510104' });
      expect(loaded.search({ ...q, top: 1 })[0]?.id).toBe('late');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('scores a wide pool like exactLexical and re-checks every wide-pool member against the final top', () => {
    const core = coreFor({ largeCorpus: 300 });
    const e = wrapCore(core, { largeCorpus: 300, scoring: { exhaustiveBelow: 0, candidates: 5 } });
    const words = [
      '水稻',
      '育种',
      '病害',
      '土壤',
      '灌溉',
      '芯片',
      '电路',
      '养殖',
      '饲料',
      '茶叶',
      '加工',
      '监测',
    ];
    e.upsertMany(
      Array.from({ length: 1500 }, (_, i) => ({
        id: `w${i}`,
        kind: 'scientist',
        title: `${words[i % 12]}${words[(i * 7) % 12]}研究`,
        text: Array.from({ length: 6 }, (_, k) => words[(i * (k + 3) + k * k) % 12]).join('，'),
        region: i % 2 ? '510104' : '511802',
      })),
    );
    e.train();
    const q = { text: '水稻育种与病害监测', top: 20, noExplain: true };
    const pq = prepareQuery(core, q);
    const dq = denseQuery(core, pq.aggVec);
    for (const idx of [0, 7, 99, 1234])
      expect(dq.score(idx)).toBeCloseTo(exactLexical(core, pq.aggVec, idx), 10);
    dq.done();
    expect(core.scratchQ.every((x) => x === 0)).toBe(true);
    // Only 25 candidates get the full score first; the rest of the pool is re-checked by bound.
    expect(e.search(q).map((h) => h.id)).toEqual(e.search({ ...q, exhaustive: true }).map((h) => h.id));
    // Multi-document queries (facet = coverage): the pool is ranked and re-checked with it too.
    for (let a = 0; a < 12; a++) {
      const b = (a * 5 + 11) % 12;
      const body = {
        docs: [
          { text: `${words[a]}${words[b]}` },
          { text: `${words[(a + 5) % 12]}` },
          { text: `${words[(b + 3) % 12]}，${words[a]}` },
        ],
        top: 20,
        noExplain: true,
      };
      expect(e.search(body).map((h) => h.id)).toEqual(
        e.search({ ...body, exhaustive: true }).map((h) => h.id),
      );
    }
  });
});
