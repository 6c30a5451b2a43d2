/**
 * What the server needs from the outside world. `main.ts` builds these from configuration;
 * tests build them over an in-memory database (see test/helpers/build-test-app.ts).
 * @module
 */
import type { Logger } from 'pino';
import type { Db, Jobs } from '@tianfu/db';
import type { AppConfig } from './config/keys.ts';
import type { SmsSender } from './modules/sms/sms.types.ts';

export type { SmsSender } from './modules/sms/sms.types.ts';

/** Everything `buildApp` needs. Only `db` and `config` are required. */
export interface AppDeps {
  db: Db;
  config: AppConfig;
  /** pino logger; default: one made from `config.LOG_LEVEL`. */
  logger?: Logger;
  /** Outgoing SMS; default: the adapter chosen by `SMS_PROVIDER` (outbox in development and tests). */
  sms?: SmsSender;
  /** Job queue (pg-boss). Without it, scheduled work (audit purge) does not run: fine for tests. */
  jobs?: Jobs;
  /** 32-byte AES-256 key for personal data at rest; default: resolved from config (see config/secret-key.ts). */
  secretKey?: Buffer;
  /** Built web app directory to serve, or false for API only. Default: config.WEB_DIST or apps/web/dist if present. */
  webDist?: string | false;
  /** Version reported by /api/health; default: the root package.json version. */
  version?: string;
  /** Clock, replaceable in tests of time-dependent rules (lockouts, retention). */
  now?: () => Date;
}

/** AppDeps after defaults are applied: what `app.deps` holds. */
export interface ResolvedDeps extends AppDeps {
  logger: Logger;
  sms: SmsSender;
  secretKey: Buffer;
  version: string;
  now: () => Date;
}
