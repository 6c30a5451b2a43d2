/**
 * The real entry points as child processes: `main.ts` starts on an empty data directory, seeds,
 * serves, and shuts down cleanly on SIGTERM; bad configurations stop it with a readable message.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshDb } from '@tianfu/db/testing';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface Proc {
  lines: string[];
  stderr: string[];
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exit: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

function run(entry: string, env: Record<string, string>): Proc {
  const child = spawn(TSX, [join(ROOT, 'apps/server/src', entry)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const stderr: string[] = [];
  const waiters: { pattern: RegExp; resolve: (l: string) => void }[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((x) => x.pattern.test(line))) w.resolve(line);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    lines,
    stderr,
    exit,
    kill: (signal) => child.kill(signal),
    waitFor(pattern, timeoutMs = 120_000) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`no line matching ${pattern} in:\n${lines.join('\n')}\n${stderr.join('')}`));
        }, timeoutMs);
        waiters.push({ pattern, resolve: (l) => (clearTimeout(timer), resolve(l)) });
        void exit.then(() =>
          reject(new Error(`exited before ${pattern}:\n${lines.join('\n')}\n${stderr.join('')}`)),
        );
      });
    },
  };
}

// Child processes compile TypeScript and open PGlite on start: slow on a busy CI machine.
describe('npm run serve (src/main.ts)', { timeout: 240_000 }, () => {
  it('starts on an empty data dir, seeds, serves, and exits 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tianfu-main-'));
    const proc = run('main.ts', {
      TIANFU_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
    const listening = JSON.parse(await proc.waitFor(/Tianfu is listening/)) as { url: string; db: string };
    expect(listening.db).toBe('pglite');
    expect(proc.lines.some((l) => l.includes('demo data loaded'))).toBe(true);
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(true);

    const health = await fetch(`${listening.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'pglite' });

    proc.kill('SIGTERM');
    expect(await proc.exit).toBe(0);
    const steps = proc.lines
      .filter((l) => l.includes('shutdown step done'))
      .map((l) => (JSON.parse(l) as { step: string }).step);
    expect(steps).toEqual(['http', 'jobs', 'database']);
  });

  it('refuses production without an encryption key, without a stack trace', async () => {
    const proc = run('main.ts', {
      NODE_ENV: 'production',
      SMS_ALLOW_OUTBOX_IN_PRODUCTION: 'true',
      TIANFU_DATA_DIR: tmpdir(),
    });
    expect(await proc.exit).toBe(1);
    const err = proc.stderr.join('');
    expect(err).toContain('TIANFU_SECRET_KEY or TIANFU_KEY_FILE');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('npm run worker refuses to run without PostgreSQL', async () => {
    const proc = run('worker.ts', {});
    expect(await proc.exit).toBe(1);
    expect(proc.stderr.join('')).toContain('DATABASE_URL');
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'npm run worker runs jobs against PostgreSQL and stops on SIGTERM',
    async () => {
      const db = await freshDb('postgres', { migrate: false });
      try {
        const proc = run('worker.ts', { DATABASE_URL: db.connectionString!, LOG_LEVEL: 'info' });
        await proc.waitFor(/job worker running/);
        proc.kill('SIGTERM');
        expect(await proc.exit).toBe(0);
      } finally {
        await db.close();
      }
    },
  );
});
