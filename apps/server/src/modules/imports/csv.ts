/**
 * CSV per RFC 4180: fields separated by commas, records by CRLF (a bare LF or CR is accepted too),
 * fields in double quotes may hold commas, line breaks and doubled quotes (`""`). Bytes are decoded
 * as UTF-8 (with or without BOM), UTF-16 with its BOM, or — when they are not valid UTF-8 — as
 * GB18030 (a superset of GBK/GB2312), which is what Excel on a Chinese Windows saves as "CSV".
 * @module
 */

/** The encodings {@link decodeCsvBytes} recognizes. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Decodes file bytes to text, dropping a byte-order mark.
 * @example decodeCsvBytes(Buffer.from('\uFEFFa,b')).text // 'a,b'
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** A malformed CSV (a quote that never closes, text after a closing quote). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: 'import.csv_unclosed_quote' | 'import.csv_stray_quote',
    readonly line: number,
  ) {
    super(`${code} at line ${line}`);
  }
}

/**
 * Parses CSV text into records (arrays of field strings). Empty lines are skipped.
 * `line` of each record is the physical line it starts on (1-based), for error reports.
 * @throws CsvSyntaxError on an unclosed quoted field or characters after a closing quote
 * @example [...parseCsv('a,"b,c"\r\n1,"say ""hi"""')].map((r) => r.fields) // [['a','b,c'],['1','say "hi"']]
 */
export function* parseCsv(text: string, delimiter = ','): Generator<{ fields: string[]; line: number }> {
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text[i] === '"') {
        // Quoted field.
        i += 1;
        let closed = false;
        while (i < n) {
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (ch === '\n') line += 1;
          field += ch;
          i += 1;
        }
        if (!closed) throw new CsvSyntaxError('import.csv_unclosed_quote', startLine);
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
          throw new CsvSyntaxError('import.csv_stray_quote', line);
        }
      } else {
        // Plain field: up to the delimiter or the end of the line.
        let j = i;
        while (j < n) {
          const ch = text[j];
          if (ch === delimiter || ch === '\r' || ch === '\n') break;
          j += 1;
        }
        field = text.slice(i, j);
        i = j;
      }
      fields.push(field);
      field = '';
      const ch = text[i];
      if (ch === delimiter) {
        i += 1;
        if (i >= n) fields.push('');
        else continue;
      }
      if (ch === '\r') i += text[i + 1] === '\n' ? 2 : 1;
      else if (ch === '\n') i += 1;
      if (ch === '\r' || ch === '\n') line += 1;
      endOfRecord = true;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    yield { fields, line: startLine };
  }
}

/** Quotes a field when it holds a comma, quote, line break or leading/trailing space. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record with its CRLF terminator. */
export function csvRecord(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** UTF-8 byte-order mark: Excel needs it to open a UTF-8 CSV with Chinese text correctly. */
export const UTF8_BOM = '\uFEFF';
