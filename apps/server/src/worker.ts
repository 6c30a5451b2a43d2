/**
 * `npm run worker`: a separate background-job process against the same PostgreSQL database as
 * the API. Run the API with WORKER_IN_PROCESS=false when you run this. The embedded PGlite
 * database belongs to one process, so in embedded mode the worker runs inside the server instead.
 * @module
 */
import { loadConfigOrExit, boot, startJobs } from './runtime/boot.ts';
import { installShutdown } from './runtime/shutdown.ts';

async function main(): Promise<void> {
  const preflight = loadConfigOrExit();
  if (!preflight.DATABASE_URL) {
    process.stderr.write(
      '\nThe separate worker needs PostgreSQL: set DATABASE_URL (the same as the API).\n' +
        'With the embedded database the worker already runs inside `npm start`.\n\n',
    );
    process.exit(1);
  }
  const ctx = await boot('worker');
  const jobs = await startJobs(ctx, true);
  installShutdown({
    logger: ctx.logger,
    closers: [
      { name: 'jobs', close: () => jobs.stop() },
      { name: 'database', close: () => ctx.db.close() },
    ],
  });
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Tianfu worker failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
