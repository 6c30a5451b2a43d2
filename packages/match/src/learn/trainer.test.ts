import { describe, expect, it } from 'vitest';
import { buildTrainingSet } from './dataset.ts';
import type { OutcomeEvent } from './events.ts';
import { generateSyntheticOutcomes } from './synthetic.ts';
import { evaluateWeights, splitQueries, trainFusionWeights, TrainingDataError } from './trainer.ts';

const trueWeights = { lexical: 0.15, semantic: 0.55, region: 0.05, capacity: 0.25 };
const currentWeights = { lexical: 1, semantic: 0.3, region: 0.5, capacity: 0.1 };

function cosine(a: Record<string, number>, b: Record<string, number>): number {
  const keys = Object.keys(a);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (const k of keys) {
    ab += a[k]! * (b[k] ?? 0);
    aa += a[k]! ** 2;
    bb += (b[k] ?? 0) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('buildTrainingSet', () => {
  const at = '2026-01-01T00:00:00.000Z';
  const shown = (entityId: string, rank: number): OutcomeEvent => ({
    type: 'shown',
    queryId: 'q',
    entityId,
    at,
    rank,
    parts: { lexical: rank },
  });

  it('grades each shown item by its strongest outcome', () => {
    const set = buildTrainingSet([
      shown('a', 1),
      shown('b', 2),
      shown('c', 3),
      shown('d', 4),
      { type: 'invited', queryId: 'q', entityId: 'b', at },
      { type: 'deal_closed', queryId: 'q', entityId: 'b', at },
      { type: 'dismissed', queryId: 'q', entityId: 'c', at, reason: 'not_relevant' },
      { type: 'dismissed', queryId: 'q', entityId: 'd', at, reason: 'already_contacted' },
      { type: 'invited', queryId: 'q', entityId: 'never-shown', at },
    ]);
    expect(set).toHaveLength(1);
    expect(set[0]!.items.map((i) => [i.entityId, i.grade])).toEqual([
      ['a', 0],
      ['b', 3],
      ['c', -1],
      ['d', 0],
    ]);
  });
});

describe('trainFusionWeights', () => {
  const events = generateSyntheticOutcomes({ trueWeights, currentWeights, queries: 800, seed: 3 });
  const queries = buildTrainingSet(events);

  it('recovers the true weights from a synthetic log and reports a held-back gain', () => {
    const report = trainFusionWeights(queries, { currentWeights });
    expect(report.features).toEqual(['capacity', 'lexical', 'region', 'semantic']);
    // The current weights are far from the truth…
    expect(cosine(trueWeights, currentWeights)).toBeLessThan(0.7);
    // …the learned ones point the same way as the truth.
    expect(cosine(trueWeights, report.learned)).toBeGreaterThan(0.97);
    const learnedOrder = Object.entries(report.learned)
      .sort((a, b) => b[1] - a[1])
      .map(([k]) => k);
    expect(learnedOrder[0]).toBe('semantic');
    expect(learnedOrder.at(-1)).toBe('region');
    // Same total as the current weights, so the engine's score scale does not jump.
    const sum = (w: Record<string, number>) => Object.values(w).reduce((s, x) => s + x, 0);
    expect(sum(report.learned)).toBeCloseTo(sum(currentWeights));
    expect(report.heldOut.current.queries).toBeGreaterThan(50);
    expect(report.gain.ndcg10).toBeGreaterThan(0.05);
    expect(report.gain.pairwiseAccuracy).toBeGreaterThan(0.05);
  });

  it('still recovers the weights from an evenly subsampled set of pairs', () => {
    const report = trainFusionWeights(queries, { currentWeights, maxPairs: 3000 });
    expect(report.train.pairs).toBeGreaterThan(3000);
    expect(cosine(trueWeights, report.learned)).toBeGreaterThan(0.95);
  });

  it('splits queries deterministically and disjointly', () => {
    const a = splitQueries(queries, 0.25, 9);
    const b = splitQueries(queries, 0.25, 9);
    expect(a.test.map((q) => q.queryId)).toEqual(b.test.map((q) => q.queryId));
    expect(a.train.length + a.test.length).toBe(queries.length);
    expect(a.test.length / queries.length).toBeGreaterThan(0.15);
    expect(a.test.length / queries.length).toBeLessThan(0.35);
  });

  it('scores a constant scorer at chance on pairs', () => {
    const zero = new Float64Array(4);
    const figures = evaluateWeights(
      queries.slice(0, 50),
      ['capacity', 'lexical', 'region', 'semantic'],
      zero,
    );
    expect(figures.pairwiseAccuracy).toBeCloseTo(0.5);
  });

  it('explains when the log cannot support training', () => {
    expect(() => trainFusionWeights([], { currentWeights })).toThrow(TrainingDataError);
    const flat = buildTrainingSet(events.filter((e) => e.type === 'shown'));
    expect(() => trainFusionWeights(flat, { currentWeights })).toThrow(/no list/);
  });
});
