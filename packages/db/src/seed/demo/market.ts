/**
 * The demand side: enterprise profiles and their needs of the four kinds.
 * @module
 */
import type { DemoDomain, DemoEnterprise, DemoNeed, DemoNeedKind, DemoSizeClass } from './demo.types.ts';
import { enterpriseUscc } from './codes.ts';
import { domainOf, pickDomain, pickFocus, type DemoFocus } from './domains.ts';
import { pickBrand, pickCompanySuffix } from './names.ts';
import { nearbyPlace, placeFor, placeOf } from './places.ts';
import type { Rng } from './prng.ts';
import { serial } from './people.ts';
import { UNIQUE_ATTEMPTS } from './supply.ts';

/** GB/T 4754-2017 sections by their first and last division, so a division maps to its letter. */
const SECTIONS: readonly [string, number, number][] = [
  ['A', 1, 5],
  ['B', 6, 12],
  ['C', 13, 43],
  ['D', 44, 46],
  ['E', 47, 50],
  ['F', 51, 52],
  ['G', 53, 60],
  ['H', 61, 62],
  ['I', 63, 65],
  ['J', 66, 69],
  ['K', 70, 70],
  ['L', 71, 72],
  ['M', 73, 75],
  ['N', 76, 79],
  ['O', 80, 82],
  ['P', 83, 83],
  ['Q', 84, 85],
  ['R', 86, 90],
  ['S', 91, 96],
  ['T', 97, 97],
];

/** The section letter of a GB/T 4754 division code (`15` → `C`). */
export function sectionOfDivision(division: string): string {
  const n = Number(division);
  const hit = SECTIONS.find(([, lo, hi]) => n >= lo && n <= hi);
  if (!hit) throw new Error(`not a GB/T 4754 division: ${division}`);
  return hit[0];
}

const EMPLOYEES: Record<DemoSizeClass, [number, number]> = {
  micro: [3, 9],
  small: [10, 99],
  medium: [100, 999],
  large: [1000, 20000],
};

/** Generates `count` enterprises with unique names and unique, valid credit codes. */
export function generateEnterprises(rng: Rng, count: number, year: number): DemoEnterprise[] {
  const names = new Set<string>();
  const codes = new Set<string>();
  const out: DemoEnterprise[] = [];
  for (let i = 0; i < count; i += 1) {
    const domain = pickDomain(rng);
    const place = placeFor(rng, i, domain.cityBias);
    const word = rng.pick(domain.companyWords);
    let name = '';
    // Name clashes are rare; retrying keeps names unique like a real registry would.
    for (let attempt = 0; !name || names.has(name); attempt += 1) {
      const prefix = rng.chance(0.5) ? '四川' : place.cityShort;
      name = `${prefix}${pickBrand(rng)}${word}${pickCompanySuffix(rng)}`;
      if (attempt > 20) name = `${prefix}${pickBrand(rng)}${pickBrand(rng)}${word}有限公司`;
    }
    names.add(name);
    const foundedYear = year - rng.int(1, 30);
    let uscc = enterpriseUscc(rng, place.countyCode, foundedYear);
    while (codes.has(uscc)) uscc = enterpriseUscc(rng, place.countyCode, foundedYear);
    codes.add(uscc);
    const division = rng.weighted(
      domain.industries,
      domain.industries.map((_, k) => (k === 0 ? 3 : 1)),
    );
    const sizeClass = rng.weighted(['micro', 'small', 'medium', 'large'] as const, [35, 40, 18, 7]);
    const [lo, hi] = EMPLOYEES[sizeClass];
    const employees = rng.int(lo, hi);
    const focus = pickFocus(rng, domain);
    out.push({
      id: `demo-ent-${serial(i)}`,
      name,
      uscc,
      industrySection: sectionOfDivision(division),
      industryDivision: division,
      sizeClass,
      employees,
      foundedYear,
      domain: domain.key,
      description: `${name}成立于${foundedYear}年，位于${place.fullName}，主要从事${focus.subject}相关的${word}业务，现有员工${employees}人，重点关注${focus.phrase}。`,
      regionCode: place.countyCode,
    });
  }
  return out;
}

