/**
 * Tencent Cloud API 3.0 signature TC3-HMAC-SHA256:
 *
 *   CanonicalRequest = METHOD \n URI \n QUERY \n CanonicalHeaders \n SignedHeaders \n hex(SHA256(body))
 *     CanonicalHeaders: each signed header as `name:value\n`, names and values lower-cased and trimmed,
 *     sorted by name; SignedHeaders: the names joined by `;`
 *   CredentialScope  = YYYY-MM-DD (UTC, from the timestamp) / service / tc3_request
 *   StringToSign     = TC3-HMAC-SHA256 \n timestamp \n CredentialScope \n hex(SHA256(CanonicalRequest))
 *   key = HMAC(HMAC(HMAC('TC3' + SecretKey, date), service), 'tc3_request')
 *   Signature        = hex(HMAC-SHA256(key, StringToSign))
 *   Authorization    = TC3-HMAC-SHA256 Credential=SecretId/CredentialScope, SignedHeaders=…, Signature=…
 * @module
 */
import { createHash, createHmac } from 'node:crypto';

const ALGORITHM = 'TC3-HMAC-SHA256';

/** What is signed. `headers` are the headers to sign, by any capitalization. */
export interface Tc3Request {
  method: string;
  headers: Record<string, string>;
  body: string;
  service: string;
  /** Unix seconds, also sent as X-TC-Timestamp. */
  timestamp: number;
  path?: string;
  query?: string;
}

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

/** The UTC date (YYYY-MM-DD) of a Unix timestamp. */
export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** The `Authorization` header value for `req`. */
export function tc3Authorization(req: Tc3Request, secretId: string, secretKey: string): string {
  const entries = Object.entries(req.headers)
    .map(([k, v]) => [k.trim().toLowerCase(), v.trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalHeaders = entries.map(([k, v]) => `${k}:${v}\n`).join('');
  const signedHeaders = entries.map(([k]) => k).join(';');
  const canonicalRequest = [
    req.method.toUpperCase(),
    req.path ?? '/',
    req.query ?? '',
    canonicalHeaders,
    signedHeaders,
    sha256Hex(req.body),
  ].join('\n');
  const date = tc3Date(req.timestamp);
  const scope = `${date}/${req.service}/tc3_request`;
  const stringToSign = [ALGORITHM, String(req.timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, date), req.service), 'tc3_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  return `${ALGORITHM} Credential=${secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
