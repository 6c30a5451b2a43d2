/**
 * Test harness for API tests: a real app over a real, migrated database (in-memory PGlite, or a
 * scratch PostgreSQL database when asked), exercised through `app.inject()`.
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { freshDb } from '@tianfu/db/testing';
import type { Db, DbKind } from '@tianfu/db';
import { buildApp, type AppDeps } from '../../src/app.ts';
import { createLogger } from '../../src/http/logger.ts';
import { loadConfig, type AppConfig, type ConfigKeyName } from '../../src/config/index.ts';

/** Options for {@link buildTestApp}. */
export interface TestAppOptions extends Partial<Omit<AppDeps, 'config' | 'db'>> {
  /** Config values on top of the test defaults (env names as keys). */
  config?: Partial<Record<ConfigKeyName, unknown>>;
  /** Backend; default PGlite in memory. */
  kind?: DbKind;
  /** Reuse an existing database (the caller closes it). */
  db?: Db;
  /** Extra routes/hooks for the test, added before `ready()`. */
  beforeReady?: (app: FastifyInstance) => void | Promise<void>;
}

/** A running test app; `close()` closes the app and the database it created. */
export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: AppConfig;
  close(): Promise<void>;
}

/** Test defaults: quiet logs, no rate limits (tests that exercise them turn them on), no web app. */
export function testConfig(overrides: Partial<Record<ConfigKeyName, unknown>> = {}): AppConfig {
  return loadConfig({
    env: {},
    file: {},
    overrides: { NODE_ENV: 'test', LOG_LEVEL: 'silent', RATE_LIMIT_ENABLED: false, ...overrides },
  });
}

/** The app's real logger (same redaction), writing JSON lines into `lines` so tests can read them. */
export function testLogger(lines: string[]): Logger {
  const sink = { write: (line: string) => void lines.push(line) } as unknown as NodeJS.WritableStream;
  return createLogger({ level: 'info', destination: sink });
}

/**
 * Builds the app over a fresh migrated database.
 * @example
 * const t = await buildTestApp();
 * const res = await t.app.inject({ method: 'GET', url: '/api/health' });
 * await t.close();
 */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = testConfig(options.config);
  const ownDb = !options.db;
  const db = options.db ?? (await freshDb(options.kind ?? 'pglite'));
  const { config: _c, kind: _k, db: _d, beforeReady, ...rest } = options;
  const app = await buildApp({ webDist: false, secretKey: randomBytes(32), ...rest, db, config });
  await beforeReady?.(app);
  await app.ready();
  return {
    app,
    db,
    config,
    async close() {
      await app.close();
      if (ownDb) await db.close();
    },
  };
}
