/**
 * Test harness for `*.db.test.ts` files (import from `@tianfu/db/testing`).
 *
 * Every suite gets its own empty, migrated database: an in-memory PGlite, and — when
 * `TEST_DATABASE_URL` is set (CI) — a freshly created PostgreSQL database `test_<random>` that is
 * dropped afterwards, so test files running in parallel never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createDb, type Db, type DbKind } from './client.ts';

/** Backends the current run covers: PGlite always, PostgreSQL when `TEST_DATABASE_URL` is set. */
export function testBackends(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A new, empty, migrated database on the given backend. `close()` also drops it (PostgreSQL).
 * @example
 * const db = await freshDb();
 * try { ... } finally { await db.close(); }
 */
export async function freshDb(kind: DbKind = 'pglite', options: { migrate?: boolean } = {}): Promise<Db> {
  const db = kind === 'pglite' ? await createDb({ dataDir: 'memory://' }) : await createScratchPostgres();
  if (options.migrate !== false) {
    try {
      await db.migrate();
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  return db;
}

/**
 * Runs `body` once per backend (see {@link testBackends}), each time in its own fresh database.
 * `getDb()` is only valid inside tests and hooks (the database is created in `beforeAll`).
 * @example
 * describeEachDb('users repository', (getDb) => {
 *   it('inserts', async () => { await getDb().orm.insert(users).values({...}); });
 * });
 */
export function describeEachDb(name: string, body: (getDb: () => Db) => void): void {
  for (const kind of testBackends()) {
    describe(`${name} [${kind}]`, () => {
      let db: Db | undefined;
      beforeAll(async () => {
        db = await freshDb(kind);
      });
      afterAll(async () => {
        await db?.close();
      });
      body(() => {
        if (!db) throw new Error('getDb() called outside a test: the database is created in beforeAll');
        return db;
      });
    });
  }
}

/** Creates `test_<random>` next to TEST_DATABASE_URL's database; closing the Db drops it. */
async function createScratchPostgres(): Promise<Db> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, `create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  let db: Db;
  try {
    db = await createDb({ url: url.toString(), poolSize: 5 });
  } catch (err) {
    await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    throw err;
  }
  const close = db.close.bind(db);
  return {
    ...db,
    async close() {
      await close();
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
