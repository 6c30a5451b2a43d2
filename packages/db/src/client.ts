/**
 * `createDb()`: one data-access API over either embedded PGlite (the default, no install needed)
 * or a PostgreSQL server (when a `postgres://` URL is given). Both speak the same SQL dialect,
 * share one drizzle schema and one migration history.
 */
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';

/** The drizzle schema object (all tables). */
export type Schema = typeof schema;
/** The drizzle database, typed with our schema; identical surface on both backends. */
export type Orm = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Which engine a {@link Db} runs on (reported by `GET /api/health`). */
export type DbKind = 'pglite' | 'postgres';

/** Result of the raw {@link Db.query} escape hatch. */
export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted/updated/deleted (0 for plain selects on PGlite). */
  rowCount: number;
}

/** A connected database. Create with {@link createDb}; always `close()` it. */
export interface Db {
  readonly kind: DbKind;
  /** drizzle ORM bound to the full schema. */
  readonly orm: Orm;
  /** Raw parameterised SQL (`$1`, `$2`…), for what the ORM cannot express. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs parameterless, possibly multi-statement SQL (DDL scripts). */
  exec(text: string): Promise<void>;
  /** Applies pending migrations; safe to call repeatedly and from several processes at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Where the data lives: the PGlite directory ('memory://' for in-memory) or the redacted URL. */
  readonly location: string;
  /** PostgreSQL connection string (postgres only): pg-boss opens its own pool with it. */
  readonly connectionString?: string;
  /** The underlying PGlite instance (pglite only): the job queue adapter talks to it directly. */
  readonly pglite?: PGlite;
}

/** Options for {@link createDb}. Everything is optional: with none you get PGlite in `./data/pg`. */
export interface CreateDbOptions {
  /**
   * `postgres://…` or `postgresql://…` selects PostgreSQL. Defaults to `DATABASE_URL`; when neither is
   * set, PGlite is used.
   */
  url?: string;
  /**
   * PGlite data directory, or `'memory://'` for a throwaway in-memory database.
   * Default: `$TIANFU_DATA_DIR/pg`, or `./data/pg`.
   */
  dataDir?: string;
  /** Max pool size on PostgreSQL (default 10). */
  poolSize?: number;
  /**
   * PGlite only: start from this data-directory dump (`pglite.dumpDataDir()`), skipping initdb.
   * The test harness uses it to hand every suite an already-migrated database quickly.
   */
  pgliteTemplate?: Blob;
}

/** Folder holding the generated SQL migrations (kept in the repo, shipped as-is). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

// Arbitrary but fixed: every process of this app serialises migrations on this advisory lock.
const MIGRATION_LOCK_KEY = 7_245_019_331;

const INT8_OID = 20;

/** True when `url` names a PostgreSQL server. */
export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/** Hides the password in a connection string so it can be logged. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

/** Default PGlite directory: `$TIANFU_DATA_DIR/pg` or `./data/pg`. */
export function defaultDataDir(): string {
  return path.join(process.env.TIANFU_DATA_DIR || './data', 'pg');
}

/**
 * Opens the database. Does not migrate: call `migrate()` at start (the server and worker do).
 * @example
 * const db = await createDb();                       // PGlite in ./data/pg
 * const mem = await createDb({ dataDir: 'memory://' });
 * const pgDb = await createDb({ url: 'postgres://postgres@127.0.0.1:5432/tianfu' });
 */
export async function createDb(options: CreateDbOptions = {}): Promise<Db> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url && !isPostgresUrl(url)) {
    throw new Error(`Unsupported database URL (expected postgres://…): ${redactUrl(url)}`);
  }
  return isPostgresUrl(url) ? createPostgresDb(url, options) : createPgliteDb(options);
}

async function createPgliteDb(options: CreateDbOptions): Promise<Db> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const inMemory = dataDir === 'memory://' || dataDir === '';
  let release = () => {};
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(inMemory ? {} : { dataDir }),
      ...(options.pgliteTemplate ? { loadDataDir: options.pgliteTemplate } : {}),
    });
  } catch (err) {
    release();
    throw err;
  }
  const orm = drizzlePglite(client, { schema }) as unknown as Orm;
  return {
    kind: 'pglite',
    orm,
    location: inMemory ? 'memory://' : path.resolve(dataDir),
    pglite: client,
    async query<R>(text: string, params: readonly unknown[] = []) {
      const res = await client.query<R>(text, params as unknown[]);
      return { rows: res.rows, rowCount: res.affectedRows ?? 0 };
    },
    async exec(text: string) {
      await client.exec(text);
    },
    async migrate() {
      // PGlite is single-connection and in-process: nothing else can race us.
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      if (!client.closed) await client.close();
      release();
    },
  };
}

/**
 * PGlite files must be opened by one process only (two writers corrupt them). A lock file with the
 * owner's pid refuses a second process with a clear message; a lock left by a dead process is
 * taken over. Returns the release function.
 */
function lockDataDir(dataDir: string): () => void {
  // Beside the directory, not in it: PGlite's initdb refuses a non-empty directory.
  const lockPath = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone: nothing to release
        }
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${path.resolve(dataDir)} is already open in process ${owner}. ` +
            'Embedded mode allows one process (the job worker runs inside the server); ' +
            'use PostgreSQL (DATABASE_URL) to run a separate worker.',
        );
      }
      // Stale lock from a process that is gone.
      unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function createPostgresDb(url: string, options: CreateDbOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Match PGlite, which returns int8 (count(*), bigserial) as JS numbers, so raw queries behave
    // the same on both backends. Values beyond 2^53 are not expected in this schema.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID && format !== 'binary'
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client erroring (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // Fail fast with a clear message when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const orm = drizzleNodePg(pool, { schema }) as unknown as Orm;
  let closed = false;
  return {
    kind: 'postgres',
    orm,
    location: redactUrl(url),
    connectionString: url,
    async query<R>(text: string, params: readonly unknown[] = []) {
      const res = await pool.query(text, params as unknown[]);
      return { rows: res.rows as R[], rowCount: res.rowCount ?? 0 };
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async migrate() {
      // Several API/worker processes may start together: the advisory lock makes them take turns,
      // and the migrator skips what the first one already applied.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
