import { describe, expect, it } from 'vitest';
import type { MatchEntity } from '../types.ts';
import { excludeConflicts, findConflicts } from './coi.ts';
import { CollaborationGraph } from './graph.ts';

function buildScientist(overrides: Partial<MatchEntity> & { id: string }): MatchEntity {
  return { kind: 'scientist', title: '研究员', orgId: `org-of-${overrides.id}`, ...overrides };
}

describe('CollaborationGraph', () => {
  it('is undirected, ignores self-pairs and duplicates', () => {
    const g = new CollaborationGraph([
      ['a', 'b'],
      ['b', 'a'],
      ['c', 'c'],
      ['', 'x'],
    ]);
    expect(g.size).toBe(1);
    expect(g.has('b', 'a')).toBe(true);
    expect(g.has('a', 'c')).toBe(false);
    expect([...g.pairs()]).toEqual([['a', 'b']]);
    expect(g.remove('b', 'a')).toBe(true);
    expect(g.has('a', 'b')).toBe(false);
    expect(g.size).toBe(0);
  });
});

describe('findConflicts', () => {
  const requester = { entityId: 'ent-user', orgId: 'org-ent', relations: ['sci-friend'] };

  it('flags the same organisation', () => {
    expect(findConflicts(requester, buildScientist({ id: 's1', orgId: 'org-ent' }))).toEqual([
      { code: 'same_org', via: 'org-ent' },
    ]);
    // Joint appointments count too.
    expect(findConflicts(requester, { id: 's2', orgId: 'org-x', orgIds: ['org-ent'] })[0]?.code).toBe(
      'same_org',
    );
  });

  it('reads declared relationships in both directions, including towards organisations', () => {
    expect(findConflicts(requester, buildScientist({ id: 'sci-friend' }))).toEqual([
      { code: 'declared_by_requester', via: 'sci-friend' },
    ]);
    expect(findConflicts(requester, buildScientist({ id: 's3', relations: ['ent-user'] }))).toEqual([
      { code: 'declared_by_candidate', via: 'ent-user' },
    ]);
    expect(findConflicts(requester, buildScientist({ id: 's4', relations: ['org-ent'] }))).toEqual([
      { code: 'declared_by_candidate', via: 'org-ent' },
    ]);
    expect(
      findConflicts(
        { orgId: 'org-ent', relations: ['org-uni'] },
        buildScientist({ id: 's5', orgId: 'org-uni' }),
      ),
    ).toEqual([{ code: 'declared_by_requester', via: 'org-uni' }]);
  });

  it('uses past collaborations with the requester or its organisation when known', () => {
    const graph = new CollaborationGraph([
      ['ent-user', 's6'],
      ['org-ent', 's7'],
    ]);
    expect(findConflicts(requester, buildScientist({ id: 's6' }), graph)).toEqual([
      { code: 'past_collaboration', via: 'ent-user' },
    ]);
    expect(findConflicts(requester, buildScientist({ id: 's7' }), graph)).toEqual([
      { code: 'past_collaboration', via: 'org-ent' },
    ]);
    expect(findConflicts(requester, buildScientist({ id: 's6' }))).toEqual([]);
  });

  it('records every reason that applies, and self', () => {
    const reasons = findConflicts(
      { entityId: 'p1', orgId: 'o1', relations: ['p1'] },
      { id: 'p1', orgId: 'o1', relations: ['o1'] },
    );
    expect(reasons.map((r) => r.code).sort()).toEqual(
      ['declared_by_candidate', 'declared_by_requester', 'same_org', 'self'].sort(),
    );
  });

  it('does not treat missing or empty ids as matches', () => {
    expect(findConflicts({}, { id: 's8' })).toEqual([]);
    expect(findConflicts({ entityId: '', orgId: '' }, { id: 's9', orgId: '', relations: [''] })).toEqual([]);
  });
});

describe('excludeConflicts', () => {
  const entities = new Map<string, MatchEntity>([
    ['s1', buildScientist({ id: 's1', orgId: 'org-ent' })],
    ['s2', buildScientist({ id: 's2' })],
    ['s3', buildScientist({ id: 's3', relations: ['ent-user'] })],
    ['s4', buildScientist({ id: 's4' })],
  ]);
  const hits = ['s1', 's2', 's3', 's4', 'unknown'].map((id, i) => ({ id, score: 10 - i }));
  const graph = new CollaborationGraph([['ent-user', 's4']]);

  it('keeps hits in order and records why each excluded one went', () => {
    const { kept, excluded } = excludeConflicts(
      hits,
      { entityId: 'ent-user', orgId: 'org-ent' },
      { entityOf: (h) => entities.get(h.id), collaborations: graph },
    );
    expect(kept.map((h) => h.id)).toEqual(['s2', 'unknown']);
    expect(excluded.map((e) => [e.hit.id, e.reasons.map((r) => r.code)])).toEqual([
      ['s1', ['same_org']],
      ['s3', ['declared_by_candidate']],
      ['s4', ['past_collaboration']],
    ]);
  });

  it('keeps everything when there is no requester', () => {
    const { kept, excluded } = excludeConflicts(hits, undefined);
    expect(kept).toHaveLength(5);
    expect(excluded).toHaveLength(0);
  });
});
