/**
 * The project's domain dictionary (science, engineering, agriculture, medicine, industry terms,
 * kept as data in `data/domain-terms.txt`) and synonym list (`data/synonyms.txt`). Terms — and the
 * Chinese terms and names of the discipline lexicon (`data/lexicon/`, `lexicon.ts`) — are loaded
 * into jieba so they are never split; synonyms fold to the first term of their line.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { lexiconDictionaryWords } from './lexicon.ts';
import { stemEnglish } from './stem.ts';

const DATA = new URL('./data/', import.meta.url);

function readData(name: string): string[] {
  return readFileSync(new URL(name, DATA), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

let terms: string[] | undefined;
let synonyms: Map<string, string> | undefined;

/** Domain terms (one per entry). */
export function domainTerms(): string[] {
  terms ??= readData('domain-terms.txt').flatMap((l) => l.split(/\s+/));
  return terms;
}

/** The domain dictionary in jieba's user-dictionary format (`word freq`). */
export function domainDictionaryBytes(): Uint8Array {
  const words = new Set<string>(domainTerms());
  for (const line of readData('synonyms.txt'))
    for (const w of line.split(/\s+/)) if (/[\u3400-\u9fff]/.test(w)) words.add(w);
  for (const w of lexiconDictionaryWords()) words.add(w);
  return new TextEncoder().encode([...words].map((w) => `${w} 2000`).join('\n') + '\n');
}

/** Map from every synonym to its canonical (first-listed) term. */
export function synonymMap(): Map<string, string> {
  if (!synonyms) {
    synonyms = new Map();
    for (const line of readData('synonyms.txt')) {
      const group = line.split(/\s+/).map((w) => (/^[a-z]+$/.test(w) ? stemEnglish(w) : w));
      const head = group[0];
      if (!head) continue;
      for (const w of group.slice(1)) if (!synonyms.has(w)) synonyms.set(w, head);
    }
  }
  return synonyms;
}

/** Canonical form of a term (itself when it has no synonym). */
export function canonicalTerm(term: string): string {
  return synonymMap().get(term) ?? term;
}
