/**
 * The message catalog: stable codes → text in every locale. Each feature registers its own
 * codes from its `<feature>.errors.ts`, so a missing translation is a type error there.
 * @module
 */
import { DEFAULT_LOCALE, type Locale } from './locale.ts';

/** One message in every supported locale. `{name}` placeholders are filled from params. */
export type LocalizedMessage = Record<Locale, string>;
/** A set of message codes with their texts. */
export type MessageCatalog = Record<string, LocalizedMessage>;
/** Values that can fill `{placeholders}`. */
export type MessageParams = Record<string, string | number | boolean | null | undefined>;

const catalog = new Map<string, LocalizedMessage>();

/** Codes registered twice with different text (first registration wins). A test keeps this empty. */
const conflicts = new Set<string>();

/**
 * Adds codes to the global catalog. Registering the same code twice with different text is a
 * programming error (two features fighting over one code): the first text stays and the code is
 * reported by {@link catalogConflicts}, which the i18n test asserts is empty. It does not throw,
 * so module import order can never crash start-up.
 * @example
 * export const AuthErrors = registerMessages({
 *   'auth.locked': { 'zh-CN': '账号已锁定，请 {minutes} 分钟后再试', en: 'Account locked, try again in {minutes} minutes' },
 * });
 */
export function registerMessages<C extends MessageCatalog>(messages: C): { [K in keyof C]: K } {
  const codes = {} as { [K in keyof C]: K };
  for (const [code, text] of Object.entries(messages)) {
    const existing = catalog.get(code);
    if (existing && (existing['zh-CN'] !== text['zh-CN'] || existing.en !== text.en)) conflicts.add(code);
    if (!existing) catalog.set(code, text);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

/** Codes registered with two different texts. */
export function catalogConflicts(): string[] {
  return [...conflicts].sort();
}

/** Every registered code (for completeness tests). */
export function registeredCodes(): string[] {
  return [...catalog.keys()].sort();
}

/** True when `code` is a registered message code. */
export function hasMessage(code: string): boolean {
  return catalog.has(code);
}

function interpolate(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined || value === null ? whole : String(value);
  });
}

/**
 * Text for a code in a locale. Unknown codes come back as the code itself, so a forgotten
 * registration shows up as `some.code` in the UI instead of an empty string.
 */
export function translate(code: string, locale: Locale = DEFAULT_LOCALE, params?: MessageParams): string {
  const entry = catalog.get(code);
  if (!entry) return code;
  return interpolate(entry[locale] ?? entry[DEFAULT_LOCALE], params);
}
