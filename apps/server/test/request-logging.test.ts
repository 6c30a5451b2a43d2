import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, testLogger, type TestApp } from './helpers/build-test-app.ts';

describe('request logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await buildTestApp({
      logger: testLogger(lines),
      beforeReady: (app) => {
        app.post('/api/test/log', async (request) => {
          request.log.info({ body: request.body }, 'received');
          return { ok: true };
        });
        app.get('/api/test/boom', async () => {
          throw new Error('db password=hunter2 failed');
        });
      },
    });
  });
  afterAll(async () => t.close());

  it('log request id, method and masked URL; never cookies, authorization, passwords or codes', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test/log?phone=13800000001',
      headers: {
        cookie: 'theme=dark; other=SESSIONSECRET',
        authorization: 'Bearer TOKENSECRET',
        'x-request-id': 'req-log-1',
      },
      payload: {
        phone: '13800000001',
        password: 'PASSWORDSECRET',
        code: 'OTPCODESECRET',
        idNumber: '51010519900307123X',
      },
    });
    expect(res.statusCode).toBe(200);
    const mine = lines.filter((l) => l.includes('req-log-1'));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const all = mine.join('\n');
    for (const secret of [
      'SESSIONSECRET',
      'TOKENSECRET',
      'PASSWORDSECRET',
      'OTPCODESECRET',
      '13800000001',
      '51010519900307123X',
    ]) {
      expect(all).not.toContain(secret);
    }
    const incoming = mine
      .map((l) => JSON.parse(l) as { msg: string; req?: { method: string; url: string } })
      .find((l) => l.msg === 'incoming request');
    expect(incoming?.req).toMatchObject({ method: 'POST', url: '/api/test/log?phone=138****0001' });
    expect(all).toContain('138****0001');
  });

  it('log the real cause of a 500 server-side (masked), while the client gets a generic message', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/test/boom',
      headers: { 'x-request-id': 'req-log-2' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    const logged = lines.filter((l) => l.includes('req-log-2')).join('\n');
    expect(logged).toContain('unhandled error');
    expect(logged).toContain('failed');
  });
});
