import { describe, expect, it } from 'vitest';
import {
  DISCIPLINES,
  DISCIPLINE_CATEGORIES,
  disciplinePath,
  getDiscipline,
  getDisciplineCategory,
  isDisciplineCode,
  listDisciplines,
} from './disciplines.ts';
import { taxonomyName } from './names.ts';

/** First-level codes of GB/T 13745-2009 per 门类 (62 in all). */
const FIRST_LEVEL: Record<string, string[]> = {
  A: ['110', '120', '130', '140', '150', '160', '170', '180', '190'],
  B: ['210', '220', '230', '240'],
  C: ['310', '320', '330', '340', '350', '360'],
  D: [
    ['410', '413', '416', '420', '430', '440', '450', '460', '470', '480', '490'],
    ['510', '520', '530', '535', '540', '550', '560', '570', '580', '590', '610', '620', '630'],
  ].flat(),
  E: [
    ['710', '720', '730', '740', '750', '760', '770', '780', '790'],
    ['810', '820', '830', '840', '850', '860', '870', '880', '890', '910'],
  ].flat(),
};

describe('GB/T 13745-2009 disciplines', () => {
  it('has the five categories and the 62 first-level disciplines in them', () => {
    expect(DISCIPLINE_CATEGORIES.map((c) => c.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(listDisciplines({ level: 1 })).toHaveLength(62);
    for (const [category, codes] of Object.entries(FIRST_LEVEL)) {
      expect(listDisciplines({ parent: category, level: 1 }).map((d) => d.code)).toEqual(codes);
    }
  });

  it('uses every code once, in ascending order', () => {
    const codes = DISCIPLINES.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    const firstLevel = codes.filter((c) => c.length === 3);
    expect([...firstLevel].sort()).toEqual(firstLevel);
    for (const parent of firstLevel) {
      const children = listDisciplines({ parent }).map((d) => d.code);
      expect([...children].sort(), parent).toEqual(children);
    }
  });

  it('gives every second-level discipline an existing first-level parent that prefixes its code', () => {
    const second = listDisciplines({ level: 2 });
    // 677 named second-level disciplines plus one "其他学科" (other) entry under every parent but 416.
    expect(second).toHaveLength(738);
    for (const d of second) {
      expect(d.code.endsWith('99'), d.code).toBe(d.names['zh-CN'].endsWith('其他学科'));
      expect(d.code.endsWith('99'), d.code).toBe(d.names.en.endsWith(', Other'));
    }
    for (const d of second) {
      expect(d.code, d.code).toMatch(/^\d{5}$/);
      const parent = getDiscipline(d.parent ?? '');
      expect(parent?.level, d.code).toBe(1);
      expect(d.code.startsWith(parent!.code), d.code).toBe(true);
      expect(d.category, d.code).toBe(parent!.category);
    }
    for (const d of listDisciplines({ level: 1 })) {
      expect(d.code).toMatch(/^\d{3}$/);
      expect(d.parent).toBeNull();
      expect(listDisciplines({ parent: d.code }).length, `${d.code} has children`).toBeGreaterThan(0);
    }
  });

  it('names every entry in both languages', () => {
    for (const entry of [...DISCIPLINE_CATEGORIES, ...DISCIPLINES]) {
      expect(entry.names['zh-CN'], entry.code).toMatch(/^[\p{Script=Han}、，（）]+$/u);
      expect(entry.names.en, entry.code).toMatch(/^[A-Z][A-Za-z ,&'’()-]+$/);
    }
  });

  it('looks up codes, children and paths', () => {
    expect(taxonomyName(getDiscipline('110')!, 'zh-CN')).toBe('数学');
    expect(taxonomyName(getDiscipline('11021')!, 'zh-CN')).toBe('代数学');
    expect(taxonomyName(getDiscipline('230')!, 'zh-CN')).toBe('畜牧、兽医科学');
    expect(taxonomyName(getDiscipline(' 52040 ')!, 'en')).toBe('Computer Software');
    expect(listDisciplines({ parent: '520' }).map((d) => d.names['zh-CN'])).toEqual([
      '计算机科学技术基础学科',
      '人工智能',
      '计算机系统结构',
      '计算机软件',
      '计算机工程',
      '计算机应用',
      '计算机科学技术其他学科',
    ]);
    expect(disciplinePath('52020').map((d) => d.code)).toEqual(['520', '52020']);
    expect(disciplinePath('210').map((d) => d.code)).toEqual(['210']);
    expect(getDisciplineCategory('e')?.names['zh-CN']).toBe('人文与社会科学');
  });

  it('answers nothing for unknown codes', () => {
    for (const code of ['', '100', '111', '11012', '5204', '520400', 'A', 'abc']) {
      expect(getDiscipline(code), code).toBeUndefined();
      expect(isDisciplineCode(code), code).toBe(false);
      expect(disciplinePath(code), code).toEqual([]);
    }
    expect(listDisciplines({ parent: '999' })).toEqual([]);
    expect(listDisciplines({ parent: '11021' })).toEqual([]);
    expect(listDisciplines().length).toBe(DISCIPLINES.length);
  });
});
