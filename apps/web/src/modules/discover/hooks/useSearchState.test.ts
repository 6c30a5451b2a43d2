import { describe, expect, it } from 'vitest';
import { parseSearch, toCriteria, toQuery } from './useSearchState';

describe('search state in the URL', () => {
  it('parses known values and drops unknown kinds, sorts and non-numbers', () => {
    const s = parseSearch(
      new URLSearchParams('q=猕猴桃&kind=need&region=5101&priceMax=5000&maturityMin=x&sort=bogus&page=3'),
    );
    expect(s).toMatchObject({
      text: '猕猴桃',
      kind: 'need',
      region: '5101',
      priceMax: 5000,
      maturityMin: null,
      sort: null,
      page: 3,
    });
    expect(parseSearch(new URLSearchParams('kind=robot')).kind).toBeNull();
  });

  it('turns a state into saved-search criteria and an API query', () => {
    const s = parseSearch(new URLSearchParams('q= 锂电池 &kind=result&maturityMin=6&page=2'));
    expect(toCriteria(s)).toEqual({ text: '锂电池', kinds: ['result'], maturityMin: 6 });
    expect(toQuery(s, 10)).toMatchObject({
      text: '锂电池',
      kinds: 'result',
      maturityMin: 6,
      page: 2,
      pageSize: 10,
    });
  });
});
