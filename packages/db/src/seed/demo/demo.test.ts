import {
  industrySection,
  isDisciplineCode,
  isIndustryDivisionCode,
  isValidUscc,
  parseUscc,
} from '@tianfu/contracts';
import { describe, expect, it } from 'vitest';
import { getRegion, listChildren } from '../../regions/index.ts';
import { DEMO_DOMAINS, generateSichuanDemo, SICHUAN_DEMO_DEFAULTS, type SichuanDemo } from './index.ts';
import { titleFits } from './people.ts';
import { Rng } from './prng.ts';

const demo: SichuanDemo = generateSichuanDemo({ seed: 'tianfu' });
const SICHUAN_CITIES = listChildren('51').map((c) => c.code);
const HAN = /\p{Script=Han}/u;

/** City (4-digit) of a county code, checked against the real regions table. */
function cityOf(code: string): string {
  const region = getRegion(code);
  expect(region, code).toBeDefined();
  expect(region!.level, code).toBe('county');
  return region!.path[1]!.code;
}

function cnPatentCheck(number: string): boolean {
  const m = /^ZL(\d{12})\.([\dX])$/.exec(number);
  if (!m) return false;
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = [...m[1]!].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return (sum % 11 === 10 ? 'X' : String(sum % 11)) === m[2];
}

