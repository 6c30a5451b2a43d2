/**
 * Scientist and team profiles. About one scientist in ten is a rural expert (土专家): no degree-level
 * education, no papers or patents, but skills and a record of services delivered nearby, which is what
 * makes them matchable.
 * @module
 */
import type {
  DemoDeliveredService,
  DemoDomain,
  DemoEducation,
  DemoExperience,
  DemoPaper,
  DemoPatent,
  DemoProject,
  DemoScientist,
  DemoTeam,
} from './demo.types.ts';
import { patentNumber } from './codes.ts';
import { domainOf, pickDomain, pickFocus, RURAL_DOMAINS } from './domains.ts';
import { pickPersonName } from './names.ts';
import { nearbyPlace, placeFor, placeOf, type DemoPlace } from './places.ts';
import type { Rng } from './prng.ts';

/** Share of scientists who are rural experts. */
export const RURAL_EXPERT_SHARE = 0.1;

const RURAL_TITLES = ['土专家', '乡村技术能手', '农民技术员', '高级农民技师', '乡村工匠'];
const FUNDERS = [
  '国家自然科学基金',
  '国家重点研发计划',
  '四川省科技计划项目',
  '四川省重点研发项目',
  '成都市科技项目',
  '企业委托项目',
];
const PAPER_TEMPLATES = [
  (s: string, p: string) => `${s}${p}研究进展`,
  (s: string, p: string, k: string) => `基于${k}的${s}${p}研究`,
  (s: string, p: string) => `${s}${p}关键技术及应用`,
  (s: string, p: string) => `四川地区${s}${p}现状与对策`,
  (s: string, p: string) => `${s}${p}的试验研究`,
];

/** Pads a number for stable ids: 7 → `0007`. */
export function serial(n: number): string {
  return String(n + 1).padStart(4, '0');
}

function papersFor(rng: Rng, domain: DemoDomain, skills: string[], year: number): DemoPaper[] {
  return Array.from({ length: rng.int(1, 12) }, () => {
    const f = pickFocus(rng, domain);
    return {
      title: rng.pick(PAPER_TEMPLATES)(f.subject, f.problem, rng.pick(skills)),
      journal: rng.pick(domain.journals),
      year: year - rng.int(0, 15),
    };
  });
}

function patentsFor(rng: Rng, domain: DemoDomain, year: number): DemoPatent[] {
  return Array.from({ length: rng.weighted([0, 1, 2, 3, 4], [4, 3, 2, 1, 1]) }, () => {
    const f = pickFocus(rng, domain);
    const applied = year - rng.int(2, 10);
    const type = rng.chance(0.6) ? 1 : 2;
    return {
      number: patentNumber(rng, applied, type),
      title: type === 1 ? `一种${f.subject}${f.problem}方法` : `一种用于${f.phrase}的装置`,
      year: applied + rng.int(1, 2),
    };
  });
}

function projectsFor(rng: Rng, domain: DemoDomain, year: number): DemoProject[] {
  return Array.from({ length: rng.int(0, 3) }, () => {
    const f = pickFocus(rng, domain);
    return {
      title: `${f.phrase}关键技术研究与示范`,
      funder: rng.pick(FUNDERS),
      year: year - rng.int(0, 8),
      role: rng.chance(0.4) ? '负责人' : '骨干',
    };
  });
}

function deliveredFor(rng: Rng, domain: DemoDomain, place: DemoPlace, count: number, year: number) {
  return Array.from({ length: count }, (): DemoDeliveredService => ({
    title: `${pickFocus(rng, domain).phrase}${rng.pick(['现场指导', '技术服务', '技术培训'])}`,
    year: year - rng.int(0, 6),
    regionCode: nearbyPlace(rng, place).countyCode,
  }));
}

const ACADEMIC_TITLE = /教授|讲师/;
const RESEARCH_TITLE = /研究员/;
const UNIVERSITY = /大学|(?<!科)学院/;
const INSTITUTE = /研究院|研究所|科学院|研究中心/;

/** Whether a title is held at such an employer: professors at universities, researchers at institutes. */
export function titleFits(title: string, affiliation: string): boolean {
  if (ACADEMIC_TITLE.test(title)) return UNIVERSITY.test(affiliation);
  if (RESEARCH_TITLE.test(title)) return INSTITUTE.test(affiliation) || UNIVERSITY.test(affiliation);
  return true;
}

/** A professional title of the domain that fits the employer (any of the domain's if none does). */
function proTitleFor(rng: Rng, domain: DemoDomain, affiliation: string): string {
  const fitting = domain.proTitles.filter((t) => titleFits(t, affiliation));
  return rng.pick(fitting.length > 0 ? fitting : domain.proTitles);
}

