/**
 * The project's discipline lexicon (`data/lexicon/*.txt`, format in its README): for each
 * first-level discipline its names and the terms that characterise its literature. It is prior
 * subject knowledge the engine has before it sees any corpus, used two ways:
 * - every Chinese term is added to the segmenter's dictionary (`domain.ts`), so it is cut whole;
 * - a concept base (explicit semantic analysis, `concept-base.ts`).
 *
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { normalizeText } from './normalize.ts';

/** One discipline as written in the lexicon: canonical name first, then aliases; its terms. */
export interface LexiconEntry {
  names: string[];
  terms: string[];
}

const LEXICON_DIR = new URL('./data/lexicon/', import.meta.url);

/** Parses lexicon text (`[names|…]` blocks of whitespace-separated terms; `#` comments). */
export function parseLexicon(text: string): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  let cur: LexiconEntry | undefined;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (!line) continue;
    const head = /^\[(.*)\]$/.exec(line);
    if (head) {
      const names = (head[1] as string)
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean);
      cur = names.length > 0 ? { names, terms: [] } : undefined;
      if (cur) out.push(cur);
      continue;
    }
    if (cur) for (const t of line.split(/\s+/)) if (t) cur.terms.push(t);
  }
  return out;
}

let raw: LexiconEntry[] | undefined;

/** Every entry of every `data/lexicon/*.txt` file (files in name order; none is fine). */
export function lexiconEntries(): LexiconEntry[] {
  if (!raw) {
    raw = [];
    if (existsSync(LEXICON_DIR)) {
      const files = readdirSync(LEXICON_DIR)
        .filter((f) => f.endsWith('.txt'))
        .sort();
      for (const f of files) raw.push(...parseLexicon(readFileSync(new URL(f, LEXICON_DIR), 'utf8')));
    }
  }
  return raw;
}

const CJK_WORD = /^[\u3400-\u9fff]{2,}$/;

/**
 * The lexicon's Chinese terms and names in the analyser's normal form, for the segmenter's
 * dictionary. Only words made of CJK characters: a dictionary word mixing in digits or symbols
 * ("1-甲基环丙烯") would come out of jieba as one mixed token, whose Chinese part the tokenizer
 * cannot keep.
 */
export function lexiconDictionaryWords(): string[] {
  const words: string[] = [];
  for (const e of lexiconEntries())
    for (const t of [...e.terms, ...e.names]) {
      const s = normalizeText(t);
      if (CJK_WORD.test(s)) words.push(s);
    }
  return words;
}

/** Normalised form of a discipline name or a title for name matching (no spaces or punctuation). */
export function nameKey(s: string): string {
  return normalizeText(s)
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .trim();
}
