/**
 * The project's own reference baselines (BM25 and TF-IDF cosine) as the bench README defines them,
 * so `bench:quality` can show that its harness reproduces the published reference numbers.
 */
import { entityText, type BenchEntity } from '../lib/data.ts';
import type { RankedDoc, Run } from '../metrics.ts';
import { baselineTokens, termCounts } from './tokenize.ts';

/** Which baseline to run. */
export type BaselineName = 'bm25' | 'tfidf';

/** What a baseline needs to know about the task. */
export interface BaselineTask {
  top: number;
  excludeSelf: boolean;
  /** When set (judged_only tasks), only these docs are ranked for each query. */
  candidates?: ReadonlyMap<string, ReadonlySet<string>>;
}

interface Posting {
  doc: number;
  tf: number;
}

/** An inverted index over the corpus with the README's idf. */
class CorpusIndex {
  readonly ids: string[];
  readonly lengths: Float64Array;
  readonly avgdl: number;
  readonly postings = new Map<string, Posting[]>();
  readonly idf = new Map<string, number>();
  /** TF-IDF vector norms, filled lazily. */
  private norms: Float64Array | undefined;

  constructor(corpus: readonly BenchEntity[]) {
    this.ids = corpus.map((e) => e.id);
    this.lengths = new Float64Array(corpus.length);
    corpus.forEach((e, doc) => {
      const tokens = baselineTokens(entityText(e));
      this.lengths[doc] = tokens.length;
      for (const [t, tf] of termCounts(tokens)) {
        let p = this.postings.get(t);
        if (!p) this.postings.set(t, (p = []));
        p.push({ doc, tf });
      }
    });
    const n = corpus.length;
    this.avgdl = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, n);
    for (const [t, p] of this.postings) this.idf.set(t, idfOf(n, p.length));
  }

  idfOf(term: string): number {
    return this.idf.get(term) ?? idfOf(this.ids.length, 0);
  }

  tfidfNorms(): Float64Array {
    if (this.norms) return this.norms;
    const sq = new Float64Array(this.ids.length);
    for (const [t, plist] of this.postings) {
      const idf = this.idf.get(t)!;
      for (const { doc, tf } of plist) sq[doc]! += ((1 + Math.log(tf)) * idf) ** 2;
    }
    this.norms = sq.map(Math.sqrt);
    return this.norms;
  }
}

/** idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5)). */
export function idfOf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

const K1 = 0.9;
const B = 0.4;

/** Scores every doc for one query; docs with no shared term score 0. */
function scoreQuery(index: CorpusIndex, name: BaselineName, query: BenchEntity): Float64Array {
  const scores = new Float64Array(index.ids.length);
  const counts = termCounts(baselineTokens(entityText(query)));
  if (name === 'bm25') {
    // Query term frequencies are ignored: each distinct term counts once.
    for (const t of counts.keys()) {
      const plist = index.postings.get(t);
      if (!plist) continue;
      const idf = index.idf.get(t)!;
      for (const { doc, tf } of plist) {
        const norm = K1 * (1 - B + (B * index.lengths[doc]!) / index.avgdl);
        scores[doc]! += (idf * tf * (K1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }
  const norms = index.tfidfNorms();
  let qsq = 0;
  for (const [t, tf] of counts) {
    const qw = (1 + Math.log(tf)) * index.idfOf(t);
    qsq += qw * qw;
    const plist = index.postings.get(t);
    if (!plist) continue;
    const idf = index.idf.get(t)!;
    for (const { doc, tf: dtf } of plist) scores[doc]! += qw * (1 + Math.log(dtf)) * idf;
  }
  const qn = Math.sqrt(qsq);
  for (let d = 0; d < scores.length; d++) {
    const dn = norms[d]!;
    scores[d] = qn === 0 || dn === 0 ? 0 : scores[d]! / (qn * dn);
  }
  return scores;
}

/**
 * Runs a baseline over all queries: top `task.top` docs per query, ties by doc id ascending.
 * @example runBaseline('bm25', corpus, queries, { top: 10, excludeSelf: false })
 */
export function runBaseline(
  name: BaselineName,
  corpus: readonly BenchEntity[],
  queries: readonly BenchEntity[],
  task: BaselineTask,
): Run {
  const index = new CorpusIndex(corpus);
  const run: Run = new Map();
  for (const q of queries) {
    const scores = scoreQuery(index, name, q);
    const allowed = task.candidates?.get(q.id);
    const list: RankedDoc[] = [];
    for (let d = 0; d < scores.length; d++) {
      const docId = index.ids[d]!;
      if (task.excludeSelf && docId === q.id) continue;
      if (task.candidates && !allowed?.has(docId)) continue;
      list.push({ docId, score: scores[d]! });
    }
    list.sort((a, b) => b.score - a.score || (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
    run.set(q.id, list.slice(0, task.top));
  }
  return run;
}
