/**
 * Where demo entities are: real county-level codes of Sichuan (51) from the regions table, weighted
 * toward Chengdu, Mianyang and Deyang but with every one of the 21 cities represented.
 * @module
 */
import { getRegion, listChildren, type Region } from '../../regions/index.ts';
import type { Rng } from './prng.ts';

/** A county with its city, resolved once. */
export interface DemoPlace {
  cityCode: string;
  /** City name without the administrative suffix: 成都, 阿坝. */
  cityShort: string;
  countyCode: string;
  countyName: string;
  /** 四川省成都市锦江区 */
  fullName: string;
}

interface City {
  region: Region;
  counties: DemoPlace[];
}

const CITY_WEIGHT: Record<string, number> = {
  '5101': 30,
  '5107': 9,
  '5106': 8,
  '5113': 5,
  '5115': 5,
  '5105': 4,
};
const DEFAULT_CITY_WEIGHT = 2.5;
/** Cities a domain concentrates in get their weight multiplied by this. */
const BIAS_FACTOR = 3;

function shortCityName(name: string): string {
  return name.replace(/(藏族羌族自治州|藏族自治州|彝族自治州|市)$/, '');
}

function loadCities(): City[] {
  return listChildren('51').map((region) => ({
    region,
    counties: listChildren(region.code)
      .filter((c) => c.level === 'county')
      .map((c) => ({
        cityCode: region.code,
        cityShort: shortCityName(region.name),
        countyCode: c.code,
        countyName: c.name,
        fullName: getRegion(c.code)?.fullName ?? c.name,
      })),
  }));
}

let cities: City[] | undefined;

/** The 21 cities of Sichuan with their counties (loaded once). */
export function sichuanCities(): readonly City[] {
  cities ??= loadCities();
  return cities;
}

/**
 * A county for the `index`-th entity of a kind. The first 21 go one to each city so that even a small
 * set covers the whole province; the rest are drawn by city weight, boosted for the `bias` cities.
 */
export function placeFor(rng: Rng, index: number, bias: readonly string[] = []): DemoPlace {
  const all = sichuanCities();
  const city =
    index < all.length
      ? all[index]!
      : rng.weighted(
          all,
          all.map((c) => {
            const base = CITY_WEIGHT[c.region.code] ?? DEFAULT_CITY_WEIGHT;
            return bias.includes(c.region.code) ? base * BIAS_FACTOR : base;
          }),
        );
  return rng.pick(city.counties);
}

/** Another county in the same city (services are usually delivered nearby). */
export function nearbyPlace(rng: Rng, place: DemoPlace): DemoPlace {
  const city = sichuanCities().find((c) => c.region.code === place.cityCode)!;
  return rng.pick(city.counties);
}

/** Resolves a county code produced by this module back to its place. */
export function placeOf(countyCode: string): DemoPlace {
  for (const city of sichuanCities()) {
    const hit = city.counties.find((c) => c.countyCode === countyCode);
    if (hit) return hit;
  }
  throw new Error(`unknown demo county ${countyCode}`);
}
