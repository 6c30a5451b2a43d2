import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TAXONOMY_MESSAGES, disciplineCode, industryCode, industryDivisionCode } from './schemas.ts';
import { searchTaxonomy } from './search.ts';

describe('searchTaxonomy', () => {
  it('finds disciplines and industries by a zh-CN name substring, best match first', () => {
    const hits = searchTaxonomy('软件', 'zh-CN').map((e) => e.code);
    expect(hits).toContain('52040');
    expect(hits).toContain('65');
    expect(searchTaxonomy('数学', 'zh-CN')[0]?.code).toBe('110');
  });

  it('ignores the list punctuation of the standard and case/width in English', () => {
    expect(searchTaxonomy('畜牧兽医', 'zh-CN').map((e) => e.code)).toContain('230');
    expect(searchTaxonomy('ARTIFICIAL intelligence', 'en').map((e) => e.code)).toEqual(['52020']);
    expect(searchTaxonomy('ｓｏｆｔｗａｒｅ', 'en', { kind: 'industry' })[0]?.code).toBe('65');
  });

  it('searches the asked language only, filters by kind, limits and matches code prefixes', () => {
    expect(searchTaxonomy('Software', 'zh-CN')).toEqual([]);
    expect(
      searchTaxonomy('制造', 'zh-CN', { kind: 'discipline' }).every((e) => e.kind === 'discipline'),
    ).toBe(true);
    expect(searchTaxonomy('制造', 'zh-CN', { kind: 'industry' }).length).toBeGreaterThan(10);
    expect(searchTaxonomy('制造', 'zh-CN', { kind: 'industry', limit: 3 })).toHaveLength(3);
    expect(searchTaxonomy('学', 'zh-CN')).toHaveLength(20);
    expect(searchTaxonomy('学', 'zh-CN', { limit: 100 })).toHaveLength(100);
    expect(searchTaxonomy('5204', 'zh-CN').map((e) => e.code)).toEqual(['52040']);
    expect(searchTaxonomy('   ', 'en')).toEqual([]);
    expect(searchTaxonomy('量子引力弦论不存在的学科', 'zh-CN')).toEqual([]);
  });
});

describe('taxonomy code schemas', () => {
  const messageOf = (schema: z.ZodType, value: unknown) => {
    const r = schema.safeParse(value);
    return r.success ? undefined : r.error.issues[0]?.message;
  };

  it('accepts known codes, normalized', () => {
    expect(disciplineCode.parse(' 52040 ')).toBe('52040');
    expect(disciplineCode.parse('910')).toBe('910');
    expect(industryCode.parse('c')).toBe('C');
    expect(industryCode.parse('39')).toBe('39');
    expect(industryDivisionCode.parse('01')).toBe('01');
  });

  it('rejects unknown codes with the taxonomy message codes', () => {
    for (const bad of ['', '100', '52041', 'E', '5204']) {
      expect(messageOf(disciplineCode, bad), bad).toBe('validation.discipline_code');
    }
    for (const bad of ['', 'U', '00', '98', 'C13']) {
      expect(messageOf(industryCode, bad), bad).toBe('validation.industry_code');
      expect(messageOf(industryDivisionCode, bad), bad).toBe('validation.industry_code');
    }
    expect(messageOf(industryDivisionCode, 'C')).toBe('validation.industry_division_code');
    expect(messageOf(disciplineCode, 520)).not.toBe(undefined);
  });

  it('reports the field path inside an object and has texts for every message code', () => {
    const body = z.object({ disciplines: z.array(disciplineCode), industry: industryCode });
    const r = body.safeParse({ disciplines: ['520', '99999'], industry: 'Z' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['disciplines.1', 'validation.discipline_code'],
      ['industry', 'validation.industry_code'],
    ]);
    for (const text of Object.values(TAXONOMY_MESSAGES)) {
      expect(text['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(text.en).toMatch(/^[A-Z]/);
    }
  });
});
