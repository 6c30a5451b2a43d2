/**
 * Text normalisation applied before any tokenisation: HTML is stripped, full-width forms become
 * half-width (Unicode NFKC), traditional Chinese becomes simplified (OpenCC), letters are
 * lowercased, and text longer than a documented limit is truncated. It never throws.
 *
 * @module
 */
import * as OpenCC from 'opencc-js';

/** Default per-text character limit (documented in the README). Longer text is cut here. */
export const MAX_TEXT_CHARS = 20_000;

const toSimplified: (s: string) => string = OpenCC.Converter({ from: 'hk', to: 'cn' });

/**
 * Characters at which the converter can change anything: the first character of every key of
 * the dictionaries its conversion uses (OpenCC's `hk2s` preset), plus the ideographic description
 * characters (U+2FF0–U+2FFF, which group the characters after them). The converter scans left to
 * right and replaces only text matching a key, so the part of a text before the first such
 * character is passed through unchanged and only the rest needs converting (most simplified
 * Chinese has none at all; at 1M profiles the conversion was ≈ 10 % of the build CPU).
 * Undefined (always convert everything) if the preset's dictionaries cannot be read.
 */
const CONVERTIBLE: { bmp: Uint8Array; astral: Set<number> } | undefined = (() => {
  const cfg = (OpenCC.Locale?.configs as Record<string, Record<string, unknown>> | undefined)?.hk2s;
  if (!cfg) return undefined;
  const bmp = new Uint8Array(65536);
  const astral = new Set<number>();
  let keys = 0;
  const mark = (key: string): void => {
    const c = key.codePointAt(0);
    if (c === undefined) return;
    if (c < 65536) bmp[c] = 1;
    else astral.add(c);
    keys++;
  };
  const addDict = (d: unknown): void => {
    if (typeof d === 'string') {
      for (const entry of d.split('|'))
        if (entry && entry[0] !== ' ') mark(entry.slice(0, entry.indexOf(' ')));
    } else if (Array.isArray(d)) {
      if (d.length === 2 && typeof d[0] === 'string' && typeof d[1] === 'string' && !d[0].includes(' '))
        mark(d[0]);
      else for (const x of d) addDict(x);
    }
  };
  for (const part of ['normalizationChain', 'segmentation', 'conversionChain']) addDict(cfg[part]);
  for (let c = 0x2ff0; c <= 0x2fff; c++) bmp[c] = 1;
  return keys > 0 ? { bmp, astral } : undefined;
})();

/** Index of the first character at which the converter could change the text; -1 when none. */
export function firstConvertible(text: string): number {
  if (!CONVERTIBLE) return text.length > 0 ? 0 : -1;
  const { bmp, astral } = CONVERTIBLE;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = text.codePointAt(i) as number;
      if (cp > 0xffff) {
        if (astral.has(cp)) return i;
        i++;
        continue;
      }
    }
    if (bmp[c] === 1) return i;
  }
  return -1;
}

/** Traditional (Hong Kong) Chinese to simplified; identical to the converter on the whole text. */
export function toSimplifiedChinese(text: string): string {
  const i = firstConvertible(text);
  if (i < 0) return text;
  return i === 0 ? toSimplified(text) : text.slice(0, i) + toSimplified(text.slice(i));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Removes tags, scripts/styles and decodes the common entities; text only. */
export function stripHtml(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
      if (code[0] === '#') {
        const n =
          code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : ' ';
      }
      return ENTITIES[code.toLowerCase()] ?? m;
    });
}

// A traditional-only character is rare in simplified text; converting only when a CJK
// character is present keeps English-only text on the fast path.
const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Normalises one piece of text. Non-strings and empty values give `''`.
 *
 * @example
 * normalizeText('<b>機器學習</b> ＡＩ') // → '机器学习 ai'
 */
export function normalizeText(input: unknown, maxChars: number = MAX_TEXT_CHARS): string {
  if (typeof input !== 'string' || input.length === 0) return '';
  let text = input.length > maxChars * 2 ? input.slice(0, maxChars * 2) : input;
  text = stripHtml(text);
  text = text.normalize('NFKC');
  if (HAS_CJK.test(text)) text = toSimplifiedChinese(text);
  text = text.toLowerCase();
  // Lone surrogates (cut emoji) and control characters carry no meaning for matching.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  text = text.replace(/[\u0000-\u001f\u007f]|[\ud800-\udfff]/g, ' ');
  if (text.length > maxChars) text = text.slice(0, maxChars);
  return text;
}
