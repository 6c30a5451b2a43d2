/**
 * One HTTP call to an SMS provider with a timeout, turning network failures and non-JSON answers
 * into `SmsDeliveryError`s so adapters only deal with the provider's JSON.
 * @module
 */
import { SmsDeliveryError } from './sms.errors.ts';

/** `fetch`-compatible function (tests may wrap the global one). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Sends the request and parses the JSON body (providers answer JSON for errors too).
 * @throws SmsDeliveryError `sms.unreachable` (network, timeout) or `sms.provider_error` (not JSON)
 */
export async function callProvider(
  fetchFn: FetchLike,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<{ status: number; json: unknown }> {
  let res: Response;
  try {
    res = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new SmsDeliveryError('sms.unreachable', {
      providerMessage: (err as Error)?.message ?? String(err),
      cause: err,
    });
  }
  const text = await res.text().catch(() => '');
  try {
    return { status: res.status, json: JSON.parse(text) as unknown };
  } catch {
    throw new SmsDeliveryError('sms.provider_error', {
      providerCode: `HTTP ${res.status}`,
      providerMessage: text.slice(0, 200) || null,
    });
  }
}

/** `obj[key]` as a string when it is one. */
export function str(obj: unknown, key: string): string | undefined {
  if (typeof obj !== 'object' || obj === null) return undefined;
  const v = (obj as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}
