/**
 * The supply side: capability / service listings (科技所能) and research results (科研成果), offered by
 * scientists or teams and written from the same term lists as the needs.
 * @module
 */
import type {
  DemoCapability,
  DemoDomain,
  DemoDomainKey,
  DemoResult,
  DemoScientist,
  DemoTeam,
  DemoTransferMode,
} from './demo.types.ts';
import { patentNumber, softwareCopyrightNumber } from './codes.ts';
import { ALL_SUBJECTS, pickDomain, pickFocus, type DemoFocus } from './domains.ts';
import type { Rng } from './prng.ts';
import { serial } from './people.ts';

interface Provider {
  kind: 'scientist' | 'team';
  id: string;
  name: string;
  domain: DemoDomainKey;
  disciplines: string[];
  regionCode: string;
  rural: boolean;
  published: boolean;
}

/** Providers grouped by domain, so a listing is offered by someone who works in that domain. */
function providersByDomain(scientists: readonly DemoScientist[], teams: readonly DemoTeam[]) {
  const map = new Map<DemoDomainKey, { scientists: Provider[]; teams: Provider[] }>();
  const slot = (d: DemoDomainKey) => {
    let s = map.get(d);
    if (!s) map.set(d, (s = { scientists: [], teams: [] }));
    return s;
  };
  for (const s of scientists) {
    slot(s.domain).scientists.push({
      kind: 'scientist',
      id: s.id,
      name: `${s.name}${s.title}`,
      domain: s.domain,
      disciplines: s.disciplines,
      regionCode: s.regionCode,
      rural: s.ruralExpert,
      published: s.papers.length + s.patents.length > 0,
    });
  }
  for (const t of teams) {
    slot(t.domain).teams.push({
      kind: 'team',
      id: t.id,
      name: t.name,
      domain: t.domain,
      disciplines: t.disciplines,
      regionCode: t.regionCode,
      rural: false,
      published: true,
    });
  }
  return map;
}

function pickProvider(
  rng: Rng,
  byDomain: ReturnType<typeof providersByDomain>,
  domain: DemoDomain,
  filter: (p: Provider) => boolean,
): Provider | undefined {
  const slot = byDomain.get(domain.key);
  const teams = slot?.teams ?? [];
  const people = (slot?.scientists ?? []).filter(filter);
  if (teams.length > 0 && (people.length === 0 || rng.chance(0.2))) return rng.pick(teams);
  if (people.length > 0) return rng.pick(people);
  // A tiny data set may lack anyone in this domain: fall back to any provider at all.
  const anyone = [...byDomain.values()].flatMap((s) => [...s.scientists, ...s.teams]).filter(filter);
  return anyone.length > 0 ? rng.pick(anyone) : undefined;
}

/**
 * The i-th focus: the first listings walk through every subject of every domain, so each need's
 * subject has at least one listing; the rest are drawn by domain weight.
 */
function focusAt(rng: Rng, i: number): { domain: DemoDomain; focus: DemoFocus } {
  const fixed = ALL_SUBJECTS[i];
  if (fixed) {
    const problem = rng.pick(fixed.problems);
    return {
      domain: fixed.domain,
      focus: { subject: fixed.subject, problem, phrase: fixed.subject + problem },
    };
  }
  const domain = pickDomain(rng);
  return { domain, focus: pickFocus(rng, domain) };
}

/** How often a generator draws again for a title not used yet before accepting a repeat. */
export const UNIQUE_ATTEMPTS = 8;
const SERVICE_WORDS = [
  '技术服务',
  '解决方案',
  '咨询与现场指导',
  '检测评估服务',
  '技术培训',
  '工艺诊断与优化',
  '方案设计与实施',
  '技术咨询',
];
const RURAL_SERVICE_WORDS = ['现场指导', '技术帮扶', '实用技术培训', '上门技术服务'];

/** Generates `count` capability listings. */
export function generateCapabilities(
  rng: Rng,
  count: number,
  scientists: readonly DemoScientist[],
  teams: readonly DemoTeam[],
): DemoCapability[] {
  const byDomain = providersByDomain(scientists, teams);
  const out: DemoCapability[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    // Real listings rarely share a title: draw again (a few times) when this one is taken.
    let pick: { domain: DemoDomain; focus: DemoFocus; provider: Provider; title: string };
    for (let attempt = 0; ; attempt += 1) {
      const { domain, focus } = focusAt(rng, i);
      const provider = pickProvider(rng, byDomain, domain, () => true);
      if (!provider) throw new Error('capabilities require at least one scientist or team');
      const title = `${focus.phrase}${rng.pick(provider.rural ? RURAL_SERVICE_WORDS : SERVICE_WORDS)}`;
      pick = { domain, focus, provider, title };
      if (!used.has(title) || attempt >= UNIQUE_ATTEMPTS) break;
    }
    const { domain, focus, provider, title } = pick;
    used.add(title);
    const skills = rng.sample(domain.skills, 2);
    const deliveryMode = provider.rural
      ? 'onsite'
      : rng.weighted(['onsite', 'remote', 'hybrid'] as const, [3, 2, 4]);
    const priceType = provider.rural
      ? 'negotiable'
      : rng.weighted(['fixed', 'negotiable', 'quote'] as const, [3, 4, 3]);
    const price =
      priceType === 'quote' ? null : provider.rural ? rng.int(2, 30) * 100 : rng.int(5, 500) * 1000;
    out.push({
      id: `demo-cap-${serial(i)}`,
      providerKind: provider.kind,
      providerId: provider.id,
      title,
      description: `由${provider.name}提供${focus.subject}${focus.problem}方面的服务：问题诊断、方案设计、实施指导与效果跟踪。擅长${skills.join('、')}，可${deliveryMode === 'remote' ? '远程' : '到现场'}开展。`,
      domain: domain.key,
      keywords: [focus.subject, focus.problem, ...skills],
      disciplines: provider.domain === domain.key ? provider.disciplines : [domain.disciplines[0]!],
      industries: rng.sample(domain.industries, rng.int(1, 2)),
      deliveryMode,
      priceType,
      price,
      durationDays: rng.pick([3, 7, 15, 30, 60, 90, 180]),
      regionCode: provider.regionCode,
    });
  }
  return out;
}

