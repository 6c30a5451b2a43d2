/**
 * Loads configuration: defaults ← `TIANFU_CONFIG` JSON file ← environment variables
 * (later wins), validates every key and fails with one readable message listing all problems.
 * @module
 */
import { readFileSync } from 'node:fs';
import { CONFIG_KEYS, type AppConfig, type ConfigKeyName } from './keys.ts';

/** Startup configuration problem; `main.ts` prints `message` and exits without a stack trace. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Where configuration comes from; tests pass plain objects. */
export interface ConfigSources {
  env?: Record<string, string | undefined>;
  /** Parsed config file contents; when omitted, read from `env.TIANFU_CONFIG` if set. */
  file?: Record<string, unknown>;
  /** Highest-priority values (tests, embedding). */
  overrides?: Partial<Record<ConfigKeyName, unknown>>;
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`Cannot read config file TIANFU_CONFIG=${path}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`Config file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`Config file ${path} must hold a JSON object of KEY: value pairs`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * Builds and validates the configuration.
 * @throws ConfigError listing every invalid or unknown key
 * @example const config = loadConfig({ env: process.env });
 */
export function loadConfig(sources: ConfigSources = { env: process.env }): AppConfig {
  const env = sources.env ?? {};
  const configPath = env.TIANFU_CONFIG;
  const file = sources.file ?? (configPath ? readConfigFile(configPath) : {});
  const problems: string[] = [];

  for (const name of Object.keys(file)) {
    if (!(name in CONFIG_KEYS) && !name.startsWith('$')) problems.push(`${name}: unknown key in config file`);
  }

  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(CONFIG_KEYS)) {
    const override = sources.overrides?.[name as ConfigKeyName];
    const fromEnv = env[name];
    const fromFile = file[name];
    let raw: unknown;
    let origin: string;
    if (override !== undefined) [raw, origin] = [override, 'override'];
    else if (fromEnv !== undefined && fromEnv !== '') [raw, origin] = [fromEnv, 'environment'];
    else if (fromFile !== undefined && fromFile !== null) [raw, origin] = [fromFile, 'config file'];
    else [raw, origin] = [def.default, 'default'];

    const result = def.schema.safeParse(raw);
    if (result.success) {
      out[name] = result.data;
    } else {
      const shown = def.secret ? '(hidden)' : JSON.stringify(raw);
      const why = result.error.issues.map((i) => i.message).join('; ');
      problems.push(`${name}=${shown} (from ${origin}): ${why}`);
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  const config = out as AppConfig;
  checkCombinations(config, problems);
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}

/** Rules that involve more than one key. */
function checkCombinations(c: AppConfig, problems: string[]): void {
  if (c.NODE_ENV === 'production' && c.SMS_PROVIDER === 'outbox' && !c.SMS_ALLOW_OUTBOX_IN_PRODUCTION) {
    problems.push(
      'SMS_PROVIDER=outbox is not allowed when NODE_ENV=production: configure aliyun or tencent, or set SMS_ALLOW_OUTBOX_IN_PRODUCTION=true for a demo',
    );
  }
  if (c.SMS_PROVIDER === 'aliyun') {
    for (const k of [
      'ALIYUN_SMS_ACCESS_KEY_ID',
      'ALIYUN_SMS_ACCESS_KEY_SECRET',
      'SMS_SIGN_NAME',
      'SMS_TEMPLATE_OTP',
    ] as const) {
      if (!c[k]) problems.push(`${k} is required when SMS_PROVIDER=aliyun`);
    }
  }
  if (c.SMS_PROVIDER === 'tencent') {
    for (const k of [
      'TENCENT_SMS_SECRET_ID',
      'TENCENT_SMS_SECRET_KEY',
      'TENCENT_SMS_SDK_APP_ID',
      'SMS_SIGN_NAME',
      'SMS_TEMPLATE_OTP',
    ] as const) {
      if (!c[k]) problems.push(`${k} is required when SMS_PROVIDER=tencent`);
    }
  }
  if (c.MATCH_EMBEDDINGS === 'onnx' && !c.MATCH_EMBEDDINGS_MODEL_DIR)
    problems.push('MATCH_EMBEDDINGS_MODEL_DIR is required when MATCH_EMBEDDINGS=onnx');
  if (c.MATCH_EMBEDDINGS === 'openai') {
    for (const k of ['MATCH_EMBEDDINGS_URL', 'MATCH_EMBEDDINGS_MODEL'] as const)
      if (!c[k]) problems.push(`${k} is required when MATCH_EMBEDDINGS=openai`);
  }
  if (c.NODE_ENV === 'production' && !c.TIANFU_SECRET_KEY && !c.TIANFU_KEY_FILE) {
    problems.push(
      'NODE_ENV=production needs an encryption key: set TIANFU_SECRET_KEY or TIANFU_KEY_FILE (32 bytes, hex or base64)',
    );
  }
}

/** Whether session cookies get the `Secure` flag. */
export function cookieSecure(c: AppConfig): boolean {
  return c.COOKIE_SECURE === 'auto' ? c.NODE_ENV === 'production' : c.COOKIE_SECURE === 'true';
}

/** Embedded mode = no DATABASE_URL, PGlite in the data directory. */
export function isEmbedded(c: AppConfig): boolean {
  return !c.DATABASE_URL;
}
