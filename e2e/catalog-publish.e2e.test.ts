/**
 * Issue 4 journeys at desktop (1280×800) and phone (390×844) sizes, with the seeded demo users:
 * the enterprise user publishes an R&D problem (科研课题) and sees matched scientists with the
 * reasons; the scientist publishes a service and sees matching needs. Every step is screenshotted.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { horizontalOverflow, openBrowser, snap, type BrowserSession } from './support/browser.ts';
import { DEMO_USERS } from './support/demo.ts';
import { signInBrowser } from './support/signin.ts';

const baseUrl = inject('baseUrl');

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
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

/** Picks a Sichuan county in a region cascader that starts at the cities. */
async function pickRegion(cascader: Locator, names: readonly string[]): Promise<void> {
  await cascader.click();
  const page = cascader.page();
  for (const name of names) {
    await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
  }
  await page.keyboard.press('Escape');
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
      expect(new Set(states)).toEqual(new Set(['published', 'draft', 'submitted', 'rejected']));
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
});
