/**
 * Stop words: function words that carry no topic in Chinese and English academic and
 * platform text. Kept short on purpose: IDF already discounts frequent words; these are the ones
 * that are frequent everywhere yet not frequent enough in a small corpus for IDF to notice.
 *
 * @module
 */

const ZH = `的 了 和 与 及 以及 或 或者 在 是 为 对 对于 中 等 并 并且 而 其 之 也 又 将 把 被 由 从 向 于 以 就 都 而且 但 但是 因此 因为 所以 如果 通过 进行 采用 利用 使用 基于 一种 一个 一些 这种 这些 该 此 本文 本 文章 论文 研究 提出 分析 方法 结果 表明 结果表明 具有 可以 能够 可 能 有 有效 我们 我国 其中 以及 同时 之间 主要 不同 相关 问题 情况 方面 部分 作用 影响 过程 得到 给出 发现 探讨 讨论 介绍 阐述 认为 目前 已经 最后 首先 其次 然后 以上 以下 之后 之前 较 更 很 最 非常 各 每 个 种 上 下 不 没有 这 那 它 他们 她们 及其 上述 其它 其他 如何 为了 关于 根据 随着 作为 达到 实现 提高 重要 一定 较好 良好 显著 明显`;

const EN = `a an the of and or in on for to with by is are was were be been being this that these those we our us from as at it its which can could may might using use used based into than then there their they them also such not no but if so via both each other more most some any all per over under between within without about across after before during while where when how what who whom whose has have had do does did will would should shall must here paper propose proposed show shows present presents approach method methods results result new novel`;

/** Chinese stop words. */
export const ZH_STOP_WORDS: ReadonlySet<string> = new Set(ZH.split(/\s+/).filter(Boolean));
/** English stop words (already lowercase). */
export const EN_STOP_WORDS: ReadonlySet<string> = new Set(EN.split(/\s+/).filter(Boolean));

/** True when the token carries no topic. */
export function isStopWord(token: string): boolean {
  return ZH_STOP_WORDS.has(token) || EN_STOP_WORDS.has(token);
}
