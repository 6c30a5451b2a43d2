import { describe, expect, it } from 'vitest';
import { changedFields, presentHistory } from './listings.history.ts';

describe('listing history', () => {
  it('reports only the editable fields that differ, ignoring bookkeeping columns', () => {
    const before = { title: 'a', keywords: ['x'], price: null, version: 1, updatedAt: '1', status: 'draft' };
    const after = {
      title: 'a',
      keywords: ['x', 'y'],
      price: 10,
      version: 2,
      updatedAt: '2',
      status: 'submitted',
    };
    expect(changedFields(before, after)).toEqual(['keywords', 'price']);
    expect(changedFields(before, { ...before, version: 9 })).toEqual([]);
    // A missing key and null are the same value (older snapshots may lack a newer column).
    expect(changedFields({ a: null }, {})).toEqual([]);
  });

  it('orders versions and events newest first and shows names, never ids', () => {
    const h = presentHistory({
      type: 'need',
      id: 'n1',
      version: 3,
      versions: [
        {
          version: 3,
          data: { title: 'c', summary: 's' },
          changedBy: 'u2',
          createdAt: new Date('2026-01-03T00:00:00Z'),
        },
        {
          version: 1,
          data: { title: 'a', summary: 's' },
          changedBy: 'u1',
          createdAt: new Date('2026-01-01T00:00:00Z'),
        },
        {
          version: 2,
          data: { title: 'b', summary: 's' },
          changedBy: 'gone',
          createdAt: new Date('2026-01-02T00:00:00Z'),
        },
      ],
      events: [
        {
          fromStatus: 'draft',
          toStatus: 'submitted',
          reason: null,
          actorId: 'u1',
          at: new Date('2026-01-02T00:00:00Z'),
        },
        {
          fromStatus: 'submitted',
          toStatus: 'rejected',
          reason: '太笼统',
          actorId: 'u2',
          at: new Date('2026-01-04T00:00:00Z'),
        },
      ],
      names: new Map([
        ['u1', '甲'],
        ['u2', '乙'],
      ]),
    });
    expect(h.versions.map((v) => [v.version, v.changedByName, v.changedFields])).toEqual([
      [3, '乙', ['title']],
      [2, null, ['title']],
      [1, '甲', []],
    ]);
    expect(h.events.map((e) => [e.toStatus, e.actorName, e.reason])).toEqual([
      ['rejected', '乙', '太笼统'],
      ['submitted', '甲', null],
    ]);
    expect(JSON.stringify(h)).not.toContain('u1');
  });
});
