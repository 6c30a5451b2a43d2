import { describe, expect, it } from 'vitest';
import {
  CapabilityCreate,
  NeedCreate,
  NeedListQuery,
  OrganizationProfilePatch,
  ResearchResultCreate,
  ReviewDecision,
  ScientistPatch,
  TeamProfilePatch,
} from '../index.ts';

/** `path → message` of a failed parse. */
function problems(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

const need = {
  kind: 'service',
  title: '猕猴桃溃疡病防治',
  summary: '寻求猕猴桃溃疡病的绿色防控方案与现场指导。',
  description: '蒲江县 800 亩猕猴桃基地，春季溃疡病发病率约 25%。',
  regionCode: '510131',
};

describe('catalog text fields', () => {
  it('refuse control characters (PostgreSQL cannot store NUL) with the field path', () => {
    expect(problems(NeedCreate.safeParse({ ...need, title: 'ab\u0000cd' }))).toEqual({
      title: 'validation.control_chars',
    });
    expect(problems(NeedCreate.safeParse({ ...need, keywords: ['ok', 'x\u0001'] }))).toEqual({
      'keywords.1': 'validation.control_chars',
    });
    expect(problems(ScientistPatch.safeParse({ patents: [{ number: 'ZL1\u0000', title: 't' }] }))).toEqual({
      'patents.0.number': 'validation.control_chars',
    });
    expect(
      problems(ResearchResultCreate.safeParse({ ip: [{ kind: 'patent', number: '1', title: '\u007f' }] })),
    ).toMatchObject({ 'ip.0.title': 'validation.control_chars' });
    expect(problems(TeamProfilePatch.safeParse({ name: 'A\u0000team' }))).toEqual({
      name: 'validation.control_chars',
    });
    expect(problems(OrganizationProfilePatch.safeParse({ description: '\u0000' }))).toEqual({
      description: 'validation.control_chars',
    });
    expect(problems(ReviewDecision.safeParse({ decision: 'reject', reason: 'no\u0000' }))).toHaveProperty(
      'reason',
    );
    expect(problems(NeedListQuery.safeParse({ q: '\u0000' }))).toEqual({ q: 'validation.control_chars' });
  });

  it('keep tabs, line breaks, emoji and markup as typed', () => {
    const ok = NeedCreate.parse({
      ...need,
      title: '🍀 猕猴桃 <b>防治</b>',
      description: '第一段\n\t第二段 😀，足够长的描述文字',
    });
    expect(ok.title).toBe('🍀 猕猴桃 <b>防治</b>');
    expect(ok.description).toContain('\n\t');
  });

  it('refuse titles, summaries and names of blanks or symbols only', () => {
    expect(problems(NeedCreate.safeParse({ ...need, title: '\u200b\u200b\u200b' }))).toEqual({
      title: 'validation.text_blank',
    });
    // Ideographic spaces are trimmed away: the title is then empty.
    expect(problems(NeedCreate.safeParse({ ...need, title: '\u3000\u3000' }))).toHaveProperty('title');
    expect(problems(CapabilityCreate.safeParse({ title: '……——' }))).toHaveProperty(
      'title',
      'validation.text_blank',
    );
    expect(problems(NeedCreate.safeParse({ ...need, summary: '!!!!!!!!!!!!' }))).toEqual({
      summary: 'validation.text_blank',
    });
    expect(problems(ScientistPatch.safeParse({ name: '\u200d' }))).toEqual({ name: 'validation.text_blank' });
  });
});
