/**
 * Small helpers shared by the profile services and repositories: region codes, list filters,
 * de-duplication and the unique-violation test.
 * @module
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { canonicalRegionCode, getRegion, regionPrefix } from '@tianfu/db';
import { getDiscipline, listDisciplines } from '@tianfu/contracts';
import { AppError } from '../../errors/app-error.ts';

/** Canonical, known region code; otherwise a 400 on `field`. */
export function knownRegion(code: string, field: string): string {
  const canonical = canonicalRegionCode(code);
  if (!canonical || !getRegion(canonical)) {
    throw new AppError('error.validation', 400, { fields: { [field]: 'profiles.region_unknown' } });
  }
  return canonical;
}

/** Trimmed, non-empty, first occurrence kept. */
export function uniq(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
}

/** `column like 'prefix%'` for a region subtree; an unknown region matches nothing. */
export function regionSubtree(column: AnyPgColumn, code: string): SQL {
  const prefix = regionPrefix(code);
  return prefix ? sql`${column} like ${prefix + '%'}` : sql`false`;
}

/** The codes a discipline filter matches: the code itself and, for a first-level code, its children. */
export function disciplineFamily(code: string): string[] {
  const entry = getDiscipline(code);
  if (!entry) return [code];
  return entry.level === 1
    ? [entry.code, ...listDisciplines({ parent: entry.code }).map((d) => d.code)]
    : [entry.code];
}

/** ILIKE pattern for a free-text filter, with `%`, `_` and `\` escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** ISO string or null. */
export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
