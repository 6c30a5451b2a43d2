import { describe, expect, it } from 'vitest';
import { ExposureLedger, positionWeight } from './exposure.ts';

describe('ExposureLedger', () => {
  it('records position-discounted exposure up to its depth', () => {
    const ledger = new ExposureLedger({ depth: 2 });
    ledger.record(['a', 'b', 'c']);
    expect(ledger.exposureOf('a')).toBeCloseTo(1);
    expect(ledger.exposureOf('b')).toBeCloseTo(1 / Math.log2(3));
    expect(ledger.exposureOf('c')).toBe(0);
    expect(ledger.total()).toBeCloseTo(1 + positionWeight(2));
    expect(ledger.lists).toBe(1);
  });

  it('forgets with the configured half-life', () => {
    const ledger = new ExposureLedger({ halfLifeLists: 2 });
    ledger.record(['a']);
    ledger.record(['b']);
    ledger.record(['c']);
    // a was recorded 2 lists before the last one… and each list advances time by one.
    expect(ledger.exposureOf('a')).toBeCloseTo(2 ** (-3 / 2));
    expect(ledger.exposureOf('c')).toBeCloseTo(2 ** (-1 / 2));
    expect(ledger.exposureOf('a')).toBeLessThan(ledger.exposureOf('b'));
  });

  it('stays finite over long decaying streams (rescaling)', () => {
    const ledger = new ExposureLedger({ halfLifeLists: 1 });
    for (let i = 0; i < 400; i++) ledger.record([`e${i % 3}`]);
    const v = ledger.exposureOf('e0');
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThan(0);
    expect(ledger.percentile('e0')).toBeGreaterThanOrEqual(0);
  });

  it('ranks entities by exposure percentile, counting never-shown ones at the bottom', () => {
    const ledger = new ExposureLedger({ population: 10 });
    for (let i = 0; i < 5; i++) ledger.record(['star']);
    ledger.record(['mid']);
    const star = ledger.percentile('star');
    const mid = ledger.percentile('mid');
    const nobody = ledger.percentile('nobody');
    expect(nobody).toBeLessThan(mid);
    expect(mid).toBeLessThan(star);
    // 8 never shown, then mid, then star: star has 9 below it.
    expect(star).toBeCloseTo(0.9);
    expect(nobody).toBeCloseTo(0.4);
  });

  it('round-trips through JSON and deletes entities', () => {
    const ledger = new ExposureLedger({ halfLifeLists: 100, population: 5 });
    ledger.record(['a', 'b']);
    const copy = ExposureLedger.fromJSON(JSON.parse(JSON.stringify(ledger.toJSON())));
    expect(copy.exposureOf('b')).toBeCloseTo(ledger.exposureOf('b'));
    expect(copy.percentile('a')).toBeCloseTo(ledger.percentile('a'));
    copy.delete('a');
    expect(copy.exposureOf('a')).toBe(0);
    expect(copy.size).toBe(1);
  });

  it('rejects a non-positive half-life', () => {
    expect(() => new ExposureLedger({ halfLifeLists: 0 })).toThrow(RangeError);
  });
});
