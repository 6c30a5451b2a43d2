import { afterAll, beforeAll, expect, it } from 'vitest';
import { pino } from 'pino';
import { auditLog, createJobs, type Jobs } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import { AUDIT_PURGE_JOB, registerAuditJobs } from '../src/modules/audit/audit.jobs.ts';
import { testConfig } from './helpers/build-test-app.ts';
import { randomBytes } from 'node:crypto';

describeEachDb('audit retention job', (getDb) => {
  let jobs: Jobs;
  beforeAll(async () => {
    jobs = createJobs(getDb());
    await jobs.start();
    await registerAuditJobs({
      db: getDb(),
      jobs,
      config: testConfig({ AUDIT_RETENTION_DAYS: 365 }),
      logger: pino({ level: 'silent' }),
      secretKey: randomBytes(32),
    });
  });
  afterAll(async () => jobs.stop());

  it(
    'is scheduled daily and removes rows older than the configured retention when it runs',
    { timeout: 120_000 },
    async () => {
      const schedules = await jobs.boss.getSchedules();
      expect(schedules.map((s) => s.name)).toContain(AUDIT_PURGE_JOB);

      const day = 86_400_000;
      await getDb()
        .orm.insert(auditLog)
        .values([
          { action: 'job.old', outcome: 'success', at: new Date(Date.now() - 400 * day) },
          { action: 'job.kept', outcome: 'success', at: new Date(Date.now() - 300 * day) },
        ]);
      const id = await jobs.send(AUDIT_PURGE_JOB, {});
      expect(id).toBeTruthy();

      // Poll the job's state (pg-boss completes it once the handler returns).
      let state = '';
      for (let i = 0; i < 120 && state !== 'completed' && state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 500));
        state = (await jobs.boss.getJobById(AUDIT_PURGE_JOB, id!))?.state ?? '';
      }
      expect(state).toBe('completed');
      const left = (await getDb().orm.select({ action: auditLog.action }).from(auditLog)).map(
        (r) => r.action,
      );
      expect(left).toContain('job.kept');
      expect(left).not.toContain('job.old');
    },
  );
});
