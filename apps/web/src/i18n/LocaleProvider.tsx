import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { interpolate, LOCALES, type Locale } from './define';
import { messages, type MessageKey } from './messages';
import { setRequestLocale } from '../lib/api/client';

const STORAGE_KEY = 'tianfu.locale';

/** Reads the persisted choice; a fresh visitor gets Chinese whatever the browser says (the platform is provincial). */
function initialLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  } catch {
    // Private mode or blocked storage: fall back to the default.
  }
  return 'zh-CN';
}

/** Translates a key, filling `{placeholders}`. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  setRequestLocale(locale);
  document.documentElement.lang = locale;
}

/** Holds the UI language, persists it and keeps dayjs, the API client and `<html lang>` in step. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initialLocale();
    applyLocale(first);
    return first;
  });

  useEffect(() => {
    applyLocale(locale);
    document.title = messages[locale]['app.name'];
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted, still switched for this visit.
    }
    applyLocale(next);
    setLocaleState(next);
  }, []);

  const t = useCallback<Translate>((key, vars) => interpolate(messages[locale][key], vars), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The current language, its setter and the translate function. */
export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside <LocaleProvider>');
  return value;
}

/** Shorthand for components that only need `t`. */
export function useT(): Translate {
  return useLocale().t;
}
