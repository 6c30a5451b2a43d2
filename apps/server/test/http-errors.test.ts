import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '@tianfu/contracts';
import { AppError } from '../src/errors/app-error.ts';
import { registerMessages } from '../src/i18n/messages.ts';
import { buildTestApp, type TestApp } from './helpers/build-test-app.ts';

registerMessages({
  'test.locked': {
    'zh-CN': '账号已锁定，请 {minutes} 分钟后再试',
    en: 'Account locked, try again in {minutes} minutes',
  },
  'test.phone_taken': { 'zh-CN': '该手机号已注册', en: 'This phone number is already registered' },
});

const Body = z.object({
  phone: z.string().min(11),
  age: z.number().int().max(150),
  kind: z.enum(['scientist', 'citizen']),
  tags: z.array(z.string()).min(1),
});

const testRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/test/echo',
    { schema: { body: Body, response: { 200: Body, 400: ErrorResponse } } },
    async (req) => req.body,
  );
  app.get('/api/test/locked', async () => {
    throw new AppError('test.locked', 423, { params: { minutes: 30 }, headers: { 'retry-after': '1800' } });
  });
  app.get('/api/test/taken', async () => {
    throw new AppError('error.validation', 409, { fields: { phone: 'test.phone_taken' } });
  });
  app.get('/api/test/crash', async () => {
    throw new Error('secret internals at /srv/db password=hunter2');
  });
  app.get(
    '/api/test/bad-response',
    { schema: { response: { 200: z.object({ n: z.number() }) } } },
    async () => ({ n: 'x' }) as never,
  );
};

describe('HTTP errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      config: { BODY_LIMIT: 2048 },
      beforeReady: async (app) => {
        await app.register(testRoutes);
      },
    });
  });
  afterAll(async () => t.close());

  const post = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('maps an AppError to its status with a zh-CN message by default', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/test/locked' });
    expect(res.statusCode).toBe(423);
    expect(res.headers['retry-after']).toBe('1800');
    expect(res.json()).toEqual({
      error: {
        code: 'test.locked',
        message: '账号已锁定，请 30 分钟后再试',
        requestId: res.headers['x-request-id'],
      },
    });
  });

  it('answers in English when Accept-Language prefers it, and with ?lang= over the header', async () => {
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/test/locked',
      headers: { 'accept-language': 'en-US,en;q=0.9,zh;q=0.8' },
    });
    expect(en.json().error.message).toBe('Account locked, try again in 30 minutes');
    const zh = await t.app.inject({
      method: 'GET',
      url: '/api/test/locked?lang=zh-CN',
      headers: { 'accept-language': 'en' },
    });
    expect(zh.json().error.message).toContain('账号已锁定');
    const cookie = await t.app.inject({
      method: 'GET',
      url: '/api/test/locked',
      headers: { cookie: 'lang=en' },
    });
    expect(cookie.json().error.message).toContain('Account locked');
  });

  it('translates AppError field codes', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/test/taken',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields).toEqual({ phone: 'This phone number is already registered' });
  });

  it('reports every failing field of a wrong body with localized messages', async () => {
    const res = await post(JSON.stringify({ phone: '123', age: 'old', kind: 'alien', tags: [] }), {
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as ErrorResponse;
    expect(error.code).toBe('error.validation');
    expect(error.fields).toEqual({
      phone: 'Must be at least 11 characters',
      age: 'Wrong type, expected a number',
      kind: 'Invalid value, expected one of: scientist, citizen',
      tags: 'Needs at least 1 items',
    });
    const zh = await post(JSON.stringify({ age: 200, kind: 'citizen', tags: ['a'] }));
    expect(zh.json().error.fields).toEqual({ phone: '必填', age: '不能大于 150' });
  });

  it('accepts a valid body', async () => {
    const body = { phone: '13800000001', age: 30, kind: 'citizen', tags: ['x'] };
    const res = await post(JSON.stringify(body));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(body);
  });

  it('answers malformed JSON with 400 error.malformed_json', async () => {
    const res = await post('{"phone": "138', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'error.malformed_json',
      message: 'The request body is not valid JSON',
    });
  });

  it('answers an oversize body with 413', async () => {
    const res = await post(JSON.stringify({ phone: 'x'.repeat(5000), age: 1, kind: 'citizen', tags: ['a'] }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('error.payload_too_large');
    expect(res.json().error.message).toBe('请求体过大');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: 'a=b',
      headers: { 'content-type': 'application/x-foo' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('error.unsupported_media_type');
  });

  it('hides internals of unexpected errors behind a generic 500', async () => {
    for (const url of ['/api/test/crash', '/api/test/bad-response']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({
        error: {
          code: 'error.internal',
          message: 'Internal server error, please try again later',
          requestId: res.headers['x-request-id'],
        },
      });
      expect(res.body).not.toMatch(/hunter2|\/srv|at .*\.ts|stack/i);
    }
  });

  it('answers unknown API routes (any method) with a JSON 404', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await t.app.inject({
        method,
        url: '/api/does-not-exist?x=1',
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.json().error).toMatchObject({
        code: 'error.route_not_found',
        message: `No such API route: ${method} /api/does-not-exist`,
      });
    }
  });

  it('keeps a safe incoming x-request-id and replaces an unsafe one', async () => {
    const kept = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'lb-1234.abc' },
    });
    expect(kept.headers['x-request-id']).toBe('lb-1234.abc');
    const replaced = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'evil\r\ninjected: 1' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      config: {
        RATE_LIMIT_ENABLED: true,
        RATE_LIMIT_MAX: 5,
        RATE_LIMIT_AUTH_MAX: 2,
        RATE_LIMIT_AUTH_WINDOW: '1h',
        RATE_LIMIT_WINDOW: '1h',
      },
      beforeReady: (app) => {
        app.post('/api/auth/ping', async () => ({ ok: true }));
        app.get('/api/ping', async () => ({ ok: true }));
      },
    });
  });
  afterAll(async () => t.close());

  it('limits /api/auth/* more strictly, with a localized 429 and Retry-After', async () => {
    const codes: number[] = [];
    let last;
    for (let i = 0; i < 3; i++) {
      last = await t.app.inject({
        method: 'POST',
        url: '/api/auth/ping',
        headers: { 'accept-language': 'en' },
      });
      codes.push(last.statusCode);
    }
    expect(codes).toEqual([200, 200, 429]);
    expect(last!.json().error.code).toBe('error.rate_limited');
    expect(last!.json().error.message).toMatch(/^Too many requests, try again in \d+ seconds$/);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts the general budget separately and never limits health probes', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push((await t.app.inject({ method: 'GET', url: '/api/ping' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    for (let i = 0; i < 8; i++)
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
