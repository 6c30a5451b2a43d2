import { describe, expect, it } from 'vitest';
import {
  excludeConflicting,
  expandParty,
  partyConflicts,
  summarizeExclusions,
  type CoiParty,
} from './coi.ts';

const party = (id: string, o: Partial<CoiParty> = {}): CoiParty => ({
  id,
  people: [],
  orgIds: [],
  teamIds: [],
  ...o,
});
const none = { teamsOf: new Map(), orgsOf: new Map(), declared: new Map() };

describe('conflict of interest', () => {
  it('finds the same person, organization, team and declarations both ways', () => {
    const need = party('n1', { people: ['u1'], orgIds: ['o1'] });
    expect(partyConflicts(need, party('s1', { people: ['u1'] }))).toEqual([{ code: 'self', via: 'u1' }]);
    expect(partyConflicts(need, party('s2', { orgIds: ['o1'] }))).toEqual([{ code: 'same_org', via: 'o1' }]);
    expect(partyConflicts(party('n', { teamIds: ['t1'] }), party('s3', { teamIds: ['t1'] }))).toEqual([
      { code: 'same_team', via: 't1' },
    ]);
    expect(partyConflicts({ ...need, relations: ['s4'] }, party('s4'))).toEqual([
      { code: 'declared_by_requester', via: 's4' },
    ]);
    expect(partyConflicts(need, party('s5', { relations: ['u1'] }))).toEqual([
      { code: 'declared_by_candidate', via: 'u1' },
    ]);
    expect(partyConflicts(need, party('s6', { people: ['u9'], orgIds: ['o9'] }))).toEqual([]);
  });

  it("expands a party with its people's memberships and declarations", () => {
    const m = {
      teamsOf: new Map([['u1', ['t1']]]),
      orgsOf: new Map([['u1', ['o2']]]),
      declared: new Map([['u1', ['x']]]),
    };
    expect(expandParty(party('s', { people: ['u1'], orgIds: ['o1'] }), m)).toEqual({
      id: 's',
      people: ['u1'],
      orgIds: ['o1', 'o2'],
      teamIds: ['t1'],
      relations: ['x'],
    });
    expect(expandParty(party('s'), none).relations).toEqual([]);
  });

  it('keeps order, lists exclusions and counts each rule once per candidate', () => {
    const parties: Record<string, CoiParty> = {
      a: party('a', { orgIds: ['o1'], teamIds: ['t1'] }),
      b: party('b'),
      c: party('c', { orgIds: ['o1'] }),
    };
    const me = party('me', { orgIds: ['o1'], teamIds: ['t1'] });
    const { kept, excluded } = excludeConflicting(
      [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      me,
      (h) => parties[h.id],
    );
    expect(kept.map((k) => k.id)).toEqual(['b']);
    expect(summarizeExclusions(excluded)).toEqual({
      count: 2,
      reasons: [
        { code: 'same_org', count: 2 },
        { code: 'same_team', count: 1 },
      ],
    });
  });
});
