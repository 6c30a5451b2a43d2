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
import { catalogMessages } from '../modules/catalog/messages';
import { discoverMessages } from '../modules/discover/messages';
import { listingMessages } from '../modules/listings/messages';
import { publishMessages } from '../modules/publish/messages';
import { inboxMessages } from '../modules/inbox/messages';
import { officerMessages } from '../modules/officer/messages';

const zh = {
  ...shellMessages['zh-CN'],
  ...homeMessages['zh-CN'],
  ...authMessages['zh-CN'],
  ...accountMessages['zh-CN'],
  ...adminMessages['zh-CN'],
  ...catalogMessages['zh-CN'],
  ...discoverMessages['zh-CN'],
  ...listingMessages['zh-CN'],
  ...publishMessages['zh-CN'],
  ...inboxMessages['zh-CN'],
  ...officerMessages['zh-CN'],
};

/** Any key of the UI dictionary. */
export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  ...shellMessages.en,
  ...homeMessages.en,
  ...authMessages.en,
  ...accountMessages.en,
  ...adminMessages.en,
  ...catalogMessages.en,
  ...discoverMessages.en,
  ...listingMessages.en,
  ...publishMessages.en,
  ...inboxMessages.en,
  ...officerMessages.en,
};

/** Every feature dictionary, for the check that no key is defined twice (a later one would win silently). */
export const featureDictionaries = {
  shell: shellMessages,
  home: homeMessages,
  auth: authMessages,
  account: accountMessages,
  admin: adminMessages,
  catalog: catalogMessages,
  discover: discoverMessages,
  listings: listingMessages,
  publish: publishMessages,
  inbox: inboxMessages,
  officer: officerMessages,
};

/** The dictionary per language. */
export const messages: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };
