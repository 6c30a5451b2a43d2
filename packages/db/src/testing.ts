/**
 * Test harness for `*.db.test.ts` files (import from `@tianfu/db/testing`).
 *
 * Every suite gets its own empty, migrated database: an in-memory PGlite, and — when
 * `TEST_DATABASE_URL` is set (CI) — a freshly created PostgreSQL database `test_<random>` that is
 * dropped afterwards, so test files running in parallel never see each other's rows.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createDb, MIGRATIONS_FOLDER, type Db, type DbKind } from './client.ts';

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
  const migrate = options.migrate !== false;
  const db =
    kind === 'pglite'
      ? await createDb({
          url: '',
          dataDir: 'memory://',
          ...(migrate ? { pgliteTemplate: await migratedPgliteTemplate() } : {}),
        })
      : await createScratchPostgres();
  if (migrate) {
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

/**
 * A dump of a freshly migrated PGlite, cached in the OS temp dir under a hash of the migrations,
 * so each test file loads it instead of running initdb + every migration (several seconds each on
 * a busy machine). `migrate()` still runs afterwards and finds nothing to do.
 */
let templatePromise: Promise<Blob> | undefined;
function migratedPgliteTemplate(): Promise<Blob> {
  templatePromise ??= (async () => {
    const hash = createHash('sha256');
    for (const dir of [MIGRATIONS_FOLDER, path.join(MIGRATIONS_FOLDER, 'meta')]) {
      for (const f of readdirSync(dir).sort()) {
        if (f.endsWith('.sql') || f === '_journal.json')
          hash.update(f).update(readFileSync(path.join(dir, f)));
      }
    }
    const file = path.join(tmpdir(), `tianfu-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const db = await createDb({ url: '', dataDir: 'memory://' });
    try {
      await db.migrate();
      const dump = await db.pglite!.dumpDataDir('none');
      const bytes = Buffer.from(await dump.arrayBuffer());
      // Write-then-rename: parallel test processes never read a half-written file.
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, bytes);
      renameSync(partial, file);
      return new Blob([bytes]);
    } finally {
      await db.close();
    }
  })();
  return templatePromise;
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
