/**
 * Which language a request wants. zh-CN is the default; English when the client asks for it.
 * @module
 */
import type { FastifyRequest } from 'fastify';

/** Locales the platform ships messages for. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Maps any language tag (`en-US`, `zh`, `zh-Hans-CN`) onto a supported locale, or null. */
export function normalizeLocale(tag: string | undefined | null): Locale | null {
  if (!tag) return null;
  const t = tag.trim().toLowerCase();
  if (t.startsWith('zh')) return 'zh-CN';
  if (t.startsWith('en')) return 'en';
  return null;
}

/**
 * Picks the best supported locale from an `Accept-Language` header, honouring q-values.
 * @example parseAcceptLanguage('en-US,en;q=0.9,zh;q=0.8') // 'en'
 */
export function parseAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((x) => x.weight > 0)
    // Stable: equal weights keep the client's order.
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = normalizeLocale(tag);
    if (locale) return locale;
  }
  return null;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * The locale for a request: explicit `?lang=` first, then the `lang` cookie the web app's
 * language switch sets, then `Accept-Language`, then zh-CN.
 */
export function localeFromRequest(req: Pick<FastifyRequest, 'headers' | 'query'>): Locale {
  const query = (req.query ?? {}) as Record<string, unknown>;
  const fromQuery = typeof query.lang === 'string' ? normalizeLocale(query.lang) : null;
  return (
    fromQuery ??
    normalizeLocale(readCookie(req.headers.cookie, 'lang')) ??
    parseAcceptLanguage(req.headers['accept-language']) ??
    DEFAULT_LOCALE
  );
}
