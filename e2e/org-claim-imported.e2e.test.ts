/**
 * Issue 4, an organization the association imported, at desktop (1280×800) and phone (390×844)
 * sizes: the 德阳 officer imports an enterprise (CSV, through the API); someone from it finds the
 * code already on the platform when registering it and claims it; the officer verifies the claim
 * from the 企业认证 queue, where it is marked as a hand-over, and the claimant becomes the
 * organization's owner. Every step is screenshotted.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { usccCheckChar, type ImportBatchView } from '@tianfu/contracts';
import { openBrowser, snap, type BrowserSession } from './support/browser.ts';
import { expectNoSidewaysScroll, pickRegion } from './support/page-checks.ts';
import { DEMO_USERS } from './support/demo.ts';
import { signInBrowser } from './support/signin.ts';
import { StaffSession } from './support/staff.ts';

const baseUrl = inject('baseUrl');

/** The seeded 德阳 city officer (README demo sign-ins); no other journey signs them in. */
const DEYANG_OFFICER = { phone: '13800000005', password: DEMO_USERS.officer.password };
const deyang = new StaffSession(baseUrl);

/** A valid unified social credit code registered in 旌阳区, 德阳 (GB 32100 check character). */
function deyangUscc(viewport: 'desktop' | 'phone'): string {
  const first17 = `91510603MA7K3${viewport === 'desktop' ? '3003' : '4004'}`;
  return first17 + usccCheckChar(first17);
}

type Batch = Pick<ImportBatchView, 'id' | 'counts' | 'status' | 'issues'>;

beforeAll(async () => {
  // Through the API first: enrols the officer's TOTP, which the browser sign-in then uses.
  await deyang.signInStaff(DEYANG_OFFICER.phone, DEYANG_OFFICER.password);
});

describe.each(['desktop', 'phone'] as const)('claiming an imported organization at %s size', (viewport) => {
  let browser: BrowserSession | undefined;
  let page: Page;
  const orgName = `德阳${viewport === 'desktop' ? '旌湖' : '亭江'}重型装备制造有限公司`;
  const uscc = deyangUscc(viewport);
  let orgId = '';

  async function signInAs(who: { phone: string; password: string }, totp?: string | null) {
    await page.context().clearCookies();
    await signInBrowser(page, baseUrl, who, totp);
  }

  beforeAll(async () => {
    // The association's records of the enterprise, imported by the officer.
    const csv =
      'external_id,name,uscc,org_type,region_code,industry_section,industry_division,size_class\n' +
      `E2E-ENT-${viewport},${orgName},${uscc},enterprise,510603,C,34,medium\n`;
    const batch = await deyang.api.upload<Batch>(
      `/api/imports?entity=enterprises&fileName=${encodeURIComponent(`enterprises-${viewport}.csv`)}`,
      csv,
      'text/csv',
    );
    expect(batch.issues).toEqual([]);
    expect(batch.counts).toMatchObject({ valid: 1, invalid: 0 });
    const done = await deyang.api.request<Batch>('POST', `/api/imports/${batch.id}/commit`, {
      mode: 'all_or_nothing',
    });
    expect(done).toMatchObject({ status: 'committed', counts: { inserted: 1 } });
    browser = await openBrowser(viewport);
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registering its code offers the claim, and the claim waits for the officer', async () => {
    await signInAs(DEMO_USERS.enterprise);
    await page.goto(`${baseUrl}/publish/enterprise/new`);
    const editor = page.getByTestId('enterprise-editor');
    await editor.getByTestId('ent-name').fill('旌湖重装');
    await editor.getByTestId('ent-uscc').fill(uscc);
    await pickRegion(editor.getByTestId('ent-region'), ['德阳市', '旌阳区']);
    await editor.getByTestId('ent-save').click();
    const notice = page.getByTestId('uscc-unclaimed');
    await notice.waitFor();
    expect(await notice.getByTestId('uscc-unclaimed-message').textContent()).toContain(
      `“${orgName}”已由科协工作人员录入平台`,
    );
    await expectNoSidewaysScroll(page);
    await snap(page, viewport, 'claim-01-imported-org-unclaimed');
    await notice.getByTestId('claim-unowned-submit').click();
    await notice.getByTestId('claim-sent').waitFor();
    await snap(page, viewport, 'claim-02-imported-org-claim-sent');
  });

  it('the officer sees a hand-over in the 企业认证 queue and verifies it', async () => {
    await signInAs(DEYANG_OFFICER, deyang.totpSecret);
    await page.goto(`${baseUrl}/admin?tab=org-claims`);
    const tab = page.getByTestId('org-claims-tab');
    const row = tab.locator('[data-testid="org-claim-row"]', { hasText: uscc });
    await row.waitFor();
    orgId = (await row.getAttribute('data-org')) ?? '';
    expect(orgId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await row.getByTestId('org-claim-handover').textContent()).toContain('认领录入单位');
    expect(await row.textContent()).toMatch(/138\*{4}0009/);
    await expectNoSidewaysScroll(page);
    await snap(page, viewport, 'claim-03-queue-handover');
    await row.getByTestId('org-claim-verify').click();
    await row.waitFor({ state: 'detached' });
  });

  it('the claimant now owns it and can keep its profile', async () => {
    await signInAs(DEMO_USERS.enterprise);
    await page.goto(`${baseUrl}/publish/enterprise/${orgId}`);
    const status = page.getByTestId('org-claim-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('verified');
    expect(await page.getByTestId('ent-name').inputValue()).toBe(orgName);
    await expectNoSidewaysScroll(page);
    await snap(page, viewport, 'claim-04-claimant-owns-it');
  });
});
