import { describe, expect, it } from 'vitest';
import {
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  getIndustry,
  industrySection,
  isIndustryCode,
  listIndustries,
} from './industries.ts';
import { taxonomyLabel, taxonomyName } from './names.ts';

/** Division ranges of each section as printed in GB/T 4754-2017. */
const SECTION_RANGES: Record<string, [number, number]> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

const pad = (n: number) => String(n).padStart(2, '0');

describe('GB/T 4754-2017 industries', () => {
  it('has the 20 sections A–T and the 97 divisions 01–97, each once', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(INDUSTRY_DIVISIONS).toHaveLength(97);
    expect(INDUSTRY_DIVISIONS.map((d) => d.code)).toEqual(Array.from({ length: 97 }, (_, i) => pad(i + 1)));
    const all = [...INDUSTRY_SECTIONS, ...INDUSTRY_DIVISIONS].map((e) => e.code);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(Object.entries(SECTION_RANGES))('section %s holds divisions %j', (section, [first, last]) => {
    const expected = Array.from({ length: last - first + 1 }, (_, i) => pad(first + i));
    expect(listIndustries({ section }).map((d) => d.code)).toEqual(expected);
    expect(getIndustry(section)).toMatchObject({ level: 'section', divisions: [pad(first), pad(last)] });
    for (const code of expected) expect(industrySection(code)?.code).toBe(section);
  });

  it('names every entry in both languages', () => {
    for (const entry of [...INDUSTRY_SECTIONS, ...INDUSTRY_DIVISIONS]) {
      expect(entry.names['zh-CN'], entry.code).toMatch(/\p{Script=Han}/u);
      expect(entry.names.en, entry.code).toMatch(/^[A-Z][A-Za-z ,'’()-]+$/);
    }
  });

  it('looks up sections and divisions by code', () => {
    expect(taxonomyName(getIndustry('C')!, 'zh-CN')).toBe('制造业');
    expect(taxonomyName(getIndustry('c')!, 'en')).toBe('Manufacturing');
    expect(taxonomyName(getIndustry('65')!, 'zh-CN')).toBe('软件和信息技术服务业');
    expect(taxonomyName(getIndustry('73')!, 'en')).toBe('Research and Experimental Development');
    expect(getIndustry(' 1 ')?.code).toBe('01');
    expect(taxonomyLabel(getIndustry('27')!, 'zh-CN')).toBe('27 医药制造业');
    expect(industrySection('M')?.code).toBe('M');
  });

  it('answers nothing for unknown codes', () => {
    for (const code of ['', 'U', 'Z', '00', '98', '131', 'C13', '6 5']) {
      expect(getIndustry(code), code).toBeUndefined();
      expect(isIndustryCode(code), code).toBe(false);
      expect(industrySection(code), code).toBeUndefined();
    }
    expect(listIndustries({ section: 'X' })).toEqual([]);
    expect(listIndustries()).toHaveLength(20);
  });
});
