/**
 * The sensitive-word check on listings: an Aho–Corasick automaton over a normalized form of the
 * text, so one pass finds every listed word whatever its case, width or the spaces and
 * separators put inside it ("赌 博", "ＭＯＮＥＹ laundering").
 *
 * Words come from the project list beside this file plus an optional deployment file
 * (`CATALOG_SENSITIVE_WORDS_FILE`), one per line, `#` comments.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../errors/app-error.ts';

/** The list shipped with the project. */
export const PROJECT_WORDS_FILE = fileURLToPath(new URL('./sensitive-words.txt', import.meta.url));

// Separators people put inside a word to slip it past a filter; dropped before matching: spaces
// and punctuation, invisible format characters (zero-width spaces, soft hyphen, invisible
// operators, bidi marks: \p{Cf}), variation selectors and the combining grapheme joiner, and
// symbols and emoji ("赌🎲博", "赌★博": \p{So}, \p{Extended_Pictographic}).
const SEPARATORS =
  /[\s\p{Cf}\p{So}\p{Extended_Pictographic}\u034f\ufe00-\ufe0f·.,，。、;；:：!！?？'"“”‘’`~\-_=+*#@$%^&|\\/()（）[\]【】{}<>《》]/gu;

/** The form both words and texts are compared in. */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SEPARATORS, '');
}

/** Parses a word-list file's text: one entry per line, `#` comments and blank lines skipped. */
export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

interface Node {
  next: Map<string, Node>;
  fail: Node | null;
  /** Indexes of the words ending here (including via fail links). */
  out: number[];
}

/** A compiled word list. */
export interface SensitiveWordMatcher {
  /** How many distinct words it knows. */
  readonly size: number;
  /** The listed words found in `text`, as listed, each once, in list order. */
  find(text: string): string[];
}

/**
 * Builds the automaton.
 * @example createMatcher(['赌博']).find('提供赌 博服务') // ['赌博']
 */
export function createMatcher(words: readonly string[]): SensitiveWordMatcher {
  const originals: string[] = [];
  const seen = new Set<string>();
  const root: Node = { next: new Map(), fail: null, out: [] };
  for (const word of words) {
    const key = normalizeForMatch(word);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    let node = root;
    for (const ch of key) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), fail: null, out: [] };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.out.push(originals.length);
    originals.push(word);
  }
  // Breadth-first failure links; each node inherits the outputs of its fail target.
  const queue: Node[] = [];
  for (const child of root.next.values()) {
    child.fail = root;
    queue.push(child);
  }
  while (queue.length) {
    const node = queue.shift()!;
    for (const [ch, child] of node.next) {
      let f = node.fail;
      while (f && !f.next.has(ch)) f = f.fail;
      child.fail = f ? f.next.get(ch)! : root;
      child.out.push(...child.fail.out);
      queue.push(child);
    }
  }
  return {
    size: originals.length,
    find(text) {
      const hits = new Set<number>();
      let node = root;
      for (const ch of normalizeForMatch(text)) {
        while (node !== root && !node.next.has(ch)) node = node.fail!;
        node = node.next.get(ch) ?? root;
        for (const i of node.out) hits.add(i);
      }
      return [...hits].sort((a, b) => a - b).map((i) => originals[i]!);
    },
  };
}

const cache = new Map<string, SensitiveWordMatcher>();

/**
 * The matcher for the project list plus `extraFile` (cached per file). A configured file that
 * cannot be read is an error at start-up, not a silently weaker filter.
 */
export function loadSensitiveWords(extraFile?: string): SensitiveWordMatcher {
  const key = extraFile ?? '';
  let matcher = cache.get(key);
  if (!matcher) {
    const words = parseWordList(readFileSync(PROJECT_WORDS_FILE, 'utf8'));
    if (extraFile) words.push(...parseWordList(readFileSync(extraFile, 'utf8')));
    matcher = createMatcher(words);
    cache.set(key, matcher);
  }
  return matcher;
}

/**
 * Checks the text fields of a listing; throws 400 `listing.sensitive_words` listing every word
 * found (`params.words`) and, per field, the words found there (`fields.<name>`).
 */
export function assertNoSensitiveWords(
  matcher: SensitiveWordMatcher,
  fields: Record<string, string | readonly string[] | null | undefined>,
): void {
  const all = new Set<string>();
  const params: Record<string, string> = {};
  const failing: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    const text = typeof value === 'string' ? value : value.join('\n');
    const found = matcher.find(text);
    if (found.length === 0) continue;
    found.forEach((w) => all.add(w));
    params[`${name}Words`] = found.join('、');
    failing[name] = `listing.sensitive_field.${name}`;
  }
  if (all.size === 0) return;
  throw new AppError('listing.sensitive_words', 400, {
    params: { words: [...all].join('、'), ...params },
    fields: failing,
  });
}

/** Fields whose text is checked, by listing type (keys of `fields.*` in the error). */
export const CHECKED_FIELDS = ['title', 'summary', 'description', 'abstract', 'keywords', 'ip'] as const;
