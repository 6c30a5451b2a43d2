/**
 * Signing a seeded user in through the sign-in page, as a person would (password, then the TOTP
 * step for staff who have two-factor on).
 */
import type { Page } from 'playwright-core';
import { freshTotp } from './staff.ts';

export interface Credentials {
  phone: string;
  password: string;
}

/** Signs in on `/login` and waits for the account page. */
export async function signInBrowser(
  page: Page,
  baseUrl: string,
  who: Credentials,
  totpSecret?: string | null,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#phone').fill(who.phone);
  await page.locator('#password').fill(who.password);
  await page.getByTestId('login-submit').click();
  if (totpSecret) {
    await page.getByTestId('login-totp-page').waitFor();
    await page.locator('#code').fill(await freshTotp(totpSecret));
    await page.getByTestId('totp-submit').click();
  }
  await page.waitForURL(`${baseUrl}/account`);
}
