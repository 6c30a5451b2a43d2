/**
 * SMS failure codes. Provider answers are mapped onto these, so callers and the outbox page deal
 * with a handful of stable codes instead of two vendors' catalogues.
 * @module
 */
import { AppError } from '../../errors/app-error.ts';
import { registerMessages } from '../../i18n/messages.ts';

export const SmsErrors = registerMessages({
  'sms.rate_limited': {
    'zh-CN': '短信发送过于频繁，请稍后再试',
    en: 'Too many text messages, please try again later',
  },
  'sms.invalid_number': {
    'zh-CN': '手机号码无效，无法发送短信',
    en: 'The mobile number is not valid for SMS',
  },
  'sms.auth_failed': {
    'zh-CN': '短信服务鉴权失败（密钥或签名错误）',
    en: 'The SMS provider rejected our credentials or request signature',
  },
  'sms.sign_rejected': {
    'zh-CN': '短信签名未通过审核或不存在',
    en: 'The SMS signature is not approved or does not exist',
  },
  'sms.template_rejected': {
    'zh-CN': '短信模板未通过审核、不存在或参数不符',
    en: 'The SMS template is not approved, does not exist or its parameters do not match',
  },
  'sms.insufficient_balance': { 'zh-CN': '短信余额不足', en: 'The SMS account balance is insufficient' },
  'sms.provider_error': { 'zh-CN': '短信服务商返回错误', en: 'The SMS provider returned an error' },
  'sms.unreachable': { 'zh-CN': '无法连接短信服务', en: 'The SMS provider cannot be reached' },
  'sms.unknown_template': { 'zh-CN': '未知的短信模板：{template}', en: 'Unknown SMS template: {template}' },
  'sms.template_params': {
    'zh-CN': '短信模板 {template} 缺少参数：{missing}',
    en: 'SMS template {template} is missing parameters: {missing}',
  },
});

/** A stable SMS failure code (see {@link SmsErrors}). */
export type SmsErrorCode = keyof typeof SmsErrors;

// HTTP status an API caller sees if the error is not handled by the calling feature.
const STATUS: Record<SmsErrorCode, number> = {
  'sms.rate_limited': 429,
  'sms.invalid_number': 400,
  'sms.auth_failed': 502,
  'sms.sign_rejected': 502,
  'sms.template_rejected': 502,
  'sms.insufficient_balance': 502,
  'sms.provider_error': 502,
  'sms.unreachable': 503,
  'sms.unknown_template': 500,
  'sms.template_params': 500,
};

/**
 * A send that failed. `providerCode`/`providerMessage` keep the vendor's own words for the
 * delivery log and the server log (never shown to end users).
 */
export class SmsDeliveryError extends AppError {
  readonly providerCode: string | null;
  readonly providerMessage: string | null;
  /** True when trying again later may succeed (rate limits, network). */
  readonly retryable: boolean;

  constructor(
    code: SmsErrorCode,
    opts: {
      providerCode?: string | null;
      providerMessage?: string | null;
      params?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(code, STATUS[code], { params: opts.params, cause: opts.cause });
    this.providerCode = opts.providerCode ?? null;
    this.providerMessage = opts.providerMessage ?? null;
    this.retryable =
      code === 'sms.rate_limited' || code === 'sms.unreachable' || code === 'sms.provider_error';
  }

  /** One line for the delivery log's `error` column: `code (PROVIDER_CODE: message)`. */
  describe(): string {
    const vendor = [this.providerCode, this.providerMessage].filter(Boolean).join(': ');
    return (vendor ? `${this.code} (${vendor})` : this.code).slice(0, 500);
  }
}

/** Startup refusal (e.g. outbox in production); main prints `message` and exits without a stack trace. */
export class SmsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SmsConfigError';
  }
}
