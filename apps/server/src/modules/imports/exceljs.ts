/**
 * exceljs, with one fix: its streaming reader (`utils/parse-sax.js` in 4.4.0) decodes every
 * inflated chunk of a sheet's XML on its own, so a Chinese character whose UTF-8 bytes straddle a
 * chunk boundary turns into U+FFFD (a 100,000-row sheet had "博士" read as "博��"). The
 * replacement decodes with a streaming `TextDecoder`. Import exceljs only through this module: it
 * loads its own copy of exceljs's modules with the fixed parser, whatever was loaded before.
 * @module
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type ExcelJSModule from 'exceljs';

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };
interface SaxesLike {
  on(event: 'error', fn: (err: Error) => void): void;
  on(event: 'opentag' | 'text' | 'closetag', fn: (value: unknown) => void): void;
  write(text: string): void;
}

const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve('exceljs/package.json'));
const saxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
// saxes as exceljs itself resolves it (same version).
const { SaxesParser } = createRequire(saxPath)('saxes') as { SaxesParser: new () => SaxesLike };

/** exceljs's parse-sax with chunk-safe UTF-8 decoding. */
async function* parseSax(
  input: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
): AsyncGenerator<SaxEvent[]> {
  let iterable = input as AsyncIterable<Buffer | string>;
  if (!(Symbol.asyncIterator in input)) {
    iterable = (input as NodeJS.ReadableStream).pipe(new PassThrough()) as unknown as AsyncIterable<Buffer>;
  }
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on('error', (err) => {
    error = err;
  });
  let events: SaxEvent[] = [];
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

// Drop any exceljs modules already loaded (they captured the broken parser), install the fixed
// parser in the module cache, then load exceljs afresh: its readers now pick up `parseSax`.
for (const key of Object.keys(require.cache)) {
  if (key.startsWith(root + path.sep)) delete require.cache[key];
}
require(saxPath);
require.cache[saxPath]!.exports = parseSax;
const ExcelJS = require('exceljs') as typeof ExcelJSModule;

export default ExcelJS;
