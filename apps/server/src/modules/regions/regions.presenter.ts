/** Region table entries → API shape (drops derived fields such as fullName). */
import type { Region as RegionView, RegionDetail } from '@tianfu/contracts';
import type { Region, RegionWithPath } from '@tianfu/db';

export function presentRegion(r: Region): RegionView {
  return { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode };
}

export function presentRegionDetail(r: RegionWithPath): RegionDetail {
  return { ...presentRegion(r), path: r.path.map(presentRegion) };
}
