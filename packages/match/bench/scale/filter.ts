/** Numeric filter checks shared by the in-process systems (profile attributes in typed arrays). */
import type { NeedFilter } from './generate.ts';

/** Compact per-profile attributes: county code and discipline code as numbers. */
export class Attributes {
  county: Int32Array<ArrayBuffer> = new Int32Array(1024);
  disc: Int32Array<ArrayBuffer> = new Int32Array(1024);

  set(seq: number, regionCode: string, disciplineCode: string): void {
    if (seq >= this.county.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(Math.max(seq + 1, a.length * 2));
        b.set(a);
        return b;
      };
      this.county = grow(this.county);
      this.disc = grow(this.disc);
    }
    this.county[seq] = Number(regionCode);
    this.disc[seq] = Number(disciplineCode);
  }

  /** A predicate over sequence numbers equivalent to `passes(profile, filter)`. */
  predicate(f: NeedFilter): (seq: number) => boolean {
    if (f.kind === 'discipline') {
      const code = Number(f.code);
      return (seq) => this.disc[seq] === code;
    }
    const div = 10 ** (6 - f.prefix.length);
    const want = Number(f.prefix);
    return (seq) => Math.floor(this.county[seq]! / div) === want;
  }
}

/** Keeps the k best (score desc, seq asc) of a stream of candidates. */
export class TopK {
  readonly seqs: number[] = [];
  readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  offer(seq: number, score: number): void {
    const n = this.seqs.length;
    if (n === this.k) {
      const ls = this.scores[n - 1]!;
      if (score < ls || (score === ls && seq > this.seqs[n - 1]!)) return;
    }
    let i = Math.min(n, this.k - 1);
    if (n < this.k) {
      this.seqs.push(seq);
      this.scores.push(score);
    }
    while (
      i > 0 &&
      (this.scores[i - 1]! < score || (this.scores[i - 1] === score && this.seqs[i - 1]! > seq))
    ) {
      this.seqs[i] = this.seqs[i - 1]!;
      this.scores[i] = this.scores[i - 1]!;
      i--;
    }
    this.seqs[i] = seq;
    this.scores[i] = score;
  }
}