const TRANSFER_MODES: readonly DemoTransferMode[] = ['transfer', 'license', 'joint_development', 'equity'];
const RESULT_TITLES = [
  (f: DemoFocus) => `${f.phrase}新技术`,
  (f: DemoFocus) => `一种${f.subject}${f.problem}方法`,
  (f: DemoFocus) => `${f.phrase}集成技术体系`,
  (f: DemoFocus) => `${f.phrase}成套装备`,
  (f: DemoFocus) => `${f.phrase}智能系统`,
  (f: DemoFocus) => `${f.phrase}关键技术`,
  (f: DemoFocus) => `${f.phrase}工艺及装置`,
  (f: DemoFocus) => `高效${f.phrase}技术`,
  (f: DemoFocus) => `${f.phrase}技术规程与示范应用`,
];
const SOFT_RESULT_TITLES = [
  (f: DemoFocus) => `${f.phrase}集成方案`,
  (f: DemoFocus) => `${f.phrase}数字化解决方案`,
  (f: DemoFocus) => `${f.phrase}模式与标准`,
  (f: DemoFocus) => `${f.phrase}服务规范`,
  (f: DemoFocus) => `${f.phrase}规划设计方案`,
];

/** Generates `count` research results owned by scientists with publications or by teams. */
export function generateResults(
  rng: Rng,
  count: number,
  scientists: readonly DemoScientist[],
  teams: readonly DemoTeam[],
  year: number,
): DemoResult[] {
  const byDomain = providersByDomain(scientists, teams);
  const out: DemoResult[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    let pick: { domain: DemoDomain; focus: DemoFocus; owner: Provider; title: string };
    for (let attempt = 0; ; attempt += 1) {
      const { domain, focus } = focusAt(rng, i);
      const owner = pickProvider(rng, byDomain, domain, (p) => p.published);
      if (!owner) throw new Error('results require a scientist with publications or a team');
      // Cultural results are plans and designs, not equipment.
      const title = rng.pick(domain.key === 'tourism_culture' ? SOFT_RESULT_TITLES : RESULT_TITLES)(focus);
      pick = { domain, focus, owner, title };
      if (!used.has(title) || attempt >= UNIQUE_ATTEMPTS) break;
    }
    const { domain, focus, owner, title } = pick;
    used.add(title);
    const trl = rng.weighted([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 4, 7, 9, 9, 7, 4, 2]);
    const patentNumbers = Array.from({ length: rng.int(0, 3) }, () =>
      patentNumber(rng, year - rng.int(1, 8), rng.chance(0.7) ? 1 : 2),
    );
    const software = domain.key === 'electronics' || rng.chance(0.1);
    const softwareCopyrights = software
      ? Array.from({ length: rng.int(1, 3) }, () => softwareCopyrightNumber(rng, year - rng.int(0, 5)))
      : [];
    const askingPrice = rng.chance(0.8) ? rng.int(5, 500) * 10000 : null;
    out.push({
      id: `demo-res-${serial(i)}`,
      ownerKind: owner.kind,
      ownerId: owner.id,
      title,
      abstract: `针对${focus.subject}${focus.problem}中的难点，${owner.name}研发形成本成果，综合运用${rng.sample(domain.skills, 2).join('与')}，已完成${trl >= 7 ? '示范应用' : trl >= 4 ? '中试验证' : '实验室验证'}（技术成熟度${trl}级），可在${domain.name}相关企业推广应用。`,
      domain: domain.key,
      keywords: [focus.subject, focus.problem],
      disciplines: owner.domain === domain.key ? owner.disciplines : [domain.disciplines[0]!],
      industries: rng.sample(domain.industries, rng.int(1, 2)),
      trl,
      patentNumbers,
      softwareCopyrights,
      transferModes: rng
        .sample(TRANSFER_MODES, rng.int(1, 3))
        .sort((a, b) => TRANSFER_MODES.indexOf(a) - TRANSFER_MODES.indexOf(b)),
      askingPrice,
      reservePrice: askingPrice !== null && rng.chance(0.4) ? Math.round(askingPrice * 0.7) : null,
      regionCode: owner.regionCode,
    });
  }
  return out;
}
