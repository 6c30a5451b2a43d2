/**
 * Presenters of search and matching: explanations (rounded, plain data), saved searches and
 * notifications (texts rendered in the reader's language). Never database rows.
 * @module
 */
import { canonicalTerm, displayTerm, tokenize, type MatchExplanation } from '@tianfu/match';
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

/**
 * The words of a query as the segmenter produces them (no character bigrams). The engine also
 * matches on bigrams, which catch out-of-dictionary words but read as noise across a word
 * boundary (`炉节` from 还原炉|节能); an explanation lists a bigram only when no word matched.
 */
export function queryWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of tokenize(text, { bigrams: false })) {
    out.add(displayTerm(w));
    out.add(displayTerm(canonicalTerm(w)));
  }
  return out;
}

/**
 * The engine's explanation as the API shows it. With the query's words (see {@link queryWords}),
 * matched terms that are not among them (boundary bigrams) are left out unless nothing else matched.
 */
export function presentExplanation(e: MatchExplanation, wordsOf?: Set<string>): MatchExplanationView {
  const parts: Record<string, number> = {};
  for (const [k, v] of Object.entries(e.parts)) if (Number.isFinite(v)) parts[k] = round(v);
  const words = wordsOf ? e.terms.filter((t) => wordsOf.has(t.term)) : e.terms;
  return {
    terms: (words.length > 0 ? words : e.terms.slice(0, 3)).map((t) => ({
      term: t.term,
      field: t.field,
      weight: round(t.weight),
    })),
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
