/** A run of text, marked when it is one of the matched terms. */
export interface TextPart {
  text: string;
  hit: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits `text` into runs, marking case-insensitive occurrences of `terms`. Longer terms win where
 * they overlap (so `机器学习` is marked whole rather than `机器` alone); blank terms are ignored.
 *
 * @example splitByTerms('猕猴桃病害防治', ['病害']) // [{text:'猕猴桃',hit:false},{text:'病害',hit:true},{text:'防治',hit:false}]
 */
export function splitByTerms(text: string, terms: readonly string[]): TextPart[] {
  const wanted = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  if (wanted.length === 0 || text === '') return text === '' ? [] : [{ text, hit: false }];
  const pattern = new RegExp(`(${wanted.map(escape).join('|')})`, 'gi');
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index;
    if (at > last) parts.push({ text: text.slice(last, at), hit: false });
    parts.push({ text: m[0], hit: true });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/** A shortened excerpt of `text` centred on its first matched term, so a long description shows the hit. */
export function excerptAround(text: string, terms: readonly string[], max = 120): string {
  if (text.length <= max) return text;
  const lower = text.toLowerCase();
  let first = -1;
  for (const term of terms) {
    const at = term.trim() ? lower.indexOf(term.trim().toLowerCase()) : -1;
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const start = first < 0 ? 0 : Math.max(0, Math.min(first - Math.floor(max / 3), text.length - max));
  const body = text.slice(start, start + max);
  return `${start > 0 ? '…' : ''}${body}${start + max < text.length ? '…' : ''}`;
}
