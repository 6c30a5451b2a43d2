/**
 * What a feature's job handlers get, in the API process (embedded mode) or the separate worker.
 * @module
 */
import type { Logger } from 'pino';
import type { Db, Jobs } from '@tianfu/db';
import type { AppConfig } from '../config/keys.ts';
import type { SmsSender } from '../app-deps.ts';

export interface WorkerContext {
  db: Db;
  jobs: Jobs;
  config: AppConfig;
  logger: Logger;
  secretKey: Buffer;
  sms?: SmsSender;
}

/** A feature's job registration: `work()` handlers and `boss.schedule()` entries. */
export type JobRegistration = (ctx: WorkerContext) => Promise<void>;
