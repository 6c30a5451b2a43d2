/** Reading TREC run files (`qid Q0 docid rank score tag`) into a {@link Run}. */
import { readFileSync } from 'node:fs';
import type { RankedDoc, Run } from '../metrics.ts';

/** Parses a TREC run; each query's docs are ordered by the rank column. */
export function readTrecRun(path: string): Run {
  const byQuery = new Map<string, { rank: number; doc: RankedDoc }[]>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const f = line.trim().split(/\s+/);
      if (f.length < 6) throw new Error(`${path}:${i + 1}: expected "qid Q0 docid rank score tag"`);
      const [qid, , docId, rank, score] = f as [string, string, string, string, string];
      const r = Number(rank);
      const s = Number(score);
      if (!Number.isFinite(r) || Number.isNaN(s)) throw new Error(`${path}:${i + 1}: bad rank or score`);
      let l = byQuery.get(qid);
      if (!l) byQuery.set(qid, (l = []));
      l.push({ rank: r, doc: { docId, score: s } });
    });
  const run: Run = new Map();
  for (const [qid, l] of byQuery)
    run.set(
      qid,
      l.sort((a, b) => a.rank - b.rank).map((x) => x.doc),
    );
  return run;
}
