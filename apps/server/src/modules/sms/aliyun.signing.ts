/**
 * Aliyun RPC signature, version 1.0 (HMAC-SHA1), as used by dysmsapi SendSms:
 *
 *   canonical   = sorted params (without Signature), each `enc(name)=enc(value)`, joined by `&`
 *   stringToSign = METHOD + '&' + enc('/') + '&' + enc(canonical)
 *   Signature   = base64(HMAC-SHA1(key = AccessKeySecret + '&', stringToSign))
 *
 * `enc` is RFC 3986 percent-encoding of UTF-8: only `A–Z a–z 0–9 - _ . ~` stay as they are,
 * space becomes `%20` (not `+`), `*` becomes `%2A`.
 * @module
 */
import { createHmac } from 'node:crypto';

/**
 * Aliyun's percent-encoding. `encodeURIComponent` leaves `! ' ( ) *` alone, which Aliyun encodes.
 * @example aliyunPercentEncode('a b*c~') // 'a%20b%2Ac~'
 */
export function aliyunPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The string to sign for `params` sent with `method`. */
export function aliyunStringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k] as string)}`)
    .join('&');
  return `${method.toUpperCase()}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(canonical)}`;
}

/** The `Signature` parameter value. */
export function aliyunSignature(
  method: string,
  params: Record<string, string>,
  accessKeySecret: string,
): string {
  return createHmac('sha1', `${accessKeySecret}&`)
    .update(aliyunStringToSign(method, params), 'utf8')
    .digest('base64');
}

/** Aliyun's Timestamp format: ISO 8601 UTC without milliseconds, `2026-11-29T04:40:26Z`. */
export function aliyunTimestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
