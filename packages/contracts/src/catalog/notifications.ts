/**
 * In-app notifications: `GET /api/notifications` (newest first, `unread` count),
 * `GET /api/notifications/unread-count`, `POST /api/notifications/{id}/read`,
 * `POST /api/notifications/read-all`.
 * @module
 */
import { z } from 'zod';
import { IsoDateTime, PaginationQuery, paginated } from '../common.ts';
import { QueryBoolean } from './fields.ts';

/** Query of `GET /api/notifications`. */
export const NotificationListQuery = PaginationQuery.extend({ unread: QueryBoolean.optional() });
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

/** One notification, its text rendered in the reader's language. */
export const NotificationView = z
  .object({
    id: z.string(),
    type: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    readAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof NotificationView>;

/** A page of notifications plus the reader's unread count. */
export const NotificationPage = paginated(NotificationView).extend({ unread: z.number().int() });
export type NotificationPage = z.infer<typeof NotificationPage>;

/** `GET /api/notifications/unread-count`. */
export const UnreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;

/** `POST /api/notifications/read-all`: how many were marked. */
export const MarkedRead = z.object({ marked: z.number().int(), unread: z.number().int() });
export type MarkedRead = z.infer<typeof MarkedRead>;
