/**
 * Scientist profiles: one per account, created by its owner; edited by the owner or an officer of
 * the profile's region. Every write stores the resulting data as a `listing_versions` row in the
 * same transaction.
 * @module
 */
import type { ScientistCreate, ScientistPatch } from '@tianfu/contracts';
import type { Db } from '@tianfu/db';
import { AppError } from '../../errors/app-error.ts';
import { isUniqueViolation, knownRegion, uniq } from './profiles.shared.ts';
import { scientistsRepository, type ScientistInsert, type ScientistRow } from './scientists.repository.ts';

/** The editable data of a profile as stored in its version rows. */
export function scientistSnapshot(row: ScientistRow): Record<string, unknown> {
  return {
    name: row.name,
    gender: row.gender,
    birthYear: row.birthYear,
    education: row.education,
    title: row.title,
    affiliation: row.affiliation,
    orgId: row.orgId,
    disciplines: row.disciplines,
    skills: row.skills,
    bio: row.bio,
    experience: row.experience,
    regionCode: row.regionCode,
    availability: row.availability,
    capacity: row.capacity,
    onSiteRadiusKm: row.onSiteRadiusKm,
    remote: row.remote,
    ruralExpert: row.ruralExpert,
    papers: row.papers,
    patents: row.patents,
    projects: row.projects,
    deliveredServices: row.deliveredServices,
    status: row.status,
  };
}

export function scientistsService(deps: { db: Db }) {
  const repo = scientistsRepository(deps.db);

  /** Input fields → column values: canonical regions, de-duplicated lists, a known organization. */
  async function columns(input: ScientistPatch): Promise<Partial<ScientistInsert>> {
    const v: Partial<ScientistInsert> = {};
    const copy = [
      'name',
      'gender',
      'birthYear',
      'education',
      'title',
      'affiliation',
      'bio',
      'experience',
      'availability',
      'capacity',
      'onSiteRadiusKm',
      'remote',
      'ruralExpert',
      'papers',
      'patents',
      'projects',
      'status',
    ] as const;
    for (const key of copy) if (input[key] !== undefined) (v as Record<string, unknown>)[key] = input[key];
    if (input.disciplines !== undefined) v.disciplines = uniq(input.disciplines);
    if (input.skills !== undefined) v.skills = uniq(input.skills);
    if (input.regionCode !== undefined) v.regionCode = knownRegion(input.regionCode, 'regionCode');
    if (input.deliveredServices !== undefined) {
      v.deliveredServices = input.deliveredServices.map((s, i) => ({
        ...s,
        regionCode: s.regionCode ? knownRegion(s.regionCode, `deliveredServices.${i}.regionCode`) : null,
      }));
    }
    if (input.orgId !== undefined) {
      if (input.orgId !== null && !(await repo.orgExists(input.orgId))) {
        throw new AppError('error.validation', 400, { fields: { orgId: 'scientist.org_unknown' } });
      }
      v.orgId = input.orgId;
    }
    return v;
  }

  return {
    /** Creates the caller's own profile (409 when they already have one). */
    async create(userId: string, input: ScientistCreate): Promise<ScientistRow> {
      if (await repo.byUserId(userId)) throw new AppError('scientist.profile_exists', 409);
      const v = await columns(input);
      const capacity = v.capacity ?? 1;
      const values: ScientistInsert = {
        ...v,
        name: input.name,
        regionCode: v.regionCode!,
        userId,
        capacity,
        openCapacity: capacity,
        status: v.status ?? 'published',
      };
      try {
        return await deps.db.orm.transaction(async (tx) => {
          const row = await repo.insert(tx, values);
          await repo.insertVersion(tx, {
            entityId: row.id,
            version: row.version,
            data: scientistSnapshot(row),
            changedBy: userId,
          });
          return row;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('scientist.profile_exists', 409);
        throw err;
      }
    },

    /** Applies a patch as a new version. */
    async update(current: ScientistRow, patch: ScientistPatch, changedBy: string): Promise<ScientistRow> {
      const v = await columns(patch);
      const disciplines = v.disciplines ?? current.disciplines;
      const skills = v.skills ?? current.skills;
      if (disciplines.length + skills.length === 0) {
        throw new AppError('error.validation', 400, {
          fields: { skills: 'validation.skill_or_discipline_required' },
        });
      }
      if (v.capacity !== undefined) {
        // Engagements already taken stay taken; the free places follow the new capacity.
        const engaged = Math.max(0, current.capacity - current.openCapacity);
        v.openCapacity = Math.max(0, v.capacity - engaged);
      }
      return deps.db.orm.transaction(async (tx) => {
        const row = await repo.update(tx, current.id, v);
        if (!row) throw new AppError('scientist.not_found', 404);
        await repo.insertVersion(tx, {
          entityId: row.id,
          version: row.version,
          data: scientistSnapshot(row),
          changedBy,
        });
        return row;
      });
    },
  };
}
