/**
 * Where outcome events go: an append-only log with a JSONL file implementation (one event per
 * line, easy to ship and to read with any tool) and an in-memory one (tests, short-lived
 * processes).
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { MatchHit } from '../types.ts';
import { OutcomeFormatError, parseOutcomeEvent, type OutcomeEvent, type ShownEvent } from './events.ts';

/** An append-only store of outcome events. */
export interface OutcomeLog {
  append(event: OutcomeEvent): Promise<void>;
  appendMany(events: readonly OutcomeEvent[]): Promise<void>;
  /** Events in the order they were appended. */
  read(): AsyncIterable<OutcomeEvent>;
}

/** A malformed line in a JSONL log, with where it is. */
export class OutcomeLogLineError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'OutcomeLogLineError';
  }
}

/** Keeps events in memory. */
export class MemoryOutcomeLog implements OutcomeLog {
  private readonly events: OutcomeEvent[] = [];

  async append(event: OutcomeEvent): Promise<void> {
    this.events.push(parseOutcomeEvent(event));
  }

  async appendMany(events: readonly OutcomeEvent[]): Promise<void> {
    // Validate all first so a bad batch leaves the log unchanged.
    const parsed = events.map((e) => parseOutcomeEvent(e));
    this.events.push(...parsed);
  }

  async *read(): AsyncIterable<OutcomeEvent> {
    yield* this.events;
  }

  get size(): number {
    return this.events.length;
  }
}

/**
 * Appends events as JSON lines to a file (created with its folder on first write). Writes
 * from one process are serialised so lines never interleave.
 *
 * @example
 * const log = new JsonlOutcomeLog('data/outcomes.jsonl');
 * await log.append({ type: 'invited', queryId: 'q1', entityId: 's1', at: new Date().toISOString() });
 */
export class JsonlOutcomeLog implements OutcomeLog {
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  append(event: OutcomeEvent): Promise<void> {
    return this.appendMany([event]);
  }

  appendMany(events: readonly OutcomeEvent[]): Promise<void> {
    const lines = events.map((e) => JSON.stringify(parseOutcomeEvent(e)) + '\n').join('');
    const write = this.tail.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      await appendFile(this.path, lines, 'utf8');
    });
    // A failed write must not poison later ones; the caller still sees this one's error.
    this.tail = write.catch(() => undefined);
    return write;
  }

  /** Reads every event; a malformed line throws {@link OutcomeLogLineError} naming file and line. */
  read(): AsyncIterable<OutcomeEvent> {
    return readJsonlEvents(this.path);
  }
}

/**
 * Streams the events of a JSONL file. Blank lines are skipped; with `onError` a malformed
 * line is reported and skipped instead of stopping the read.
 */
export async function* readJsonlEvents(
  path: string,
  onError?: (error: OutcomeLogLineError) => void,
): AsyncIterable<OutcomeEvent> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = raw.trim();
    if (line.length === 0) continue;
    let event: OutcomeEvent;
    try {
      event = parseOutcomeEvent(JSON.parse(line));
    } catch (err) {
      const reason =
        err instanceof OutcomeFormatError ? err.message : `not valid JSON (${(err as Error).message})`;
      const error = new OutcomeLogLineError(path, n, reason);
      if (!onError) throw error;
      onError(error);
      continue;
    }
    yield event;
  }
}

/**
 * The logging hook for a displayed list: one `shown` event per hit with its rank and score
 * parts. Call it with the hits actually displayed.
 *
 * @example
 * const hits = engine.search(query);
 * await logShown(log, searchId, hits);
 */
export async function logShown(
  log: OutcomeLog,
  queryId: string,
  hits: readonly Pick<MatchHit, 'id' | 'rank' | 'score' | 'explanation'>[],
  at: Date = new Date(),
): Promise<void> {
  const iso = at.toISOString();
  const events: ShownEvent[] = hits.map((h, i) => ({
    type: 'shown',
    queryId,
    entityId: h.id,
    at: iso,
    rank: h.rank >= 1 ? h.rank : i + 1,
    parts: { ...h.explanation.parts },
    score: h.score,
  }));
  await log.appendMany(events);
}
