/**
 * Message templates. A template has a logical name the code uses (`otp`), its variables in the
 * order Tencent's positional `TemplateParamSet` needs them, and the text in zh-CN and en that the
 * outbox records. Real providers send their own approved template (id from configuration) with
 * the same variables, so the wording here should match what is registered with the provider.
 * @module
 */
import type { AppConfig } from '../../config/keys.ts';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale.ts';
import { SmsDeliveryError } from './sms.errors.ts';

/** One template. */
export interface SmsTemplate {
  name: string;
  /** Variables in provider order (Tencent fills `{1}`, `{2}`… by position). */
  variables: readonly string[];
  /** Text per locale with `{variable}` placeholders, without the signature. */
  text: Record<Locale, string>;
  /** Configuration key holding the provider's template id/code. */
  configKey: 'SMS_TEMPLATE_OTP' | 'SMS_TEMPLATE_MATCH_ALERT';
  /** Variables that are secrets (one-time codes): masked wherever the message is kept except the outbox. */
  secret?: readonly string[];
}

const templates = new Map<string, SmsTemplate>();

/**
 * Adds a template (features that send SMS register theirs once, at import time).
 * @example defineSmsTemplate({ name: 'otp', variables: ['code', 'minutes'], text: {...}, configKey: 'SMS_TEMPLATE_OTP' })
 */
export function defineSmsTemplate(template: SmsTemplate): SmsTemplate {
  templates.set(template.name, template);
  return template;
}

/** One-time code for registration, sign-in, phone verification, password reset, phone change. */
export const OTP_TEMPLATE = defineSmsTemplate({
  name: 'otp',
  variables: ['code', 'minutes'],
  text: {
    'zh-CN': '您的验证码是 {code}，{minutes} 分钟内有效。请勿将验证码告诉他人。',
    en: 'Your verification code is {code}, valid for {minutes} minutes. Do not share it with anyone.',
  },
  configKey: 'SMS_TEMPLATE_OTP',
  secret: ['code'],
});

/** Default signature (签名) when none is configured: only the outbox uses it. */
export const DEFAULT_SIGN_NAME = '天府科技云';

/**
 * The template, or an `sms.unknown_template` error.
 * @throws SmsDeliveryError
 */
export function getSmsTemplate(name: string): SmsTemplate {
  const t = templates.get(name);
  if (!t) throw new SmsDeliveryError('sms.unknown_template', { params: { template: name } });
  return t;
}

/**
 * Checks that every variable has a value and returns them in provider order.
 * @throws SmsDeliveryError `sms.template_params`
 */
export function orderedParams(template: SmsTemplate, params: Record<string, string>): string[] {
  const missing = template.variables.filter((v) => typeof params[v] !== 'string' || params[v] === '');
  if (missing.length > 0) {
    throw new SmsDeliveryError('sms.template_params', {
      params: { template: template.name, missing: missing.join(', ') },
    });
  }
  return template.variables.map((v) => params[v] as string);
}

/**
 * The text as a recipient reads it: `【签名】` + the template filled in.
 * @example renderSms(OTP_TEMPLATE, { code: '123456', minutes: '10' }) // '【天府科技云】您的验证码是 123456，10 分钟内有效。…'
 */
export function renderSms(
  template: SmsTemplate,
  params: Record<string, string>,
  opts: { locale?: Locale; signName?: string } = {},
): string {
  const text = template.text[opts.locale ?? DEFAULT_LOCALE].replace(
    /\{(\w+)\}/g,
    (whole, key: string) => params[key] ?? whole,
  );
  const sign = opts.signName ?? DEFAULT_SIGN_NAME;
  return (opts.locale ?? DEFAULT_LOCALE) === 'en' ? `[${sign}] ${text}` : `【${sign}】${text}`;
}

/** Provider template id for `template` from configuration, or undefined when not configured. */
export function providerTemplateId(
  config: Pick<AppConfig, SmsTemplate['configKey']>,
  template: SmsTemplate,
): string | undefined {
  return config[template.configKey];
}

/** `params` with the template's secret variables replaced by `******`. */
export function redactParams(template: SmsTemplate, params: Record<string, string>): Record<string, string> {
  const out = { ...params };
  for (const v of template.secret ?? []) if (v in out) out[v] = '******';
  return out;
}
