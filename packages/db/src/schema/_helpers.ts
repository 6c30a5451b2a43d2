/**
 * Small column and constraint builders shared by the schema files, so every table spells
 * timestamps and "text with a fixed set of values" the same way.
 */
import { sql, type SQL } from 'drizzle-orm';
import { check, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** A UTC timestamp column (`timestamptz`), returned as a JS `Date`. */
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** `created_at` / `updated_at` pair; `updated_at` is refreshed by drizzle on every update. */
export const timestamps = () => ({
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
});

/**
 * A CHECK constraint restricting a text column to a closed list of values.
 * We use text + CHECK rather than PostgreSQL enums because adding a value to an enum cannot be
 * used inside the same transaction, which makes migrations awkward on both backends.
 */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
  return check(name, sql`${column} in (${sql.raw(list)})`);
}

/** Convenience for partial indexes: `where column is not null`. */
export const isNotNull = (column: AnyPgColumn): SQL => sql`${column} is not null`;
