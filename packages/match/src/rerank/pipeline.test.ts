/**
 * The four post-retrieval steps on real engine hits: conflict-of-interest exclusion,
 * capacity/exposure re-ranking, outcome logging and weight training read what
 * `createMatchEngine().search` produces.
 */
import { describe, expect, it } from 'vitest';
import { CollaborationGraph, excludeConflicts } from '../coi/index.ts';
import { createMatchEngine } from '../engine/engine.ts';
import { MemoryOutcomeLog, buildTrainingSet, logShown } from '../learn/index.ts';
import type { MatchEntity } from '../types.ts';
import { ExposureLedger, rerankHits } from './index.ts';

function buildScientist(id: string, overrides: Partial<MatchEntity> = {}): MatchEntity {
  return {
    id,
    kind: 'scientist',
    title: '猕猴桃栽培专家',
    text: '猕猴桃溃疡病防治，果园土壤改良，绿色防控技术推广',
    region: '510100',
    orgId: `org-${id}`,
    capacity: { open: 3, total: 5 },
    ...overrides,
  };
}

const entities: MatchEntity[] = [
  buildScientist('s1', { orgId: 'org-buyer' }),
  buildScientist('s2', { capacity: { open: 0, total: 4 } }),
  buildScientist('s3', { relations: ['buyer-1'] }),
  buildScientist('s4'),
  buildScientist('s5', { capacity: { open: 1, total: 6 } }),
  buildScientist('s6'),
  buildScientist('s7', { title: '水稻育种专家', text: '杂交水稻高产栽培' }),
];

describe('post-retrieval pipeline on engine hits', () => {
  const engine = createMatchEngine();
  engine.upsertMany(entities);
  const requester = { entityId: 'buyer-1', orgId: 'org-buyer' };
  const hits = engine.search({ text: '猕猴桃溃疡病怎么防治', kinds: ['scientist'], top: 10 });

  it('excludes conflicts, then puts full scientists last and demotes nearly full ones', () => {
    expect(hits.length).toBeGreaterThanOrEqual(6);
    const { kept, excluded } = excludeConflicts(hits, requester, {
      entityOf: (h) => engine.get(h.id),
      collaborations: new CollaborationGraph([['buyer-1', 's6']]),
    });
    expect(excluded.map((e) => [e.hit.id, e.reasons[0]!.code]).sort()).toEqual([
      ['s1', 'same_org'],
      ['s3', 'declared_by_candidate'],
      ['s6', 'past_collaboration'],
    ]);
    const ledger = new ExposureLedger({ population: engine.size });
    const reranked = rerankHits(kept, { ledger, capacityOf: (h) => engine.get(h.id)?.capacity });
    const order = reranked.map((r) => r.hit.id);
    expect(order.at(-1)).toBe('s2');
    expect(reranked.at(-1)!.recommended).toBe(false);
    // s4 and s5 have identical profiles; s5 has one slot left of six.
    expect(order.indexOf('s4')).toBeLessThan(order.indexOf('s5'));
  });

  it('spreads exposure between equally relevant scientists over repeated needs', () => {
    const ledger = new ExposureLedger({ population: engine.size });
    const firsts = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const list = rerankHits(engine.search({ text: '猕猴桃溃疡病防治', kinds: ['scientist'], top: 10 }), {
        ledger,
        capacityOf: (h) => engine.get(h.id)?.capacity,
      });
      firsts.add(list[0]!.hit.id);
      ledger.record(list.slice(0, 3).map((r) => r.hit.id));
    }
    expect(firsts.size).toBeGreaterThan(1);
  });

  it('logs shown hits with their score parts so the trainer can read them', async () => {
    const log = new MemoryOutcomeLog();
    await logShown(log, 'search-1', hits);
    await log.append({
      type: 'invited',
      queryId: 'search-1',
      entityId: hits[1]!.id,
      at: new Date().toISOString(),
    });
    const events = [];
    for await (const e of log.read()) events.push(e);
    const [list] = buildTrainingSet(events);
    expect(list!.items).toHaveLength(hits.length);
    expect(Object.keys(list!.items[0]!.parts)).toEqual(expect.arrayContaining(['lexical', 'semantic']));
    expect(list!.items.find((i) => i.entityId === hits[1]!.id)!.grade).toBe(1);
  });
});
