import type { CatalogKind } from '@tianfu/contracts';

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
