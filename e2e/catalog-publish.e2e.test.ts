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

    it('publishes an R&D problem and sees matched scientists with reasons', async () => {
      await signInBrowser(page, baseUrl, DEMO_USERS.enterprise);
      await page.goto(`${baseUrl}/publish/need/new`);
      const editor = page.getByTestId('need-editor');
      await editor.waitFor();
      await editor.getByTestId('need-kind').getByText('科研课题').click();
      await editor
        .getByTestId('need-title')
        .fill(`高盐废水零排放蒸发结晶工艺优化（${viewport === 'desktop' ? '一' : '二'}期）`);
      await editor
        .getByTestId('need-summary-input')
        .fill('工业园区污水处理厂高盐废水零排放系统运行不稳定，寻求蒸发结晶工艺优化与膜浓缩技术攻关。');
      await editor
        .getByTestId('need-description')
        .fill(
          '现状：蒸发结晶系统结垢严重、杂盐产量大，吨水处理成本偏高。\n目标：吨水处理成本降低20%，结晶盐纯度达到工业盐标准，6个月内完成中试。\n要求：具备高盐废水处理、膜浓缩和蒸发结晶工程经验，可到温江现场开展工作。',
        );
      await addTags(editor.getByTestId('need-keywords'), ['高盐废水', '零排放', '蒸发结晶']);
      await numberInput(page, 'need-budget-min').fill('500000');
      await numberInput(page, 'need-budget-max').fill('1000000');
      await pickRegion(editor.getByTestId('need-region'), ['成都市', '温江区']);
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-01-need-editor');

      await editor.getByTestId('save-submit').click();
      await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await page.getByTestId('detail-title').getByText('高盐废水零排放蒸发结晶工艺优化').waitFor();
      expect(await page.getByTestId('status-tag').first().getAttribute('data-status')).toBe('published');

      const recs = page.getByTestId('recommendations');
      await recs.waitFor();
      const texts = await recommendationTexts(page);
      expect(texts.length).toBeGreaterThan(0);
      // Every recommended scientist comes with the reasons it was recommended.
      const first = recs.getByTestId('catalog-card').first();
      expect(await first.getByTestId('match-reason').count()).toBeGreaterThan(0);
      // The matches are about this problem: the explanations name its terms.
      expect(texts.join('\n')).toMatch(/高盐|废水|零排放|蒸发|结晶|膜/);
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
      await editor.getByTestId('capability-title').fill('工业废水高盐废水零排放工艺诊断与优化技术服务');
      await editor
        .getByTestId('capability-description')
        .fill(
          '面向化工、制药园区，提供高盐废水零排放系统诊断、膜浓缩与蒸发结晶工艺优化、杂盐资源化方案设计，可现场调试并跟踪运行效果。',
        );
      await addTags(editor.getByTestId('capability-keywords'), ['高盐废水', '零排放', '蒸发结晶']);
      await editor.getByTestId('capability-delivery').getByText('现场 + 远程').click();
      await editor.getByTestId('capability-price-type').getByText('面议').click();
      await numberInput(page, 'capability-duration').fill('30');
      await pickRegion(editor.getByTestId('capability-region'), ['成都市', '温江区']);
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-03-service-editor');

      await editor.getByTestId('save-submit').click();
      await page.waitForURL(/\/services\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await page.getByTestId('detail-title').getByText('高盐废水零排放工艺诊断').waitFor();

      const recs = page.getByTestId('recommendations');
      await recs.waitFor();
      const texts = await recommendationTexts(page);
      const first = recs.getByTestId('catalog-card').first();
      expect(await first.getByTestId('match-reason').count()).toBeGreaterThan(0);
      // Needs about high-salinity wastewater (the seeded ones of the demo enterprise among them).
      expect(texts.join('\n')).toMatch(/高盐废水|零排放/);
      await expectNoSidewaysScroll(page);
      await snap(page, viewport, 'catalog-04-service-matches');
    });
  });
});