/** Generates `count` scientist profiles. */
export function generateScientists(rng: Rng, count: number, year: number): DemoScientist[] {
  const out: DemoScientist[] = [];
  for (let i = 0; i < count; i += 1) {
    const rural = rng.chance(RURAL_EXPERT_SHARE);
    const domain = rural ? pickDomain(rng, RURAL_DOMAINS) : pickDomain(rng);
    const place = placeFor(rng, i, domain.cityBias);
    const { name, gender } = pickPersonName(rng);
    const age = rural ? rng.int(35, 72) : rng.int(27, 68);
    const focus = [pickFocus(rng, domain), pickFocus(rng, domain)];
    const skills = [...new Set([...rng.sample(domain.skills, rng.int(2, 4)), ...focus.map((f) => f.phrase)])];
    const education: DemoEducation = rural
      ? rng.pick(['初中', '高中', '中专', '大专'] as const)
      : rng.weighted(['博士', '硕士', '本科', '大专'] as const, [45, 30, 20, 5]);
    const affiliation = rural ? place.countyName + rng.pick(domain.ruralOrgs) : rng.pick(domain.institutions);
    const title = rural ? rng.pick(RURAL_TITLES) : proTitleFor(rng, domain, affiliation);
    const experienceYears = Math.max(1, Math.min(age - (rural ? 18 : 24), rng.int(3, 40)));
    const experience: DemoExperience[] = [];
    if (!rural && experienceYears > 8 && rng.chance(0.5)) {
      const from = year - experienceYears;
      const moved = from + rng.int(2, experienceYears - 3);
      experience.push({
        from,
        to: moved,
        organization: rng.pick(domain.institutions),
        role: rng.pick(domain.talentRoles),
      });
      experience.push({ from: moved, to: null, organization: affiliation, role: title });
    } else {
      experience.push({ from: year - experienceYears, to: null, organization: affiliation, role: title });
    }
    const remote = rural ? rng.chance(0.1) : rng.chance(0.7);
    const onSiteRadiusKm =
      !rural && remote && rng.chance(0.15) ? null : rng.pick([20, 30, 50, 100, 200, 500]);
    const delivered = deliveredFor(rng, domain, place, rural ? rng.int(3, 8) : rng.int(0, 4), year);
    out.push({
      id: `demo-sci-${serial(i)}`,
      name,
      gender,
      birthYear: year - age,
      education,
      title,
      affiliation,
      domain: domain.key,
      disciplines: rng.sample(domain.disciplines, rng.int(1, 2)),
      skills,
      experienceYears,
      experience,
      bio: rural
        ? `${name}，${place.countyName}${title}，扎根基层${experienceYears}年，擅长${skills.join('、')}，累计为周边农户和企业提供服务${delivered.length * rng.int(5, 20)}次。`
        : `${name}，${title}，就职于${affiliation}，从事${domain.name}领域${focus[0]!.phrase}等方向工作${experienceYears}年，擅长${skills.join('、')}。`,
      regionCode: place.countyCode,
      availability: rng.weighted(['available', 'limited', 'busy'] as const, [6, 3, 1]),
      capacity: rural ? rng.int(1, 3) : rng.int(1, 5),
      onSiteRadiusKm,
      remote,
      ruralExpert: rural,
      papers: rural ? [] : papersFor(rng, domain, skills, year),
      patents: rural ? [] : patentsFor(rng, domain, year),
      projects: rural ? [] : projectsFor(rng, domain, year),
      deliveredServices: delivered,
    });
  }
  return out;
}

/** Generates `count` teams, each led by a distinct non-rural scientist with members of the same domain. */
export function generateTeams(rng: Rng, count: number, scientists: readonly DemoScientist[]): DemoTeam[] {
  const leads = rng.sample(
    scientists.filter((s) => !s.ruralExpert),
    count,
  );
  return leads.map((lead, i) => {
    const domain = domainOf(lead.domain);
    const peers = scientists.filter((s) => s.domain === lead.domain && s.id !== lead.id);
    const members = rng.sample(peers, rng.int(2, 7));
    const focus = pickFocus(rng, domain);
    const capabilities = [
      ...new Set([focus.phrase, pickFocus(rng, domain).phrase, pickFocus(rng, domain).phrase]),
    ];
    const org = lead.affiliation;
    const name = rng.chance(0.6)
      ? `${org}${focus.subject}${rng.pick(['创新团队', '技术服务团队', '科技特派员团队'])}`
      : `${lead.name}${lead.title}${focus.subject}团队`;
    return {
      id: `demo-team-${serial(i)}`,
      name,
      leadId: lead.id,
      memberIds: members.map((m) => m.id),
      domain: domain.key,
      disciplines: [...new Set([...lead.disciplines, ...members.flatMap((m) => m.disciplines)])],
      capabilities,
      description: `${name}由${lead.name}${lead.title}牵头，成员${members.length + 1}人，立足${placeOf(lead.regionCode).cityShort}，长期开展${capabilities.join('、')}等工作。`,
      regionCode: lead.regionCode,
    };
  });
}
