import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { applyFieldErrors, toFieldPath } from './formErrors';

describe('toFieldPath', () => {
  it('strips the body prefix and turns indexes into numbers', () => {
    expect(toFieldPath('body.phone')).toEqual(['phone']);
    expect(toFieldPath('/phone')).toEqual(['phone']);
    expect(toFieldPath('experience.0.to')).toEqual(['experience', 0, 'to']);
    expect(toFieldPath('body/papers/12/year')).toEqual(['papers', 12, 'year']);
  });
});

describe('applyFieldErrors', () => {
  it('sets errors on known fields only (renamed where asked) and returns the message', () => {
    const set: unknown[] = [];
    const form = {
      getFieldsValue: () => ({ title: '', budgetMax: null, papers: [], industry: null }),
      setFields: (data: unknown[]) => set.push(...data),
    } as unknown as Parameters<typeof applyFieldErrors>[0];
    const err = new ApiError(400, 'VALIDATION', '请检查输入', {
      'body.title': '至少 2 个字',
      budgetMax: '预算上限不能低于预算下限',
      'papers.0.year': '年份无效',
      industryDivision: '行业大类无效',
      unknownField: 'x',
    });
    expect(applyFieldErrors(form, err, { industryDivision: 'industry' })).toBe('请检查输入');
    expect(set).toEqual([
      { name: ['title'], errors: ['至少 2 个字'] },
      { name: ['budgetMax'], errors: ['预算上限不能低于预算下限'] },
      { name: ['papers', 0, 'year'], errors: ['年份无效'] },
      { name: ['industry'], errors: ['行业大类无效'] },
    ]);
  });

  it('passes other errors through as text', () => {
    expect(applyFieldErrors(undefined, new Error('boom'))).toBe('boom');
  });
});
