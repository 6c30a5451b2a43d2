/**
 * Issue 4 bulk import at desktop (1280×800) and phone (390×844) sizes: the provincial officer signs
 * in with two-factor, downloads the scientists template from the imports tab, fills it (two good
 * rows and one with a region outside Sichuan), uploads it, reads the row report, imports the valid
 * rows (all-or-nothing is refused first), and finds an imported scientist in the public catalog.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { horizontalOverflow, openBrowser, snap, type BrowserSession } from './support/browser.ts';
import { DEMO_USERS } from './support/demo.ts';
import { signInBrowser } from './support/signin.ts';
import { StaffSession } from './support/staff.ts';

const baseUrl = inject('baseUrl');
const officer = new StaffSession(baseUrl);

beforeAll(async () => {
  // Through the API first: enrols the officer's TOTP, whose secret the browser sign-in then uses.
  await officer.signInStaff(DEMO_USERS.officer.phone, DEMO_USERS.officer.password);
});

/** Header text → column number of the template's data sheet (the `*` of required columns ignored). */
function headerColumns(sheet: ExcelJS.Worksheet): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    columns.set(String(cell.value ?? '').replace(/[*＊\s]/g, ''), col);
  });
  return columns;
}

/** The rural expert of each run (different per viewport, so each run checks its own import). */
const ruralName = (tag: string) => (tag === 'desktop' ? '罗春花' : '罗秋月');

/** The downloaded template with three scientists filled in; row 3 (the second) has a bad region. */
async function filledTemplate(template: Buffer, tag: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ExcelJS.Buffer);
  const sheet = book.worksheets[0]!;
  const columns = headerColumns(sheet);
  const rows: Record<string, string>[] = [
    {
      外部编号: `E2E-${tag}-001`,
      姓名: `柯${tag === 'desktop' ? '远山' : '晓岚'}`,
      性别: '男',
      出生年份: '1975',
      学历: '博士',
      职称: '研究员',
      工作单位: '四川省农业科学院',
      技能专长: '猕猴桃溃疡病防治；果树栽培',
      地区代码: '510104',
    },
    {
      外部编号: `E2E-${tag}-002`,
      姓名: '边界外',
      性别: '女',
      出生年份: '1980',
      学历: '硕士',
      技能专长: '茶叶加工',
      // 东城区, Beijing: outside the officer's region (and Sichuan).
      地区代码: '110101',
    },
    {
      外部编号: `E2E-${tag}-003`,
      姓名: ruralName(tag),
      性别: '女',
      学历: '高中',
      职称: '土专家',
      技能专长: '生猪养殖；疫病防控',
      地区代码: '511702',
    },
  ];
  rows.forEach((values, i) => {
    const row = sheet.getRow(i + 2);
    for (const [header, value] of Object.entries(values)) {
      const col = columns.get(header);
      if (!col) throw new Error(`template has no column ${header}: ${[...columns.keys()].join(', ')}`);
      row.getCell(col).value = value;
    }
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(['desktop', 'phone'] as const)('officer import at %s size', (viewport) => {
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser(viewport);
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports an Excel file with one bad row and gets the row report', async () => {
    await signInBrowser(page, baseUrl, DEMO_USERS.officer, officer.totpSecret);
    await page.goto(`${baseUrl}/admin?tab=imports`);
    const tab = page.getByTestId('imports-tab');
    await tab.waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await snap(page, viewport, 'import-01-tab');

    const download = page.waitForEvent('download');
    await tab.getByTestId('template-xlsx').click();
    const template = await readFile((await (await download).path())!);
    const file = await filledTemplate(template, viewport);

    await tab.locator('input[type=file]').setInputFiles({
      name: `科技工作者-${viewport}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    const report = tab.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.getByTestId('import-status').getAttribute('data-status')).toBe('validated');
    // Exactly one bad row: the second data row, spreadsheet row 3, on its region column, in Chinese.
    const issues = report.getByTestId('import-issue');
    const rows = await issues.evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));
    expect(new Set(rows)).toEqual(new Set(['3']));
    const text = (await issues.first().textContent()) ?? '';
    expect(text).toContain('地区代码');
    expect(text).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await snap(page, viewport, 'import-02-row-report');

    // All-or-nothing is refused while a row is invalid, and nothing is written.
    await report.getByTestId('commit-all').click();
    await page.locator('.ant-message').getByText('全部或不导入').waitFor();
    expect(await report.getByTestId('import-status').getAttribute('data-status')).toBe('validated');
    await snap(page, viewport, 'import-02b-all-or-nothing-refused', { fullPage: false });

    await report.getByTestId('commit-valid').click();
    await report.getByTestId('import-committed').waitFor({ timeout: 60_000 });
    expect(await report.getByTestId('import-status').getAttribute('data-status')).toBe('committed');
    await snap(page, viewport, 'import-03-committed');

    // The imported people are in the public catalog, the refused one is not.
    const list = await page.request.get(
      `${baseUrl}/api/scientists?q=${encodeURIComponent(ruralName(viewport))}`,
    );
    expect(list.ok()).toBe(true);
    const body = (await list.json()) as { items: { name: string; regionCode: string }[] };
    expect(body.items.some((s) => s.name === ruralName(viewport) && s.regionCode === '511702')).toBe(true);
    const refused = await page.request.get(`${baseUrl}/api/scientists?q=${encodeURIComponent('边界外')}`);
    const none = (await refused.json()) as { items: { name: string }[] };
    expect(none.items.some((s) => s.name === '边界外')).toBe(false);
  });
});
