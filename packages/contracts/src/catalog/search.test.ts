import { describe, expect, it } from 'vitest';
import { SavedSearchCreate } from './saved-searches.ts';
import { SearchQuery } from './search.ts';

describe('SearchQuery', () => {
  it('reads ?q= and ?kind= as text and kinds, as every list route does', () => {
    const parsed = SearchQuery.parse({ q: ' 水稻 ', kind: 'need' });
    expect(parsed.text).toBe('水稻');
    expect(parsed.kinds).toEqual(['need']);
  });

  it('prefers text and kinds when both spellings are sent', () => {
    const parsed = SearchQuery.parse({ q: 'a', text: '茶叶', kind: 'need', kinds: 'scientist,team' });
    expect(parsed.text).toBe('茶叶');
    expect(parsed.kinds).toEqual(['scientist', 'team']);
  });

  it('refuses control characters in the search text with a field error', () => {
    const result = SearchQuery.safeParse({ text: 'x\u0000' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['text']);
    expect(result.error?.issues[0]?.message).toBe('validation.control_chars');
  });
});

describe('SavedSearchCreate', () => {
  it('refuses control characters in the name', () => {
    const result = SavedSearchCreate.safeParse({ name: 'x\u0000', criteria: {} });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['name']);
  });
});
