import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MatchEngine, MatchEntity } from '../types.ts';
import { createMatchEngine } from './engine.ts';
import { loadMatchEngine } from './snapshot.ts';

// Multi-document profiles (own text + documents) in the large-corpus form, the bulk-import case.
const TOPICS = [
  ['水稻 育种 栽培', '杂交水稻 高产 品种', '稻田 病虫害 防治'],
  ['数据库 索引 查询', '分布式 存储 系统', '查询 优化 算法'],
  ['肿瘤 诊断 影像', '临床 手术 治疗', '病理 检测 患者'],
  ['茶叶 加工 工艺', '名优 绿茶 品质', '茶园 施肥 管理'],
];

function corpus(n: number): MatchEntity[] {
  return Array.from({ length: n }, (_, i) => {
    const t = TOPICS[i % TOPICS.length]!;
    return {
      id: `s${i}`,
      kind: 'scientist',
      title: `专家${i}`,
      text: `${t[0]} 第${i}号`,
      docs: [{ text: t[1]! }, { text: `${t[2]} 编号${i % 7}` }],
    };
  });
}

const QUERIES = ['水稻 品种 高产', '分布式 数据库', '肿瘤 影像 诊断', '绿茶 加工'];

function ranked(engine: MatchEngine): { id: string; score: number }[][] {
  return QUERIES.map((text) =>
    engine.search({ text, top: 15, noExplain: true }).map((h) => ({ id: h.id, score: h.score })),
  );
}

function build(): MatchEngine {
  const engine = createMatchEngine({ semanticDim: 8, largeCorpus: 300 });
  engine.upsertMany(corpus(800));
  return engine;
}

describe('training the semantic part after the lexical one', () => {
  it('answers lexically before finishTraining, and exactly as a full training after it', () => {
    const full = build();
    full.train();
    const deferred = build();
    deferred.train({ semantic: false });
    expect(deferred.stats().semanticDim).toBe(0);
    // Searchable at once (the search does not train: statistics and postings are fresh).
    const before = ranked(deferred);
    expect(deferred.stats().semanticDim).toBe(0);
    expect(before[0]!.length).toBeGreaterThan(0);
    expect(before[0]!.every((h) => Number(h.id.slice(1)) % TOPICS.length === 0)).toBe(true);
    expect(deferred.finishTraining()).toBe(true);
    expect(deferred.finishTraining()).toBe(false);
    expect(deferred.stats().semanticDim).toBe(8);
    expect(ranked(deferred)).toEqual(ranked(full));
  });

  it('in slices: searches between slices stay lexical, the result is the full training', async () => {
    const full = build();
    full.train();
    const deferred = build();
    deferred.train({ semantic: false });
    const lexical = ranked(deferred);
    let pauses = 0;
    const seen: { id: string; score: number }[][][] = [];
    const done = await deferred.finishTrainingInSlices(async () => {
      pauses++;
      if (pauses <= 3) seen.push(ranked(deferred));
      await new Promise((r) => setImmediate(r));
    }, 0);
    expect(done).toBe(true);
    expect(pauses).toBeGreaterThan(3);
    for (const s of seen) expect(s).toEqual(lexical);
    expect(ranked(deferred)).toEqual(ranked(full));
    expect(await deferred.finishTrainingInSlices(() => Promise.resolve())).toBe(false);
  });

  it('an interrupted sliced training leaves the model unused and still to do', async () => {
    const full = build();
    full.train();
    const deferred = build();
    deferred.train({ semantic: false });
    const lexical = ranked(deferred);
    await expect(deferred.finishTrainingInSlices(() => Promise.reject(new Error('stop')), 0)).rejects.toThrow(
      'stop',
    );
    expect(deferred.stats().semanticDim).toBe(0);
    expect(ranked(deferred)).toEqual(lexical);
    expect(deferred.finishTraining()).toBe(true);
    expect(ranked(deferred)).toEqual(ranked(full));
  });

  it('a snapshot of a deferred engine carries the finished model', async () => {
    const full = build();
    full.train();
    const deferred = build();
    deferred.train({ semantic: false });
    const dir = mkdtempSync(join(tmpdir(), 'tianfu-deferred-'));
    try {
      deferred.saveSnapshot(join(dir, 'engine.snap'));
      expect(deferred.stats().semanticDim).toBe(8);
      const loaded = await loadMatchEngine(join(dir, 'engine.snap'));
      expect(loaded.stats().semanticDim).toBe(8);
      expect(ranked(loaded)).toEqual(ranked(full));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
