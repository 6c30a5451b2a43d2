import { describe, expect, it } from 'vitest';
import { coreFor } from '../engine/engine.ts';
import { prepareQuery } from '../engine/search.ts';
import { compileFilter } from '../engine/structured.ts';
import type { IndexCore } from '../engine/core.ts';
import type { MatchEntity, MatchFilter } from '../types.ts';
import { accumulate, release } from './candidates.ts';
import { admissibleList } from './filter-lists.ts';

const WORDS = [
  '水稻',
  '育种',
  '猕猴桃',
  '溃疡病',
  '集成电路',
  '设计',
  '生猪',
  '养殖',
  '茶叶',
  '加工',
  '技术',
  '研究',
];
// Some regions and codes list few entities (selective), others many.
const region = (i: number): string | undefined =>
  i % 17 === 0 ? undefined : `51${String(1 + (i % 5)).padStart(2, '0')}${String(i % 13).padStart(2, '0')}`;
const DISC = ['210', '21020', '510', '520', '330', '52010', '620', '630', '170', '180', '190', '910', ''];

function entity(i: number, prefix = 'p'): MatchEntity {
  // Common words in most profiles, rarer ones in few: long and short posting lists.
  const words = [WORDS[10], i % 3 ? WORDS[11] : '', WORDS[i % 10], WORDS[(i * 7) % 10], `编号${i % 50}`];
  return {
    id: `${prefix}${i}`,
    kind: i % 9 === 0 ? 'service' : 'scientist',
    title: `${WORDS[(i * 3) % 10]}专家`,
    text: words.join(' '),
    region: region(i),
    disciplines: DISC[i % DISC.length]
      ? [DISC[i % DISC.length] as string]
      : i % 11 === 0
        ? ['210', '520']
        : undefined,
    verified: i % 4 === 0,
  };
}

const FILTERS: MatchFilter[] = [
  { regionPrefix: '510104' },
  { regionPrefix: '510300' },
  { regionPrefix: '5101' },
  { disciplines: ['520'] },
  { disciplines: ['210', '330'] },
  { disciplines: ['52010'], verifiedOnly: true },
  { regionPrefix: '51', disciplines: ['510'] },
];

/** Accumulation with and without the admissible list, for every filter and a few queries. */
function compare(core: IndexCore): number {
  let listed = 0;
  for (const f of FILTERS)
    for (const text of ['水稻育种技术研究', '集成电路设计 技术', '茶叶加工 生猪养殖 研究 编号7']) {
      const pq = prepareQuery(core, { text });
      const ok = compileFilter(core, ['scientist'], f);
      const adm = admissibleList(core, f, ok);
      const want: number[] = [];
      for (let idx = 0; idx < core.size; idx++) if (ok(idx)) want.push(idx);
      if (adm) {
        listed++;
        expect(Array.from(adm)).toEqual(want);
      }
      for (const [common, enough] of [
        [Infinity, 1],
        [40, 30],
        [10, 5],
      ] as const) {
        const a = accumulate(core, pq.aggVec, ok, common, enough);
        const ra = { n: a.n, pruned: a.pruned, t: Array.from(a.touched.subarray(0, a.n)) };
        const accA = ra.t.map((d) => a.acc[d]);
        release(core, a);
        const b = accumulate(core, pq.aggVec, ok, common, enough, adm);
        const rb = { n: b.n, pruned: b.pruned, t: Array.from(b.touched.subarray(0, b.n)) };
        const accB = rb.t.map((d) => b.acc[d]);
        release(core, b);
        expect(rb).toEqual(ra);
        expect(accB).toEqual(accA);
        // The scratch arrays are clean afterwards.
        expect(core.scratchSeen.every((x) => x === 0)).toBe(true);
      }
    }
  return listed;
}

describe('filter lists (selective filters on large corpora)', () => {
  it('list exactly the admissible entities and leave the accumulation unchanged, through upserts, removals and compaction', () => {
    const core = coreFor({ largeCorpus: 200 });
    for (let i = 0; i < 3000; i++) core.upsert(entity(i));
    core.train();
    expect(compare(core)).toBeGreaterThan(0);
    // Upserts after training (delta postings), replacements and removals (tombstones).
    for (let i = 0; i < 300; i++) core.upsert(entity(i * 7, i % 2 ? 'p' : 'q'));
    for (let i = 0; i < 200; i++) core.remove(`p${i * 3}`);
    compare(core);
    // Compaction renumbers the slots: the lists are rebuilt.
    core.train();
    compare(core);
  });
});
