import { describe, expect, it } from 'vitest';
import {
  NEED_QUALITY_CODES,
  NEED_QUALITY_LEVELS,
  NEED_QUALITY_MESSAGES,
  NeedQualityReportSchema,
  assessNeed,
  chinaToday,
  daysBetween,
  hasMeasurableGoal,
  isGenericTitle,
  needQualityMessage,
  textLength,
  type NeedQualityDraft,
} from './need-quality.ts';

const NOW = new Date('2026-11-29T08:00:00Z');

/** A need an expert could act on: every check passes. */
function goodNeed(overrides: Partial<NeedQualityDraft> = {}): NeedQualityDraft {
  return {
    kind: 'rd_problem',
    title: '猕猴桃溃疡病绿色防控技术',
    summary: '蒲江县猕猴桃基地溃疡病发病率高，寻求绿色防控方案与现场指导。',
    description:
      '我社在蒲江县种植红心猕猴桃 800 亩，近两年春季溃疡病发病率约 25%，化学药剂效果不稳定。' +
      '希望引进生物防治或综合防控技术，两年内将发病率降低到 5% 以下，并培训 20 名种植户掌握操作规程。',
    confidential: false,
    keywords: ['猕猴桃', '溃疡病', '生物防治'],
    disciplines: ['21040'],
    industries: ['A'],
    budgetMin: 100_000,
    budgetMax: 300_000,
    deadline: '2027-06-30',
    ...overrides,
  };
}

const codes = (d: NeedQualityDraft) => assessNeed(d, NOW).suggestions.map((s) => s.code);

