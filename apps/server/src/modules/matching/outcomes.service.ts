/**
 * The outcome log of recommendations: feedback events ("not relevant" with a reason, shown,
 * invited) stored in `match_outcomes`, optionally appended to a JSONL file
 * (`MATCH_OUTCOME_LOG_FILE`), and exported in the engine's outcome-log format
 * (`@tianfu/match` learn/events.ts), which `npx tianfu match-train --log FILE` reads.
 * @module
 */
import { JsonlOutcomeLog, parseOutcomeEvent, type OutcomeEvent, type OutcomeLog } from '@tianfu/match';
import type { MatchFeedback, MatchFeedbackResult } from '@tianfu/contracts';
import type { Db } from '@tianfu/db';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../policy/actor.ts';
import type { CatalogIndex } from './catalog-index.ts';
import { matchingRepository, type OutcomeRow } from './matching.repository.ts';

/**
 * A stored row as an engine outcome event, or null when it cannot be one (never for rows this
 * module wrote). A `shown` row without parts (reported by a client for a search list) gets `{}`.
 */
export function outcomeEventOf(row: OutcomeRow): OutcomeEvent | null {
  const base = { queryId: row.queryId, entityId: row.entityId, at: row.at.toISOString() };
  try {
    switch (row.event) {
      case 'shown':
        return parseOutcomeEvent({
          type: 'shown',
          ...base,
          rank: row.rank ?? 1,
          parts: row.parts ?? {},
          ...(row.score !== null ? { score: row.score } : {}),
        });
      case 'dismissed':
        return parseOutcomeEvent({ type: 'dismissed', ...base, reason: row.reason ?? 'other' });
      case 'invited':
      case 'accepted':
      case 'deal_closed':
        return parseOutcomeEvent({ type: row.event, ...base });
    }
  } catch {
    return null;
  }
}

/** Options of {@link outcomesService}. */
export interface OutcomesDeps {
  db: Db;
  index: CatalogIndex;
  logger: FastifyBaseLogger;
  /** JSONL file the events are also appended to (MATCH_OUTCOME_LOG_FILE), if any. */
  log?: OutcomeLog;
}

/** Creates the file log for a configured path, or undefined. */
export function outcomeFileLog(path: string | undefined): OutcomeLog | undefined {
  return path ? new JsonlOutcomeLog(path) : undefined;
}

/** The outcomes service. */
export function outcomesService(deps: OutcomesDeps) {
  const repo = matchingRepository(deps.db);

  async function appendToFile(rows: OutcomeRow[]): Promise<void> {
    if (!deps.log) return;
    const events = rows.map(outcomeEventOf).filter((e): e is OutcomeEvent => e !== null);
    try {
      await deps.log.appendMany(events);
    } catch (err) {
      // The database row is the record; the file is a convenience copy.
      deps.logger.warn({ err }, 'could not append to the outcome log file');
    }
  }

  return {
    /**
     * Records one feedback event. A list the server recorded (`shown` rows of a matches request)
     * belongs to whoever asked for it; feedback on someone else's list is refused. A repeated
     * `shown` for the same list and entity returns the first one.
     * @throws AppError 404 `matching.entity_not_found`, 403 `matching.not_your_list`
     */
    async feedback(actor: Actor, body: MatchFeedback): Promise<MatchFeedbackResult> {
      const shown = await repo.shownEvent(body.queryId, body.entityId);
      if (shown && shown.actorId && shown.actorId !== actor.userId)
        throw new AppError('matching.not_your_list', 403);
      if (!shown && !deps.index.meta(body.entityId)) throw new AppError('matching.entity_not_found', 404);
      if (body.event === 'shown' && shown)
        return { id: shown.id, event: 'shown', at: shown.at.toISOString() };
      const [row] = await repo.insertOutcomes([
        {
          queryId: body.queryId,
          entityId: body.entityId,
          entityKind: shown?.entityKind ?? body.entityKind,
          subjectType: shown?.subjectType ?? null,
          subjectId: shown?.subjectId ?? null,
          event: body.event,
          reason: body.event === 'dismissed' ? (body.reason ?? 'other') : null,
          note: body.event === 'dismissed' ? (body.note ?? null) : null,
          rank: body.rank ?? shown?.rank ?? null,
          actorId: actor.userId,
        },
      ]);
      await appendToFile([row!]);
      return { id: row!.id, event: body.event, at: row!.at.toISOString() };
    },

    /** Appends server-recorded rows (the shown events of a list) to the file log. */
    appendToFile,

    /**
     * The log as JSON lines (engine format), oldest first, in pages so a large log streams.
     * @example for await (const line of svc.exportLines({})) reply.raw.write(line)
     */
    async *exportLines(window: { from?: Date; to?: Date }): AsyncGenerator<string> {
      const page = 1000;
      for (let offset = 0; ; offset += page) {
        const rows = await repo.outcomesPage(window, offset, page);
        for (const row of rows) {
          const event = outcomeEventOf(row);
          if (event) yield JSON.stringify(event) + '\n';
        }
        if (rows.length < page) return;
      }
    },
  };
}
