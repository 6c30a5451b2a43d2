/**
 * Shapes shared by every endpoint: the error envelope and pagination.
 * @module
 */
import { z } from 'zod';

/**
 * The one error body every API route answers with on failure.
 * `code` is stable (clients switch on it), `message` is localized (zh-CN or en by
 * `Accept-Language`), `fields` maps a failing field path (`phone`, `items.0.name`) to a localized message.
 */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** Largest page a client may ask for; keeps one request cheap. */
export const MAX_PAGE_SIZE = 100;

/**
 * Query string for paginated lists: `?page=1&pageSize=20` (strings coerced to numbers).
 * Extend it with feature filters: `PaginationQuery.extend({ actor: z.string().optional() })`.
 */
export const PaginationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export type PaginationQuery = z.infer<typeof PaginationQuery>;

/**
 * Wraps an item schema into a page envelope `{ items, page, pageSize, total }`.
 * @example
 * export const UserPage = paginated(UserSummary);
 */
export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

/** Offset for SQL `OFFSET` from a validated pagination query. */
export function pageOffset(q: PaginationQuery): number {
  return (q.page - 1) * q.pageSize;
}

/** ISO-8601 UTC timestamp as sent over the wire. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** A plain `{ ok: true }` answer for commands that return nothing else. */
export const OkResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponse>;
