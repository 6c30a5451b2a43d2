import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { installShutdown, runClosers } from './shutdown.ts';

const silent = pino({ level: 'silent' });

describe('graceful shutdown', () => {
  it('runs closers in order and continues past a failure', async () => {
    const order: string[] = [];
    const ok = await runClosers(
      [
        { name: 'http', close: async () => void order.push('http') },
        { name: 'jobs', close: async () => Promise.reject(new Error('stuck')) },
        { name: 'db', close: async () => void order.push('db') },
      ],
      silent,
    );
    expect(order).toEqual(['http', 'db']);
    expect(ok).toBe(false);
  });

  it('exits 0 after a clean shutdown and 1 on a second signal', async () => {
    const exits: number[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const shutdown = installShutdown({
      logger: silent,
      signals: [],
      exit: (code) => void exits.push(code),
      closers: [{ name: 'http', close: () => slow }],
    });
    const first = shutdown('SIGTERM');
    await shutdown('SIGINT');
    expect(exits).toEqual([1]);
    release();
    await first;
    expect(exits).toEqual([1, 0]);
  });

  it('stops a real app: the in-flight request finishes, then the port is closed', async () => {
    const { buildTestApp } = await import('../../test/helpers/build-test-app.ts');
    let finish: () => void = () => {};
    let started!: () => void;
    const startedP = new Promise<void>((r) => (started = r));
    const t = await buildTestApp({
      beforeReady: (app) => {
        app.get('/api/test/slow', () => {
          started();
          return new Promise((r) => (finish = () => r({ done: true })));
        });
      },
    });
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const inflight = fetch(`${address}/api/test/slow`).then((r) => r.json());
    await startedP;
    const closing = runClosers([{ name: 'http', close: () => t.app.close() }], silent);
    finish();
    expect(await inflight).toEqual({ done: true });
    // Resolves only because the answer carried `Connection: close` (fetch keeps sockets alive).
    expect(await closing).toBe(true);
    await expect(fetch(`${address}/api/health`)).rejects.toThrow();
    await t.db.close();
  });
});
