/**
 * The exact reference: BM25 (k1 0.9, b 0.4, the bench README's idf, each distinct query term
 * once) over the shared peer analysis of the profile text, evaluated exhaustively term-at-a-time
 * over the complete posting lists (no pruning, no early termination), then the filter, then the
 * top k with ties by profile id. Every profile that could score > 0 is scored, so this is the
 * exact top k of that scoring function; recall@20 of every system is measured against it.
 */
import { profileText, type ScaleNeed, type ScaleProfile } from '../generate.ts';
import { distinct, peerTokens } from '../analyzer.ts';
import { Attributes, TopK } from '../filter.ts';
import { profileId, type ScaleSystem } from '../system.ts';

const K1 = 0.9;
const B = 0.4;

/** A growable posting list: doc sequence numbers and term frequencies. */
interface Postings {
  docs: Int32Array;
  tfs: Uint16Array;
  n: number;
}

/** Creates the exhaustive BM25 reference system. */
export function createExact(): ScaleSystem {
  const terms = new Map<string, Postings>();
  const attrs = new Attributes();
  let lengths = new Uint16Array(1024);
  let count = 0;
  let totalLength = 0;
  let scores = new Float64Array(0);
  let touched = new Int32Array(0);

  const push = (t: string, doc: number, tf: number): void => {
    let p = terms.get(t);
    if (!p) terms.set(t, (p = { docs: new Int32Array(4), tfs: new Uint16Array(4), n: 0 }));
    if (p.n === p.docs.length) {
      const docs = new Int32Array(p.n * 2);
      docs.set(p.docs);
      const tfs = new Uint16Array(p.n * 2);
      tfs.set(p.tfs);
      p.docs = docs;
      p.tfs = tfs;
    }
    p.docs[p.n] = doc;
    p.tfs[p.n] = tf;
    p.n++;
  };

  return {
    name: 'exact BM25 scan',
    add(batch: readonly ScaleProfile[]): void {
      for (const p of batch) {
        const tokens = peerTokens(profileText(p));
        const tf = new Map<string, number>();
        for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
        for (const [t, f] of tf) push(t, p.seq, f);
        if (p.seq >= lengths.length) {
          const l = new Uint16Array(Math.max(p.seq + 1, lengths.length * 2));
          l.set(lengths);
          lengths = l;
        }
        lengths[p.seq] = tokens.length;
        totalLength += tokens.length;
        attrs.set(p.seq, p.regionCode, p.disciplineCode);
        count = Math.max(count, p.seq + 1);
      }
    },
    finish(): void {
      scores = new Float64Array(count);
      touched = new Int32Array(count);
    },
    search(need: ScaleNeed, k: number): string[] {
      const avgdl = totalLength / Math.max(1, count);
      let nTouched = 0;
      for (const t of distinct(peerTokens(`${need.title} ${need.text}`))) {
        const p = terms.get(t);
        if (!p) continue;
        const idf = Math.log(1 + (count - p.n + 0.5) / (p.n + 0.5));
        for (let i = 0; i < p.n; i++) {
          const doc = p.docs[i]!;
          const tf = p.tfs[i]!;
          if (scores[doc] === 0) touched[nTouched++] = doc;
          scores[doc]! += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[doc]!) / avgdl));
        }
      }
      const ok = attrs.predicate(need.filter);
      const top = new TopK(k);
      for (let i = 0; i < nTouched; i++) {
        const doc = touched[i]!;
        if (ok(doc)) top.offer(doc, scores[doc]!);
        scores[doc] = 0;
      }
      return top.seqs.map(profileId);
    },
    facts: () => ({ terms: terms.size }),
  };
}
