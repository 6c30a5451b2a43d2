import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConceptBase, conceptsNamed } from '../analysis/concept-base.ts';
import { parseLexicon } from '../analysis/lexicon.ts';
import type { MatchEntity } from '../types.ts';
import { conceptCosine, TRUST_FROM, TRUST_TO, trustOf } from './concepts.ts';
import { coreFor, createMatchEngine, wrapCore } from './engine.ts';
import { readSnapshotFile } from './snapshot.ts';

// A small fixture lexicon (the shipped one lives in src/analysis/data/lexicon and is not used here).
const FIXTURE = `
# fixture
[作物学|作物科学|crop science]
水稻 小麦 玉米 育种 栽培 施肥 產量
[计算机科学与技术|计算机科学|计算机技术]
算法 数据库 编译器 操作系统 软件 ＧＰＵ
[临床医学|clinical medicine]
手术 患者 肿瘤 诊断 治疗 软件
`;
const base = buildConceptBase(parseLexicon(FIXTURE));

describe('concept base', () => {
  it('parses names, aliases and terms, normalised like the analyser', () => {
    expect(base.names).toEqual(['作物学', '计算机科学与技术', '临床医学']);
    // Traditional → simplified, full-width → half-width and lower case, as text is analysed.
    expect(base.terms.get('产量')?.c).toEqual(Int32Array.from([0]));
    expect(base.terms.get('gpu')?.c).toEqual(Int32Array.from([1]));
    expect(base.terms.has('產量')).toBe(false);
  });
  it('weighs a term listed under two concepts less, and earlier terms more', () => {
    const shared = base.terms.get('软件')!;
    expect([...shared.c]).toEqual([1, 2]);
    const own = base.terms.get('数据库')!.w[0] as number;
    expect(shared.w[0]).toBeLessThan(own);
    expect(base.terms.get('算法')!.w[0]).toBeGreaterThan(own);
  });
  it('knows a discipline by its name, an alias or the parts of a combined title', () => {
    expect(conceptsNamed(base, '作物学')).toEqual([0]);
    expect(conceptsNamed(base, ' Crop Science ')).toEqual([0]);
    expect(conceptsNamed(base, '计算机科学/临床医学')).toEqual([1, 2]);
    expect(conceptsNamed(base, '作物学研究进展')).toEqual([]);
    expect(conceptsNamed(base, undefined)).toEqual([]);
  });
});

// Two disciplines whose exemplars share no word with the query: only the concept layer links them.
const corpus: MatchEntity[] = [
  { id: 'crop', kind: 'discipline', title: '作物学', docs: [{ text: '田间试验 品种 区域试验' }] },
  { id: 'cs', kind: 'discipline', title: '计算机科学与技术', docs: [{ text: '程序 网络 计算' }] },
  { id: 'med', kind: 'discipline', title: '临床医学', docs: [{ text: '医院 病例 护理' }] },
  // Filler written partly in lexicon terms, so the lexicon describes the corpus (full trust).
  ...Array.from({ length: 12 }, (_, i) => ({ id: `f${i}`, text: `机械 加工 小麦 施肥 第${i}批` })),
];

