import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MatchHit } from '../types.ts';
import { OutcomeFormatError, parseOutcomeEvent, type OutcomeEvent } from './events.ts';
import { JsonlOutcomeLog, MemoryOutcomeLog, OutcomeLogLineError, logShown, readJsonlEvents } from './log.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'tianfu-outcomes-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function collect(iter: AsyncIterable<OutcomeEvent>): Promise<OutcomeEvent[]> {
  const out: OutcomeEvent[] = [];
  for await (const e of iter) out.push(e);
  return out;
}

const hits: MatchHit[] = [
  {
    id: 's1',
    score: 0.9,
    rank: 1,
    explanation: { terms: [], reasons: [], parts: { lexical: 0.8, region: 1 } },
  },
  {
    id: 's2',
    score: 0.5,
    rank: 2,
    explanation: { terms: [], reasons: [], parts: { lexical: 0.4, region: 0 } },
  },
];
const at = new Date('2026-03-01T08:00:00Z');

describe('parseOutcomeEvent', () => {
  it('accepts each documented shape and drops unknown keys', () => {
    const e = parseOutcomeEvent({
      type: 'dismissed',
      queryId: 'q',
      entityId: 's',
      at: at.toISOString(),
      reason: 'too_far',
      extra: 1,
    });
    expect(e).toEqual({
      type: 'dismissed',
      queryId: 'q',
      entityId: 's',
      at: at.toISOString(),
      reason: 'too_far',
    });
  });

  it('rejects bad events with a message naming the field', () => {
    const base = { queryId: 'q', entityId: 's', at: at.toISOString() };
    expect(() => parseOutcomeEvent(null)).toThrow(OutcomeFormatError);
    expect(() => parseOutcomeEvent({ ...base, type: 'clicked' })).toThrow(/type/);
    expect(() => parseOutcomeEvent({ ...base, type: 'shown', rank: 0, parts: {} })).toThrow(/rank/);
    expect(() => parseOutcomeEvent({ ...base, type: 'shown', rank: 1, parts: { a: 'x' } })).toThrow(
      /parts\.a/,
    );
    expect(() => parseOutcomeEvent({ ...base, type: 'dismissed' })).toThrow(/reason/);
    expect(() => parseOutcomeEvent({ ...base, at: 'yesterday', type: 'invited' })).toThrow(/at/);
    expect(() => parseOutcomeEvent({ ...base, entityId: '', type: 'invited' })).toThrow(/entityId/);
  });
});

describe('outcome logs', () => {
  it('memory log keeps events in order and refuses a bad batch whole', async () => {
    const log = new MemoryOutcomeLog();
    await logShown(log, 'q1', hits, at);
    await log.append({ type: 'invited', queryId: 'q1', entityId: 's2', at: at.toISOString() });
    await expect(
      log.appendMany([
        { type: 'accepted', queryId: 'q1', entityId: 's2', at: at.toISOString() },
        { type: 'bogus' } as unknown as OutcomeEvent,
      ]),
    ).rejects.toThrow(OutcomeFormatError);
    const events = await collect(log.read());
    expect(events.map((e) => `${e.type}:${e.entityId}`)).toEqual(['shown:s1', 'shown:s2', 'invited:s2']);
    expect(events[0]).toMatchObject({ rank: 1, parts: { lexical: 0.8, region: 1 }, score: 0.9 });
  });

  it('JSONL log appends lines (creating folders), serialises concurrent writes and reads them back', async () => {
    const path = join(tempDir(), 'nested', 'outcomes.jsonl');
    const log = new JsonlOutcomeLog(path);
    await Promise.all([
      logShown(log, 'q1', hits, at),
      log.append({ type: 'invited', queryId: 'q1', entityId: 's1', at: at.toISOString() }),
      log.append({
        type: 'dismissed',
        queryId: 'q1',
        entityId: 's2',
        at: at.toISOString(),
        reason: 'too_far',
      }),
    ]);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
    const events = await collect(log.read());
    expect(events.map((e) => e.type)).toEqual(['shown', 'shown', 'invited', 'dismissed']);
  });

  it('reports a malformed line with file and line number, or skips it when asked', async () => {
    const path = join(tempDir(), 'bad.jsonl');
    const good = JSON.stringify({ type: 'invited', queryId: 'q', entityId: 's', at: at.toISOString() });
    writeFileSync(
      path,
      `${good}\n\n{"type":"invited",\n${good}\n{"type":"shown","queryId":"q","entityId":"s","at":"${at.toISOString()}","rank":1,"parts":{"x":"😀"}}\n`,
    );
    await expect(collect(readJsonlEvents(path))).rejects.toThrow(`${path}:3:`);
    const errors: OutcomeLogLineError[] = [];
    const events = await collect(readJsonlEvents(path, (e) => errors.push(e)));
    expect(events).toHaveLength(2);
    expect(errors.map((e) => e.line)).toEqual([3, 5]);
    expect(errors[1]!.reason).toMatch(/parts\.x/);
  });
});
