/**
 * The listings module's part in an account deletion (PIPL): what the person offered or asked for
 * in their own name leaves the public catalog. Capabilities and results offered through their
 * scientist profile (or written by them as themselves) and their personal needs are closed, each
 * with a `listing_status_events` row (reason `account_deleted`); `updated_at` moves, so the match
 * index drops them on its next poll. Listings of organizations and teams stay: they belong to the
 * organization or team, not to the person.
 *
 * `closeListingsOfScientists` is also called by the profiles eraser with the ids of the profiles
 * it anonymizes (the order in which erasers run does not matter).
 * @module
 */
import { and, eq, inArray, isNull, notInArray, type SQL } from 'drizzle-orm';
import { capabilities, listingStatusEvents, needs, results, scientistProfiles } from '@tianfu/db';
import type { ListingStatus, ListingType } from '@tianfu/contracts';
import { registerAccountEraser, type ErasureOrm } from '../privacy/privacy.extensions.ts';

const DONE: ListingStatus[] = ['closed', 'expired'];
const REASON = 'account_deleted';

async function closeWhere(
  orm: ErasureOrm,
  type: ListingType,
  where: SQL,
  actorId: string | null,
  now: Date,
): Promise<number> {
  const table = type === 'capability' ? capabilities : type === 'result' ? results : needs;
  const t = table as typeof capabilities;
  const closed = await orm
    .select({ id: t.id, status: t.status })
    .from(t)
    .where(and(where, notInArray(t.status, DONE)));
  if (closed.length === 0) return 0;
  await orm
    .update(t)
    .set({ status: 'closed', updatedAt: now })
    .where(
      inArray(
        t.id,
        closed.map((c) => c.id),
      ),
    );
  await orm.insert(listingStatusEvents).values(
    closed.map((c) => ({
      entityType: type,
      entityId: c.id,
      fromStatus: c.status,
      toStatus: 'closed' as const,
      reason: REASON,
      actorId,
      at: now,
    })),
  );
  return closed.length;
}

/** Closes the open capabilities and results offered through these scientist profiles. */
export async function closeListingsOfScientists(
  orm: ErasureOrm,
  scientistIds: string[],
  now: Date,
): Promise<void> {
  if (scientistIds.length === 0) return;
  for (const type of ['capability', 'result'] as const) {
    const t = (type === 'capability' ? capabilities : results) as typeof capabilities;
    await closeWhere(orm, type, inArray(t.scientistId, scientistIds), null, now);
  }
}

registerAccountEraser({
  name: 'listings',
  async erase(orm, user, now) {
    const own = await orm
      .select({ id: scientistProfiles.id })
      .from(scientistProfiles)
      .where(eq(scientistProfiles.userId, user.id));
    await closeListingsOfScientists(
      orm,
      own.map((p) => p.id),
      now,
    );
    for (const type of ['capability', 'result'] as const) {
      const t = (type === 'capability' ? capabilities : results) as typeof capabilities;
      // Written by the person in their own name (ownership through a profile is handled above).
      await closeWhere(orm, type, and(eq(t.authorId, user.id), eq(t.ownerType, 'scientist'))!, null, now);
    }
    await closeWhere(orm, 'need', and(eq(needs.authorId, user.id), isNull(needs.orgId))!, null, now);
  },
});
