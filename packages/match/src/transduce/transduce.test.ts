import { describe, expect, it } from 'vitest';
import { coreFor, createMatchEngine } from '../engine/engine.ts';
import type { Scored } from '../engine/search.ts';
import type { MatchEntity } from '../types.ts';
import { DUPLICATE_COSINE, fitToQueries } from './fit.ts';
import { neighbourGraph, smoothScores } from './neighbours.ts';
import { CosineIndex } from './unit-index.ts';

const topics = [
  ['水稻', '稻瘟病', '育种', '杂交', '产量'],
  ['芯片', '电路', '功耗', '晶体管', '封装'],
  ['猕猴桃', '溃疡病', '果园', '病害', '防控'],
  ['生猪', '猪瘟', '饲料', '养殖', '疫苗'],
];

function entity(i: number): MatchEntity {
  const words = topics[i % topics.length] as string[];
  return {
    id: `e${i}`,
    kind: 'scientist',
    title: `${words[i % 5]}${words[(i + 1) % 5]}研究`,
    text: `${words.join('')}${words[(i + 2) % 5]}技术 第${i}项`,
  };
}

const corpus = Array.from({ length: 24 }, (_, i) => entity(i));

describe('CosineIndex', () => {
  it('computes dot products through shared terms only', () => {
    const v = (t: number[], w: number[]) => ({ t: Int32Array.from(t), w: Float32Array.from(w) });
    const idx = new CosineIndex([v([1, 2], [0.6, 0.8]), v([3], [1])]);
    const out = idx.dots(v([2, 3], [1, 0]));
    expect(out[0]).toBeCloseTo(0.8, 6);
    expect(out[1]).toBe(0);
  });
});

describe('fitToQueries (transductive LSA)', () => {
  it('re-trains on new query texts, skips near-duplicates of indexed texts', () => {
    const core = coreFor({});
    for (const e of corpus) core.upsert(e);
    core.train();
    const before = core.model;
    const queries = [
      { text: corpus[0]!.title + ' ' + corpus[0]!.text }, // the same text as an entity: a duplicate
      { text: '杂交水稻育种与稻瘟病抗性' },
      { text: '低功耗芯片封装' },
    ];
    const fit = fitToQueries(core, queries, 5000);
    expect(DUPLICATE_COSINE).toBeGreaterThan(0.5);
    expect(fit.fitted).toBe(true);
    expect(fit.duplicates).toBe(1);
    expect(fit.queryUnits).toBe(2);
    expect(core.model).not.toBe(before);
    expect(core.model!.trainedOn).toBe(fit.corpusUnits + 2);
  });

  it('does nothing on corpora above the exhaustive size or without new text', () => {
    const core = coreFor({});
    for (const e of corpus) core.upsert(e);
    core.train();
    const before = core.model;
    expect(fitToQueries(core, [{ text: '水稻育种' }], 10).fitted).toBe(false);
    expect(fitToQueries(core, [{ text: '' }, { text: 'zzzz qqqq' }], 5000).fitted).toBe(false);
    expect(core.model).toBe(before);
  });
});

