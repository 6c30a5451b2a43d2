/**
 * Debian Chromium through playwright-core, launched the way the architecture notes prescribe
 * (headless, no sandbox inside the container, no background network, a fresh profile).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../screenshots');

/** The two sizes every journey runs at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** A persistent context on a throw-away profile directory, at one of the two viewports. */
export async function openBrowser(viewport: ViewportName): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} missing: apt-get install -y chromium fonts-noto-cjk`);
  const profile = await mkdtemp(join(tmpdir(), 'tianfu-chromium-'));
  const phone = viewport === 'phone';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: VIEWPORTS[viewport],
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
    locale: 'zh-CN',
    // A typical mid-range Android phone, so the device list shows what a real visitor's would.
    ...(phone
      ? {
          userAgent:
            'Mozilla/5.0 (Linux; Android 13; Redmi Note 12) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
        }
      : {}),
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Full-page screenshot `e2e/screenshots/<viewport>/<name>.png`; also fails if the page scrolls sideways. */
export async function snap(
  page: Page,
  viewport: ViewportName,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  const dir = join(SCREENSHOT_DIR, viewport);
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  // Let fonts and antd's motion settle so the picture shows what a person would see.
  // (string expressions: this file is compiled for Node, without the DOM library)
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.waitForTimeout(350);
  // Sticky headers are painted where the viewport was; start every picture from the top.
  const fullPage = options.fullPage ?? true;
  if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
  // A full-page picture would paint the fixed phone tab bar mid-page (where the viewport ended);
  // pin it to the bottom of the page for the picture only.
  await page.screenshot({
    path: file,
    fullPage,
    style: '.shell { position: relative; } .tab-bar { position: absolute !important; }',
  });
  return file;
}

/** Width of content beyond the viewport (0 when nothing overflows horizontally). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
}
