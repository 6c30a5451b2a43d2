/**
 * Excel (.xlsx) reading and writing with exceljs's streaming reader and writer, so a 100,000-row
 * sheet never becomes a whole workbook object in memory. Only the first worksheet is read; cells
 * come back as trimmed display strings (numbers as written, dates as `YYYY-MM-DD`).
 * @module
 */
import { Readable, type Writable } from 'node:stream';
import ExcelJS from './exceljs.ts';
import type * as ExcelTypes from 'exceljs';

/** A file that is not a readable .xlsx workbook. */
export class XlsxFormatError extends Error {
  readonly code = 'import.xlsx_unreadable';
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The text of one exceljs cell value (rich text, formulas, hyperlinks and dates included). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: string;
    };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return '';
  }
  return String(value);
}

/**
 * Rows of the first worksheet, as arrays of cell strings (index 0 = column A), with their
 * spreadsheet row number. Fully empty rows are skipped.
 * @throws XlsxFormatError when the bytes are not an .xlsx workbook
 */
export async function* readXlsxRows(bytes: Buffer): AsyncGenerator<{ fields: string[]; line: number }> {
  // A zip file starts with "PK\x03\x04"; anything else (an .xls, a renamed CSV) is refused up front.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new XlsxFormatError('not a zip');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelTypes.Row>) {
        const values = row.values as unknown[];
        const fields: string[] = [];
        let any = false;
        // exceljs row.values is 1-based (index 0 unused).
        for (let c = 1; c < values.length; c += 1) {
          const text = cellText(values[c]).trim();
          if (text) any = true;
          fields.push(text);
        }
        if (any) yield { fields, line: row.number };
      }
      return; // first worksheet only
    }
  } catch (err) {
    if (err instanceof XlsxFormatError) throw err;
    throw new XlsxFormatError(err instanceof Error ? err.message : String(err));
  }
}

/** A sheet to write: header row then data rows (strings, numbers or null). */
export interface SheetSpec {
  name: string;
  header: string[];
  /** Column widths in characters (optional). */
  widths?: number[];
}

export type CellValue = string | number | null;

/**
 * A streaming workbook writer: add sheets, append rows, `finish()`. Rows are committed as they are
 * added, so memory stays flat whatever the row count.
 */
export class XlsxStreamWriter {
  private readonly wb: ExcelTypes.stream.xlsx.WorkbookWriter;
  private sheet: ExcelTypes.Worksheet | undefined;

  constructor(out: Writable) {
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useSharedStrings: false,
      useStyles: true,
    });
  }

  /** Starts a new sheet (committing the previous one) and writes its bold, frozen header. */
  addSheet(spec: SheetSpec): void {
    this.sheet?.commit();
    const ws = this.wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = spec.header.map((h, i) => ({
      header: h,
      width: spec.widths?.[i] ?? Math.max(10, h.length * 2 + 2),
    }));
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.commit();
    this.sheet = ws;
  }

  addRow(values: readonly CellValue[]): void {
    if (!this.sheet) throw new Error('addSheet first');
    this.sheet.addRow(values.map((v) => (v === null ? '' : v))).commit();
  }

  async finish(): Promise<void> {
    this.sheet?.commit();
    await this.wb.commit();
  }
}
