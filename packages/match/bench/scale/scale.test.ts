import { describe, expect, it } from 'vitest';
import { Attributes, TopK } from './filter.ts';
import { generateNeeds, generateProfiles, generatorDomain, passes, profileText } from './generate.ts';
import { meanRecall, percentile } from './stats.ts';

describe('synthetic profiles', () => {
  it('are identical for the same seed and differ for another', () => {
    const a = [...generateProfiles(200, 7)];
    const b = [...generateProfiles(200, 7)];
    const c = [...generateProfiles(200, 8)];
    expect(a).toEqual(b);
    expect(a.map(profileText)).not.toEqual(c.map(profileText));
  });

  it('use real Sichuan county codes and the declared disciplines', () => {
    const { cities, disciplines } = generatorDomain();
    expect(cities).toHaveLength(21);
    expect(cities.reduce((n, c) => n + c.counties.length, 0)).toBe(183);
    const counties = new Set(cities.flatMap((c) => c.counties.map((k) => k.code)));
    const codes = new Set(disciplines.map((d) => d.code));
    for (const p of generateProfiles(500, 1)) {
      expect(counties.has(p.regionCode)).toBe(true);
      expect(p.regionCode.startsWith(p.cityCode)).toBe(true);
      expect(codes.has(p.disciplineCode)).toBe(true);
      expect(p.skills.length).toBeGreaterThan(0);
    }
  });

  it('make needs with a city or discipline filter that some profiles pass', () => {
    const needs = generateNeeds(50, 3);
    expect(new Set(needs.map((n) => n.filter.kind))).toEqual(new Set(['region', 'discipline']));
    const profiles = [...generateProfiles(3000, 3)];
    const matched = needs.filter((n) => profiles.some((p) => passes(p, n.filter)));
    expect(matched.length).toBeGreaterThan(40);
  });
});

describe('filters and top-k', () => {
  it('numeric attribute predicates agree with passes()', () => {
    const attrs = new Attributes();
    const profiles = [...generateProfiles(2000, 5)];
    for (const p of profiles) attrs.set(p.seq, p.regionCode, p.disciplineCode);
    for (const n of generateNeeds(30, 5)) {
      const ok = attrs.predicate(n.filter);
      for (const p of profiles) expect(ok(p.seq)).toBe(passes(p, n.filter));
    }
  });

  it('TopK keeps the k best by score, ties by smaller id', () => {
    const top = new TopK(3);
    [
      [5, 1],
      [2, 3],
      [9, 3],
      [1, 2],
      [7, 0.5],
      [4, 3],
    ].forEach(([seq, score]) => top.offer(seq!, score!));
    expect(top.seqs).toEqual([2, 4, 9]);
  });
});

describe('report statistics', () => {
  it('percentile is nearest-rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([3], 99)).toBe(3);
  });

  it('recall@k averages over needs with a non-empty exact list', () => {
    expect(meanRecall({ a: ['1', '2'], b: ['9'] }, { a: ['1', '3'], b: ['9'], c: [] })).toBeCloseTo(
      (0.5 + 1) / 2,
    );
  });
});
