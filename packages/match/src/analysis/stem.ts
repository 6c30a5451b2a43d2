/**
 * A light English stemmer: folds plurals and the commonest inflections so that "networks" meets
 * "network" and "learning" meets "learned". Deliberately conservative (no Porter-style cuts that
 * merge unrelated words); words of four letters or fewer are left alone.
 *
 * @module
 */

/** Stems one lowercase ASCII word. @example stemEnglish('studies') // → 'study' */
export function stemEnglish(word: string): string {
  const n = word.length;
  if (n <= 4) return word;
  if (word.endsWith('ies') && n > 5) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && n > 6) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && n > 5 && !word.endsWith('eed')) return undouble(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is'))
    return word.slice(0, -1);
  return word;
}

function undouble(stem: string): string {
  const n = stem.length;
  if (n >= 3 && stem[n - 1] === stem[n - 2] && !/[lsz]/.test(stem[n - 1] ?? '')) return stem.slice(0, -1);
  return stem;
}
