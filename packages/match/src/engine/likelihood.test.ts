import { describe, expect, it } from 'vitest';
import { coreFor, createMatchEngine } from './engine.ts';
import { collectionModel, likelihoodOfAgg, queryModels } from './likelihood.ts';
import { prepareQuery } from './search.ts';
import { expert, papers } from './body-of-work.fixture.ts';

describe('query likelihood facet', () => {
  it('is the mean of the best k per-document log-likelihood ratios, as the formula says', () => {
    const core = coreFor({});
    for (const p of papers) core.upsert(p);
    core.train();
    const cm = collectionModel(core);
    const pq = prepareQuery(core, expert);
    const lengths = 5;
    const mu = lengths * cm.meanUnit;
    const m = queryModels(core, pq, 2, lengths)!;
    const agg = core.aggOf(core.byId.get('p-graph')!);
    // Direct evaluation of Σ_t P(t|e) log(P(t|d) / P(t|C)) with Dirichlet-smoothed P(t|d).
    let len = 0;
    for (let i = 0; i < agg.w.length; i++) len += agg.w[i] as number;
    const perDoc = pq.units.map((u, d) => {
      const tfd = new Map<number, number>();
      for (let i = 0; i < u.t.length; i++) tfd.set(u.t[i] as number, u.w[i] as number);
      let s = 0;
      for (let i = 0; i < agg.t.length; i++) {
        const t = agg.t[i] as number;
        const pc = (cm.cf[t] as number) / cm.total;
        const pd = ((tfd.get(t) ?? 0) + mu * pc) / ((pq.unitLen[d] as number) + mu);
        s += ((agg.w[i] as number) / len) * Math.log(pd / pc);
      }
      return s;
    });
    perDoc.sort((a, b) => b - a);
    expect(likelihoodOfAgg(m, agg)).toBeCloseTo((perDoc[0]! + perDoc[1]!) / 2, 10);
    // A candidate sharing no term with any document gets the length terms only, the same for all.
    const far = likelihoodOfAgg(m, core.aggOf(core.byId.get('p-far')!));
    expect(far).toBeCloseTo(likelihoodOfAgg(m, core.aggOf(core.byId.get('f3')!)), 12);
    expect(far).toBeLessThan(0);
    expect(likelihoodOfAgg(m, core.aggOf(core.byId.get('p-mixed')!))).toBeGreaterThan(far);
    // Single-text queries have no document models.
    expect(queryModels(core, prepareQuery(core, { text: 'graph kernels' }), 2, lengths)).toBeUndefined();
  });

  it('follows changes of the corpus (the collection model is refreshed)', () => {
    const core = coreFor({});
    for (const p of papers) core.upsert(p);
    core.train();
    const before = collectionModel(core);
    core.upsert({ id: 'new', text: 'graph graph graph' });
    const after = collectionModel(core);
    expect(after).not.toBe(before);
    const g = core.vocab.idOf('graph');
    expect(after.cf[g]! - before.cf[g]!).toBeCloseTo(3, 6);
    core.remove('new');
    expect(collectionModel(core).cf[g]).toBeCloseTo(before.cf[g]!, 6);
  });

  it('orders a multi-document query’s candidates and leaves single-text queries alone', () => {
    const engine = createMatchEngine({ scoring: { neighbourWeight: 0, prfDocs: 0 } });
    engine.upsertMany(papers);
    const hits = engine.search({ ...expert, top: 2 });
    expect(hits.map((h) => h.id)).toEqual(['p-graph', 'p-mixed']);
    const single = { text: 'graph kernels for molecules', top: 5 };
    const off = createMatchEngine({ scoring: { neighbourWeight: 0, prfDocs: 0, likelihoodShare: 0 } });
    off.upsertMany(papers);
    expect(engine.search(single)).toEqual(off.search(single));
  });
});
