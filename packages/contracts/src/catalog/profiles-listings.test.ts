import { describe, expect, it } from 'vitest';
import {
  CapabilityCreate,
  NDA_AGREEMENT_VERSION,
  NdaAccept,
  NeedCreate,
  NeedPatch,
  NeedView,
  OrganizationProfileCreate,
  OrganizationProfilePatch,
  OrgClaimDecision,
  OrgClaimQueueQuery,
  OrgJoinRequestCreate,
  ResearchResultCreate,
  ReviewDecision,
  ScientistCreate,
  ScientistListQuery,
  ScientistPatch,
  TeamProfilePatch,
} from '../index.ts';

/** `path → message` of a failed parse. */
function problems(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

const need = {
  kind: 'rd_problem',
  title: '猕猴桃溃疡病绿色防控',
  summary: '寻求溃疡病防控技术团队，覆盖 2,000 亩果园',
  description: '详细的果园分布、发病数据和既往防治记录',
  regionCode: '510131',
};

describe('catalog contracts', () => {
  it('needs a discipline or a skill on a new scientist profile, and adds no defaults to a patch', () => {
    expect(problems(ScientistCreate.safeParse({ name: '王', regionCode: '5101' }))).toEqual({
      skills: 'validation.skill_or_discipline_required',
    });
    expect(ScientistCreate.safeParse({ name: '王', regionCode: '5101', skills: ['嫁接'] }).success).toBe(
      true,
    );
    expect(ScientistPatch.parse({ bio: null })).toEqual({ bio: null });
    expect(problems(ScientistPatch.safeParse({ disciplines: ['999'], capacity: 51 }))).toMatchObject({
      'disciplines.0': 'validation.discipline_code',
      capacity: expect.any(String),
    });
  });

  it('orders budgets, reserve prices and requires a price for fixed offers', () => {
    expect(problems(NeedCreate.safeParse({ ...need, budgetMin: 50_000, budgetMax: 10_000 }))).toEqual({
      budgetMax: 'validation.budget_range',
    });
    expect(NeedCreate.safeParse({ ...need, budgetMin: 10_000, budgetMax: 10_000 }).success).toBe(true);
    expect(problems(NeedPatch.safeParse({ budgetMin: 2, budgetMax: 1 }))).toEqual({
      budgetMax: 'validation.budget_range',
    });
    expect(problems(NeedCreate.safeParse({ ...need, deadline: '2026-02-30x' }))).toEqual({
      deadline: 'validation.date',
    });
    const result = {
      title: '低温等离子体保鲜技术',
      abstract: '延长果蔬保鲜期的等离子体处理装置与工艺',
      maturity: 6,
      transferModes: ['license'],
      priceType: 'negotiable',
      regionCode: '5101',
    };
    expect(
      problems(ResearchResultCreate.safeParse({ ...result, askingPrice: 10, reservePrice: 20 })),
    ).toEqual({
      reservePrice: 'validation.reserve_above_asking',
    });
    expect(
      problems(ResearchResultCreate.safeParse({ ...result, maturity: 0, transferModes: [] })),
    ).toMatchObject({
      maturity: expect.any(String),
      transferModes: expect.any(String),
    });
    const capability = {
      title: '土壤检测服务',
      description: '提供土壤养分与重金属检测',
      deliveryMode: 'onsite',
      priceType: 'fixed',
      regionCode: '5101',
    };
    expect(problems(CapabilityCreate.safeParse(capability))).toEqual({ price: 'validation.price_required' });
    expect(CapabilityCreate.parse({ ...capability, price: 800 }).ownerType).toBe('scientist');
    expect(problems(CapabilityCreate.safeParse({ ...capability, price: 1, ownerType: 'team' }))).toEqual({
      ownerType: 'validation.owner_ref_required',
    });
  });

  it('keeps an organization section and division consistent', () => {
    const org = { name: '示例公司', uscc: '91350100M000100Y43', regionCode: '5101' };
    expect(
      problems(OrganizationProfileCreate.safeParse({ ...org, industrySection: 'A', industryDivision: '39' })),
    ).toEqual({ industryDivision: 'validation.industry_mismatch' });
    expect(OrganizationProfilePatch.parse({ industrySection: 'c', industryDivision: '39' })).toEqual({
      industrySection: 'C',
      industryDivision: '39',
    });
    expect(problems(OrganizationProfilePatch.safeParse({ industrySection: '39' }))).toEqual({
      industrySection: 'validation.industry_section_code',
    });
    expect(problems(OrganizationProfileCreate.safeParse({ ...org, uscc: '91350100M000100Y44' }))).toEqual({
      uscc: 'validation.uscc_check_char',
    });
  });

  it('requires a reason to reject', () => {
    expect(problems(ReviewDecision.safeParse({ decision: 'reject' }))).toEqual({
      reason: 'validation.reason_required',
    });
    expect(ReviewDecision.safeParse({ decision: 'reject', reason: '联系方式写在了公开摘要里' }).success).toBe(
      true,
    );
    expect(ReviewDecision.safeParse({ decision: 'approve' }).success).toBe(true);
  });

  it('reads list queries from strings and a need view without details', () => {
    expect(ScientistListQuery.parse({ page: '3', ruralExpert: 'false', remote: '1' })).toMatchObject({
      page: 3,
      pageSize: 20,
      ruralExpert: false,
      remote: true,
      sort: 'updated',
    });
    expect(problems(ScientistListQuery.safeParse({ pageSize: '500' }))).toHaveProperty('pageSize');
    const hidden = NeedView.safeParse({
      id: 'n1',
      kind: 'service',
      orgId: null,
      orgName: null,
      orgVerified: null,
      title: 't',
      summary: 's',
      confidential: true,
      disciplines: [],
      industries: [],
      budgetMin: null,
      budgetMax: null,
      deadline: null,
      regionCode: '5101',
      status: 'published',
      qualityScore: null,
      publishedAt: null,
      updatedAt: '2026-11-29T08:00:00.000Z',
      keywords: [],
      details: null,
      ndaRequired: true,
      ndaAgreementVersion: NDA_AGREEMENT_VERSION,
      ndaReacceptRequired: false,
      version: 1,
      expiresAt: null,
      createdAt: '2026-11-29T08:00:00.000Z',
    });
    expect(hidden.success).toBe(true);
    expect(TeamProfilePatch.parse({ capabilities: [' 基因编辑 '] })).toEqual({ capabilities: ['基因编辑'] });
  });

  it('organization claims: a rejection needs a reason, a join request a valid code; NDA only of the current version', () => {
    expect(OrgClaimDecision.safeParse({ decision: 'verify' }).success).toBe(true);
    expect(problems(OrgClaimDecision.safeParse({ decision: 'reject' }))).toEqual({
      reason: 'validation.reason_required',
    });
    expect(OrgClaimDecision.safeParse({ decision: 'reject', reason: '执照名称不符' }).success).toBe(true);
    expect(OrgClaimQueueQuery.parse({})).toMatchObject({ status: 'pending', page: 1 });
    expect(problems(OrgClaimQueueQuery.safeParse({ status: 'unverified' }))).toHaveProperty('status');
    expect(OrgJoinRequestCreate.parse({ uscc: ' 91510100ma61rwkg1l ' }).uscc).toBe('91510100MA61RWKG1L');
    expect(problems(OrgJoinRequestCreate.safeParse({ uscc: '91510100MA61RWKG1M' }))).toEqual({
      uscc: 'validation.uscc_check_char',
    });
    expect(NdaAccept.safeParse({ agreementVersion: NDA_AGREEMENT_VERSION }).success).toBe(true);
    expect(NdaAccept.safeParse({ agreementVersion: '2025-01' }).success).toBe(false);
  });
});
