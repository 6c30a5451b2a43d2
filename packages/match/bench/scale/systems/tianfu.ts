/**
 * This project's engine through its public API (`createMatchEngine` from packages/match):
 * profiles become `scientist` entities (skills, services, results and affiliation as named
 * fields, discipline code, county region code); needs become queries with the same hard filter
 * (`regionPrefix` or `disciplines`), `top: 20`, `noExplain: true` (the bulk path).
 */
import type { MatchEngine, MatchEntity, MatchQuery } from '../../../src/types.ts';
import type { ScaleNeed, ScaleProfile } from '../generate.ts';
import type { ScaleSystem } from '../system.ts';

/** Maps a synthetic profile to an engine entity. */
export function toEntity(p: ScaleProfile): MatchEntity {
  return {
    id: p.id,
    kind: 'scientist',
    title: `${p.name} ${p.title}`,
    fields: { affiliation: p.affiliation, skills: p.skills, services: p.services, results: p.results },
    disciplines: [p.disciplineCode],
    region: p.regionCode,
  };
}

/** Maps a need to an engine query with its hard filter. */
export function toQuery(n: ScaleNeed, k: number): MatchQuery {
  return {
    id: n.id,
    title: n.title,
    text: n.text,
    top: k,
    noExplain: true,
    kinds: ['scientist'],
    filter: n.filter.kind === 'region' ? { regionPrefix: n.filter.prefix } : { disciplines: [n.filter.code] },
  };
}

/** Creates the engine system; throws a clear error when the engine is not built yet. */
export async function createTianfu(): Promise<ScaleSystem> {
  const mod = (await import('../../../src/index.ts')) as { createMatchEngine?: (o?: object) => MatchEngine };
  if (typeof mod.createMatchEngine !== 'function')
    throw new Error('packages/match does not export createMatchEngine yet');
  const engine = mod.createMatchEngine();
  return {
    name: 'tianfu',
    add(batch: readonly ScaleProfile[]): void {
      engine.upsertMany(batch.map(toEntity));
    },
    finish(): void {
      engine.train();
    },
    search(need: ScaleNeed, k: number): string[] {
      return engine.search(toQuery(need, k)).map((h) => h.id);
    },
    searchExhaustive(need: ScaleNeed, k: number): string[] {
      return engine.search({ ...toQuery(need, k), exhaustive: true }).map((h) => h.id);
    },
    facts(): Record<string, number> {
      const s = engine.stats();
      return { terms: s.terms, postings: s.postings, 'semantic dim': s.semanticDim };
    },
  };
}
