/**
 * Graceful shutdown on SIGTERM/SIGINT: run the closers in order (stop accepting and finish
 * in-flight requests, stop jobs, close the database), then exit. A second signal or a stuck
 * closer past the deadline forces the exit so an orchestrator is never left waiting.
 * @module
 */
import type { Logger } from 'pino';

/** One step of the shutdown, run in registration order. */
export interface Closer {
  name: string;
  close(): Promise<void>;
}

/** Options for {@link installShutdown}. */
export interface ShutdownOptions {
  logger: Logger;
  closers: Closer[];
  /** Hard deadline in ms before exiting anyway (default 20 s). */
  timeoutMs?: number;
  /** Injected for tests; default process.exit. */
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/**
 * Runs every closer once, in order, continuing past failures.
 * @returns true when all closed cleanly
 */
export async function runClosers(closers: Closer[], logger: Logger): Promise<boolean> {
  let ok = true;
  for (const c of closers) {
    try {
      await c.close();
      logger.info({ step: c.name }, 'shutdown step done');
    } catch (err) {
      ok = false;
      logger.error({ err, step: c.name }, 'shutdown step failed');
    }
  }
  return ok;
}

/** Installs signal handlers; returns the shutdown function (also callable directly). */
export function installShutdown(opts: ShutdownOptions): (reason: string) => Promise<void> {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let shuttingDown = false;
  const shutdown = async (reason: string): Promise<void> => {
    if (shuttingDown) {
      opts.logger.warn({ reason }, 'second shutdown request: exiting now');
      exit(1);
      return;
    }
    shuttingDown = true;
    opts.logger.info({ reason }, 'shutting down');
    const timer = setTimeout(() => {
      opts.logger.error('shutdown deadline passed: exiting');
      exit(1);
    }, opts.timeoutMs ?? 20_000);
    timer.unref();
    const ok = await runClosers(opts.closers, opts.logger);
    clearTimeout(timer);
    exit(ok ? 0 : 1);
  };
  for (const signal of opts.signals ?? (['SIGTERM', 'SIGINT'] as NodeJS.Signals[])) {
    process.on(signal, () => void shutdown(signal));
  }
  return shutdown;
}
