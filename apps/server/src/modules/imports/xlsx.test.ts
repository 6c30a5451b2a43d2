import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cellText, readXlsxRows, XlsxFormatError, XlsxStreamWriter } from './xlsx.ts';

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const w = new XlsxStreamWriter(out);
  w.addSheet({ name: '数据', header: ['编号', '学历', '简介'] });
  for (const r of rows) w.addRow(r);
  await w.finish();
  return Buffer.concat(chunks);
}

describe('readXlsxRows', () => {
  it('reads every Chinese character intact, even where UTF-8 bytes straddle inflate chunks', async () => {
    // Thousands of rows of multi-byte text make the sheet XML span many inflated chunks; exceljs
    // 4.4.0's own parser turned characters at chunk edges into U+FFFD.
    const rows = Array.from({ length: 4000 }, (_, i) => [
      `S${i}`,
      '博士',
      `第${i}位专家：长期从事猕猴桃溃疡病防治研究`,
    ]);
    const bytes = await workbook(rows);
    let n = 0;
    for await (const r of readXlsxRows(bytes)) {
      if (r.line === 1) {
        expect(r.fields).toEqual(['编号', '学历', '简介']);
        continue;
      }
      const i = r.line - 2;
      expect(r.fields).toEqual([`S${i}`, '博士', `第${i}位专家：长期从事猕猴桃溃疡病防治研究`]);
      n += 1;
    }
    expect(n).toBe(4000);
  });

  it('skips empty rows and keeps empty cells in place', async () => {
    const bytes = await workbook([
      ['A', null, 'x'],
      [null, null, null],
      [1, 2.5, null],
    ]);
    const got = [];
    for await (const r of readXlsxRows(bytes)) got.push(r);
    expect(got.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(got[1]!.fields).toEqual(['A', '', 'x']);
    expect(got[2]!.fields.slice(0, 2)).toEqual(['1', '2.5']);
  });

  it('refuses bytes that are not an xlsx workbook', async () => {
    const read = async () => {
      for await (const _ of readXlsxRows(Buffer.from('姓名,地区\r\n'))) void _;
    };
    await expect(read()).rejects.toBeInstanceOf(XlsxFormatError);
  });
});

describe('cellText', () => {
  it('turns exceljs cell values into text', () => {
    expect(cellText({ richText: [{ text: '猕猴' }, { text: '桃' }] })).toBe('猕猴桃');
    expect(cellText({ formula: 'A1', result: 42 })).toBe('42');
    expect(cellText({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(cellText(new Date(Date.UTC(2027, 5, 30)))).toBe('2027-06-30');
    expect(cellText(true)).toBe('true');
    expect(cellText(null)).toBe('');
  });
});
