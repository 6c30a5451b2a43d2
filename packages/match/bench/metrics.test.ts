import { describe, expect, it } from 'vitest';
import { baselineTokens } from './baselines/tokenize.ts';
import { idfOf, runBaseline } from './baselines/baselines.ts';
import { entityText } from './lib/data.ts';
import {
  evaluate,
  gain,
  mrrAt,
  ndcgAt,
  pairwiseLossParts,
  parseMetric,
  prepareList,
  recallAt,
  resolutionParts,
  type RankedDoc,
  type Run,
} from './metrics.ts';

const list = (...ids: string[]): RankedDoc[] => ids.map((docId, i) => ({ docId, score: ids.length - i }));
const rel = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));

describe('ranked metrics', () => {
  it('mrr@k finds the first relevant doc within k only', () => {
    expect(mrrAt(list('a', 'b', 'c'), rel({ c: 1 }), 10)).toBeCloseTo(1 / 3);
    expect(mrrAt(list('a', 'b', 'c'), rel({ c: 1 }), 2)).toBe(0);
    expect(mrrAt(list('a', 'b'), rel({ a: 0, b: 2 }), 10)).toBe(0.5);
  });

  it('recall@k divides by every relevant judged doc', () => {
    expect(recallAt(list('a', 'b', 'c', 'd'), rel({ a: 1, d: 1, z: 2, n: 0 }), 3)).toBeCloseTo(1 / 3);
    expect(recallAt(list('a'), rel({ x: 0 }), 3)).toBe(0);
  });

  it('ndcg@k uses 2^g-1 gains, log2 discounts and the ideal of all judged grades', () => {
    // run: b(1) then a(2); ideal: a(2) then b(1)
    const dcg = gain(1) / Math.log2(2) + gain(2) / Math.log2(3);
    const idcg = gain(2) / Math.log2(2) + gain(1) / Math.log2(3);
    expect(ndcgAt(list('b', 'a'), rel({ a: 2, b: 1 }), 10)).toBeCloseTo(dcg / idcg, 10);
    expect(ndcgAt(list('a', 'b'), rel({ a: 2, b: 1 }), 10)).toBeCloseTo(1, 10);
    // a relevant doc beyond the cut-off contributes nothing, but still counts in the ideal
    expect(ndcgAt(list('x', 'a'), rel({ a: 1 }), 1)).toBe(0);
  });

  it('parses metric names with and without cut-offs', () => {
    expect(parseMetric('nDCG@10')).toEqual({ name: 'ndcg', k: 10 });
    expect(parseMetric('pairwise_loss').k).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('pairwise loss (Stelmakh et al. 2023)', () => {
  it('weights each wrong pair by its grade difference and ties by half', () => {
    const grades = rel({ a: 5, b: 3, c: 1 });
    // a > b > c in score: perfect
    expect(pairwiseLossParts(list('a', 'b', 'c'), grades)).toEqual({ loss: 0, max: 2 + 4 + 2 });
    // reversed: everything wrong
    expect(pairwiseLossParts(list('c', 'b', 'a'), grades)).toEqual({ loss: 8, max: 8 });
    // a and b tied, both above c: the a–b pair costs half its weight 2
    const tied: RankedDoc[] = [
      { docId: 'a', score: 1 },
      { docId: 'b', score: 1 },
      { docId: 'c', score: 0 },
    ];
    expect(pairwiseLossParts(tied, grades)).toEqual({ loss: 1, max: 8 });
  });

  it('gives exactly 0.5 to a constant scorer and ignores equal grades', () => {
    const constant: RankedDoc[] = ['a', 'b', 'c', 'd'].map((docId) => ({ docId, score: 0 }));
    const qrels = new Map([['q', rel({ a: 4.5, b: 2, c: 2, d: 1.25 })]]);
    const run: Run = new Map([['q', constant]]);
    expect(
      evaluate(run, qrels, ['pairwise_loss'], { judgedOnly: true, excludeSelf: false }).pairwise_loss,
    ).toBe(0.5);
  });

  it('puts judged docs missing from the run below returned ones, tied among themselves', () => {
    const grades = rel({ a: 1, b: 5, c: 3 });
    // only a returned: a above b (wrong, 4), a above c (wrong, 2), b~c tied (half of 2)
    expect(pairwiseLossParts(list('a'), grades)).toEqual({ loss: 7, max: 8 });
  });

  it('pools pairs over queries rather than averaging per query', () => {
    const qrels = new Map([
      ['q1', rel({ a: 2, b: 1 })],
      ['q2', rel({ a: 5, b: 1 })],
    ]);
    const run: Run = new Map([
      ['q1', list('b', 'a')], // wrong, weight 1
      ['q2', list('a', 'b')], // right, weight 4
    ]);
    expect(
      evaluate(run, qrels, ['pairwise_loss'], { judgedOnly: true, excludeSelf: false }).pairwise_loss,
    ).toBeCloseTo(1 / 5);
  });

  it('counts easy (≥4 vs ≤2) and hard (both ≥4) pairs, ties as incorrect', () => {
    const grades = rel({ a: 5, b: 4, c: 2, d: 3 });
    expect(resolutionParts(list('a', 'b', 'c', 'd'), grades, 'easy')).toEqual({ correct: 2, total: 2 });
    expect(resolutionParts(list('b', 'a', 'c', 'd'), grades, 'hard')).toEqual({ correct: 0, total: 1 });
    const tie: RankedDoc[] = [
      { docId: 'a', score: 1 },
      { docId: 'b', score: 1 },
    ];
    expect(resolutionParts(tie, grades, 'hard')).toEqual({ correct: 0, total: 1 });
  });
});

describe('task options', () => {
  it('judged_only keeps only judged docs; exclude_self drops the query id', () => {
    const grades = rel({ b: 1, c: 0 });
    expect(
      prepareList('q', list('a', 'b', 'q', 'c'), grades, { judgedOnly: true, excludeSelf: false }).map(
        (d) => d.docId,
      ),
    ).toEqual(['b', 'c']);
    expect(
      prepareList('q', list('q', 'a', 'b'), grades, { judgedOnly: false, excludeSelf: true }).map(
        (d) => d.docId,
      ),
    ).toEqual(['a', 'b']);
  });

  it('averages ranked metrics over judged queries, scoring a missing query 0', () => {
    const qrels = new Map([
      ['q1', rel({ a: 1 })],
      ['q2', rel({ b: 1 })],
    ]);
    const run: Run = new Map([['q1', list('a', 'x')]]);
    const r = evaluate(run, qrels, ['acc@1', 'recall@3'], { judgedOnly: false, excludeSelf: false });
    expect(r['acc@1']).toBe(0.5);
    expect(r['recall@3']).toBe(0.5);
  });

  it('rejects an unknown metric name', () => {
    expect(() =>
      evaluate(new Map(), new Map([['q', rel({ a: 1 })]]), ['bleu'], {
        judgedOnly: false,
        excludeSelf: false,
      }),
    ).toThrow(/unknown metric/);
  });
});

describe('reference baselines', () => {
  it('tokenizes as the bench README says: lowercased words, stop words, CJK bigrams', () => {
    expect(baselineTokens('The BERT-based model, a 3D 纳米材料 与 x')).toEqual([
      'bert',
      'model',
      '3d',
      '纳米',
      '米材',
      '材料',
      '与',
    ]);
  });

  it('joins title, text, keywords, then each doc', () => {
    expect(
      entityText({ id: '1', title: 'T', text: 'x', keywords: ['k'], docs: [{ title: 'd', text: 'e' }] }),
    ).toBe('T x k d e');
  });

  it('idf follows ln(1 + (N − df + 0.5)/(df + 0.5))', () => {
    expect(idfOf(10, 1)).toBeCloseTo(Math.log(1 + 9.5 / 1.5));
  });

  it('BM25 and TF-IDF rank the matching doc first, break ties by id, honour exclude_self and candidates', () => {
    const corpus = [
      { id: 'd2', text: 'graphene battery anode' },
      { id: 'd1', text: 'rice irrigation drought' },
      { id: 'd3', text: 'rice yield' },
      { id: 'q', text: 'rice drought' },
    ];
    const queries = [{ id: 'q', text: 'rice drought' }];
    for (const name of ['bm25', 'tfidf'] as const) {
      const run = runBaseline(name, corpus, queries, { top: 10, excludeSelf: true });
      const ids = run.get('q')!.map((d) => d.docId);
      expect(ids[0]).toBe('d1');
      expect(ids).not.toContain('q');
      // d2 shares nothing: score 0, placed last
      expect(ids.at(-1)).toBe('d2');
      const only = runBaseline(name, corpus, queries, {
        top: 10,
        excludeSelf: false,
        candidates: new Map([['q', new Set(['d2', 'd3'])]]),
      });
      expect(only.get('q')!.map((d) => d.docId)).toEqual(['d3', 'd2']);
    }
  });
});
