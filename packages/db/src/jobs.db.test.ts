import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobs, uuidFromKey, type Jobs } from './jobs.ts';
import { describeEachDb } from './testing.ts';

/** Resolves once `check()` is true; rejects after `ms` so a broken queue fails instead of hanging. */
async function until(check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describeEachDb('jobs (pg-boss)', (getDb) => {
  let jobs: Jobs;
  beforeAll(async () => {
    jobs = createJobs(getDb(), { supervise: false });
    await jobs.start();
  });
  afterAll(async () => {
    await jobs.stop();
  });

  it('processes a sent job with a worker', async () => {
    const seen: { n: number; id: string }[] = [];
    await jobs.work<{ n: number }>(
      'test.echo',
      async (job) => {
        seen.push({ n: job.data.n, id: job.id });
      },
      { pollingIntervalSeconds: 0.5 },
    );
    const id = await jobs.send('test.echo', { n: 42 });
    expect(id).toBeTruthy();
    await until(() => seen.length === 1);
    expect(seen[0]).toEqual({ n: 42, id });
    const state = await getDb().query<{ state: string }>('select state from pgboss.job where id = $1', [id]);
    await until(async () => {
      const r = await getDb().query<{ state: string }>('select state from pgboss.job where id = $1', [id]);
      return r.rows[0]?.state === 'completed';
    });
    expect(state.rows).toHaveLength(1);
  });

  it('retries a failing job until it succeeds', async () => {
    const attempts: number[] = [];
    await jobs.work<{ failTimes: number }>(
      'test.flaky',
      async (job) => {
        attempts.push(job.retryCount);
        if (attempts.length <= job.data.failTimes) throw new Error(`attempt ${attempts.length} fails`);
      },
      { pollingIntervalSeconds: 0.5 },
    );
    const id = await jobs.send('test.flaky', { failTimes: 2 }, { retryLimit: 3, retryDelay: 0 });
    await until(async () => {
      const r = await getDb().query<{ state: string }>('select state from pgboss.job where id = $1', [id]);
      return r.rows[0]?.state === 'completed';
    });
    expect(attempts).toEqual([0, 1, 2]);
  });

  it('marks a job failed once its retries are used up', async () => {
    let calls = 0;
    await jobs.work(
      'test.doomed',
      async () => {
        calls++;
        throw new Error('always fails');
      },
      { pollingIntervalSeconds: 0.5 },
    );
    const id = await jobs.send('test.doomed', {}, { retryLimit: 1, retryDelay: 0 });
    await until(async () => {
      const r = await getDb().query<{ state: string }>('select state from pgboss.job where id = $1', [id]);
      return r.rows[0]?.state === 'failed';
    });
    expect(calls).toBe(2);
  });

  it('drops a second send with the same idempotency key', async () => {
    const handled: string[] = [];
    const first = await jobs.send('test.once', { to: 'a' }, { idempotencyKey: 'otp:1' });
    const second = await jobs.send('test.once', { to: 'b' }, { idempotencyKey: 'otp:1' });
    const other = await jobs.send('test.once', { to: 'c' }, { idempotencyKey: 'otp:2' });
    expect(first).toBe(uuidFromKey('test.once\u0000otp:1'));
    expect(second).toBeNull();
    expect(other).toBeTruthy();
    await jobs.work<{ to: string }>(
      'test.once',
      async (job) => {
        handled.push(job.data.to);
      },
      { pollingIntervalSeconds: 0.5 },
    );
    await until(() => handled.length >= 2);
    // Once completed, the key still blocks a re-send (the job row is retained).
    expect(await jobs.send('test.once', { to: 'd' }, { idempotencyKey: 'otp:1' })).toBeNull();
    const rows = await getDb().query<{ n: number }>(
      `select count(*) as n from pgboss.job where name = 'test.once'`,
    );
    expect(Number(rows.rows[0]?.n)).toBe(2);
    expect(handled.sort()).toEqual(['a', 'c']);
  });
});

it('derives stable, distinct uuids from keys', () => {
  const a = uuidFromKey('x');
  expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(uuidFromKey('x')).toBe(a);
  expect(uuidFromKey('y')).not.toBe(a);
});
