/**
 * Checks and form steps several journeys share: no sideways scrolling, and picking a county in the
 * region cascader.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { horizontalOverflow } from './browser.ts';

/** The page does not scroll sideways (nothing wider than the viewport). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
}

/** Picks a Sichuan county in a region cascader that starts at the cities. */
export async function pickRegion(cascader: Locator, names: readonly string[]): Promise<void> {
  await cascader.click();
  const page = cascader.page();
  for (const name of names) {
    await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
  }
  await page.keyboard.press('Escape');
}
