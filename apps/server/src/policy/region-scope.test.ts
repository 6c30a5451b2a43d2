import { describe, expect, it } from 'vitest';
import { canAccessRegion, regionScopeOf } from './region-scope.ts';
import type { Actor } from './actor.ts';

const actor = (roles: Actor['roles'], kind: Actor['kind'] = 'citizen'): Actor => ({
  userId: '00000000-0000-4000-8000-000000000001',
  kind,
  roles,
});
const admin = actor([{ role: 'admin', regionCode: null }]);
const sichuan = actor([{ role: 'officer', regionCode: '51' }]);
const chengdu = actor([{ role: 'officer', regionCode: '510100' }]);
const jinjiang = actor([{ role: 'officer', regionCode: '510104' }]);
const editor = actor([{ role: 'editor', regionCode: null }]);
const scientist = actor([], 'scientist');

describe('regionScopeOf', () => {
  it('is unrestricted for administrators', () => expect(regionScopeOf(admin)).toBeNull());
  it('is the granted region (canonical) for officers', () => {
    expect(regionScopeOf(sichuan)).toEqual(['51']);
    expect(regionScopeOf(chengdu)).toEqual(['5101']);
    expect(regionScopeOf(jinjiang)).toEqual(['510104']);
  });
  it('merges several grants, dropping ones a wider grant covers', () => {
    const multi = actor([
      { role: 'officer', regionCode: '5101' },
      { role: 'officer', regionCode: '510104' },
      { role: 'officer', regionCode: '5107' },
    ]);
    expect(regionScopeOf(multi)?.sort()).toEqual(['5101', '5107']);
  });
  it('is empty for editors, ordinary users and anonymous requests', () => {
    expect(regionScopeOf(editor)).toEqual([]);
    expect(regionScopeOf(scientist)).toEqual([]);
    expect(regionScopeOf(null)).toEqual([]);
  });
});

describe('canAccessRegion', () => {
  const cases: [string, Actor | null, string | null, boolean][] = [
    ['admin anywhere', admin, '440305', true],
    ['admin on a record without region', admin, null, true],
    ['province officer in a county of the province', sichuan, '510104', true],
    ['province officer in another province', sichuan, '5001', false],
    ['city officer in their city', chengdu, '5101', true],
    ['city officer in a county of their city', chengdu, '510104', true],
    ['city officer in the province above', chengdu, '51', false],
    ['city officer in a sibling city', chengdu, '510700', false],
    ['county officer in their county', jinjiang, '510104', true],
    ['county officer in the sibling county', jinjiang, '510105', false],
    ['county officer in their city', jinjiang, '5101', false],
    ['officer on a record without region', chengdu, null, false],
    ['officer with an unknown code', chengdu, '510199', false],
    ['editor', editor, '5101', false],
    ['scientist', scientist, '5101', false],
    ['anonymous', null, '5101', false],
  ];
  it.each(cases)('%s', (_name, who, code, expected) => {
    expect(canAccessRegion(who, code)).toBe(expected);
  });
});
