/**
 * Start-up steps shared by the server (`main.ts`) and the worker (`worker.ts`):
 * configuration, logger, key, database (migrated), job queue.
 * @module
 */
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { createDb, createJobs, type Db, type Jobs } from '@tianfu/db';
import { ConfigError, loadConfig, resolveSecretKey, type AppConfig } from '../config/index.ts';
import { createLogger } from '../http/logger.ts';
import { featureJobs } from '../modules/index.ts';
import type { WorkerContext } from '../modules/worker-context.ts';
import { createSmsSender, SmsConfigError, type SmsSender } from '../modules/sms/index.ts';

/** What every process needs before doing its own work. */
export interface BootContext {
  config: AppConfig;
  logger: Logger;
  secretKey: Buffer;
  db: Db;
  sms: SmsSender;
}

/**
 * Loads configuration or exits with a readable message (no stack trace) on a configuration error.
 */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig({ env: process.env });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(
        `\nTianfu cannot start: ${err.message}\n\nSee docs/configuration.md for every setting.\n\n`,
      );
      process.exit(1);
    }
    throw err;
  }
}

/** Config, logger, key, database opened and migrated. */
export async function boot(processName: string): Promise<BootContext> {
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY }).child({
    proc: processName,
  });
  let secretKey: Buffer;
  try {
    secretKey = resolveSecretKey(config);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`\nTianfu cannot start: ${err.message}\n\n`);
      process.exit(1);
    }
    throw err;
  }
  const dataDir = join(resolve(config.TIANFU_DATA_DIR), 'pg');
  let db: Db;
  try {
    db = await createDb(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir });
  } catch (err) {
    logger.fatal({ err }, 'cannot open the database');
    process.stderr.write(
      `\nTianfu cannot open the database (${config.DATABASE_URL ? 'DATABASE_URL' : dataDir}): ${(err as Error).message}\n\n`,
    );
    process.exit(1);
  }
  let sms: SmsSender;
  try {
    sms = createSmsSender(config, db, logger);
  } catch (err) {
    if (err instanceof SmsConfigError) {
      await db.close();
      process.stderr.write(`\nTianfu cannot start: ${err.message}\n\n`);
      process.exit(1);
    }
    throw err;
  }
  await db.migrate();
  logger.info({ db: db.kind, location: db.location, sms: sms.provider }, 'database ready');
  return { config, logger, secretKey, db, sms };
}

/** Starts the job queue; with `work`, also registers every feature's handlers and schedules. */
export async function startJobs(ctx: BootContext, work: boolean): Promise<Jobs> {
  const jobs = createJobs(ctx.db, { logger: ctx.logger, supervise: work });
  await jobs.start();
  if (work) {
    const wctx: WorkerContext = { ...ctx, jobs };
    for (const register of featureJobs) await register(wctx);
    ctx.logger.info({ registrations: featureJobs.length }, 'job worker running');
  }
  return jobs;
}
