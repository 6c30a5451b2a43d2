/**
 * All demo domains and small helpers to pick from them.
 * @module
 */
import type { DemoDomain, DemoDomainKey } from './demo.types.ts';
import { AGRICULTURE, LIQUOR_FOOD, LIVESTOCK, TCM, TOURISM_CULTURE } from './domains.a.data.ts';
import { ELECTRONICS, ENERGY, MATERIALS, RAIL } from './domains.b.data.ts';
import { AEROSPACE, BIOMEDICINE, CIVIL, ENVIRONMENT } from './domains.c.data.ts';
import type { Rng } from './prng.ts';

/** Every domain, in a fixed order (the order is part of the deterministic output). */
export const DEMO_DOMAINS: readonly DemoDomain[] = [
  AGRICULTURE,
  LIVESTOCK,
  TCM,
  ELECTRONICS,
  RAIL,
  ENERGY,
  LIQUOR_FOOD,
  MATERIALS,
  ENVIRONMENT,
  CIVIL,
  BIOMEDICINE,
  AEROSPACE,
  TOURISM_CULTURE,
];

/** Domains that have grass-roots organizations, i.e. where rural experts (土专家) work. */
export const RURAL_DOMAINS: readonly DemoDomain[] = DEMO_DOMAINS.filter((d) => d.ruralOrgs.length > 0);

const BY_KEY = new Map<DemoDomainKey, DemoDomain>(DEMO_DOMAINS.map((d) => [d.key, d]));

/** The domain with this key (every key has one). */
export function domainOf(key: DemoDomainKey): DemoDomain {
  return BY_KEY.get(key)!;
}

/** A domain drawn by weight from `from` (all domains by default). */
export function pickDomain(rng: Rng, from: readonly DemoDomain[] = DEMO_DOMAINS): DemoDomain {
  return rng.weighted(
    from,
    from.map((d) => d.weight),
  );
}

/** A subject and one of its problems; `phrase` is the two joined (猕猴桃溃疡病综合防治). */
export interface DemoFocus {
  subject: string;
  problem: string;
  phrase: string;
}

/** A random subject/problem pair of the domain. */
export function pickFocus(rng: Rng, domain: DemoDomain): DemoFocus {
  const topic = rng.pick(domain.topics);
  const problem = rng.pick(topic.problems);
  return { subject: topic.subject, problem, phrase: topic.subject + problem };
}

/** Every (domain, subject) pair, in a fixed order: used to make sure each subject gets a provider. */
export const ALL_SUBJECTS: readonly { domain: DemoDomain; subject: string; problems: readonly string[] }[] =
  DEMO_DOMAINS.flatMap((domain) =>
    domain.topics.map((t) => ({ domain, subject: t.subject, problems: t.problems })),
  );
