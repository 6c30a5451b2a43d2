/**
 * The text analysis every text-search peer (and the exact reference) shares: jieba (bundled
 * dictionary) words, lowercased, without punctuation, one-character tokens and a few function
 * words. The engine under test does its own analysis; the peers get this one, which is what a
 * team would do to put Chinese text into MiniSearch, FlexSearch or a PostgreSQL tsvector.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const STOP = new Set(
  '一种 基于 以及 及其 进行 我们 我公司 希望 需要 要求 具备 相关 方面 方向 用于 某企业 可为 提供 开展 承接 兼顾 了解 熟悉 寻求 寻找 征集 问题 项目'.split(
    ' ',
  ),
);
const WORD = /^[\p{L}\p{N}]+$/u;

let jieba: Jieba | undefined;

/** Analysed tokens of a text (duplicates kept, in order). */
export function peerTokens(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  const out: string[] = [];
  for (const raw of jieba.cut(text, false)) {
    const t = raw.toLowerCase();
    if (t.length < 2 || STOP.has(t) || !WORD.test(t)) continue;
    out.push(t);
  }
  return out;
}

/** Distinct tokens in first-seen order (queries count each term once). */
export function distinct(tokens: readonly string[]): string[] {
  return [...new Set(tokens)];
}
