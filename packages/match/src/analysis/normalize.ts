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
  if (HAS_CJK.test(text)) text = toSimplified(text);
  text = text.toLowerCase();
  // Lone surrogates (cut emoji) and control characters carry no meaning for matching.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  text = text.replace(/[\u0000-\u001f\u007f]|[\ud800-\udfff]/g, ' ');
  if (text.length > maxChars) text = text.slice(0, maxChars);
  return text;
}