describe('assessNeed', () => {
  it('gives a complete, specific need full marks and no suggestions', () => {
    const r = assessNeed(goodNeed(), NOW);
    expect(r).toEqual({ score: 100, level: 'good', suggestions: [] });
    expect(NeedQualityReportSchema.parse(r)).toEqual(r);
  });

  it('scores an empty draft at the bottom with every basic suggestion', () => {
    const r = assessNeed({}, NOW);
    expect(r.level).toBe('poor');
    expect(r.score).toBeLessThan(30);
    expect(r.suggestions.map((s) => s.code)).toEqual([
      'description_too_short',
      'no_measurable_goal',
      'no_budget',
      'no_deadline',
      'no_classification',
      'title_generic',
      'no_keywords',
    ]);
  });

  it('names the field of each suggestion', () => {
    const r = assessNeed({ confidential: true }, NOW);
    const fields = Object.fromEntries(r.suggestions.map((s) => [s.code, s.field]));
    expect(fields).toMatchObject({
      description_too_short: 'description',
      no_budget: 'budgetMin',
      no_deadline: 'deadline',
      no_classification: 'disciplines',
      title_generic: 'title',
      confidential_no_summary: 'summary',
      no_keywords: 'keywords',
    });
  });

  describe('budget', () => {
    it('flags a missing budget', () => {
      expect(codes(goodNeed({ budgetMin: null, budgetMax: null }))).toEqual(['no_budget']);
    });
    it('accepts a one-sided budget', () => {
      expect(codes(goodNeed({ budgetMin: null, budgetMax: 50_000 }))).toEqual([]);
      expect(codes(goodNeed({ budgetMin: 50_000, budgetMax: null }))).toEqual([]);
    });
    it('flags an inverted range with both values', () => {
      const r = assessNeed(goodNeed({ budgetMin: 500_000, budgetMax: 100_000 }), NOW);
      expect(r.suggestions).toEqual([
        { code: 'budget_inverted', field: 'budgetMax', params: { min: 500_000, max: 100_000 } },
      ]);
    });
    it('flags amounts too low to be real (probably 万元 typed as 元)', () => {
      expect(codes(goodNeed({ budgetMin: 5, budgetMax: 20 }))).toEqual(['budget_too_low']);
    });
    it('flags a range spanning more than a factor of ten', () => {
      expect(codes(goodNeed({ budgetMin: 10_000, budgetMax: 1_000_000 }))).toEqual(['budget_too_wide']);
      expect(codes(goodNeed({ budgetMin: 10_000, budgetMax: 100_000 }))).toEqual([]);
    });
  });

  describe('deadline', () => {
    it('flags a missing or malformed deadline', () => {
      expect(codes(goodNeed({ deadline: null }))).toEqual(['no_deadline']);
      expect(codes(goodNeed({ deadline: 'soon' }))).toEqual(['no_deadline']);
    });
    it('flags a past deadline', () => {
      expect(assessNeed(goodNeed({ deadline: '2026-11-01' }), NOW).suggestions).toEqual([
        { code: 'deadline_past', field: 'deadline', params: { deadline: '2026-11-01' } },
      ]);
    });
    it('flags a deadline less than two weeks away, with the days left', () => {
      const r = assessNeed(goodNeed({ deadline: '2026-12-05' }), NOW);
      expect(r.suggestions).toEqual([
        { code: 'deadline_too_near', field: 'deadline', params: { days: 6, min: 14 } },
      ]);
      expect(codes(goodNeed({ deadline: '2026-12-13' }))).toEqual([]);
    });
    it('counts days in China time (a UTC evening is already tomorrow in Chengdu)', () => {
      expect(chinaToday(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
      expect(chinaToday(new Date('2026-11-29T15:59:00Z'))).toBe('2026-11-29');
      expect(daysBetween('2026-11-29', '2026-12-01')).toBe(2);
    });
  });

  describe('description', () => {
    it('flags a description without numbers, units or target words', () => {
      const r = codes(
        goodNeed({
          title: '猕猴桃病害防控',
          summary: '猕猴桃基地病害严重，寻求专家帮助。',
          description:
            '我们合作社种植猕猴桃很多年，最近病害越来越严重，农药效果不好，希望有专家来现场看看，' +
            '给出一个可行的防控办法，并且教会社员具体怎么操作，长期合作也可以。',
        }),
      );
      expect(r).toEqual(['no_measurable_goal']);
    });
    it('accepts metric words alone as a measurable goal', () => {
      expect(hasMeasurableGoal('提高产品的良品率')).toBe(true);
      expect(hasMeasurableGoal('Improve the detection accuracy of the line')).toBe(true);
      expect(hasMeasurableGoal('产量提高三成')).toBe(true);
      expect(hasMeasurableGoal('温度控制在 ±2℃')).toBe(true);
      expect(hasMeasurableGoal('reduce costs to 40 yuan per unit')).toBe(true);
      expect(hasMeasurableGoal('希望有人帮忙看看')).toBe(false);
    });
    it('flags a short description with its length', () => {
      const r = assessNeed(goodNeed({ description: '需要降低能耗 10%。' }), NOW);
      expect(r.suggestions[0]).toEqual({
        code: 'description_too_short',
        field: 'description',
        params: { length: 8, min: 60 },
      });
    });
    it('flags dense filler phrases and quotes them', () => {
      const r = assessNeed(
        goodNeed({
          description:
            '需要相关技术的一些支持，涉及各方面的问题等等，产量提高 10%，有意者面议，具体情况详谈，欢迎各种单位联系，我们会尽快回复。',
        }),
        NOW,
      );
      const vague = r.suggestions.find((s) => s.code === 'description_vague');
      expect(vague?.params.words).toContain('相关');
      expect(vague?.field).toBe('description');
    });
    it('measures CJK characters and Latin words', () => {
      expect(textLength('水稻 yield 提高 20')).toBe(4 + 2 + 2);
    });
  });

  describe('classification, keywords and title', () => {
    it('is satisfied by either a discipline or an industry', () => {
      expect(codes(goodNeed({ disciplines: [] }))).toEqual([]);
      expect(codes(goodNeed({ industries: [] }))).toEqual([]);
      expect(codes(goodNeed({ disciplines: [], industries: [] }))).toEqual(['no_classification']);
    });
    it('asks for keywords', () => {
      expect(codes(goodNeed({ keywords: [] }))).toEqual(['no_keywords']);
    });
    it.each([
      ['技术需求', true],
      ['寻求技术合作！', true],
      ['急需解决方案', true],
      ['Need help', true],
      ['Technical cooperation project', true],
      ['猕猴桃溃疡病绿色防控', false],
      ['锂电池正极材料改性', false],
      ['Kiwifruit canker control', false],
    ])('title %s generic: %s', (title, generic) => {
      expect(isGenericTitle(title)).toBe(generic);
    });
  });

  describe('confidential needs', () => {
    it('want a public summary of some length', () => {
      expect(codes(goodNeed({ confidential: true, summary: '保密项目' }))).toEqual([
        'confidential_no_summary',
      ]);
      expect(codes(goodNeed({ confidential: true, summary: null }))).toEqual(['confidential_no_summary']);
    });
    it('warn when the summary is the start of the secret details', () => {
      const description = goodNeed().description!;
      expect(codes(goodNeed({ confidential: true, summary: description.slice(0, 40) }))).toEqual([
        'summary_reveals_details',
      ]);
    });
    it('ignore the summary of a public need', () => {
      expect(codes(goodNeed({ confidential: false, summary: '' }))).toEqual([]);
    });
  });

  it('levels follow the score', () => {
    expect(assessNeed(goodNeed({ keywords: [], deadline: null }), NOW)).toMatchObject({
      score: 85,
      level: 'good',
    });
    expect(
      assessNeed(goodNeed({ budgetMin: null, budgetMax: null, deadline: null, keywords: [] }), NOW),
    ).toMatchObject({
      score: 70,
      level: 'fair',
    });
  });
});

describe('NEED_QUALITY_MESSAGES', () => {
  it('has both languages for every code and level', () => {
    for (const code of NEED_QUALITY_CODES) {
      const m = NEED_QUALITY_MESSAGES[`need_quality.${code}`];
      expect(m['zh-CN'].length).toBeGreaterThan(4);
      expect(m.en.length).toBeGreaterThan(4);
    }
    for (const level of NEED_QUALITY_LEVELS)
      expect(NEED_QUALITY_MESSAGES[`need_quality.level.${level}`]).toBeTruthy();
  });
  it('uses only placeholders the suggestion supplies', () => {
    const r = assessNeed(
      { confidential: true, budgetMin: 5_000_000, budgetMax: 10, deadline: '2026-12-01' },
      NOW,
    );
    for (const s of r.suggestions) {
      expect(needQualityMessage(s, 'zh-CN')).not.toMatch(/\{\w+\}/);
      expect(needQualityMessage(s, 'en')).not.toMatch(/\{\w+\}/);
    }
    expect(needQualityMessage({ code: 'deadline_too_near', params: { days: 2, min: 14 } }, 'en')).toBe(
      'Only 2 days until the deadline; allow at least 14 days to find someone',
    );
  });
});
