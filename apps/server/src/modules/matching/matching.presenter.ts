/**
 * Presenters of search and matching: explanations (rounded, plain data), saved searches and
 * notifications (texts rendered in the reader's language). Never database rows.
 * @module
 */
import type { MatchExplanation } from '@tianfu/match';
import type {
  MatchExplanationView,
  NotificationView,
  SavedSearchView,
  SearchCriteria,
} from '@tianfu/contracts';
import { SearchCriteria as SearchCriteriaSchema, SAVED_SEARCH_CHANNELS } from '@tianfu/contracts';
import type { notifications, savedSearches } from '@tianfu/db';
import type { Locale } from '../../i18n/locale.ts';
import { hasMessage, translate } from '../../i18n/messages.ts';

const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** The engine's explanation as the API shows it. */
export function presentExplanation(e: MatchExplanation): MatchExplanationView {
  const parts: Record<string, number> = {};
  for (const [k, v] of Object.entries(e.parts)) if (Number.isFinite(v)) parts[k] = round(v);
  return {
    terms: e.terms.map((t) => ({ term: t.term, field: t.field, weight: round(t.weight) })),
    reasons: e.reasons.map((r) => (r.params ? { code: r.code, params: { ...r.params } } : { code: r.code })),
    parts,
  };
}

/** Stored criteria read back leniently (a criterion that no longer validates is dropped). */
export function storedCriteria(raw: unknown): SearchCriteria {
  const parsed = SearchCriteriaSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((raw as Record<string, unknown>) ?? {})) {
    const one = SearchCriteriaSchema.safeParse({ [k]: v });
    if (one.success) Object.assign(out, one.data);
  }
  return out as SearchCriteria;
}

type SavedSearchRow = typeof savedSearches.$inferSelect;
type NotificationRow = typeof notifications.$inferSelect;

export function presentSavedSearch(row: SavedSearchRow): SavedSearchView {
  return {
    id: row.id,
    name: row.name,
    criteria: storedCriteria(row.criteria),
    notify: row.notify,
    channels: row.channels.filter((c): c is (typeof SAVED_SEARCH_CHANNELS)[number] =>
      (SAVED_SEARCH_CHANNELS as readonly string[]).includes(c),
    ),
    lastRunAt: row.lastRunAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentNotification(row: NotificationRow, locale: Locale): NotificationView {
  const titleCode = `notification.${row.type}.title`;
  const bodyCode = `notification.${row.type}.body`;
  return {
    id: row.id,
    type: row.type,
    title: translate(hasMessage(titleCode) ? titleCode : 'notification.generic.title', locale, row.params),
    body: hasMessage(bodyCode) ? translate(bodyCode, locale, row.params) : '',
    link: row.link,
    data: row.data,
    readAt: row.readAt ? row.readAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}
