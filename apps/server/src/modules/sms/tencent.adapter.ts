/**
 * Tencent Cloud SMS `SendSms` (API 3.0, version 2021-01-11): a JSON POST signed with
 * TC3-HMAC-SHA256 (see tencent.signing.ts). Numbers go out in E.164 (`+8613800000001`).
 * @module
 */
import { tc3Authorization } from './tencent.signing.ts';
import { callProvider, str, type FetchLike } from './provider-http.ts';
import { SmsDeliveryError, type SmsErrorCode } from './sms.errors.ts';
import { getSmsTemplate, orderedParams } from './sms.templates.ts';
import type { SmsTransport } from './sms.types.ts';

/** Settings of {@link tencentTransport}. */
export interface TencentOptions {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  /** e.g. `ap-guangzhou`. */
  region: string;
  /** Default `https://sms.tencentcloudapi.com`. */
  endpoint: string;
  /** Logical template name → Tencent TemplateId. */
  templateIds: Record<string, string>;
  fetch?: FetchLike;
  now?: () => Date;
  timeoutMs?: number;
}

// Tencent error codes (request-level `Error.Code` or per-number `SendStatusSet[].Code`).
const EXACT: Record<string, SmsErrorCode> = {
  RequestLimitExceeded: 'sms.rate_limited',
  'InvalidParameterValue.IncorrectPhoneNumber': 'sms.invalid_number',
  'FailedOperation.PhoneNumberInBlacklist': 'sms.invalid_number',
  'FailedOperation.PhoneNumberParseFail': 'sms.invalid_number',
  'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber': 'sms.invalid_number',
  'FailedOperation.SignatureIncorrectOrUnapproved': 'sms.sign_rejected',
  'InvalidParameterValue.SignNameLengthTooLong': 'sms.sign_rejected',
  'FailedOperation.TemplateIncorrectOrUnapproved': 'sms.template_rejected',
  'InvalidParameterValue.TemplateParameterFormatError': 'sms.template_rejected',
  'InvalidParameterValue.TemplateParameterLengthLimit': 'sms.template_rejected',
  'FailedOperation.MissingTemplateToModify': 'sms.template_rejected',
  'FailedOperation.InsufficientBalanceInSmsPackage': 'sms.insufficient_balance',
  'FailedOperation.ContainSensitiveWord': 'sms.template_rejected',
  'UnauthorizedOperation.SmsSdkAppIdVerifyFail': 'sms.auth_failed',
  'UnauthorizedOperation.IndividualUserMarketingSmsPermissionDeny': 'sms.auth_failed',
};

/** Maps a Tencent error code onto ours (prefix families first: `AuthFailure.*`, `LimitExceeded.*`). */
export function mapTencentError(code: string): SmsErrorCode {
  const exact = EXACT[code];
  if (exact) return exact;
  if (code.startsWith('AuthFailure')) return 'sms.auth_failed';
  if (code.startsWith('LimitExceeded')) return 'sms.rate_limited';
  return 'sms.provider_error';
}

/** Creates the Tencent Cloud transport. */
export function tencentTransport(opts: TencentOptions): SmsTransport {
  const fetchFn = opts.fetch ?? ((input, init) => fetch(input, init));
  const now = opts.now ?? (() => new Date());
  const url = new URL('/', opts.endpoint);
  return {
    provider: 'tencent',
    async deliver(message) {
      const template = getSmsTemplate(message.template);
      const templateId = opts.templateIds[template.name];
      if (!templateId)
        throw new SmsDeliveryError('sms.unknown_template', { params: { template: template.name } });
      const body = JSON.stringify({
        PhoneNumberSet: [`+86${message.phone}`],
        SmsSdkAppId: opts.sdkAppId,
        SignName: opts.signName,
        TemplateId: templateId,
        TemplateParamSet: orderedParams(template, message.params),
        // Echoed back in receipts: lets a receipt find our row.
        SessionContext: message.id,
      });
      const timestamp = Math.floor(now().getTime() / 1000);
      const signed = {
        'content-type': 'application/json; charset=utf-8',
        host: url.host,
        'x-tc-action': 'SendSms',
      };
      const authorization = tc3Authorization(
        { method: 'POST', headers: signed, body, service: 'sms', timestamp },
        opts.secretId,
        opts.secretKey,
      );

      const { json } = await callProvider(
        fetchFn,
        url.toString(),
        {
          method: 'POST',
          headers: {
            authorization,
            'content-type': signed['content-type'],
            'x-tc-action': 'SendSms',
            'x-tc-version': '2021-01-11',
            'x-tc-timestamp': String(timestamp),
            'x-tc-region': opts.region,
          },
          body,
        },
        opts.timeoutMs ?? 10_000,
      );
      const response = (json as { Response?: unknown }).Response;
      const error = (response as { Error?: unknown } | undefined)?.Error;
      if (error) {
        const code = str(error, 'Code') ?? 'Unknown';
        throw new SmsDeliveryError(mapTencentError(code), {
          providerCode: code,
          providerMessage: str(error, 'Message') ?? null,
        });
      }
      const status = (response as { SendStatusSet?: unknown[] } | undefined)?.SendStatusSet?.[0];
      const code = str(status, 'Code');
      if (code === 'Ok') return { providerMessageId: str(status, 'SerialNo') ?? null };
      throw new SmsDeliveryError(code ? mapTencentError(code) : 'sms.provider_error', {
        providerCode: code ?? 'NoSendStatus',
        providerMessage: str(status, 'Message') ?? null,
      });
    },
  };
}
