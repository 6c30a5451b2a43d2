/**
 * `npm start` / `npm run serve`: configuration → database (PGlite by default, PostgreSQL with
 * DATABASE_URL) → migrations → demo data on an empty database → jobs (worker in-process unless
 * WORKER_IN_PROCESS=false) → HTTP on PORT, serving the API and the built web app.
 * @module
 */
import { buildApp } from './app.ts';
import { webDistDir } from './http/web-app.ts';
import { boot, startJobs } from './runtime/boot.ts';
import { seedDemoData } from './runtime/seed.ts';
import { installShutdown } from './runtime/shutdown.ts';

async function main(): Promise<void> {
  const ctx = await boot('server');
  const { config, logger, db } = ctx;
  await seedDemoData(ctx);
  const jobs = await startJobs(ctx, config.WORKER_IN_PROCESS);
  const app = await buildApp({ db, config, logger, jobs, sms: ctx.sms, secretKey: ctx.secretKey });

  installShutdown({
    logger,
    closers: [
      // Stops accepting, lets in-flight requests finish (503 for new ones meanwhile).
      { name: 'http', close: () => app.close() },
      { name: 'jobs', close: () => jobs.stop() },
      { name: 'database', close: () => db.close() },
    ],
  });

  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const web = webDistDir({ config, webDist: undefined });
  logger.info(
    {
      url: address.replace(/\/\/(0\.0\.0\.0|\[::\])(?=:)/, '//localhost'),
      db: db.kind,
      web: web ?? 'not built (npm run build:web)',
      worker: config.WORKER_IN_PROCESS,
    },
    'Tianfu is listening',
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Tianfu failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
