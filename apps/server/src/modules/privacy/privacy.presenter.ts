/**
 * Presenter for consent records (no IP or user agent: those are evidence kept server-side).
 * @module
 */
import type { Consent, ConsentPurpose } from '@tianfu/contracts';
import type { ConsentRow } from './consents.repository.ts';

export function presentConsent(row: ConsentRow): Consent {
  return {
    id: row.id,
    purpose: row.purpose as ConsentPurpose,
    version: row.version,
    grantedAt: row.grantedAt.toISOString(),
    withdrawnAt: row.withdrawnAt ? row.withdrawnAt.toISOString() : null,
  };
}
