/**
 * Every UI string, merged from the feature dictionaries. `MessageKey` is the union of all keys,
 * so `t('nav.hme')` is a compile error.
 */
import type { Locale } from './define';
import { shellMessages } from '../modules/shell/messages';
import { homeMessages } from '../modules/home/messages';
import { authMessages } from '../modules/auth/messages';
import { accountMessages } from '../modules/account/messages';
import { adminMessages } from '../modules/admin/messages';

const zh = {
  ...shellMessages['zh-CN'],
  ...homeMessages['zh-CN'],
  ...authMessages['zh-CN'],
  ...accountMessages['zh-CN'],
  ...adminMessages['zh-CN'],
};

/** Any key of the UI dictionary. */
export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  ...shellMessages.en,
  ...homeMessages.en,
  ...authMessages.en,
  ...accountMessages.en,
  ...adminMessages.en,
};

/** The dictionary per language. */
export const messages: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };
