/**
 * The foundation journey at desktop (1280×800) and phone (390×844) sizes:
 * register (kind → phone → code read from the SMS outbox → password) → sign out → sign in →
 * account page and its tabs; plus the public pages, the language switch, a wrong password, and
 * the administration pages signed in as the seeded admin with TOTP. Every page is screenshotted.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, snap, type BrowserSession, type ViewportName } from './support/browser.ts';
import { expectNoSidewaysScroll } from './support/page-checks.ts';
import { DEMO_ADMIN } from './support/demo.ts';
import { freshTotp, StaffSession } from './support/staff.ts';

const baseUrl = inject('baseUrl');
const staff = new StaffSession(baseUrl);

/** A valid, unused mainland mobile number per run and viewport. */
function newPhone(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

async function signOut(page: Page, viewport: ViewportName): Promise<void> {
  const loggedOut = page.waitForResponse((res) => res.url().endsWith('/api/auth/logout'), {
    timeout: 60_000,
  });
  if (viewport === 'desktop') {
    // The account menu opens with an animation; a click that lands while it is still moving can miss
    // the item, as a person's first tap sometimes does. Try again (at most three times) like they would.
    const answered = loggedOut.then(
      () => true,
      () => false,
    );
    for (let attempt = 1; attempt <= 3; attempt++) {
      const menu = page.getByTestId('user-menu');
      if (!(await menu.isVisible())) break;
      await menu.click();
      const item = page.getByRole('menuitem', { name: '退出登录' });
      await item.waitFor({ state: 'visible' });
      await item.click();
      const done = await Promise.race([
        answered,
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 8_000)),
      ]);
      if (done) break;
      await page.keyboard.press('Escape');
    }
  } else {
    await page.goto(`${baseUrl}/account`);
    await page.getByTestId('sign-out').click();
  }
  const res = await loggedOut;
  expect(res.status(), await res.text()).toBeLessThan(300);
  await page.waitForURL(`${baseUrl}/`);
}

beforeAll(async () => {
  await staff.signInAdmin();
});

