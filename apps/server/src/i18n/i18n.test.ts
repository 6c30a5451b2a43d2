import { describe, expect, it } from 'vitest';
import '../errors/core.errors.ts';
import { featureModules } from '../modules/index.ts';
import { localeFromRequest, parseAcceptLanguage } from './locale.ts';
import { catalogConflicts, hasMessage, registerMessages, translate } from './messages.ts';

describe('locale negotiation', () => {
  it.each([
    [undefined, null],
    ['en-US,en;q=0.9', 'en'],
    ['zh-TW,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr-FR,en;q=0.5,zh;q=0.7', 'zh-CN'],
    ['fr-FR,de;q=0.5', null],
    ['en;q=0, zh', 'zh-CN'],
  ])('%s → %s', (header, locale) => expect(parseAcceptLanguage(header)).toBe(locale));

  it('prefers ?lang, then the lang cookie, then Accept-Language, then zh-CN', () => {
    expect(localeFromRequest({ headers: { 'accept-language': 'en' }, query: { lang: 'zh' } })).toBe('zh-CN');
    expect(
      localeFromRequest({ headers: { 'accept-language': 'zh', cookie: 'a=1; lang=en' }, query: {} }),
    ).toBe('en');
    expect(localeFromRequest({ headers: { 'accept-language': 'en-GB' }, query: {} })).toBe('en');
    expect(localeFromRequest({ headers: {}, query: {} })).toBe('zh-CN');
  });
});

describe('message catalog', () => {
  it('translates with placeholders and falls back to the code', () => {
    registerMessages({ 'test.hello': { 'zh-CN': '你好，{name}', en: 'Hello, {name}' } });
    expect(translate('test.hello', 'en', { name: 'Li' })).toBe('Hello, Li');
    expect(translate('test.hello', 'zh-CN', { name: '李' })).toBe('你好，李');
    expect(translate('test.missing', 'en')).toBe('test.missing');
  });

  it('reports a code registered twice with different text, keeping the first', () => {
    registerMessages({ 'test.dup': { 'zh-CN': '一', en: 'one' } });
    registerMessages({ 'test.dup': { 'zh-CN': '二', en: 'two' } });
    expect(translate('test.dup', 'en')).toBe('one');
    expect(catalogConflicts()).toContain('test.dup');
  });

  it('has no conflicting codes across all feature modules', () => {
    expect(featureModules.length).toBeGreaterThan(0);
    expect(catalogConflicts().filter((c) => !c.startsWith('test.'))).toEqual([]);
    expect(hasMessage('error.internal')).toBe(true);
  });
});
