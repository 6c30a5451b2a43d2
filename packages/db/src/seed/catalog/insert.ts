/**
 * Multi-row inserts in chunks: one statement per few hundred rows keeps the first start fast on
 * PGlite while staying far below PostgreSQL's 65,535 bind parameters per statement.
 * @module
 */
import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Orm } from '../../client.ts';

const MAX_PARAMS = 30_000;

/** Inserts `rows` into `table`, as many per statement as fit the parameter budget. */
export async function insertChunked<T extends PgTable>(
  orm: Orm,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  const columns = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.min(1000, Math.floor(MAX_PARAMS / columns)));
  for (let i = 0; i < rows.length; i += size) {
    await orm.insert(table).values(rows.slice(i, i + size) as T['$inferInsert'][]);
  }
}
