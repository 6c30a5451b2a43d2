/**
 * The profiles module's part in PIPL requests: a scientist profile (and its version history) is
 * in the account's data export, and an account deletion anonymizes the profile — the row stays
 * closed so listings and history that point at it keep a valid reference, but nothing personal
 * remains, and the version rows (which copy the personal fields) are removed.
 * @module
 */
import { and, asc, eq } from 'drizzle-orm';
import { listingVersions, scientistProfiles } from '@tianfu/db';
import { registerAccountEraser, registerAccountExporter } from '../privacy/privacy.extensions.ts';
import { DELETED_DISPLAY_NAME } from '../privacy/privacy.service.ts';
import { closeListingsOfScientists } from '../listings/listings.privacy.ts';

registerAccountExporter({
  name: 'scientistProfile',
  async export(db, userId) {
    const [profile] = await db.orm
      .select()
      .from(scientistProfiles)
      .where(eq(scientistProfiles.userId, userId))
      .limit(1);
    if (!profile) return null;
    const versions = await db.orm
      .select({
        version: listingVersions.version,
        createdAt: listingVersions.createdAt,
        data: listingVersions.data,
      })
      .from(listingVersions)
      .where(and(eq(listingVersions.entityType, 'scientist'), eq(listingVersions.entityId, profile.id)))
      .orderBy(asc(listingVersions.version));
    return {
      profile,
      versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    };
  },
});

registerAccountEraser({
  name: 'scientistProfile',
  async erase(orm, user, now) {
    const rows = await orm
      .update(scientistProfiles)
      .set({
        userId: null,
        externalId: null,
        name: DELETED_DISPLAY_NAME,
        gender: null,
        birthYear: null,
        education: null,
        title: null,
        affiliation: null,
        orgId: null,
        bio: null,
        experience: [],
        skills: [],
        disciplines: [],
        papers: [],
        patents: [],
        projects: [],
        deliveredServices: [],
        onSiteRadiusKm: null,
        status: 'closed',
      })
      .where(eq(scientistProfiles.userId, user.id))
      .returning({ id: scientistProfiles.id });
    // What the person offered through the profile leaves the public catalog with it.
    await closeListingsOfScientists(
      orm,
      rows.map((r) => r.id),
      now,
    );
    for (const { id } of rows) {
      await orm
        .delete(listingVersions)
        .where(and(eq(listingVersions.entityType, 'scientist'), eq(listingVersions.entityId, id)));
    }
  },
});
