import { describe, expect, it } from 'vitest';
import { capacityFactor } from './capacity.ts';
import { ExposureLedger } from './exposure.ts';
import { gini, ndcgAt } from './metrics.ts';
import { rerankHits } from './rerank.ts';
import { simulateExposure } from './simulate.ts';

interface Hit {
  id: string;
  score: number;
  capacity?: { open: number; total: number };
}

const ids = (list: { hit: Hit }[]) => list.map((r) => r.hit.id);

describe('capacityFactor', () => {
  it('maps capacity to a multiplier and a status', () => {
    expect(capacityFactor(undefined)).toEqual({ factor: 1, status: 'unknown' });
    expect(capacityFactor({ open: 0, total: 4 })).toEqual({ factor: 0, status: 'full' });
    expect(capacityFactor({ open: 1, total: 10 })).toEqual({ factor: 0.8, status: 'near_full' });
    expect(capacityFactor({ open: 5, total: 10 }).status).toBe('open');
    const two = capacityFactor({ open: 2, total: 10 });
    expect(two.status).toBe('near_full');
    expect(two.factor).toBeGreaterThan(0.8);
    expect(two.factor).toBeLessThan(1);
  });
});

describe('rerankHits', () => {
  const hits: Hit[] = [
    { id: 'a', score: 10, capacity: { open: 0, total: 3 } },
    { id: 'b', score: 9.9, capacity: { open: 1, total: 10 } },
    { id: 'c', score: 9.5, capacity: { open: 5, total: 10 } },
    { id: 'd', score: 5 },
  ];

  it('keeps pure relevance order at strength 0 without capacity info', () => {
    const out = rerankHits(hits, { strength: 0 });
    expect(ids(out)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('moves full scientists to the end as not recommended, demotes nearly full ones', () => {
    const out = rerankHits(hits, { capacityOf: (h) => h.capacity, strength: 0 });
    expect(ids(out)).toEqual(['c', 'b', 'd', 'a']);
    expect(out.at(-1)!.recommended).toBe(false);
    expect(out.at(-1)!.score).toBeLessThan(out[2]!.score);
    expect(out.filter((r) => r.recommended)).toHaveLength(3);
  });

  it('drops full scientists when asked', () => {
    const out = rerankHits(hits, { capacityOf: (h) => h.capacity, dropFull: true });
    expect(ids(out)).not.toContain('a');
    expect(out).toHaveLength(3);
  });

  it('lets a little-seen near-equal overtake a much-seen leader, but not a clearly worse one', () => {
    const ledger = new ExposureLedger({ population: 100 });
    for (let i = 0; i < 50; i++) ledger.record(['star']);
    const list: Hit[] = [
      { id: 'star', score: 1 },
      { id: 'ordinary', score: 0.97 },
      { id: 'weak', score: 0.2 },
    ];
    const out = rerankHits(list, { ledger, strength: 0.5 });
    expect(ids(out)).toEqual(['ordinary', 'star', 'weak']);
    expect(out[1]!.exposurePercentile).toBeGreaterThan(out[0]!.exposurePercentile);
    expect(out[0]!.originalRank).toBe(2);
    // Without a ledger there is no exposure information: relevance order stands.
    expect(ids(rerankHits(list, { strength: 0.5 }))).toEqual(['star', 'ordinary', 'weak']);
  });

  it('handles empty, negative and non-finite scores', () => {
    expect(rerankHits([], {})).toEqual([]);
    const out = rerankHits(
      [
        { id: 'x', score: -1 },
        { id: 'y', score: Number.NaN },
        { id: 'z', score: -3 },
      ],
      { strength: 0 },
    );
    expect(ids(out)).toEqual(['y', 'x', 'z']);
    for (const r of out) expect(Number.isFinite(r.score)).toBe(true);
  });
});

describe('metrics', () => {
  it('computes Gini and nDCG', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 4])).toBeCloseTo(0.75);
    expect(gini([])).toBe(0);
    expect(ndcgAt([3, 2, 1], [1, 2, 3], 3)).toBeCloseTo(1);
    expect(ndcgAt([1, 2, 3], [1, 2, 3], 3)).toBeLessThan(1);
  });
});

describe('simulateExposure', () => {
  it('is deterministic and trades a little nDCG for much lower exposure inequality', () => {
    const a = simulateExposure({ needs: 1500, experts: 600, seed: 7 });
    const b = simulateExposure({ needs: 1500, experts: 600, seed: 7 });
    expect(a).toEqual(b);
    expect(a.pure.ndcg).toBeCloseTo(1);
    expect(a.reranked.gini).toBeLessThan(a.pure.gini);
    expect(a.reranked.ndcg).toBeLessThan(1);
    expect(a.reranked.ndcg).toBeGreaterThan(0.9);
    const off = simulateExposure({ needs: 1500, experts: 600, seed: 7, strength: 0 });
    expect(off.reranked.gini).toBeCloseTo(off.pure.gini);
  });

  it('sends no exposure to fully booked scientists and less to nearly full ones', () => {
    const r = simulateExposure({ needs: 1500, experts: 600, seed: 7, fullShare: 0.1, nearFullShare: 0.2 });
    expect(r.pure.fullExposureShare).toBeGreaterThan(0.05);
    expect(r.reranked.fullExposureShare).toBe(0);
    expect(r.reranked.nearFullExposureShare).toBeLessThan(r.pure.nearFullExposureShare);
  });
});
