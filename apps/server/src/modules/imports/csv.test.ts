import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvRecord, decodeCsvBytes, parseCsv } from './csv.ts';

const rows = (text: string) => [...parseCsv(text)].map((r) => r.fields);

describe('parseCsv (RFC 4180)', () => {
  it('splits plain fields and CRLF / LF / CR records', () => {
    expect(rows('a,b,c\r\n1,2,3\n4,5,6\r7,8,9')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
    ]);
  });
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(rows('name,note\r\n"张三, 研究员","他说""好""\r\n第二行"\r\n')).toEqual([
      ['name', 'note'],
      ['张三, 研究员', '他说"好"\r\n第二行'],
    ]);
  });
  it('keeps empty fields, including a trailing one, and skips blank lines', () => {
    expect(rows('a,,c,\r\n\r\n,,\r\n')).toEqual([
      ['a', '', 'c', ''],
      ['', '', ''],
    ]);
  });
  it('reports the starting line of each record', () => {
    expect([...parseCsv('h\r\n"x\ny"\r\nz')].map((r) => r.line)).toEqual([1, 2, 4]);
  });
  it('rejects an unclosed quote and text after a closing quote', () => {
    expect(() => rows('a\r\n"open,b\r\n')).toThrow(CsvSyntaxError);
    expect(() => rows('"a"b,c')).toThrow(/stray/);
  });
});

describe('decodeCsvBytes', () => {
  it('drops a UTF-8 BOM', () => {
    const r = decodeCsvBytes(Buffer.from('\uFEFF姓名,地区', 'utf8'));
    expect(r).toEqual({ text: '姓名,地区', encoding: 'utf-8' });
  });
  it('reads UTF-8 without BOM', () => {
    expect(decodeCsvBytes(Buffer.from('姓名', 'utf8')).text).toBe('姓名');
  });
  it('falls back to GB18030 (GBK) when the bytes are not UTF-8', () => {
    // 中文 in GBK.
    expect(decodeCsvBytes(Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x31]))).toEqual({
      text: '中文,1',
      encoding: 'gb18030',
    });
  });
  it('reads UTF-16LE with its BOM', () => {
    expect(
      decodeCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,名', 'utf16le')])).text,
    ).toBe('a,名');
  });
});

describe('csvRecord', () => {
  it('quotes only what needs it and round-trips through the parser', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\nlines', ''];
    const line = csvRecord(values);
    expect(line).toBe('plain,"a,b","say ""hi""","two\nlines",\r\n');
    expect(rows(line)).toEqual([values]);
  });
});
