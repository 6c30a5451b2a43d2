import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '@tianfu/db/testing';
import type { TestApp } from '../../../test/helpers/build-test-app.ts';
import { buildAccountsTestApp, type TestClock } from '../auth/testing/app.ts';
import { registerUser } from '../auth/testing/client.ts';
import { registerStaff } from '../auth/testing/staff.ts';
import { needBody } from './listings.factories.ts';

// The same life cycle through real sign-in: session cookie, CSRF header, TOTP-enrolled officer.
describeEachDb('listings through a real session', (getDb) => {
  let t: TestApp & { clock: TestClock };
  beforeAll(async () => {
    t = await buildAccountsTestApp(getDb(), { config: { CATALOG_PUBLISH_MODE: 'review' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a signed-in user writes a need, an officer rejects it, the author sees why', async () => {
    const author = await registerUser(t.app, getDb(), { kind: 'organization' });
    const officer = await registerStaff(t.app, getDb(), 'officer', '5101', () => t.clock.now());

    const withoutCsrf = await author.client.req('POST', '/api/needs', needBody(), { csrf: false });
    expect(withoutCsrf.statusCode).toBe(403);

    const created = await author.client.post('/api/needs', needBody({ regionCode: '510104' }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    // CATALOG_PUBLISH_MODE=review is the default where no region has a setting.
    expect((await author.client.post(`/api/needs/${id}/submit`)).json().status).toBe('submitted');
    expect(
      (await officer.client.get('/api/review/queue')).json().items.map((i: { id: string }) => i.id),
    ).toContain(id);
    const rejected = await officer.client.post(`/api/review/need/${id}`, {
      decision: 'reject',
      reason: '预算与任务不匹配',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: '预算与任务不匹配' });
    const mine = (await author.client.get('/api/mine/listings')).json();
    expect(mine.items).toEqual([expect.objectContaining({ id, rejectionReason: '预算与任务不匹配' })]);
  });
});
