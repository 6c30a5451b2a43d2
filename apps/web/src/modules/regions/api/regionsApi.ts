/** Calls to `/api/regions` (contracts in `@tianfu/contracts` regions.ts). */
import type { RegionDetail, RegionList } from '@tianfu/contracts';
import { api } from '../../../lib/api/client';

/** Children of `parent`, or the provinces when `parent` is omitted. */
export function listRegions(parent?: string, signal?: AbortSignal): Promise<RegionList> {
  return api.get<RegionList>('/api/regions', parent ? { parent } : undefined, signal);
}

/** One region with its path from the province down. */
export function getRegion(code: string, signal?: AbortSignal): Promise<RegionDetail> {
  return api.get<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, undefined, signal);
}
