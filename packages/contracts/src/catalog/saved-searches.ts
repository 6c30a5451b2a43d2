/**
 * Saved searches with "notify me of new matches": `/api/saved-searches` (list, create, get,
 * update, delete). A background job runs each one with `notify` against what was published since
 * its last run and writes one notification per run (in-app, plus SMS when chosen).
 * @module
 */
import { z } from 'zod';
import { IsoDateTime } from '../common.ts';
import { SearchCriteria, SearchCriteriaView } from './search.ts';
import { PlainText } from './fields.ts';

/** Channels of a saved-search alert (push comes with the mobile apps). */
export const SAVED_SEARCH_CHANNELS = ['in_app', 'sms'] as const;
export const SavedSearchChannel = z.enum(SAVED_SEARCH_CHANNELS);
export type SavedSearchChannel = z.infer<typeof SavedSearchChannel>;

/** Most saved searches one user keeps. */
export const MAX_SAVED_SEARCHES = 50;

const Channels = z
  .array(SavedSearchChannel)
  .min(1)
  .max(SAVED_SEARCH_CHANNELS.length)
  .transform((list) => [...new Set(list)]);

/** Body of `POST /api/saved-searches`. */
export const SavedSearchCreate = z.object({
  name: PlainText.trim().min(1).max(100),
  criteria: SearchCriteria,
  notify: z.boolean().default(true),
  channels: Channels.default(['in_app']),
});
export type SavedSearchCreate = z.infer<typeof SavedSearchCreate>;

/** Body of `PATCH /api/saved-searches/{id}`: any subset. */
export const SavedSearchUpdate = z.object({
  name: PlainText.trim().min(1).max(100).optional(),
  criteria: SearchCriteria.optional(),
  notify: z.boolean().optional(),
  channels: Channels.optional(),
});
export type SavedSearchUpdate = z.infer<typeof SavedSearchUpdate>;

/** A saved search as its owner sees it. */
export const SavedSearchView = z
  .object({
    id: z.string(),
    name: z.string(),
    criteria: SearchCriteriaView,
    notify: z.boolean(),
    channels: z.array(z.enum(SAVED_SEARCH_CHANNELS)),
    lastRunAt: IsoDateTime,
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'SavedSearch' });
export type SavedSearchView = z.infer<typeof SavedSearchView>;

/** `GET /api/saved-searches`. */
export const SavedSearchList = z.object({ items: z.array(SavedSearchView) });
export type SavedSearchList = z.infer<typeof SavedSearchList>;
