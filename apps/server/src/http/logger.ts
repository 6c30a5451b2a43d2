/**
 * The structured logger (pino). Secrets are replaced, personal data masked, both by field name
 * (anywhere in the logged object) and by pattern inside message strings, so a careless
 * `log.info({ body })` or `log.info(\`code sent to ${phone}\`)` still leaks nothing.
 * @module
 */
import { pino, type Logger, type LoggerOptions } from 'pino';
import { maskIdNumber, maskPersonalText, maskPhone } from './mask.ts';

// Field names (case-insensitive, compared without _ and -) whose values are never logged.
const SECRET_KEYS = new Set([
  'password',
  'newpassword',
  'oldpassword',
  'currentpassword',
  'passwordhash',
  'code',
  'otp',
  'otpcode',
  'smscode',
  'token',
  'accesstoken',
  'refreshtoken',
  'csrftoken',
  'sessiontoken',
  'secret',
  'totpsecret',
  'totp',
  'totpcode',
  'authorization',
  'cookie',
  'setcookie',
  'xcsrftoken',
  'secretkey',
  'accesskeysecret',
  'apikey',
  'databaseurl',
  'tianfusecretkey',
  'recoverycode',
  'recoverycodes',
]);
const PHONE_KEYS = new Set(['phone', 'mobile', 'phonenumber', 'phonenumbers', 'to']);
const ID_KEYS = new Set(['idnumber', 'idcard', 'residentid', 'idno']);

const normalize = (k: string) => k.toLowerCase().replace(/[_-]/g, '');

/**
 * Deep copy of a log object with secrets removed and personal data masked.
 * Exported for tests and for anyone serializing objects into other sinks (e.g. the SMS outbox print).
 */
export function scrubForLog(value: unknown, depth = 0, key = ''): unknown {
  const k = normalize(key);
  if (value === null || value === undefined) return value;
  if (SECRET_KEYS.has(k)) return '[REDACTED]';
  if (typeof value === 'string') {
    if (PHONE_KEYS.has(k)) return maskPhone(value);
    if (ID_KEYS.has(k)) return maskIdNumber(value);
    return maskPersonalText(value);
  }
  if (typeof value !== 'object') return value;
  if (depth > 6) return '[…]';
  if (value instanceof Error) {
    return {
      type: value.name,
      message: maskPersonalText(value.message),
      stack: value.stack ? maskPersonalText(value.stack) : undefined,
    };
  }
  if (Array.isArray(value)) return value.map((v) => scrubForLog(v, depth + 1, key));
  // Class instances (Fastify's request/reply, Buffers, Dates) go to their own serializers:
  // copying their own properties would lose getters such as request.method.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [childKey, child] of Object.entries(value))
    out[childKey] = scrubForLog(child, depth + 1, childKey);
  return out;
}

/** Options for {@link createLogger}. */
export interface LoggerConfig {
  level: string;
  pretty?: boolean;
  /** Where to write; defaults to stdout. Tests pass a stream to read lines back. */
  destination?: NodeJS.WritableStream;
}

/** pino options shared by the server and the worker. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    // Only what we want from requests: never headers wholesale (cookies, authorization).
    serializers: {
      req: (req: { method?: string; url?: string; id?: string; ip?: string }) => ({
        method: req.method,
        url: req.url ? maskPersonalText(req.url) : req.url,
        id: req.id,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (err: Error) => scrubForLog(err),
    },
    formatters: {
      log: (obj) => scrubForLog(obj) as Record<string, unknown>,
    },
    hooks: {
      // Mask personal data inside the message string and any printf-style arguments.
      logMethod(args, method) {
        const cleaned = args.map((a) => (typeof a === 'string' ? maskPersonalText(a) : a)) as typeof args;
        return method.apply(this, cleaned);
      },
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[REDACTED]',
    },
  };
}

/** Creates the process logger. */
export function createLogger(config: LoggerConfig): Logger {
  const options = loggerOptions(config.level);
  if (config.destination) return pino(options, config.destination);
  if (config.pretty) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:standard' } },
    });
  }
  return pino(options);
}
