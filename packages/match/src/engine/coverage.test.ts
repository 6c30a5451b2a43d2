import { describe, expect, it } from 'vitest';
import { coverage, unitTermCounts } from './coverage.ts';
import { coreFor, createMatchEngine } from './engine.ts';
import { prepareQuery } from './search.ts';
import { expert, papers } from './body-of-work.fixture.ts';

describe('coverage', () => {
  it('is the share of the candidate that the query documents use, saturating with their number', () => {
    const core = coreFor({});
    for (const p of papers) core.upsert(p);
    core.train();
    const pq = prepareQuery(core, expert);
    const counts = unitTermCounts(pq)!;
    expect(counts.get(core.vocab.idOf('graph'))).toBe(3);
    expect(counts.get(core.vocab.idOf('classification'))).toBeUndefined(); // not in the corpus vocabulary
    const cov = (id: string): number => coverage(core, pq, core.rec(core.byId.get(id)!)!)!;
    expect(cov('p-graph')).toBeGreaterThan(cov('p-mixed'));
    expect(cov('p-mixed')).toBeGreaterThan(cov('p-far'));
    expect(cov('p-far')).toBe(0);
    expect(cov('p-graph')).toBeLessThan(1);
    // Single-text queries have no coverage: their score is unchanged.
    const single = prepareQuery(core, { text: 'graph kernels' });
    expect(coverage(core, single, core.rec(core.byId.get('p-graph')!)!)).toBeUndefined();
  });

  it('is the facet part of a multi-document query and orders its candidates', () => {
    // Coverage alone, beside the aggregated cosines (the configuration before the likelihood facet).
    const alone = { likelihoodShare: 0, bodyAggShare: 1, neighbourWeight: 0, prfDocs: 0 };
    const engine = createMatchEngine({ scoring: { ...alone, coverageShare: 1 } });
    engine.upsertMany(papers);
    const hits = engine.search({ ...expert, top: 3 });
    expect(hits.map((h) => h.id)).toEqual(['p-graph', 'p-mixed', 'p-far']);
    const off = createMatchEngine({ scoring: { ...alone, coverageShare: 0 } });
    off.upsertMany(papers);
    const facetOn = hits[0]!.explanation.parts.facet!;
    const facetOff = off.search({ ...expert, top: 1 })[0]!.explanation.parts.facet!;
    expect(facetOn).not.toBeCloseTo(facetOff, 6);
  });
});