describe('concept layer in the engine', () => {
  it('routes a text to the discipline its lexicon terms belong to, and explains it', () => {
    // 小麦 is the only query word in the corpus (in the non-discipline fillers).
    const q = { text: '水稻育种与玉米栽培 小麦', kinds: ['discipline'] };
    const on = createMatchEngine({ conceptBase: base });
    on.upsertMany(corpus);
    const hits = on.search(q);
    expect(hits[0]?.id).toBe('crop');
    expect(hits[0]?.explanation.parts.concept).toBeGreaterThan(0.5);
    expect(hits[0]?.explanation.reasons).toContainEqual({
      code: 'same_inferred_discipline',
      params: { concept: '作物学' },
    });
    // Without the layer the query shares no word with any discipline: no concept part, no reason.
    const off = createMatchEngine({ conceptBase: null });
    off.upsertMany(corpus);
    const plain = off.search(q);
    expect(plain[0]?.explanation.parts.concept).toBeUndefined();
    expect(plain.flatMap((h) => h.explanation.reasons).filter((r) => r.code !== 'best_doc')).toEqual([]);
  });

  it('is neutral for text that names no concept (English, or no lexicon term)', () => {
    const en: MatchEntity[] = [
      { id: 'a', title: 'graph neural networks', text: 'message passing on molecules' },
      { id: 'b', title: 'protein folding', text: 'structure prediction with attention' },
    ];
    const on = createMatchEngine({ conceptBase: base });
    const off = createMatchEngine({ conceptBase: null });
    on.upsertMany(en);
    off.upsertMany(en);
    const q = { text: 'neural message passing for protein structure' };
    expect(on.search(q)).toEqual(off.search(q));
  });

  it('weighs the layer by how much of the corpus the lexicon describes', () => {
    // English papers in which one lexicon term (gpu) occurs: without the trust ramp they all get
    // a concept vector from that one word and the part shifts their scores.
    const words = (
      'sparse attention kernel memory layout scheduling throughput latency tensor compiler fusion ' +
      'pipeline operator graph partition cache tiling vector register bandwidth precision batch ' +
      'quantization pruning distillation transformer encoder decoder token sequence benchmark'
    ).split(' ');
    const papers: MatchEntity[] = Array.from({ length: 24 }, (_, i) => ({
      id: `p${i}`,
      title: `${words[i % words.length]} ${words[(i * 7 + 3) % words.length]} study`,
      text:
        Array.from({ length: 30 }, (_, k) => words[(i * 5 + k * 3) % words.length]).join(' ') +
        (i % 12 === 0 ? ' on a gpu' : ''),
    }));
    const core = coreFor({ conceptBase: base });
    const on = wrapCore(core, {});
    const off = createMatchEngine({ conceptBase: null });
    on.upsertMany(papers);
    off.upsertMany(papers);
    on.train();
    expect(core.concepts?.share).toBeGreaterThan(0);
    expect(core.concepts?.share).toBeLessThan(TRUST_FROM);
    expect(core.concepts?.trust).toBe(0);
    const q = { text: 'gpu kernel for sparse attention' };
    const hits = on.search(q);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits).toEqual(off.search(q));
    expect(hits.every((h) => h.explanation.parts.concept === undefined)).toBe(true);
    // Texts written in the lexicon's terms: the layer has its full weight.
    const zh = coreFor({ conceptBase: base });
    const zhEngine = wrapCore(zh, {});
    zhEngine.upsertMany(
      [
        '水稻育种与栽培',
        '小麦施肥与产量',
        '数据库与操作系统',
        '编译器算法',
        '肿瘤患者的手术',
        '诊断与治疗',
      ].map((text, i) => ({ id: `z${i}`, text })),
    );
    zhEngine.train();
    expect(zh.concepts?.share).toBeGreaterThan(TRUST_TO);
    expect(zh.concepts?.trust).toBe(1);
  });

  it('ramps the trust smoothly between the two shares', () => {
    expect(trustOf(0)).toBe(0);
    expect(trustOf(TRUST_FROM)).toBe(0);
    expect(trustOf(TRUST_TO)).toBe(1);
    expect(trustOf(1)).toBe(1);
    expect(trustOf((TRUST_FROM + TRUST_TO) / 2)).toBeCloseTo(0.5);
    let last = 0;
    for (let k = 1; k <= 20; k++) {
      const t = trustOf(TRUST_FROM + ((TRUST_TO - TRUST_FROM) * k) / 20);
      expect(t).toBeGreaterThanOrEqual(last);
      last = t;
    }
  });

  it('keeps working through upserts, removals and a snapshot', () => {
    const engine = createMatchEngine({ conceptBase: base });
    engine.upsertMany(corpus);
    const q = { text: '肿瘤患者的手术治疗 加工', kinds: ['discipline'] };
    expect(engine.search(q)[0]?.id).toBe('med');
    // A discipline added after training is known by its title at once.
    engine.upsert({ id: 'med2', kind: 'discipline', title: 'clinical medicine', docs: [{ text: '门诊' }] });
    const ids = engine.search(q).map((h) => h.id);
    expect(ids.slice(0, 2).sort()).toEqual(['med', 'med2']);
    engine.remove('med');
    expect(engine.search(q)[0]?.id).toBe('med2');
    const dir = mkdtempSync(join(tmpdir(), 'tianfu-concepts-'));
    try {
      engine.saveSnapshot(join(dir, 's.snap'));
      const { core, options } = readSnapshotFile(join(dir, 's.snap'), (o) =>
        coreFor({ ...o, conceptBase: base }),
      );
      expect(core.concepts?.priors.get('med2')).toEqual(Int32Array.from([2]));
      const again = wrapCore(core, options);
      expect(again.search(q)).toEqual(engine.search(q));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the fast path of a large corpus the same ranking as its exhaustive scoring', () => {
    const many: MatchEntity[] = Array.from({ length: 400 }, (_, i) => ({
      id: `e${i}`,
      title: i % 97 === 0 ? '作物学' : `专家${i}`,
      text: [`水稻 栽培 田间 第${i}`, `数据库 算法 网络 第${i}`, `手术 病例 第${i}`][i % 3] as string,
    }));
    const engine = createMatchEngine({
      conceptBase: base,
      largeCorpus: 100,
      scoring: { exhaustiveBelow: 50 },
    });
    engine.upsertMany(many);
    const q = { text: '水稻育种 小麦施肥', top: 10 };
    const fast = engine.search(q).map((h) => h.id);
    const exact = engine.search({ ...q, exhaustive: true }).map((h) => h.id);
    expect(fast).toEqual(exact);
    expect(fast.every((id) => Number(id.slice(1)) % 3 === 0)).toBe(true);
  });

  it('keeps the vectors of a large corpus in a column: exact for few concepts, kept on upsert, compaction and load', () => {
    const many: MatchEntity[] = Array.from({ length: 1400 }, (_, i) => ({
      id: `e${i}`,
      text: [`水稻 栽培 第${i}`, `数据库 软件 第${i}`, `手术 软件 水稻 第${i}`][i % 3] as string,
    }));
    const core = coreFor({ conceptBase: base, largeCorpus: 100, scoring: { exhaustiveBelow: 50 } });
    const engine = wrapCore(core, {});
    engine.upsertMany(many);
    engine.train();
    const cl = core.concepts!;
    expect(cl.columnOn).toBe(true);
    const q = cl.queryVec(
      core,
      [
        {
          tf: new Map([
            ['软件', 1],
            ['水稻', 1],
          ]),
        },
      ] as never,
      undefined,
    );
    const qd = cl.dense(q);
    const check = (id: string): void => {
      const idx = core.byId.get(id) as number;
      const exact = conceptCosine(q, cl.exactVec(core, idx));
      expect(exact).toBeGreaterThan(0);
      // Three concepts fit the column: the fast cosine is the exact one.
      expect(cl.cosineAt(core, qd, q, idx)).toBeCloseTo(exact, 6);
      expect(conceptCosine(q, cl.entityVec(core, idx))).toBeCloseTo(exact, 6);
    };
    ['e0', 'e1', 'e2'].forEach(check);
    engine.upsert({ id: 'late', text: '手术 数据库 新' });
    check('late');
    // Rows move with compaction (vectors keep the IDF they were computed with, like semantic ones).
    const kept = ['e1050', 'e1051', 'e1052', 'late'];
    const cos = (id: string): number => cl.cosineAt(core, qd, q, core.byId.get(id) as number);
    const want = kept.map(cos);
    const before = core.size;
    for (let i = 0; i < 1050; i++) engine.remove(`e${i}`);
    expect(core.size).toBeLessThan(before); // compacted
    expect(core.byId.get('e1050')).toBeLessThan(1050);
    expect(kept.map(cos)).toEqual(want);
    const query = { text: '软件 水稻', top: 10 };
    const dir = mkdtempSync(join(tmpdir(), 'tianfu-concepts-'));
    try {
      engine.saveSnapshot(join(dir, 's.snap'));
      const loaded = readSnapshotFile(join(dir, 's.snap'), (o) => coreFor({ ...o, conceptBase: base }));
      expect(loaded.core.concepts?.columnOn).toBe(true);
      expect(wrapCore(loaded.core, loaded.options).search(query)).toEqual(engine.search(query));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the strongest concepts of an entity with more than the column holds (ties: the earlier concept)', () => {
    const words = [
      '水稻',
      '算法',
      '手术',
      '桥梁',
      '钢材',
      '茶叶',
      '地震',
      '电池',
      '病毒',
      '法律',
      '音乐',
      '海洋',
    ];
    // Twelve concepts; some terms listed under two of them (equal weights, ties in the vectors).
    const lex = words
      .map((w, c) => `[概念${c}]\n${w} 共${c % 4} ${words[(c + 1) % words.length]}`)
      .join('\n');
    const b12 = buildConceptBase(parseLexicon(lex));
    const core = coreFor({ conceptBase: b12, largeCorpus: 100, scoring: { exhaustiveBelow: 50 } });
    const engine = wrapCore(core, {});
    engine.upsertMany(
      Array.from({ length: 400 }, (_, i) => ({
        id: `m${i}`,
        text: words
          .filter((_, k) => (i >> k) % 2 === 1 || k % 5 === i % 5)
          .concat([`共${i % 4}`, `共${(i + 1) % 4}`, `第${i}`])
          .join(' '),
      })),
    );
    engine.train();
    const cl = core.concepts!;
    expect(cl.columnOn).toBe(true);
    let over = 0;
    for (let idx = 0; idx < core.size; idx++) {
      const v = cl.exactVec(core, idx);
      // Reference: sort all by weight (ties by position), keep 8, restore position order, renormalise.
      const order = Array.from({ length: v.c.length }, (_, k) => k)
        .sort((a, z) => (v.w[z] as number) - (v.w[a] as number) || a - z)
        .slice(0, 8)
        .sort((a, z) => a - z);
      if (v.c.length > 8) over++;
      let n2 = 0;
      for (const k of order) n2 += (v.w[k] as number) ** 2;
      const want = {
        c: order.map((k) => v.c[k] as number),
        w: Array.from(Float32Array.from(order, (k) => (v.w[k] as number) * (1 / Math.sqrt(n2)))),
      };
      const got = cl.entityVec(core, idx);
      expect({ c: Array.from(got.c), w: Array.from(got.w) }).toEqual(want);
    }
    expect(over).toBeGreaterThan(50);
  });

  it('scores the cosine of normalised vectors', () => {
    const a = { c: Int32Array.from([0, 2]), w: Float32Array.from([0.6, 0.8]) };
    const b = { c: Int32Array.from([2]), w: Float32Array.from([1]) };
    expect(conceptCosine(a, b)).toBeCloseTo(0.8);
    expect(conceptCosine(a, a)).toBeCloseTo(1);
  });
});

describe('concepts inside the semantic model (option, off by default)', () => {
  it('adds each concept with two or more corpus terms as a training text of the semantic model', () => {
    const texts = ['水稻 栽培 田间', '小麦 育种 品种', '数据库 网络', '手术 护理', '水稻 育种', '算法 程序'];
    const docs = Array.from({ length: 30 }, (_, i) => ({ id: `d${i}`, text: `${texts[i % 6]} 第${i}` }));
    const counts = [0, 1].map((conceptLsa) => {
      const core = coreFor({ conceptBase: base, conceptLsa });
      const e = wrapCore(core, {});
      e.upsertMany(docs);
      e.train();
      // 作物学 (水稻 栽培 小麦 育种) and 计算机科学与技术 (算法 数据库) qualify; 临床医学 has only 手术.
      expect(core.concepts?.lsaUnits(core, 1).map((u) => u.t.length)).toEqual([4, 2]);
      return e.stats().semanticTrainedOn;
    });
    expect((counts[1] as number) - (counts[0] as number)).toBe(2);
  });
});
