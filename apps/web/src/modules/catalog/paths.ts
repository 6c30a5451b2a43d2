import type { CatalogKind, ListingType } from '@tianfu/contracts';

const SEGMENT: Record<CatalogKind, string> = {
  need: 'needs',
  scientist: 'scientists',
  team: 'teams',
  capability: 'services',
  result: 'results',
  enterprise: 'enterprises',
};

/** The web page of a catalog entry (`/needs/…`, `/services/…`). */
export function catalogPath(kind: CatalogKind, id: string): string {
  return `/${SEGMENT[kind]}/${encodeURIComponent(id)}`;
}

/** The page of a listing (`/needs/…`, `/services/…`, `/results/…`). */
export function listingPath(type: ListingType, id: string): string {
  return catalogPath(type, id);
}

/** The 版本与审核记录 page of a listing (`/needs/{id}/history`, …). */
export function listingHistoryPath(type: ListingType, id: string): string {
  return `${listingPath(type, id)}/history`;
}
