import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_DOC_PATH, renderConfigDocs } from './config-docs.ts';
import { parseDuration } from './duration.ts';
import { CONFIG_KEYS } from './keys.ts';
import { ConfigError, cookieSecure, isEmbedded, loadConfig } from './load.ts';
import { decodeKey, resolveSecretKey } from './secret-key.ts';

const HEX_KEY = 'ab'.repeat(32);

describe('loadConfig', () => {
  it('applies every documented default', () => {
    const c = loadConfig({ env: {} });
    expect(c).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '0.0.0.0',
      TIANFU_DATA_DIR: './data',
      DATABASE_URL: undefined,
      SMS_PROVIDER: 'outbox',
      SMS_ALLOW_OUTBOX_IN_PRODUCTION: false,
      PASSWORD_POLICY: 'asvs',
      LOCKOUT_THRESHOLD: 5,
      LOCKOUT_MINUTES: 30,
      SESSION_TTL: 7 * 86_400,
      AUDIT_RETENTION_DAYS: 180,
      RATE_LIMIT_ENABLED: true,
      RATE_LIMIT_WINDOW: 60,
      LOG_LEVEL: 'info',
      WORKER_IN_PROCESS: true,
    });
    expect(isEmbedded(c)).toBe(true);
    expect(cookieSecure(c)).toBe(false);
  });

  it('documents every key with a description', () => {
    for (const [name, key] of Object.entries(CONFIG_KEYS)) {
      expect(key.description.length, name).toBeGreaterThan(10);
    }
  });

  it('lets the config file override defaults and the environment override the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianfu-cfg-'));
    const file = join(dir, 'tianfu.json');
    writeFileSync(file, JSON.stringify({ PORT: 8080, LOCKOUT_THRESHOLD: 3, PASSWORD_POLICY: 'mlps' }));
    const c = loadConfig({ env: { TIANFU_CONFIG: file, PORT: '9090', SESSION_TTL: '12h' } });
    expect(c.PORT).toBe(9090);
    expect(c.LOCKOUT_THRESHOLD).toBe(3);
    expect(c.PASSWORD_POLICY).toBe('mlps');
    expect(c.SESSION_TTL).toBe(12 * 3600);
  });

  it('lists every invalid value at once, hiding secrets', () => {
    let error: unknown;
    try {
      loadConfig({
        env: {
          PORT: 'eighty',
          PASSWORD_POLICY: 'strong',
          SESSION_TTL: 'forever',
          AUDIT_RETENTION_DAYS: '30',
        },
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const msg = (error as Error).message;
    for (const key of [
      'PORT="eighty"',
      'PASSWORD_POLICY="strong"',
      'SESSION_TTL="forever"',
      'AUDIT_RETENTION_DAYS="30"',
    ]) {
      expect(msg).toContain(key);
    }
    expect(msg).toContain('expected a duration like 90s');
  });

  it('rejects unknown keys and unreadable or non-JSON config files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianfu-cfg-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ PORT: 1 }');
    expect(() => loadConfig({ env: { TIANFU_CONFIG: bad } })).toThrow(/not valid JSON/);
    expect(() => loadConfig({ env: { TIANFU_CONFIG: join(dir, 'missing.json') } })).toThrow(
      /Cannot read config file/,
    );
    expect(() => loadConfig({ env: {}, file: { PROT: 1 } })).toThrow(/PROT: unknown key/);
  });

  it('refuses production without a key, or with the SMS outbox unless allowed', () => {
    expect(() => loadConfig({ env: { NODE_ENV: 'production' } })).toThrow(
      /TIANFU_SECRET_KEY or TIANFU_KEY_FILE/,
    );
    expect(() => loadConfig({ env: { NODE_ENV: 'production', TIANFU_SECRET_KEY: HEX_KEY } })).toThrow(
      /SMS_PROVIDER=outbox/,
    );
    const ok = loadConfig({
      env: { NODE_ENV: 'production', TIANFU_SECRET_KEY: HEX_KEY, SMS_ALLOW_OUTBOX_IN_PRODUCTION: 'true' },
    });
    expect(ok.NODE_ENV).toBe('production');
    expect(cookieSecure(ok)).toBe(true);
  });

  it('requires provider credentials for real SMS providers', () => {
    expect(() => loadConfig({ env: { SMS_PROVIDER: 'aliyun' } })).toThrow(
      /ALIYUN_SMS_ACCESS_KEY_ID is required/,
    );
    expect(() => loadConfig({ env: { SMS_PROVIDER: 'tencent', SMS_SIGN_NAME: '天府' } })).toThrow(
      /TENCENT_SMS_SDK_APP_ID is required/,
    );
  });

  it('never prints secret values in errors', () => {
    expect(() => loadConfig({ env: { DATABASE_URL: 'postgres://u:topsecret@h/db', PORT: '-1' } })).toThrow();
    try {
      loadConfig({ env: { ALIYUN_SMS_ENDPOINT: 'not a url', ALIYUN_SMS_ACCESS_KEY_SECRET: 'topsecret' } });
    } catch (err) {
      expect((err as Error).message).not.toContain('topsecret');
    }
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90],
    ['30m', 1800],
    ['12h', 43_200],
    ['7d', 604_800],
    ['45', 45],
    [' 2 H ', 7200],
  ])('%s → %d', (text, seconds) => expect(parseDuration(text)).toBe(seconds));
  it('rejects nonsense', () => {
    expect(parseDuration('soon')).toBeNull();
    expect(parseDuration('-5m')).toBeNull();
  });
});

