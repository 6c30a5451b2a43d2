/**
 * Deterministic demo data for a realistic Sichuan: scientists (with ~10% rural experts), teams,
 * enterprises, needs of the four kinds, capability listings and research results, across all 21
 * cities. Pure: no database, no clock, no I/O; a seeder maps the objects onto tables.
 * @module
 */
import type { SichuanDemo, SichuanDemoOptions } from './demo.types.ts';
import { generateEnterprises, generateNeeds } from './market.ts';
import { generateScientists, generateTeams } from './people.ts';
import { Rng } from './prng.ts';
import { generateCapabilities, generateResults } from './supply.ts';

export type * from './demo.types.ts';
export { DEMO_DOMAINS } from './domains.ts';
export { Rng } from './prng.ts';

/** The realistic Sichuan. */
export const SICHUAN_DEMO_DEFAULTS = {
  scientists: 2000,
  teams: 150,
  enterprises: 500,
  needs: 1000,
  capabilities: 1000,
  results: 1000,
  today: '2026-01-01',
} as const;

function count(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  return value;
}

/**
 * Generates the demo data set. The same options always give byte-identical output; each kind draws
 * from its own random stream, so changing one count does not reshuffle the other kinds' text.
 * @example
 * const demo = generateSichuanDemo({ seed: 'tianfu' });
 * demo.needs[0].title // e.g. '猕猴桃溃疡病综合防治技术服务'
 */
export function generateSichuanDemo(options: SichuanDemoOptions): SichuanDemo {
  const o = { ...SICHUAN_DEMO_DEFAULTS, ...options };
  const today = new Date(`${o.today}T00:00:00Z`);
  if (Number.isNaN(today.getTime())) throw new RangeError('today must be an ISO date (YYYY-MM-DD)');
  const year = today.getUTCFullYear();
  const root = new Rng(o.seed);
  const scientists = generateScientists(root.fork('scientists'), count('scientists', o.scientists), year);
  const teams = generateTeams(root.fork('teams'), count('teams', o.teams), scientists);
  const enterprises = generateEnterprises(
    root.fork('enterprises'),
    count('enterprises', o.enterprises),
    year,
  );
  const needs = generateNeeds(root.fork('needs'), count('needs', o.needs), enterprises, today);
  const capabilities = generateCapabilities(
    root.fork('capabilities'),
    count('capabilities', o.capabilities),
    scientists,
    teams,
  );
  const results = generateResults(root.fork('results'), count('results', o.results), scientists, teams, year);
  return { scientists, teams, enterprises, needs, capabilities, results };
}