describe('generateSichuanDemo', () => {
  it('produces the default counts', () => {
    expect(demo.scientists).toHaveLength(SICHUAN_DEMO_DEFAULTS.scientists);
    expect(demo.teams).toHaveLength(SICHUAN_DEMO_DEFAULTS.teams);
    expect(demo.enterprises).toHaveLength(SICHUAN_DEMO_DEFAULTS.enterprises);
    expect(demo.needs).toHaveLength(SICHUAN_DEMO_DEFAULTS.needs);
    expect(demo.capabilities).toHaveLength(SICHUAN_DEMO_DEFAULTS.capabilities);
    expect(demo.results).toHaveLength(SICHUAN_DEMO_DEFAULTS.results);
  });

  it('honours custom counts, including zero', () => {
    const small = generateSichuanDemo({
      seed: 1,
      scientists: 30,
      teams: 3,
      enterprises: 5,
      needs: 8,
      capabilities: 0,
      results: 2,
    });
    expect(Object.values(small).map((list) => list.length)).toEqual([30, 3, 5, 8, 0, 2]);
    expect(() => generateSichuanDemo({ seed: 1, needs: -1 })).toThrow(RangeError);
    expect(() => generateSichuanDemo({ seed: 1, today: 'not a date' })).toThrow(RangeError);
  });

  it('is deterministic: same seed gives byte-identical output, another seed differs', () => {
    const again = generateSichuanDemo({ seed: 'tianfu' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const other = generateSichuanDemo({ seed: 'another' });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(demo));
    expect(other.needs.map((n) => n.title)).not.toEqual(demo.needs.map((n) => n.title));
  });

  it('gives every entity a unique id', () => {
    const ids = Object.values(demo).flatMap((list: { id: string }[]) => list.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('places everything in real Sichuan counties and covers all 21 cities', () => {
    expect(SICHUAN_CITIES).toHaveLength(21);
    const located = [
      ...demo.scientists,
      ...demo.teams,
      ...demo.enterprises,
      ...demo.needs,
      ...demo.capabilities,
      ...demo.results,
    ];
    for (const e of located) expect(cityOf(e.regionCode).startsWith('51')).toBe(true);
    for (const s of demo.scientists) for (const d of s.deliveredServices) cityOf(d.regionCode);
    for (const list of [demo.scientists, demo.enterprises, demo.needs]) {
      expect(new Set(list.map((e) => cityOf(e.regionCode)))).toEqual(new Set(SICHUAN_CITIES));
    }
    // Weighted toward Chengdu but not concentrated there.
    const chengdu =
      demo.scientists.filter((s) => cityOf(s.regionCode) === '5101').length / demo.scientists.length;
    expect(chengdu).toBeGreaterThan(0.2);
    expect(chengdu).toBeLessThan(0.6);
    // Even a tiny set covers every city.
    const tiny = generateSichuanDemo({
      seed: 2,
      scientists: 21,
      teams: 0,
      enterprises: 21,
      needs: 0,
      capabilities: 0,
      results: 0,
    });
    expect(new Set(tiny.scientists.map((s) => cityOf(s.regionCode))).size).toBe(21);
  });

  it('gives every enterprise a unique, valid unified social credit code registered in its county', () => {
    const codes = demo.enterprises.map((e) => e.uscc);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(demo.enterprises.map((e) => e.name)).size).toBe(demo.enterprises.length);
    for (const e of demo.enterprises) {
      expect(isValidUscc(e.uscc), e.uscc).toBe(true);
      const parsed = parseUscc(e.uscc);
      expect(parsed.ok && parsed.regionCode).toBe(e.regionCode);
      expect(industrySection(e.industryDivision)?.code).toBe(e.industrySection);
    }
    // Flipping the check character makes it invalid, so the check above is not vacuous.
    const first = codes[0]!;
    expect(isValidUscc(first.slice(0, 17) + (first[17] === '0' ? '1' : '0'))).toBe(false);
  });

  it('uses only real discipline and industry codes', () => {
    for (const d of DEMO_DOMAINS) {
      for (const c of d.disciplines) expect(isDisciplineCode(c), c).toBe(true);
      for (const c of d.industries) expect(isIndustryDivisionCode(c), c).toBe(true);
    }
    const tagged = [...demo.scientists, ...demo.needs, ...demo.capabilities, ...demo.results, ...demo.teams];
    for (const e of tagged) expect(e.disciplines.every(isDisciplineCode)).toBe(true);
    for (const e of [...demo.needs, ...demo.capabilities, ...demo.results]) {
      expect(e.industries.length).toBeGreaterThan(0);
      expect(e.industries.every(isIndustryDivisionCode)).toBe(true);
    }
  });

  it('makes about 10% of scientists rural experts without publications, matchable from skills and services', () => {
    const rural = demo.scientists.filter((s) => s.ruralExpert);
    const share = rural.length / demo.scientists.length;
    expect(share).toBeGreaterThan(0.07);
    expect(share).toBeLessThan(0.13);
    const unpublished = demo.scientists.filter((s) => s.papers.length + s.patents.length === 0);
    expect(unpublished).toEqual(rural);
    for (const s of rural) {
      expect(s.skills.length).toBeGreaterThan(0);
      expect(s.deliveredServices.length).toBeGreaterThan(0);
      expect(['博士', '硕士', '本科']).not.toContain(s.education);
    }
    expect(demo.capabilities.some((c) => rural.some((s) => s.id === c.providerId))).toBe(true);
  });

  it('links teams, needs, capabilities and results to existing parents', () => {
    const sci = new Map(demo.scientists.map((s) => [s.id, s]));
    const teams = new Set(demo.teams.map((t) => t.id));
    const ents = new Set(demo.enterprises.map((e) => e.id));
    expect(new Set(demo.teams.map((t) => t.leadId)).size).toBe(demo.teams.length);
    for (const t of demo.teams) {
      expect(t.memberIds).not.toContain(t.leadId);
      for (const m of t.memberIds) expect(sci.get(m)?.domain).toBe(t.domain);
    }
    for (const n of demo.needs) expect(ents.has(n.enterpriseId)).toBe(true);
    for (const c of [
      ...demo.capabilities.map((x) => ({ kind: x.providerKind, id: x.providerId })),
      ...demo.results.map((x) => ({ kind: x.ownerKind, id: x.ownerId })),
    ]) {
      expect(c.kind === 'team' ? teams.has(c.id) : sci.has(c.id), c.id).toBe(true);
    }
  });

  it('has every need kind, sensible budgets and deadlines after "today"', () => {
    const kinds = new Set(demo.needs.map((n) => n.kind));
    expect(kinds).toEqual(new Set(['service', 'rd_problem', 'talent', 'wanted_result']));
    for (const n of demo.needs) {
      expect(n.deadline > SICHUAN_DEMO_DEFAULTS.today).toBe(true);
      if (n.budgetMin !== null) expect(n.budgetMax!).toBeGreaterThanOrEqual(n.budgetMin);
    }
    expect(demo.needs.some((n) => n.budgetMin === null)).toBe(true);
    expect(demo.needs.some((n) => n.confidential)).toBe(true);
  });

  it('writes results and listings with valid numbers and enums', () => {
    for (const r of demo.results) {
      expect(r.trl).toBeGreaterThanOrEqual(1);
      expect(r.trl).toBeLessThanOrEqual(9);
      for (const p of r.patentNumbers) expect(cnPatentCheck(p), p).toBe(true);
      expect(r.transferModes.length).toBeGreaterThan(0);
    }
    for (const s of demo.scientists)
      for (const p of s.patents) expect(cnPatentCheck(p.number), p.number).toBe(true);
    expect(new Set(demo.capabilities.map((c) => c.priceType))).toEqual(
      new Set(['fixed', 'negotiable', 'quote']),
    );
    for (const c of demo.capabilities) expect(c.priceType === 'quote').toBe(c.price === null);
  });

  it('writes the text in Chinese', () => {
    const texts = [
      ...demo.scientists.flatMap((s) => [s.name, s.title, s.affiliation, s.bio]),
      ...demo.teams.flatMap((t) => [t.name, t.description]),
      ...demo.enterprises.flatMap((e) => [e.name, e.description]),
      ...demo.needs.flatMap((n) => [n.title, n.summary, n.description]),
      ...demo.capabilities.flatMap((c) => [c.title, c.description]),
      ...demo.results.flatMap((r) => [r.title, r.abstract]),
    ];
    for (const t of texts) expect(HAN.test(t), t).toBe(true);
    expect(demo.scientists.every((s) => /^\p{Script=Han}{2,4}$/u.test(s.name))).toBe(true);
  });

  it('gives professors university posts and researchers institute or university posts', () => {
    for (const s of demo.scientists)
      expect(titleFits(s.title, s.affiliation), `${s.title} ${s.affiliation}`).toBe(true);
    expect(demo.scientists.some((s) => /教授/.test(s.title))).toBe(true);
  });

  it('rarely repeats a title, like a real catalog', () => {
    for (const list of [demo.needs, demo.capabilities, demo.results]) {
      const titles = list.map((x) => x.title);
      expect(new Set(titles).size / titles.length).toBeGreaterThan(0.97);
    }
  });

  it('gives every need a capability in its domain that shares its subject term', () => {
    for (const n of demo.needs) {
      const subject = n.keywords[0]!;
      expect(n.title).toContain(subject);
      const match = demo.capabilities.find((c) => c.domain === n.domain && c.title.includes(subject));
      expect(match, `${n.title}`).toBeDefined();
    }
    // And not trivially: capabilities of another domain do not share it.
    const need = demo.needs[0]!;
    expect(
      demo.capabilities
        .filter((c) => c.domain !== need.domain)
        .some((c) => c.keywords[0] === need.keywords[0]),
    ).toBe(false);
  });
});

describe('Rng', () => {
  it('repeats for the same seed and stays in range', () => {
    const a = new Rng('x');
    const b = new Rng('x');
    const draws = Array.from({ length: 1000 }, () => a.int(1, 6));
    expect(Array.from({ length: 1000 }, () => b.int(1, 6))).toEqual(draws);
    expect(new Set(draws)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(new Rng('y').next()).not.toBe(new Rng('x').next());
    expect(new Set(a.sample([1, 2, 3, 4, 5], 5))).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});
