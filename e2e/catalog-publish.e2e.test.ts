/**
 * Issue 4 journeys at desktop (1280×800) and phone (390×844) sizes, with the seeded demo users:
 * the enterprise user publishes an R&D problem (科研课题) and sees matched scientists with the
 * reasons; the scientist publishes a service and sees matching needs; the enterprise user claims a
 * new organization, the county officer (锦江区) verifies the claim from the 企业认证 queue, the
 * scientist finds the code claimed and asks to join, the owner accepts; a closed listing leads to
 * its 版本与审核记录 page (so does 我的发布), and an edit made elsewhere meanwhile shows the
 * version-conflict notice with a reload. Every step is screenshotted.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { usccCheckChar } from '@tianfu/contracts';
import { openBrowser, snap, type BrowserSession } from './support/browser.ts';
import { expectNoSidewaysScroll, pickRegion } from './support/page-checks.ts';
import { DEMO_USERS } from './support/demo.ts';
import { signInBrowser } from './support/signin.ts';
import { StaffSession } from './support/staff.ts';

const baseUrl = inject('baseUrl');

/** The seeded 锦江区 officer (README demo sign-ins); no other journey signs them in. */
const JINJIANG_OFFICER = { phone: '13800000006', password: DEMO_USERS.officer.password };
const jinjiang = new StaffSession(baseUrl);

/** A valid unified social credit code registered in 锦江区 (GB 32100 check character), per viewport. */
function jinjiangUscc(viewport: 'desktop' | 'phone'): string {
  const first17 = `91510104MA6E2${viewport === 'desktop' ? '1001' : '2002'}`;
  return first17 + usccCheckChar(first17);
}

/** Types terms into an antd tags select, one Enter each. */
async function addTags(select: Locator, terms: readonly string[]): Promise<void> {
  await select.click();
  for (const term of terms) {
    await select.page().keyboard.type(term);
    await select.page().keyboard.press('Enter');
  }
  await select.page().keyboard.press('Escape');
}

