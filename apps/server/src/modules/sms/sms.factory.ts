/**
 * `createSmsSender(config, db, logger)`: picks the adapter from configuration. Called once at
 * start-up by main (and the worker); it throws {@link SmsConfigError} with a readable message
 * instead of starting in an unsafe or half-configured state.
 * @module
 */
import type { Logger } from 'pino';
import type { Db } from '@tianfu/db';
import type { AppConfig } from '../../config/keys.ts';
import { aliyunTransport } from './aliyun.adapter.ts';
import { outboxTransport } from './outbox.adapter.ts';
import type { FetchLike } from './provider-http.ts';
import { SmsConfigError } from './sms.errors.ts';
import { createDeliveringSender } from './sms.service.ts';
import { DEFAULT_SIGN_NAME, OTP_TEMPLATE } from './sms.templates.ts';
import { tencentTransport } from './tencent.adapter.ts';
import type { SmsSender, SmsTransport } from './sms.types.ts';

/** The configuration keys the SMS channel reads. */
export type SmsConfig = Pick<
  AppConfig,
  | 'NODE_ENV'
  | 'SMS_PROVIDER'
  | 'SMS_ALLOW_OUTBOX_IN_PRODUCTION'
  | 'SMS_SIGN_NAME'
  | 'SMS_TEMPLATE_OTP'
  | 'SMS_TEMPLATE_MATCH_ALERT'
  | 'ALIYUN_SMS_ACCESS_KEY_ID'
  | 'ALIYUN_SMS_ACCESS_KEY_SECRET'
  | 'ALIYUN_SMS_ENDPOINT'
  | 'TENCENT_SMS_SECRET_ID'
  | 'TENCENT_SMS_SECRET_KEY'
  | 'TENCENT_SMS_SDK_APP_ID'
  | 'TENCENT_SMS_REGION'
  | 'TENCENT_SMS_ENDPOINT'
>;

/** Test seams. */
export interface SmsFactoryOptions {
  fetch?: FetchLike;
  now?: () => Date;
}

function required(config: SmsConfig, keys: (keyof SmsConfig)[]): void {
  const missing = keys.filter((k) => !config[k]);
  if (missing.length > 0) {
    throw new SmsConfigError(
      `SMS_PROVIDER=${config.SMS_PROVIDER} needs ${missing.join(', ')} (see the SMS section of the configuration docs)`,
    );
  }
}

/** Templates other features register, mapped when their provider id is configured. */
function optionalTemplates(config: SmsConfig): Record<string, string> {
  return config.SMS_TEMPLATE_MATCH_ALERT ? { match_alert: config.SMS_TEMPLATE_MATCH_ALERT } : {};
}

function transportFor(config: SmsConfig, logger: Logger, opts: SmsFactoryOptions): SmsTransport {
  switch (config.SMS_PROVIDER) {
    case 'outbox':
      if (config.NODE_ENV === 'production' && !config.SMS_ALLOW_OUTBOX_IN_PRODUCTION) {
        throw new SmsConfigError(
          'SMS_PROVIDER=outbox would send no text messages in production (codes would only be visible to administrators). ' +
            'Configure SMS_PROVIDER=aliyun or tencent, or set SMS_ALLOW_OUTBOX_IN_PRODUCTION=true for a demo.',
        );
      }
      return outboxTransport(logger, { revealInLog: config.NODE_ENV !== 'production' });
    case 'aliyun':
      required(config, [
        'ALIYUN_SMS_ACCESS_KEY_ID',
        'ALIYUN_SMS_ACCESS_KEY_SECRET',
        'SMS_SIGN_NAME',
        'SMS_TEMPLATE_OTP',
      ]);
      return aliyunTransport({
        accessKeyId: config.ALIYUN_SMS_ACCESS_KEY_ID as string,
        accessKeySecret: config.ALIYUN_SMS_ACCESS_KEY_SECRET as string,
        signName: config.SMS_SIGN_NAME as string,
        endpoint: config.ALIYUN_SMS_ENDPOINT,
        templateCodes: { [OTP_TEMPLATE.name]: config.SMS_TEMPLATE_OTP as string, ...optionalTemplates(config) },
        fetch: opts.fetch,
        now: opts.now,
      });
    case 'tencent':
      required(config, [
        'TENCENT_SMS_SECRET_ID',
        'TENCENT_SMS_SECRET_KEY',
        'TENCENT_SMS_SDK_APP_ID',
        'SMS_SIGN_NAME',
        'SMS_TEMPLATE_OTP',
      ]);
      return tencentTransport({
        secretId: config.TENCENT_SMS_SECRET_ID as string,
        secretKey: config.TENCENT_SMS_SECRET_KEY as string,
        sdkAppId: config.TENCENT_SMS_SDK_APP_ID as string,
        signName: config.SMS_SIGN_NAME as string,
        region: config.TENCENT_SMS_REGION,
        endpoint: config.TENCENT_SMS_ENDPOINT,
        templateIds: { [OTP_TEMPLATE.name]: config.SMS_TEMPLATE_OTP as string, ...optionalTemplates(config) },
        fetch: opts.fetch,
        now: opts.now,
      });
    default: {
      const never: never = config.SMS_PROVIDER;
      throw new SmsConfigError(`Unknown SMS_PROVIDER=${String(never)}`);
    }
  }
}

/**
 * The configured SMS sender, recording every message in `sms_messages`.
 * @throws SmsConfigError outbox in production without SMS_ALLOW_OUTBOX_IN_PRODUCTION, or missing provider keys
 * @example
 * let sms: SmsSender;
 * try { sms = createSmsSender(config, db, logger); } catch (err) { if (err instanceof SmsConfigError) { console.error(err.message); process.exit(1); } throw err; }
 */
export function createSmsSender(
  config: SmsConfig,
  db: Db,
  logger: Logger,
  opts: SmsFactoryOptions = {},
): SmsSender {
  const transport = transportFor(config, logger, opts);
  if (transport.provider === 'outbox' && config.NODE_ENV === 'production') {
    logger.warn(
      'SMS outbox adapter in production (SMS_ALLOW_OUTBOX_IN_PRODUCTION=true): no text message leaves this server',
    );
  }
  return createDeliveringSender({
    db,
    transport,
    logger,
    signName: config.SMS_SIGN_NAME ?? DEFAULT_SIGN_NAME,
    now: opts.now,
  });
}