describe.each(['desktop', 'phone'] as const)('journey at %s size', (viewport) => {
  let browser: BrowserSession;
  let page: Page;
  const phone = newPhone();
  const password = 'qingcheng mountain tea 2026';
  const name = viewport === 'desktop' ? '李青山' : '王春燕';

  beforeAll(async () => {
    browser = await openBrowser(viewport);
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the public home page in Chinese, then in English after the switch', async () => {
    await page.goto(baseUrl);
    await page.getByTestId('home-page').waitFor();
    await page.getByText('四大功能').waitFor();
    await page.getByTestId(viewport === 'desktop' ? 'top-nav' : 'tab-bar').waitFor();
    await expectNoSidewaysScroll(page);
    await snap(page, viewport, '01-home');

    await page.getByTestId('lang-switch').click();
    await page.getByText('Four functions').waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    await snap(page, viewport, '02-home-en');
    await page.getByTestId('lang-switch').click();
    await page.getByText('四大功能').waitFor();
  });

  it('shows discover, and asks to sign in for messages', async () => {
    // Discover is the catalog search (issue 4), with browsing by region below the results.
    await page.goto(`${baseUrl}/discover`);
    await page.getByTestId('search-results').getByTestId('catalog-card').first().waitFor();
    await page.getByTestId('region-browser').getByText('成都市').waitFor();
    await expectNoSidewaysScroll(page);
    await snap(page, viewport, '03-discover');
    await page.getByTestId('region-browser').getByText('成都市').click();
    await page.getByTestId('region-browser').getByText('锦江区').waitFor();
    await page.goto(`${baseUrl}/messages`);
    await page.getByText('请先登录').waitFor();
    if (viewport === 'phone') {
      // Exactly one tab is current: 消息, not also 我的.
      const current = page.getByTestId('tab-bar').locator('[aria-current="page"]');
      expect(await current.count()).toBe(1);
      expect(await current.textContent()).toContain('消息');
    }
    await snap(page, viewport, '04-messages-signed-out');
  });

  it('registers with a code from the SMS outbox', async () => {
    await page.goto(`${baseUrl}/register`);
    await page.getByTestId('kind-scientist').waitFor();
    await expectNoSidewaysScroll(page);
    await snap(page, viewport, '05-register-kind');
    await page.getByTestId('kind-scientist').click();
    await page.getByTestId('next').click();

    // A wrong number is refused on the field before anything is sent.
    await page.locator('#phone').fill('12345');
    await page.getByTestId('send-code').click();
    await page.getByText('请输入正确的 11 位手机号').waitFor();
    await page.locator('#phone').fill(phone);
    await snap(page, viewport, '06-register-phone');
    await page.getByTestId('send-code').click();
    await page.locator('#code').waitFor();

    const code = await staff.latestCode(phone, 'register');
    await page.locator('#code').fill(code);
    await page.locator('#displayName').fill(name);
    await page.locator('#password').fill(password);
    await page.locator('#passwordConfirm').fill(password);
    await page.locator('.ant-checkbox-wrapper').click();
    await snap(page, viewport, '07-register-details');
    await page.getByTestId('register-submit').click();

    await page.waitForURL(`${baseUrl}/account`);
    await page.getByTestId('account-header').getByText(name).waitFor();
    await expect(page.getByTestId('account-header').textContent()).resolves.toContain('科技工作者');
    // The phone is shown masked, never in full.
    const header = (await page.getByTestId('account-header').textContent()) ?? '';
    expect(header).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(header).not.toContain(phone);
    await snap(page, viewport, '08-account-after-register');
  });

  it('signs out, refuses a wrong password in Chinese, and signs in', async () => {
    await signOut(page, viewport);
    await page.goto(`${baseUrl}/login`);
    await page.locator('#phone').fill(phone);
    await page.getByRole('tab', { name: '短信验证码登录' }).click();
    await page.getByTestId('send-code').waitFor();
    await snap(page, viewport, '09-login-sms');
    await page.getByRole('tab', { name: '密码登录' }).click();
    await page.getByTestId('reset-link').click();
    await page.getByTestId('reset-page').getByText('找回密码').waitFor();
    await expectNoSidewaysScroll(page);
    await snap(page, viewport, '09b-reset-password');
    await page.goBack();
    await page.locator('#phone').fill(phone);

    await page.locator('#password').fill('not my password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('form-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/[\u4e00-\u9fff]/);
    await expectNoSidewaysScroll(page);
    await snap(page, viewport, '10-login-wrong-password');

    await page.locator('#password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${baseUrl}/account`);
    await page.getByTestId('profile-card').waitFor();
    await expect(page.locator('#displayName').inputValue()).resolves.toBe(name);
    await expectNoSidewaysScroll(page);
    await snap(page, viewport, '11-account-profile');

    // Pick a county level by level, save, and see it come back with its names after a reload.
    await page.getByTestId('profile-card').locator('.ant-cascader').click();
    for (const name of ['四川省', '成都市', '锦江区']) {
      await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
    }
    await page.keyboard.press('Escape');
    await page
      .getByTestId('profile-card')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.getByText('已保存').waitFor();
    await page.reload();
    await page.getByTestId('profile-card').getByText('锦江区').waitFor();
    expect(await page.getByTestId('profile-card').locator('.ant-cascader').textContent()).toContain('成都市');
  });

  it('shows every account tab', async () => {
    await page.getByRole('tab', { name: '账户安全' }).click();
    await page.getByTestId('totp-start').waitFor();
    await snap(page, viewport, '12-account-security');
    await page.getByTestId('totp-start').click();
    await page.getByTestId('totp-qr').waitFor();
    await expectNoSidewaysScroll(page);
    await snap(page, viewport, '13-account-totp-enrol');
    // Enrol as a person would: type the code their authenticator app derives from the shown key.
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByTestId('totp-code').fill(await freshTotp(secret));
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('totp-card').getByText('已启用').waitFor();
    await snap(page, viewport, '13b-account-totp-on');

    await page.getByRole('tab', { name: '登录设备' }).click();
    await page.getByTestId('sessions-card').getByText('当前设备').waitFor();
    await snap(page, viewport, '14-account-sessions');

    await page.getByRole('tab', { name: '隐私与数据' }).click();
    await page.getByTestId('consents-card').getByText('用户协议').first().waitFor();
    await expectNoSidewaysScroll(page);
    await snap(page, viewport, '15-account-privacy');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('consents-card').getByText('Terms of use').first().waitFor();
    await expectNoSidewaysScroll(page);
    await snap(page, viewport, '15b-account-privacy-en');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('consents-card').getByText('用户协议').first().waitFor();

    await page.getByTestId('delete-open').click();
    await page.getByText('确认注销账户？').waitFor();
    // The dialog covers the viewport only: picture what the person sees.
    await snap(page, viewport, '16-account-delete-confirm', { fullPage: false });
    await page.getByRole('button', { name: /取\s*消/ }).click();

    await page.goto(`${baseUrl}/messages`);
    await page.getByTestId('messages-page').waitFor();
    await snap(page, viewport, '17-messages');
    await signOut(page, viewport);
  });

  it('opens the administration pages as the seeded admin with TOTP', async () => {
    expect(staff.totpSecret).toBeTruthy();
    await page.goto(`${baseUrl}/login`);
    await page.locator('#phone').fill(DEMO_ADMIN.phone);
    await page.locator('#password').fill(DEMO_ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-totp-page').waitFor();
    await snap(page, viewport, '18-login-totp');
    await page.locator('#code').fill(await freshTotp(staff.totpSecret!));
    await page.getByTestId('totp-submit').click();
    await page.waitForURL(`${baseUrl}/account`);

    await page.goto(`${baseUrl}/admin?tab=users`);
    await page.getByTestId('users-tab').getByText(name).first().waitFor();
    await snap(page, viewport, '19-admin-users');

    // Grant the new user the science-editor role through the roles dialog.
    await page.getByTestId('users-tab').getByPlaceholder('按姓名或手机号搜索').fill(phone);
    await page
      .getByTestId('users-tab')
      .getByRole('button', { name: /搜\s*索/ })
      .click();
    await page.getByTestId('users-tab').getByText('共 1 条').waitFor();
    const row = page.getByTestId('users-tab').locator('.ant-table-row', { hasText: name });
    await row.getByRole('button', { name: '设置角色' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.ant-select:not(.ant-cascader)').click();
    await page.locator('.ant-select-item-option', { hasText: '科普编辑' }).click();
    await dialog.getByRole('button', { name: '添加角色' }).click();
    await dialog.locator('.ant-list-item', { hasText: '科普编辑' }).waitFor();
    await snap(page, viewport, '19b-admin-roles-dialog', { fullPage: false });
    await dialog.locator('.ant-modal-close').click();
    await row.getByText('科普编辑').waitFor();
    await page.goto(`${baseUrl}/admin?tab=regions`);
    await page.getByTestId('region-browser').getByText('四川省').first().waitFor();
    await snap(page, viewport, '20-admin-regions');
    await page.goto(`${baseUrl}/admin?tab=audit`);
    await page.getByTestId('audit-tab').locator('.ant-table-row').first().waitFor();
    await snap(page, viewport, '21-admin-audit');
    await page.goto(`${baseUrl}/admin?tab=sms`);
    await page.getByTestId('sms-tab').locator('.ant-table-row').first().waitFor();
    await snap(page, viewport, '22-admin-sms');
    await expect(page.getByTestId('sms-tab').textContent()).resolves.toContain(
      `${phone.slice(0, 3)}****${phone.slice(-4)}`,
    );
  });
});

describe('staff without two-factor', () => {
  it('sees a banner everywhere and a guard in front of the administration pages', async () => {
    const browser = await openBrowser('desktop');
    const page = browser.page;
    try {
      await page.goto(`${baseUrl}/login`);
      await page.locator('#phone').fill('13800000003'); // the Chengdu officer, no TOTP yet
      await page.locator('#password').fill(DEMO_ADMIN.password); // demo accounts share one password
      await page.getByTestId('login-submit').click();
      await page.waitForURL(`${baseUrl}/account`);
      await page.getByTestId('twofactor-banner').waitFor();
      await page.goto(`${baseUrl}/admin`);
      await page.getByText('请启用两步验证').first().waitFor();
      expect(await page.getByTestId('admin-page').count()).toBe(0);
      await snap(page, 'desktop', '24-staff-needs-2fa');
    } finally {
      await browser.close();
    }
  });
});

// Last on purpose: failed sign-ins also count against the test machine's IP.
describe('lockout', () => {
  it('tells the person clearly that the account is locked', async () => {
    const browser = await openBrowser('phone');
    const page = browser.page;
    try {
      await page.goto(`${baseUrl}/login`);
      await page.locator('#phone').fill('13800000007');
      const lockout = page.getByTestId('lockout');
      for (let attempt = 0; attempt < 8 && !(await lockout.isVisible()); attempt++) {
        await page.locator('#password').fill(`wrong password ${attempt}`);
        await page.getByTestId('login-submit').click();
        // Wait for this attempt's answer (the button stops spinning) before judging it.
        await page.locator('[data-testid="login-submit"]:not(.ant-btn-loading)').waitFor();
        await page.locator('[data-testid="lockout"], [data-testid="form-error"]').first().waitFor();
      }
      await lockout.waitFor();
      expect(await lockout.textContent()).toContain('账户已临时锁定');
      await snap(page, 'phone', '23-login-locked');
    } finally {
      await browser.close();
    }
  });
});
