/**
 * The reference baselines' tokenizer, exactly as `../shared/bench/README.md` defines it:
 * lowercase; `[a-z0-9]+` runs of length ≥ 2 not in the stop list; character bigrams of every CJK
 * run (`[\u4e00-\u9fff]+`), a one-character run kept whole.
 */
const STOP = new Set(
  'a an the of and or in on for to with by is are was were be this that we our from as at it its which these can using based'.split(
    ' ',
  ),
);

const RUN = /[a-z0-9]+|[\u4e00-\u9fff]+/g;

/** Tokens of a text in order (duplicates kept). */
export function baselineTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(RUN)) {
    const run = m[0];
    const c = run.charCodeAt(0);
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (run.length === 1) out.push(run);
      else for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    } else if (run.length >= 2 && !STOP.has(run)) out.push(run);
  }
  return out;
}

/** Term → frequency. */
export function termCounts(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}