const NEED_KINDS: readonly DemoNeedKind[] = ['service', 'rd_problem', 'talent', 'wanted_result'];
const GOALS = [
  (n: number) => `关键指标提升${n}%以上`,
  (n: number) => `综合成本降低${n}%`,
  (n: number) => `形成可复制推广的技术规程1套，培训技术人员${n * 2}人次`,
  (n: number) => `产品合格率达到${90 + (n % 10)}%以上`,
];

function needTitle(rng: Rng, kind: DemoNeedKind, f: DemoFocus, domain: DemoDomain): string {
  switch (kind) {
    case 'service':
      return `${f.phrase}${rng.pick(['技术服务', '技术指导', '咨询服务', '现场服务'])}`;
    case 'rd_problem':
      return `${f.phrase}${rng.pick(['研发', '关键技术攻关', '技术难题攻关', '工艺研发'])}`;
    case 'talent':
      return rng.chance(0.5)
        ? `诚聘${f.subject}${rng.pick(domain.talentRoles)}（${f.problem}方向）`
        : `柔性引进${f.phrase}领域专家`;
    case 'wanted_result':
      return rng.chance(0.5) ? `求购${f.phrase}相关专利技术` : `寻求${f.phrase}成熟成果转化`;
  }
}

const KIND_LEAD: Record<DemoNeedKind, string> = {
  service: '现面向社会征集技术服务',
  rd_problem: '现发布科研课题，寻求联合攻关',
  talent: '现招引专业技术人才（全职或柔性）',
  wanted_result: '现寻求可直接转化的科技成果',
};

/**
 * Generates `count` needs posted by the given enterprises, cycling through the four kinds so each is
 * present, written from the poster's domain vocabulary.
 */
export function generateNeeds(
  rng: Rng,
  count: number,
  enterprises: readonly DemoEnterprise[],
  today: Date,
): DemoNeed[] {
  if (count > 0 && enterprises.length === 0) throw new Error('needs require at least one enterprise');
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i): DemoNeed => {
    const kind = NEED_KINDS[i % NEED_KINDS.length]!;
    const ent = rng.pick(enterprises);
    const domain = domainOf(ent.domain);
    // Two enterprises rarely post the same title: draw the focus again (a few times) when taken.
    let f = pickFocus(rng, domain);
    let title = needTitle(rng, kind, f, domain);
    for (let attempt = 0; used.has(title) && attempt < UNIQUE_ATTEMPTS; attempt += 1) {
      f = pickFocus(rng, domain);
      title = needTitle(rng, kind, f, domain);
    }
    used.add(title);
    const skill = rng.pick(domain.skills);
    const place = rng.chance(0.8) ? placeOf(ent.regionCode) : nearbyPlace(rng, placeOf(ent.regionCode));
    const hasBudget = rng.chance(0.85);
    const base = kind === 'talent' ? rng.int(10, 60) * 10000 : rng.int(2, 300) * 10000;
    const goal = rng.pick(GOALS)(rng.int(5, 40));
    const deadline = new Date(today.getTime() + rng.int(30, 365) * 86400000).toISOString().slice(0, 10);
    const summary = `${ent.name}（${place.fullName}）${KIND_LEAD[kind]}：${f.phrase}，要求具备${skill}经验。`;
    return {
      id: `demo-need-${serial(i)}`,
      kind,
      enterpriseId: ent.id,
      title,
      summary,
      description: `${summary}\n现状：企业在${f.subject}${f.problem}方面缺少成熟方案，现有做法效果不稳定。\n目标：${goal}。\n要求：熟悉${f.subject}相关标准，能够${rng.chance(0.6) ? '到现场' : '远程'}开展工作，按阶段提交成果报告。`,
      confidential: kind === 'rd_problem' ? rng.chance(0.5) : rng.chance(0.1),
      domain: domain.key,
      keywords: [f.subject, f.problem, skill],
      industries: [...new Set([ent.industryDivision, domain.industries[0]!])],
      disciplines: rng.sample(domain.disciplines, rng.int(1, 2)),
      budgetMin: hasBudget ? base : null,
      budgetMax: hasBudget ? base * rng.pick([1, 2, 3]) : null,
      deadline,
      regionCode: place.countyCode,
    };
  });
}
