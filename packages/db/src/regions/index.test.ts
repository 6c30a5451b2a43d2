import { describe, expect, it } from 'vitest';
import {
  getRegion,
  isWithin,
  listChildren,
  listSubtree,
  normalizeRegionCode,
  regionLevel,
  regionPrefix,
} from './index.ts';

describe('regions', () => {
  it('has Sichuan with its 21 cities and 183 county-level divisions', () => {
    const cities = listChildren('51');
    expect(cities).toHaveLength(21);
    expect(cities.every((c) => c.level === 'city')).toBe(true);
    const counties = listSubtree('510000').filter((r) => r.level === 'county');
    expect(counties).toHaveLength(183);
    expect(cities.map((c) => c.name)).toContain('凉山彝族自治州');
  });

  it('returns Chengdu with its path', () => {
    const chengdu = getRegion('510100');
    expect(chengdu).toMatchObject({ code: '510100', name: '成都市', level: 'city', parentCode: '510000' });
    expect(chengdu?.path.map((r) => r.code)).toEqual(['510000', '510100']);
    expect(getRegion('510104')?.fullName).toBe('四川省成都市锦江区');
    expect(getRegion('5101')?.code).toBe('510100');
    expect(getRegion('999999')).toBeUndefined();
    expect(getRegion('abc')).toBeUndefined();
  });

  it('lists the provinces at the top', () => {
    const provinces = listChildren(null);
    expect(provinces.map((p) => p.code)).toContain('510000');
    expect(provinces.every((p) => p.level === 'province' && p.parentCode === null)).toBe(true);
    expect(provinces.length).toBeGreaterThanOrEqual(31);
  });

  it('hangs municipal districts directly under the municipality', () => {
    const beijing = listChildren('11');
    expect(beijing.length).toBeGreaterThan(10);
    expect(beijing.every((r) => r.level === 'county')).toBe(true);
    expect(getRegion('110105')?.path.map((r) => r.name)).toEqual(['北京市', '朝阳区']);
    expect(getRegion('110100')).toBeUndefined();
  });

  it('hangs province-administered county-level units under the province', () => {
    expect(getRegion('429004')?.path.map((r) => r.name)).toEqual(['湖北省', '仙桃市']);
    expect(regionLevel('429004')).toBe('county');
    expect(isWithin('429004', '42')).toBe(true);
  });

  it('keeps prefecture cities without counties as cities', () => {
    expect(getRegion('441900')).toMatchObject({ name: '东莞市', level: 'city' });
    expect(listChildren('441900')).toEqual([]);
  });

  it('decides officer scope by ancestry', () => {
    expect(isWithin('510104', '510100')).toBe(true);
    expect(isWithin('510104', '51')).toBe(true);
    expect(isWithin('510100', '510100')).toBe(true);
    expect(isWithin('510302', '510100')).toBe(false);
    expect(isWithin('510100', '510104')).toBe(false);
    expect(isWithin('110105', '510000')).toBe(false);
    expect(isWithin('510104', '999999')).toBe(false);
    expect(isWithin(null, '510000')).toBe(false);
  });

  it('normalises codes and gives SQL prefixes', () => {
    expect(normalizeRegionCode('51')).toBe('510000');
    expect(normalizeRegionCode(' 5101 ')).toBe('510100');
    expect(normalizeRegionCode('510')).toBeNull();
    expect(normalizeRegionCode("51' or 1=1")).toBeNull();
    expect(regionPrefix('510000')).toBe('51');
    expect(regionPrefix('510100')).toBe('5101');
    expect(regionPrefix('510104')).toBe('510104');
    expect(regionPrefix('000000')).toBeNull();
  });
});
