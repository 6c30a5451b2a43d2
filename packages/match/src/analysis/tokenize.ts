/**
 * Tokenisation of normalised text into index terms:
 * - Chinese: jieba words in search mode (a long word also yields its dictionary sub-words, so
 *   "姿态控制系统" meets "控制系统"), with the bundled dictionary plus the project's domain terms;
 * - Chinese character bigrams (prefixed with `BIGRAM_MARK`) when enabled: they catch words jieba
 *   splits differently across texts and terms outside every dictionary;
 * - English/digits: `[a-z0-9]+` words of length ≥ 2, lightly stemmed;
 * - stop words removed; synonyms folded to one canonical term.
 *
 * @module
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { domainDictionaryBytes, canonicalTerm } from './domain.ts';
import { normalizeText, MAX_TEXT_CHARS } from './normalize.ts';
import { stemEnglish } from './stem.ts';
import { isStopWord } from './stopwords.ts';
import { englishPhrases } from './phrases.ts';

/** Longer tokens (base64 blobs, runaway letters) are noise, not terms. */
const MAX_TERM_CHARS = 40;

/** Prefix of a character-bigram term, so a bigram never collides with a two-character word. */
export const BIGRAM_MARK = '\u00b7';

let jieba: Jieba | undefined;

/** The shared jieba instance (bundled dictionary + domain dictionary), built on first use. */
export function getJieba(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(domainDictionaryBytes());
  }
  return jieba;
}

/** How text is cut into terms. */
export interface TokenizeOptions {
  /** Add CJK character bigrams (default true). */
  bigrams?: boolean;
  /** Jieba search mode (sub-words of long words, default true) or plain mode. */
  searchMode?: boolean;
  /** Characters analysed (default `MAX_TEXT_CHARS`). */
  maxChars?: number;
  /** Add English adjacent-word phrase terms (default true, see `phrases.ts`). */
  phrases?: boolean;
}

const CJK_RUN = /[\u3400-\u9fff]+/g;
const CJK_CHAR = /^[\u3400-\u9fff]/;
const WORD = /^[a-z0-9][a-z0-9]*$/;
const SPLIT_ASCII = /[a-z0-9]+/g;

/**
 * Terms of one raw text (normalisation included). Never throws; returns `[]` for empty input.
 *
 * @example
 * tokenize('基于深度学习的水稻病害识别') // → ['深度', '学习', '深度学习', '水稻', '病害', '识别', '·深度', …]
 */
export function tokenize(raw: unknown, options: TokenizeOptions = {}): string[] {
  const text = normalizeText(raw, options.maxChars ?? MAX_TEXT_CHARS);
  if (!text) return [];
  return tokenizeNormalized(text, options);
}

/** Terms of already-normalised text. */
export function tokenizeNormalized(text: string, options: TokenizeOptions = {}): string[] {
  const out: string[] = [];
  const hasCjk = CJK_CHAR.test(text) || /[\u3400-\u9fff]/.test(text);
  if (hasCjk) {
    const j = getJieba();
    const words = options.searchMode === false ? j.cut(text, true) : j.cutForSearch(text, true);
    for (const w of words) pushWord(w, out);
    if (options.bigrams !== false) {
      for (const m of text.matchAll(CJK_RUN)) {
        const run = m[0];
        if (run.length === 1) continue;
        for (let i = 0; i + 1 < run.length; i++) {
          const bg = run.slice(i, i + 2);
          if (!isStopWord(bg)) out.push(BIGRAM_MARK + bg);
        }
      }
    }
  } else {
    for (const m of text.matchAll(SPLIT_ASCII)) pushWord(m[0], out);
    // Phrases only in text without CJK: in Chinese text an English word is mostly a lone
    // abbreviation or name (GPS, CNN), and jieba already segments the concepts around it.
    if (options.phrases !== false) englishPhrases(text, out);
  }
  return out;
}

function pushWord(w: string, out: string[]): void {
  if (w.length === 0 || w.length > MAX_TERM_CHARS) return;
  const c = w.charCodeAt(0);
  if (c >= 0x3400 && c <= 0x9fff) {
    if (w.length === 1 || isStopWord(w)) return;
    out.push(canonicalTerm(w));
    return;
  }
  if (!WORD.test(w)) {
    // jieba may hand back mixed tokens ("5g网络"); split them into ASCII words.
    for (const m of w.matchAll(SPLIT_ASCII)) pushWord(m[0], out);
    return;
  }
  if (w.length < 2 || isStopWord(w)) return;
  if (/^\d+$/.test(w) && w.length > 4) return; // long digit strings are ids, not topics
  out.push(canonicalTerm(/^[a-z]+$/.test(w) ? stemEnglish(w) : w));
}

/** Display form of a term (drops the bigram mark). */
export function displayTerm(term: string): string {
  return term.startsWith(BIGRAM_MARK) ? term.slice(1) : term;
}
