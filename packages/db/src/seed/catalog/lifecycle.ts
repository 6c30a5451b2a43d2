/**
 * Where each demo listing is in its life cycle, and when things happened. Everything is derived
 * from the row's demo key and the seeding time, so the same key always gets the same status and
 * age: most listings are published (over the last four months), a few are drafts, a few wait in
 * the officers' review queue, a few are closed.
 * @module
 */
import type { ListingStatus } from '../../schema/index.ts';
import { bucket } from './ids.ts';

const DAY = 86_400_000;

/** Days a published listing stays up (the server's default `CATALOG_LISTING_TTL_DAYS`). */
export const LISTING_TTL_DAYS = 365;

/** Status and dates of a listing row. */
export interface ListingTimes {
  status: ListingStatus;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  /** Published listings expire a year after publication, as the listings service sets it. */
  expiresAt: Date | null;
}

/**
 * Out of 50 needs: 1 draft, 2 submitted, 1 closed. Out of 40 services/results: 1 draft, 1 submitted.
 * The rest are published.
 */
export function listingStatus(key: string, kind: 'need' | 'supply'): ListingStatus {
  if (kind === 'need') {
    const b = bucket(`${key}:status`, 50);
    if (b === 0) return 'draft';
    if (b === 1 || b === 2) return 'submitted';
    if (b === 3) return 'closed';
    return 'published';
  }
  const b = bucket(`${key}:status`, 40);
  if (b === 0) return 'draft';
  if (b === 1) return 'submitted';
  return 'published';
}

/** Dates that fit the status: published 1–120 days ago, drafts and submissions within the last days. */
export function listingTimes(key: string, status: ListingStatus, now: Date): ListingTimes {
  const minutes = bucket(`${key}:minute`, 1440) * 60_000;
  if (status === 'draft' || status === 'submitted' || status === 'rejected') {
    const createdAt = new Date(now.getTime() - (1 + bucket(`${key}:age`, 6)) * DAY - minutes);
    const updatedAt = status === 'draft' ? createdAt : new Date(createdAt.getTime() + DAY / 2);
    return { status, createdAt, updatedAt, publishedAt: null, expiresAt: null };
  }
  const publishedAt = new Date(now.getTime() - (1 + bucket(`${key}:age`, 120)) * DAY - minutes);
  const createdAt = new Date(publishedAt.getTime() - (1 + bucket(`${key}:draft`, 3)) * DAY);
  const updatedAt =
    status === 'closed' ? new Date(Math.min(now.getTime(), publishedAt.getTime() + 20 * DAY)) : publishedAt;
  const expiresAt = status === 'published' ? new Date(publishedAt.getTime() + LISTING_TTL_DAYS * DAY) : null;
  return { status, createdAt, updatedAt, publishedAt, expiresAt };
}

/** A profile's creation time: spread over the last year. */
export function profileTimes(key: string, now: Date): { createdAt: Date; updatedAt: Date } {
  const createdAt = new Date(
    now.getTime() - (7 + bucket(`${key}:age`, 360)) * DAY - bucket(`${key}:minute`, 1440) * 60_000,
  );
  const updatedAt = new Date(Math.min(now.getTime(), createdAt.getTime() + bucket(`${key}:edit`, 60) * DAY));
  return { createdAt, updatedAt };
}
