import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { createJobs, smsMessages, type Jobs } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import { testConfig } from '../../../test/helpers/build-test-app.ts';
import { registerSmsJobs, SMS_PURGE_JOB } from './sms.jobs.ts';

describeEachDb('SMS delivery-log retention job', (getDb) => {
  let jobs: Jobs;
  beforeAll(async () => {
    jobs = createJobs(getDb());
    await jobs.start();
    await registerSmsJobs({
      db: getDb(),
      jobs,
      config: testConfig(),
      logger: pino({ level: 'silent' }),
      secretKey: randomBytes(32),
    });
  });
  afterAll(async () => jobs.stop());

  it('is scheduled daily and deletes rows older than 30 days when it runs', async () => {
    expect((await jobs.boss.getSchedules()).map((s) => s.name)).toContain(SMS_PURGE_JOB);
    const day = 86_400_000;
    const row = (key: string, ageDays: number) => ({
      provider: 'outbox',
      phone: '13800003001',
      templateCode: 'otp',
      purpose: 'login',
      status: 'sent' as const,
      idempotencyKey: key,
      createdAt: new Date(Date.now() - ageDays * day),
    });
    await getDb()
      .orm.insert(smsMessages)
      .values([row('old', 31), row('recent', 29)]);
    const id = await jobs.send(SMS_PURGE_JOB, {});
    let state = '';
    for (let i = 0; i < 120 && state !== 'completed' && state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      state = (await jobs.boss.getJobById(SMS_PURGE_JOB, id!))?.state ?? '';
    }
    expect(state).toBe('completed');
    const left = (await getDb().orm.select({ key: smsMessages.idempotencyKey }).from(smsMessages)).map(
      (r) => r.key,
    );
    expect(left).toEqual(['recent']);
  });
});
