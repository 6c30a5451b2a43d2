/**
 * Version rows for profiles without a version column of their own (teams, organizations): the
 * next number is one past the highest stored one, inside the writing transaction.
 * @module
 */
import { and, eq, max } from 'drizzle-orm';
import { listingVersions, type Orm, type VersionedEntityType } from '@tianfu/db';

/** Writes the next version row of `entityType`/`entityId` and returns its number. */
export async function appendVersion(
  tx: Orm,
  entityType: VersionedEntityType,
  entityId: string,
  data: Record<string, unknown>,
  changedBy: string | null,
): Promise<number> {
  const [row] = await tx
    .select({ v: max(listingVersions.version) })
    .from(listingVersions)
    .where(and(eq(listingVersions.entityType, entityType), eq(listingVersions.entityId, entityId)));
  const version = (row?.v ?? 0) + 1;
  await tx.insert(listingVersions).values({ entityType, entityId, version, data, changedBy });
  return version;
}
