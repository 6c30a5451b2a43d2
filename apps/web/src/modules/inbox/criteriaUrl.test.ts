import { describe, expect, it } from 'vitest';
import { parseSearch, toCriteria } from '../discover/hooks/useSearchState';
import { criteriaUrl } from './criteriaUrl';

describe('criteriaUrl', () => {
  it('opens the discover page with the saved criteria, which read back the same', () => {
    const criteria = { text: '锂电池回收', kinds: ['capability' as const], region: '5101', maturityMin: 4 };
    const url = criteriaUrl(criteria);
    expect(url.startsWith('/discover?')).toBe(true);
    expect(toCriteria(parseSearch(new URLSearchParams(url.split('?')[1])))).toEqual(criteria);
  });

  it('is the bare discover page for empty criteria', () => {
    expect(criteriaUrl({})).toBe('/discover');
  });
});