describe('secret key', () => {
  const base = (env: Record<string, string>) =>
    loadConfig({ env: { SMS_ALLOW_OUTBOX_IN_PRODUCTION: 'true', ...env } });

  it('decodes hex and base64, and rejects the wrong length', () => {
    expect(decodeKey(HEX_KEY)?.length).toBe(32);
    expect(decodeKey(Buffer.alloc(32, 7).toString('base64'))?.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(decodeKey('abcd')).toBeNull();
    expect(() => resolveSecretKey(base({ TIANFU_SECRET_KEY: 'short' }))).toThrow(ConfigError);
  });

  it('reads TIANFU_KEY_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianfu-key-'));
    writeFileSync(join(dir, 'k'), `${HEX_KEY}\n`);
    expect(
      resolveSecretKey(base({ NODE_ENV: 'production', TIANFU_KEY_FILE: join(dir, 'k') })).toString('hex'),
    ).toBe(HEX_KEY);
  });

  it('gives tests a throwaway key and writes no file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianfu-data-'));
    const a = resolveSecretKey(base({ NODE_ENV: 'test', TIANFU_DATA_DIR: dir }));
    const b = resolveSecretKey(base({ NODE_ENV: 'test', TIANFU_DATA_DIR: dir }));
    expect(a.length).toBe(32);
    expect(a.equals(b)).toBe(false);
    expect(existsSync(join(dir, 'secret.key'))).toBe(false);
  });

  it('creates a persistent private key in the data directory in development', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianfu-data-'));
    const first = resolveSecretKey(base({ TIANFU_DATA_DIR: dir }));
    const second = resolveSecretKey(base({ TIANFU_DATA_DIR: dir }));
    expect(first.length).toBe(32);
    expect(second.equals(first)).toBe(true);
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  });
});

describe('docs/configuration.md', () => {
  it('is up to date with the key table (regenerate: npx tsx apps/server/src/config/config-docs.ts)', async () => {
    const doc = await renderConfigDocs();
    for (const name of Object.keys(CONFIG_KEYS)) expect(doc).toContain(`\`${name}\``);
    expect(readFileSync(CONFIG_DOC_PATH, 'utf8')).toBe(doc);
  });
});