describe('neighbour score regularisation', () => {
  it('links each entity to its most similar entities', () => {
    const core = coreFor({});
    for (const e of corpus) core.upsert(e);
    core.train();
    const g = neighbourGraph(core, 3, 0.7);
    const nb = g.nb.get(core.byId.get('e0')!)!;
    expect(nb.length).toBe(3);
    // e0's nearest entities share its topic (rice): e4, e8, e12…
    for (const idx of nb) expect(Number(core.entity(idx)!.id.slice(1)) % 4).toBe(0);
    expect(neighbourGraph(core, 3, 0.7)).toBe(g); // cached per trained model
    core.upsert(entity(96)); // a rice entity added after training gets its own row on first use
    const idx96 = core.byId.get('e96')!;
    const rec96 = core.rec(idx96)!;
    smoothScores(
      core,
      [
        { rec: rec96, score: 1, parts: {}, reasons: [], bestUnit: 0 },
        { rec: core.rec(nb[0]!)!, score: 1, parts: {}, reasons: [], bestUnit: 0 },
      ],
      3,
      0.5,
      0.7,
    );
    expect(neighbourGraph(core, 3, 0.7)).toBe(g);
    for (const n of g.nb.get(idx96)!) expect(Number(core.entity(n)!.id.slice(1)) % 4).toBe(0);
    core.train();
    expect(neighbourGraph(core, 3, 0.7)).not.toBe(g); // a new model rebuilds the graph
  });

  it('adds the neighbours’ weighted mean score; absent (excluded) neighbours lend nothing', () => {
    const core = coreFor({});
    for (const e of corpus) core.upsert(e);
    core.train();
    const rec = (id: string) => core.rec(core.byId.get(id)!)!;
    const mk = (id: string, score: number): Scored => ({
      rec: rec(id),
      score,
      parts: {},
      reasons: [],
      bestUnit: 0,
    });
    const g = neighbourGraph(core, 2, 0.7);
    const e0 = core.byId.get('e0')!;
    const [n1, n2] = [...g.nb.get(e0)!].map((i) => core.entity(i)!.id);
    const scored = [mk('e0', 1), mk(n1!, 0.5), mk(n2!, 0.5)];
    const out = smoothScores(core, scored, 2, 0.5, 0.7);
    expect(out[0]!.score).toBeCloseTo(1 + 0.5 * 0.5, 6);
    expect(out[0]!.parts.neighbours).toBeCloseTo(0.25, 6);
    const alone = smoothScores(core, [mk('e0', 1), mk('e1', 0.9)], 2, 0.5, 0.7);
    expect(alone[0]!.score).toBe(1);
    expect(smoothScores(core, scored, 2, 0, 0.7)).toBe(scored);
  });

  it('iterated, reaches the fixed point f = y + w·W·f; depth 0 is one step', () => {
    const core = coreFor({});
    for (const e of corpus) core.upsert(e);
    core.train();
    const scored: Scored[] = corpus.map((e, i) => ({
      rec: core.rec(core.byId.get(e.id)!)!,
      score: ((i * 7) % 11) / 10,
      parts: {},
      reasons: [],
      bestUnit: 0,
    }));
    const g = neighbourGraph(core, 3, 0.7);
    const one = smoothScores(core, scored, 3, 0.5, 0.7);
    expect(smoothScores(core, scored, 3, 0.5, 0.7, 0, 40, 0).map((s) => s.score)).toEqual(
      one.map((s) => s.score),
    );
    const out = smoothScores(core, scored, 3, 0.5, 0.7, 0, 40, 1);
    const f = new Map(out.map((s) => [s.rec.idx, s.score] as const));
    out.forEach((s, i) => {
      const nb = g.nb.get(s.rec.idx)!;
      const ws = g.w.get(s.rec.idx)!;
      let num = 0;
      let den = 0;
      nb.forEach((n, j) => {
        num += ws[j]! * f.get(n)!;
        den += ws[j]!;
      });
      expect(s.score).toBeCloseTo(scored[i]!.score + (0.5 * num) / den, 6);
      expect(s.parts.neighbours).toBeCloseTo(s.score - scored[i]!.score, 9);
    });
    // Further steps move scores by less than the first: the half-way depth lies between.
    const half = smoothScores(core, scored, 3, 0.5, 0.7, 0, 40, 0.5);
    half.forEach((s, i) => {
      const lo = Math.min(one[i]!.score, out[i]!.score) - 1e-9;
      const hi = Math.max(one[i]!.score, out[i]!.score) + 1e-9;
      expect(s.score).toBeGreaterThanOrEqual(lo);
      expect(s.score).toBeLessThanOrEqual(hi);
    });
  });
});

describe('engine.searchBatch', () => {
  it('answers every query in order, never returning a query’s own id', () => {
    const engine = createMatchEngine();
    engine.upsertMany(corpus);
    const qs = [
      { id: 'e0', text: corpus[0]!.text, top: 5 },
      { text: '芯片电路低功耗', top: 3 },
      { text: '', top: 3 },
    ];
    const res = engine.searchBatch(qs);
    expect(res).toHaveLength(3);
    expect(res[0]!.map((h) => h.id)).not.toContain('e0');
    expect(res[0]![0]!.id).toMatch(/^e(4|8|12|16|20)$/);
    expect(res[1]![0]!.id).toMatch(/^e(1|5|9|13|17|21)$/);
    expect(res[2]).toEqual([]);
    expect(engine.searchBatch([])).toEqual([]);
  });
});
