/** The two languages the app speaks; zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/**
 * Declares one feature's UI text in both languages. The English table must carry exactly the
 * Chinese table's keys, so a missing translation is a type error rather than a blank label.
 *
 * @example
 * export const homeMessages = defineMessages({ 'home.title': '天府科技云' }, { 'home.title': 'Tianfu Science Cloud' });
 */
export function defineMessages<const Zh extends Record<string, string>>(
  zh: Zh,
  en: { [K in keyof Zh]: string },
): { 'zh-CN': Zh; en: { [K in keyof Zh]: string } } {
  return { 'zh-CN': zh, en };
}

/** Replaces `{name}` placeholders; unknown names stay visible so a typo shows up in review. */
export function interpolate(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
