/**
 * Every configuration key in one place: its schema, default and description.
 * The README and docs/configuration.md are generated from this table
 * (`npx tsx apps/server/scripts/config-docs.ts`), so add a key here and nowhere else.
 * @module
 */
import { z } from 'zod';
import { parseDuration } from './duration.ts';

/** One configuration key. `default` is what applies when neither env nor config file sets it. */
export interface ConfigKey<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** Shown in docs; `undefined` means "unset". */
  default: string | undefined;
  description: string;
  /** Secret values are never logged or printed. */
  secret?: boolean;
  group: string;
}

function key<S extends z.ZodType>(
  group: string,
  schema: S,
  def: string | undefined,
  description: string,
  secret = false,
): ConfigKey<S> {
  return { group, schema, default: def, description, secret };
}

const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes' || v === 'on');
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max);
const duration = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const seconds = parseDuration(v);
  if (seconds === null) {
    ctx.addIssue({ code: 'custom', message: 'expected a duration like 90s, 30m, 12h or 7d' });
    return z.NEVER;
  }
  return seconds;
});
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

/** The configuration table. Keys are the environment variable names. */
export const CONFIG_KEYS = {
  NODE_ENV: key(
    'General',
    z.enum(['development', 'production', 'test']),
    'development',
    'Runtime mode. `production` refuses unsafe defaults (no encryption key, SMS outbox).',
  ),
  HOST: key('General', z.string().min(1), '0.0.0.0', 'Interface the HTTP server listens on.'),
  PORT: key('General', int(0, 65_535), '3000', 'HTTP port for the API and the web app.'),
  LOG_LEVEL: key(
    'General',
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    'info',
    'pino log level.',
  ),
  LOG_PRETTY: key('General', bool, 'false', 'Human-readable logs (pino-pretty) instead of JSON lines.'),
  TRUST_PROXY: key(
    'General',
    bool,
    'false',
    'Trust `X-Forwarded-*` headers (set when behind a reverse proxy) so client IPs are right in audit rows and rate limits.',
  ),
  BODY_LIMIT: key(
    'General',
    int(1024),
    '1048576',
    'Largest accepted request body in bytes; larger bodies get 413.',
  ),
  WEB_DIST: key(
    'General',
    optionalString,
    undefined,
    'Directory of the built web app to serve (default: `apps/web/dist` in the repository).',
  ),

  TIANFU_DATA_DIR: key(
    'Database',
    z.string().min(1),
    './data',
    'Where the embedded database (PGlite), the development key file and uploads live.',
  ),
  DATABASE_URL: key(
    'Database',
    optionalString,
    undefined,
    'PostgreSQL connection string (`postgres://user:pass@host:5432/db`). Unset → embedded PGlite in `TIANFU_DATA_DIR`.',
    true,
  ),
  WORKER_IN_PROCESS: key(
    'Database',
    bool,
    'true',
    'Run the background job worker inside the server process. Set `false` when you run `npm run worker` separately.',
  ),

  TIANFU_SECRET_KEY: key(
    'Security',
    optionalString,
    undefined,
    'AES-256 key for personal data at rest: 32 bytes as 64 hex characters or base64. Production refuses to start without this or `TIANFU_KEY_FILE`.',
    true,
  ),
  TIANFU_KEY_FILE: key(
    'Security',
    optionalString,
    undefined,
    'File holding the AES-256 key (same format). In development a key is created at `TIANFU_DATA_DIR/secret.key` when neither is set.',
  ),
  TIANFU_PREVIOUS_KEYS: key(
    'Security',
    optionalString,
    undefined,
    'Key rotation: retired AES-256 keys (comma-separated, same format) that still decrypt older data; new data always uses the current key.',
    true,
  ),
  COOKIE_SECURE: key(
    'Security',
    z.enum(['auto', 'true', 'false']),
    'auto',
    'Mark session cookies `Secure`. `auto` = on in production.',
  ),
  SESSION_TTL: key(
    'Security',
    duration,
    '7d',
    'How long a session stays valid without signing in again (e.g. `12h`, `7d`).',
  ),
  PASSWORD_POLICY: key(
    'Security',
    z.enum(['asvs', 'mlps']),
    'asvs',
    '`asvs`: ≥ 8 characters + common-password blocklist, no composition or rotation rules (OWASP ASVS). `mlps`: complexity + periodic change (等保 2.0).',
  ),
  PASSWORD_MAX_AGE_DAYS: key(
    'Security',
    int(1),
    '90',
    'Under `mlps`, passwords must be changed after this many days.',
  ),
  LOCKOUT_THRESHOLD: key(
    'Security',
    int(1),
    '5',
    'Failed sign-ins (per account and per IP) before a lockout.',
  ),
  LOCKOUT_MINUTES: key('Security', int(1), '30', 'Lockout length in minutes.'),
  AUDIT_RETENTION_DAYS: key(
    'Security',
    int(180),
    '180',
    'Audit rows older than this are purged by a daily job (at least 180).',
  ),

  RATE_LIMIT_ENABLED: key('Rate limits', bool, 'true', 'Turn request rate limiting on or off.'),
  RATE_LIMIT_MAX: key('Rate limits', int(1), '300', 'Requests per client IP per window, all API routes.'),
  RATE_LIMIT_WINDOW: key('Rate limits', duration, '1m', 'Window for `RATE_LIMIT_MAX`.'),
  RATE_LIMIT_AUTH_MAX: key(
    'Rate limits',
    int(1),
    '30',
    'Requests per client IP per window on `/api/auth/*` (sign-in, register, codes).',
  ),
  RATE_LIMIT_AUTH_WINDOW: key('Rate limits', duration, '1m', 'Window for `RATE_LIMIT_AUTH_MAX`.'),

  SMS_PROVIDER: key(
    'SMS',
    z.enum(['outbox', 'aliyun', 'tencent']),
    'outbox',
    '`outbox` records messages in the database and the log (development); `aliyun` or `tencent` send for real.',
  ),
  SMS_ALLOW_OUTBOX_IN_PRODUCTION: key(
    'SMS',
    bool,
    'false',
    'Allow the outbox adapter when `NODE_ENV=production` (demos only).',
  ),
  SMS_SIGN_NAME: key('SMS', optionalString, undefined, 'SMS signature (签名) registered with the provider.'),
  SMS_TEMPLATE_OTP: key(
    'SMS',
    optionalString,
    undefined,
    'Provider template id/code for one-time codes (template variable `code`).',
  ),
  SMS_TEMPLATE_MATCH_ALERT: key(
    'SMS',
    optionalString,
    undefined,
    'Provider template id/code for saved-search alerts (variables `name`, `count`); without it real providers skip those SMS.',
  ),
  ALIYUN_SMS_ACCESS_KEY_ID: key('SMS', optionalString, undefined, 'Aliyun AccessKey ID.', true),
  ALIYUN_SMS_ACCESS_KEY_SECRET: key('SMS', optionalString, undefined, 'Aliyun AccessKey secret.', true),
  ALIYUN_SMS_ENDPOINT: key('SMS', z.url(), 'https://dysmsapi.aliyuncs.com', 'Aliyun SMS API endpoint.'),
  TENCENT_SMS_SECRET_ID: key('SMS', optionalString, undefined, 'Tencent Cloud SecretId.', true),
  TENCENT_SMS_SECRET_KEY: key('SMS', optionalString, undefined, 'Tencent Cloud SecretKey.', true),
  TENCENT_SMS_SDK_APP_ID: key('SMS', optionalString, undefined, 'Tencent Cloud SMS SdkAppId.'),
  TENCENT_SMS_REGION: key('SMS', z.string().min(1), 'ap-guangzhou', 'Tencent Cloud region.'),
  TENCENT_SMS_ENDPOINT: key(
    'SMS',
    z.url(),
    'https://sms.tencentcloudapi.com',
    'Tencent Cloud SMS API endpoint.',
  ),
  MATCH_INDEX_POLL_MS: key(
    'Search and matching',
    int(0, 3_600_000),
    '2000',
    'How often (ms) each API node polls the catalog tables for changes made elsewhere (worker, imports, other nodes); 0 = events only.',
  ),
  MATCH_ALERTS_CRON: key(
    'Search and matching',
    z.string().min(9),
    '*/5 * * * *',
    'Schedule (cron, UTC) of the job that runs saved searches against new publications and writes notifications.',
  ),
  MATCH_OUTCOME_LOG_FILE: key(
    'Search and matching',
    optionalString,
    undefined,
    'Also append recommendation outcomes (shown, invited, dismissed) to this JSONL file, the format `npx tianfu match-train --log` reads.',
  ),
  MATCH_INDEX_SNAPSHOT: key(
    'Search and matching',
    bool,
    'true',
    'Keep a snapshot of the match index in `<TIANFU_DATA_DIR>/match-index` (after a rebuild and at shutdown): a restart loads it and catches up from the database instead of rebuilding. Never written in tests.',
  ),
  MATCH_SEMANTIC_DIM: key(
    'Search and matching',
    int(0, 512),
    '64',
    "Dimension of the match index's corpus-trained semantic model (LSA); 0 = lexical and structured scores only. Training time grows with it (demo seed, 29k text units: 0 → 0.4 s, 64 → 17 s, 128 → 38 s on the 2-core machine).",
  ),
  MATCH_EMBEDDINGS: key(
    'Search and matching',
    z.enum(['off', 'onnx', 'openai']),
    'off',
    'Embedding provider whose vectors fuse into search and recommendation scores (`@tianfu/match` `createEmbeddingFusion`): `onnx` = a local model folder (`MATCH_EMBEDDINGS_MODEL_DIR`), `openai` = an OpenAI-compatible `/embeddings` endpoint (`MATCH_EMBEDDINGS_URL`, `MATCH_EMBEDDINGS_MODEL`). A provider that fails or times out degrades to the plain engine result with a logged warning.',
  ),
  MATCH_EMBEDDINGS_MODEL_DIR: key(
    'Search and matching',
    optionalString,
    undefined,
    'For `MATCH_EMBEDDINGS=onnx`: folder with config.json, tokenizer.json and onnx/model.onnx (a sentence-embedding model exported to ONNX, e.g. bge-small-zh). Nothing is downloaded.',
  ),
  MATCH_EMBEDDINGS_URL: key(
    'Search and matching',
    optionalString,
    undefined,
    'For `MATCH_EMBEDDINGS=openai`: base URL of the endpoint, e.g. `https://api.example.com/v1` (`/embeddings` is appended).',
  ),
  MATCH_EMBEDDINGS_MODEL: key(
    'Search and matching',
    optionalString,
    undefined,
    'For `MATCH_EMBEDDINGS=openai`: the model name sent with each request (e.g. `bge-m3`, `text-embedding-3-small`).',
  ),
  MATCH_EMBEDDINGS_API_KEY: key(
    'Search and matching',
    optionalString,
    undefined,
    'For `MATCH_EMBEDDINGS=openai`: sent as `Authorization: Bearer …` (omit for endpoints without authentication).',
    true,
  ),
  MATCH_EMBEDDINGS_WEIGHT: key(
    'Search and matching',
    z.coerce.number().min(0).max(10),
    '0.3',
    "Weight of the embedding cosine in the fused score (the engine's text parts weigh 0.35 lexical + 0.15 semantic + 0.5 facet).",
  ),
  MATCH_EMBEDDINGS_MIN_SIMILARITY: key(
    'Search and matching',
    z.coerce.number().min(-1).max(1),
    '0.5',
    'Cosine from which an entry sharing no word with the query may still be returned (a semantic match) and is explained as "similar meaning". Depends on the model: raise it when unrelated entries appear.',
  ),
  MATCH_EMBEDDINGS_TIMEOUT_MS: key(
    'Search and matching',
    int(50, 120_000),
    '3000',
    'Longest wait for a query embedding; past it (or on any provider error) the search answers with the plain engine result and skips the provider for 30 s.',
  ),
  IMPORT_MAX_BYTES: key(
    'Imports',
    int(1024),
    '52428800',
    'Largest import file (Excel or CSV) in bytes; larger uploads get 413.',
  ),
  IMPORT_MAX_ROWS: key('Imports', int(1), '200000', 'Most data rows one import file may hold.'),
  IMPORT_MAX_ISSUES: key(
    'Imports',
    int(1),
    '1000',
    'Row problems kept in an import report (counts stay exact past it).',
  ),
  IMPORT_BATCH_TTL: key(
    'Imports',
    duration,
    '24h',
    'How long a validated import batch can still be committed.',
  ),
  IMPORT_CHUNK_ROWS: key(
    'Imports',
    int(1, 10_000),
    '1000',
    'Rows per upsert statement when an import is committed (one transaction for the whole batch).',
  ),
  IMPORT_EVENT_MAX: key(
    'Imports',
    int(0),
    '2000',
    'Committed batches up to this many changed rows notify the match index row by row; larger ones make it refresh.',
  ),
  EXPORT_MAX_ROWS: key('Imports', int(1), '500000', 'Most rows one export file may hold.'),
  CATALOG_PUBLISH_MODE: key(
    'Catalog',
    z.enum(['auto', 'review']),
    'auto',
    'Default publish mode of submitted capabilities, results and needs where no region (or ancestor) has its own setting: `auto` publishes at once, `review` waits for an officer of the region.',
  ),
  CATALOG_SENSITIVE_WORDS_FILE: key(
    'Catalog',
    optionalString,
    undefined,
    'Extra sensitive-word list (UTF-8, one word per line, `#` comments) checked on top of the project list when a listing is submitted.',
  ),
  CATALOG_LISTING_TTL_DAYS: key(
    'Catalog',
    int(0, 3650),
    '365',
    'Days a published listing stays up before the expiry job marks it expired (`0` = never); needs also expire after their deadline.',
  ),
} satisfies Record<string, ConfigKey>;

export type ConfigKeyName = keyof typeof CONFIG_KEYS;

/** The validated configuration: one typed value per key. */
export type AppConfig = { [K in ConfigKeyName]: z.output<(typeof CONFIG_KEYS)[K]['schema']> };
