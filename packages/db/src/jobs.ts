/**
 * Background jobs on the same database as the data: pg-boss 12 over PostgreSQL (its own small
 * pool on the same connection string) or over the embedded PGlite (pg-boss's `fromPglite` adapter,
 * `backend: 'pglite'`). PGlite is single-connection; it serialises every query/exec/transaction on
 * one internal mutex, so pg-boss's statements interleave safely with the app's own.
 */
import { createHash } from 'node:crypto';
import { PgBoss, fromPglite, type Job, type SendOptions } from 'pg-boss';
import type { Db } from './client.ts';

/** A job as handed to a handler. */
export interface JobContext<T> {
  id: string;
  name: string;
  data: T;
  /** 0 on the first attempt, 1 on the first retry, … */
  retryCount: number;
  /** Aborted when the job expires or the queue stops. */
  signal: AbortSignal;
}

/** Options for {@link Jobs.send}. */
export interface SendJobOptions {
  /**
   * Makes the send idempotent: a second send with the same key on the same queue is dropped
   * (returns `null`) for as long as the first job is retained. Implemented as a deterministic job id
   * derived from the key, plus pg-boss's `singletonKey` so the key is visible on the job.
   */
  idempotencyKey?: string;
  /** Raw pg-boss singleton key (dedupes only under singleton-type queue policies or with singletonSeconds). */
  singletonKey?: string;
  singletonSeconds?: number;
  /** Attempts after the first one (default 2). */
  retryLimit?: number;
  /** Seconds between attempts (default 0; with `retryBackoff` the base of an exponential delay). */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** Delay in seconds, an ISO date string or a Date. */
  startAfter?: number | string | Date;
  expireInSeconds?: number;
  priority?: number;
}

/** Options for {@link Jobs.work}. */
export interface WorkOptions {
  /** Jobs of this queue processed at once by this process (default 1). */
  concurrency?: number;
  /** How often an idle worker looks for work (default 2 s; pg-boss minimum 0.5 s). */
  pollingIntervalSeconds?: number;
}

/** Minimal logger shape (pino-compatible). */
export interface JobsLogger {
  error(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

export interface CreateJobsOptions {
  /** PostgreSQL schema for pg-boss's tables (default `pgboss`). */
  schema?: string;
  logger?: JobsLogger;
  /** Pool size pg-boss opens on PostgreSQL (default 4). */
  poolSize?: number;
  /** Set false in processes that only send (no maintenance timers). Default true. */
  supervise?: boolean;
}

/** The job queue. `start()` before use; `stop()` drains workers and closes pg-boss's resources. */
export interface Jobs {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Enqueues a job; returns its id, or `null` when an idempotency/singleton key dropped it. */
  send<T extends object>(name: string, data: T, opts?: SendJobOptions): Promise<string | null>;
  /** Registers a handler. A thrown error fails the attempt; pg-boss retries up to `retryLimit`. */
  work<T>(
    name: string,
    handler: (job: JobContext<T>) => Promise<unknown>,
    opts?: WorkOptions,
  ): Promise<string>;
  /** The underlying pg-boss instance, for what this wrapper does not cover (schedules, fetch…). */
  readonly boss: PgBoss;
}

/**
 * Creates the job queue for `db`.
 * @example
 * const jobs = createJobs(db);
 * await jobs.start();
 * await jobs.work<{ to: string }>('sms.send', async (job) => sendSms(job.data));
 * await jobs.send('sms.send', { to: '138…' }, { idempotencyKey: `otp:${otpId}` });
 */
export function createJobs(db: Db, options: CreateJobsOptions = {}): Jobs {
  const schemaName = options.schema ?? 'pgboss';
  const common = { schema: schemaName, supervise: options.supervise ?? true, migrate: true };
  let boss: PgBoss;
  if (db.kind === 'postgres') {
    if (!db.connectionString) throw new Error('createJobs: PostgreSQL database without a connection string');
    boss = new PgBoss({
      ...common,
      connectionString: db.connectionString,
      max: options.poolSize ?? 4,
      application_name: 'tianfu-jobs',
    });
  } else {
    if (!db.pglite) throw new Error('createJobs: PGlite database without its instance');
    boss = new PgBoss({ ...common, db: fromPglite(db.pglite), backend: 'pglite' });
  }
  // pg-boss emits 'error' for background failures (maintenance, polling); an EventEmitter 'error'
  // without a listener would crash the process.
  boss.on('error', (err: unknown) => options.logger?.error({ err }, 'job queue error'));
  boss.on('warning', (w: unknown) => options.logger?.warn({ warning: w }, 'job queue warning'));

  const queues = new Map<string, Promise<void>>();
  const ensureQueue = (name: string): Promise<void> => {
    let ready = queues.get(name);
    if (!ready) {
      ready = boss.getQueue(name).then(async (q) => {
        if (!q) await boss.createQueue(name);
      });
      // A failed creation must be retried next time, not cached forever.
      ready.catch(() => queues.delete(name));
      queues.set(name, ready);
    }
    return ready;
  };

  let started = false;
  return {
    boss,
    async start() {
      if (started) return;
      await boss.start();
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      queues.clear();
      // graceful: wait for running handlers; close: release pg-boss's own pool (never our PGlite).
      await boss.stop({ graceful: true, close: true, timeout: 10_000 });
    },
    async send(name, data, opts = {}) {
      await ensureQueue(name);
      const { idempotencyKey, ...rest } = opts;
      const sendOptions: SendOptions = { ...rest };
      if (idempotencyKey !== undefined) {
        sendOptions.id = uuidFromKey(`${name}\u0000${idempotencyKey}`);
        sendOptions.singletonKey ??= idempotencyKey;
      }
      return boss.send(name, data, sendOptions);
    },
    async work<T>(name: string, handler: (job: JobContext<T>) => Promise<unknown>, opts: WorkOptions = {}) {
      await ensureQueue(name);
      return boss.work<T>(
        name,
        {
          batchSize: 1,
          localConcurrency: opts.concurrency ?? 1,
          pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2,
        },
        async (jobs: Job<T>[]) => {
          // batchSize 1: one job per call, so a failure fails exactly that job.
          for (const job of jobs) {
            await handler({
              id: job.id,
              name: job.name,
              data: job.data,
              retryCount: job.retryCount,
              signal: job.signal,
            });
          }
        },
      );
    },
  };
}

/** A stable RFC 4122-shaped UUID (version 5 layout, SHA-256 based) for an idempotency key. */
export function uuidFromKey(key: string): string {
  const h = createHash('sha256').update(key).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
