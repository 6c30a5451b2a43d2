/**
 * Administrative divisions (province → city → county) with GB/T 2260 codes.
 * @module
 */
import { z } from 'zod';

/** 2-digit province, 4-digit city or 6-digit county code. */
export const RegionCodeParam = z.string().regex(/^\d{2}(\d{2}){0,2}$/, 'validation.region_code');

export const RegionLevel = z.enum(['province', 'city', 'county']);
export type RegionLevel = z.infer<typeof RegionLevel>;

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevel,
  parentCode: z.string().nullable(),
});
export type Region = z.infer<typeof Region>;

/** `GET /api/regions?parent=51`; without `parent`, the provinces. */
export const RegionListQuery = z.object({ parent: RegionCodeParam.optional() });
export const RegionList = z.object({ items: z.array(Region) });
export type RegionList = z.infer<typeof RegionList>;

/** `GET /api/regions/:code`: the region and its path from the province down (itself last). */
export const RegionParams = z.object({ code: RegionCodeParam });
export const RegionDetail = Region.extend({ path: z.array(Region) });
export type RegionDetail = z.infer<typeof RegionDetail>;