/** The input of an antd number field, whether the test id sits on the wrapper or on the input. */
function numberInput(page: Page, testId: string): Locator {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** Waits for the recommendation cards and returns their texts (title + explanation). */
async function recommendationTexts(page: Page): Promise<string[]> {
  const list = page.getByTestId('recommendation-list');
  await list.getByTestId('catalog-card').first().waitFor({ timeout: 60_000 });
  return list.getByTestId('catalog-card').allTextContents();
}

describe.each(['desktop', 'phone'] as const)('publishing and matching at %s size', (viewport) => {
  let browser: BrowserSession | undefined;

  afterAll(async () => {
    await browser?.close();
  });

  describe('an enterprise user', () => {
    let page: Page;
    beforeAll(async () => {
      browser = await openBrowser(viewport);
      page = browser.page;
    });
    afterAll(async () => {
      await browser?.close();
      browser = undefined;
    });

    it('finds the seeded Sichuan in a first search, before signing in', async () => {
      await page.goto(`${baseUrl}/discover?q=${encodeURIComponent('猕猴桃')}`);
      const results = page.getByTestId('search-results');
      await results.getByTestId('catalog-card').first().waitFor({ timeout: 60_000 });
      expect(await results.getByTestId('catalog-card').count()).toBeGreaterThan(3);
      expect((await results.textContent()) ?? '').toContain('猕猴桃');
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-00-first-search');
    });

    it('sees its seeded needs in every state, with the rejection reason', async () => {
      await signInBrowser(page, baseUrl, DEMO_USERS.enterprise);
      await page.goto(`${baseUrl}/mine`);
      const mine = page.getByTestId('my-listings');
      await mine.getByTestId('mine-item').first().waitFor();
      const states = await mine
        .getByTestId('status-tag')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
      // Every seeded state (a listing closed by the other viewport's run may show too).
      expect(new Set(states)).toEqual(
        new Set([...states.filter((st) => st === 'closed'), 'published', 'draft', 'submitted', 'rejected']),
      );
      expect(await mine.getByTestId('mine-rejection').textContent()).toContain('可量化的验收指标');
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-00b-my-listings');
    });

    it('publishes an R&D problem and sees matched scientists with reasons', async () => {
      await page.goto(`${baseUrl}/publish/need/new`);
      const editor = page.getByTestId('need-editor');
      await editor.waitFor();
      await editor.getByTestId('need-kind').getByText('科研课题').click();
      await editor
        .getByTestId('need-title')
        .fill(`Mini LED背光驱动芯片热管理与可靠性攻关（${viewport === 'desktop' ? '一' : '二'}期）`);
      await editor
        .getByTestId('need-summary-input')
        .fill(
          '车载显示面板Mini LED背光驱动芯片高温下亮度衰减、失效率偏高，寻求热管理设计与可靠性测试联合攻关。',
        );
      await editor
        .getByTestId('need-description')
        .fill(
          '现状：背光驱动芯片在85℃老化试验中亮度衰减超过15%，批次失效率约3%。\n目标：高温老化1000小时亮度衰减低于5%，失效率降到0.5%以下，6个月内完成样品验证。\n要求：具备功率器件热仿真、封装散热设计和可靠性测试经验，可到蒲江现场开展工作。',
        );
      await addTags(editor.getByTestId('need-keywords'), ['Mini LED', '背光驱动', '可靠性测试']);
      await numberInput(page, 'need-budget-min').fill('500000');
      await numberInput(page, 'need-budget-max').fill('1000000');
      await pickRegion(editor.getByTestId('need-region'), ['成都市', '蒲江县']);
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-01-need-editor');

      await editor.getByTestId('save-submit').click();
      await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await page.getByTestId('detail-title').getByText('Mini LED背光驱动芯片热管理与可靠性攻关').waitFor();
      expect(await page.getByTestId('status-tag').first().getAttribute('data-status')).toBe('published');

      const recs = page.getByTestId('recommendations');
      await recs.waitFor();
      const texts = await recommendationTexts(page);
      expect(texts.length).toBeGreaterThan(0);
      // Every recommended scientist comes with the reasons it was recommended.
      const first = recs.getByTestId('catalog-card').first();
      expect(await first.getByTestId('match-reason').count()).toBeGreaterThan(0);
      // The matches are about this problem: the explanations name its terms.
      expect(texts.join('\n')).toMatch(/背光|驱动|芯片|可靠性|功率器件|封装|LED/);
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-02-need-matches');
    });
  });

  describe('a scientist', () => {
    let page: Page;
    beforeAll(async () => {
      browser = await openBrowser(viewport);
      page = browser.page;
    });
    afterAll(async () => {
      await browser?.close();
      browser = undefined;
    });

    it('publishes a service and sees matching needs', async () => {
      await signInBrowser(page, baseUrl, DEMO_USERS.scientist);
      await page.goto(`${baseUrl}/publish/service/new`);
      const editor = page.getByTestId('capability-editor');
      await editor.waitFor();
      await editor.getByTestId('capability-title').fill('Mini LED背光驱动电路设计与可靠性测试技术服务');
      await editor
        .getByTestId('capability-description')
        .fill(
          '面向显示面板与车载电子企业，提供Mini LED背光驱动电路设计、功率器件热仿真、高温老化与可靠性测试，出具测试报告并跟踪改进效果。',
        );
      await addTags(editor.getByTestId('capability-keywords'), ['Mini LED', '背光驱动', '可靠性测试']);
      await editor.getByTestId('capability-delivery').getByText('现场 + 远程').click();
      await editor.getByTestId('capability-price-type').getByText('面议').click();
      await numberInput(page, 'capability-duration').fill('30');
      await pickRegion(editor.getByTestId('capability-region'), ['成都市', '邛崃市']);
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-03-service-editor');

      await editor.getByTestId('save-submit').click();
      await page.waitForURL(/\/services\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await page.getByTestId('detail-title').getByText('Mini LED背光驱动电路设计').waitFor();

      const recs = page.getByTestId('recommendations');
      await recs.waitFor();
      const texts = await recommendationTexts(page);
      const first = recs.getByTestId('catalog-card').first();
      expect(await first.getByTestId('match-reason').count()).toBeGreaterThan(0);
      // Needs about Mini LED backlight drivers (the seeded ones of the demo enterprise among them).
      expect(texts.join('\n')).toMatch(/背光驱动/);
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-04-service-matches');
    });
  });
  describe('an organization claim, verified by the officer of its region', () => {
    let page: Page;
    const orgName = `成都锦江${viewport === 'desktop' ? '星河' : '云帆'}智能装备有限公司`;
    const uscc = jinjiangUscc(viewport);
    let orgId = '';

    /** Signs the browser in as someone else (cookies of the previous person cleared). */
    async function signInAs(who: { phone: string; password: string }, totp?: string | null) {
      await page.context().clearCookies();
      await signInBrowser(page, baseUrl, who, totp);
    }

    beforeAll(async () => {
      browser = await openBrowser(viewport);
      page = browser.page;
      // Through the API first: enrols the officer's TOTP (once), which the browser sign-in uses.
      if (!jinjiang.totpSecret) await jinjiang.signInStaff(JINJIANG_OFFICER.phone, JINJIANG_OFFICER.password);
    });
    afterAll(async () => {
      await browser?.close();
      browser = undefined;
    });

    it('registers a new organization, which waits unverified for the officer', async () => {
      await signInAs(DEMO_USERS.enterprise);
      await page.goto(`${baseUrl}/publish/enterprise/new`);
      const editor = page.getByTestId('enterprise-editor');
      await editor.getByTestId('ent-name').fill(orgName);
      await editor.getByTestId('ent-uscc').fill(uscc);
      await pickRegion(editor.getByTestId('ent-region'), ['成都市', '锦江区']);
      await editor.getByTestId('ent-save').click();
      await page.waitForURL(/\/publish\/enterprise\/[0-9a-f-]{36}$/);
      orgId = page.url().split('/').pop()!;
      const status = page.getByTestId('org-claim-status');
      await status.waitFor();
      expect(await status.getAttribute('data-status')).toBe('pending');
      expect(await status.textContent()).toContain('认证审核中');
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-05-org-claim-pending');
    });

    it('the 锦江区 officer verifies it from the 企业认证 queue', async () => {
      await signInAs(JINJIANG_OFFICER, jinjiang.totpSecret);
      await page.goto(`${baseUrl}/admin?tab=org-claims`);
      const tab = page.getByTestId('org-claims-tab');
      const row = tab.locator(`[data-testid="org-claim-row"][data-org="${orgId}"]`);
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(orgName);
      expect(text).toContain(uscc);
      expect(text).toMatch(/138\*{4}0009/);
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-06-org-claims-queue');
      await row.getByTestId('org-claim-verify').click();
      await row.waitFor({ state: 'detached' });
      await tab.locator('.ant-segmented-item', { hasText: '已认证' }).click();
      await tab.locator(`[data-testid="org-claim-row"][data-org="${orgId}"]`).waitFor();
      await snap(page, viewport, 'catalog-06b-org-claims-verified');
    });

    it('a second person finds the code claimed and asks to join; the owner accepts', async () => {
      await signInAs(DEMO_USERS.scientist);
      await page.goto(`${baseUrl}/publish/enterprise/new`);
      const editor = page.getByTestId('enterprise-editor');
      await editor.getByTestId('ent-name').fill('我所在的公司');
      await editor.getByTestId('ent-uscc').fill(uscc);
      await pickRegion(editor.getByTestId('ent-region'), ['成都市', '锦江区']);
      await editor.getByTestId('ent-save').click();
      const notice = page.getByTestId('uscc-claimed');
      await notice.waitFor();
      expect(await notice.getByTestId('uscc-claimed-message').textContent()).toContain(
        `该统一社会信用代码已由“${orgName}”认领`,
      );
      await notice.locator('textarea').fill('我是该公司的技术顾问，负责产学研合作');
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-07-uscc-claimed');
      await notice.getByTestId('join-request-submit').click();
      await notice.getByTestId('join-sent').waitFor();

      await signInAs(DEMO_USERS.enterprise);
      await page.goto(`${baseUrl}/publish/enterprise/${orgId}`);
      expect(await page.getByTestId('org-claim-status').getAttribute('data-status')).toBe('verified');
      const request = page.getByTestId('join-request').filter({ hasText: DEMO_USERS.scientist.name });
      await request.waitFor();
      expect(await request.textContent()).toContain('技术顾问');
      await snap(page, viewport, 'catalog-08-org-verified-join-request');
      await request.getByTestId('join-accept').click();
      await page
        .getByTestId('join-request')
        .filter({ hasText: DEMO_USERS.scientist.name })
        .and(page.locator('[data-status="accepted"]'))
        .waitFor();

      await page.goto(`${baseUrl}/enterprises/${orgId}`);
      const tag = page.getByTestId('enterprise-detail').getByTestId('org-verification');
      await tag.waitFor();
      expect(await tag.getAttribute('data-status')).toBe('verified');
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-08b-enterprise-verified');
    });

    it('a closed listing and 我的发布 lead to its 版本与审核记录 page', async () => {
      // The R&D problem this run published above: closed by its owner from its page.
      const title = `Mini LED背光驱动芯片热管理与可靠性攻关（${viewport === 'desktop' ? '一' : '二'}期）`;
      await page.goto(`${baseUrl}/mine`);
      const item = page.getByTestId('mine-item').filter({ hasText: title });
      await item.getByRole('link', { name: title }).click();
      await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
      const needUrl = page.url();
      await page.getByTestId('close-listing').click();
      await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
      const notice = page.getByTestId('closed-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('此信息已关闭');
      await snap(page, viewport, 'catalog-09-closed-listing');
      await notice.getByTestId('history-link').click();
      await page.waitForURL(`${needUrl}/history`);
      const history = page.getByTestId('history-page');
      await history.getByTestId('listing-history').waitFor();
      expect(await history.getByTestId('history-subject').textContent()).toContain(title);
      const steps = await history
        .getByTestId('history-event')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
      expect(steps[0]).toBe('closed');
      expect(steps).toContain('published');
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-10-listing-history');

      // The same page from 我的发布.
      await page.goto(`${baseUrl}/mine`);
      await page.getByTestId('mine-item').filter({ hasText: title }).getByTestId('mine-history').click();
      await page.waitForURL(`${needUrl}/history`);
      await page.getByTestId('listing-history').waitFor();
    });

    it('an edit saved elsewhere meanwhile shows the version conflict with a reload', async () => {
      await page.goto(`${baseUrl}/mine`);
      const draft = page.locator('[data-testid="mine-item"][data-status="draft"][data-type="need"]').first();
      const href = (await draft.locator('a.mine-item-title').getAttribute('href')) ?? '';
      const needId = href.split('/').pop()!;
      await page.goto(`${baseUrl}/publish/need/${needId}`);
      const editor = page.getByTestId('need-editor');
      const summary = editor.getByTestId('need-summary-input');
      await summary.waitFor();
      // The same owner saves from another device meanwhile.
      const elsewhere = new StaffSession(baseUrl);
      await elsewhere.signInStaff(DEMO_USERS.enterprise.phone, DEMO_USERS.enterprise.password);
      const changed = `另一台设备上修改的摘要（${viewport}）：需要工业相机缺陷检测方案，用于产线质检。`;
      await elsewhere.api.request('PATCH', `/api/needs/${needId}`, { summary: changed });

      await summary.fill('这台设备上的修改：希望引入机器视觉缺陷检测，降低漏检率。');
      await editor.getByTestId('save-draft').click();
      const conflict = page.getByTestId('version-conflict');
      await conflict.waitFor();
      expect(await conflict.textContent()).toContain('已被他人修改');
      expect(await editor.getByTestId('save-draft').isDisabled()).toBe(true);
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-11-version-conflict');
      await conflict.getByTestId('version-conflict-reload').click();
      await conflict.waitFor({ state: 'detached' });
      expect(await summary.inputValue()).toBe(changed);
    });
  });
});
