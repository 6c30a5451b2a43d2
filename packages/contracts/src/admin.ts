/**
 * Administration API (`/api/admin/...`).
 *
 * - Administrators: list/search every user, see one user, grant and revoke staff roles
 *   (officer with a region, science editor, administrator), disable and enable accounts,
 *   read the SMS outbox (see `sms.ts`).
 * - Officers: list and view users whose region lies inside their own region subtree (read-only).
 * - Everyone else: 403 (audited).
 *
 * Routes: `GET /api/admin/users` (AdminUserSearchQuery → AdminUserPage), `GET /api/admin/users/:id`
 * (AdminUserDetail), `POST /api/admin/users/:id/roles`, `DELETE /api/admin/users/:id/roles/:roleId`,
 * `POST /api/admin/users/:id/disable` and `/enable`,
 * `GET /api/admin/sms-outbox` (SmsOutboxQuery → SmsOutboxPage, in sms.ts).
 *
 * Phones are always masked. Region codes may be sent as 2, 4 or 6 digits (`51`, `5101`,
 * `510104`); responses use the canonical 6-digit form (`510000`, `510100`, `510104`) with names.
 * @module
 */
import { z } from 'zod';
import { PaginationQuery, paginated } from './common.ts';
import { AccountKind, RealNameStatus, StaffRole } from './auth.ts';

const RegionCodeInput = z
  .string()
  .trim()
  .regex(/^\d{2}(\d{2}){0,2}$/, 'validation.region_code');

/** Account lifecycle as administrators see it (`deleted` accounts have had their personal data removed). */
export const UserStatus = z.enum(['active', 'disabled', 'deleted']);
export type UserStatus = z.infer<typeof UserStatus>;

/**
 * `GET /api/admin/users` filters, combined with AND. Sorted newest first.
 * `q` matches the phone (digits, anywhere in the number) or the display name (substring, case-insensitive).
 */
export const AdminUserSearchQuery = PaginationQuery.extend({
  q: z.string().trim().min(1).max(60).optional(),
  kind: AccountKind.optional(),
  /** Users holding this staff role. */
  role: StaffRole.optional(),
  /** Users whose region lies inside this region (a province includes its cities and counties). */
  region: RegionCodeInput.optional(),
  status: UserStatus.optional(),
});
export type AdminUserSearchQuery = z.infer<typeof AdminUserSearchQuery>;

/** A staff role held by a user, with the id used to revoke it. */
export const AdminRoleAssignment = z.object({
  id: z.string(),
  role: StaffRole,
  /** Canonical 6-digit code; null for platform-wide roles (editor, admin). */
  regionCode: z.string().nullable(),
  /** Full name of the region, e.g. `四川省成都市`. */
  regionName: z.string().nullable(),
  grantedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminRoleAssignment = z.infer<typeof AdminRoleAssignment>;

/** One row of the user list. */
export const AdminUserSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  /** `138****0001`; empty when the account was deleted. */
  phoneMasked: z.string(),
  phoneVerified: z.boolean(),
  /** The kind the account registered as. */
  kind: AccountKind,
  /** Every kind the person acts as: their own, plus `organization`/`team` when they belong to one. */
  kinds: z.array(AccountKind),
  status: UserStatus,
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  roles: z.array(AdminRoleAssignment),
  realNameStatus: RealNameStatus,
  totpEnabled: z.boolean(),
  createdAt: z.string(),
});
export type AdminUserSummary = z.infer<typeof AdminUserSummary>;

export const AdminUserPage = paginated(AdminUserSummary);
export type AdminUserPage = z.infer<typeof AdminUserPage>;

/** `GET /api/admin/users/:id`: the summary plus account facts staff may need. */
export const AdminUserDetail = AdminUserSummary.extend({
  /** `z***@example.com`; null when none. */
  emailMasked: z.string().nullable(),
  activeSessions: z.number().int(),
  lastSeenAt: z.string().nullable(),
  updatedAt: z.string(),
  /** What the caller may do with this user (the web app hides buttons accordingly). */
  can: z.object({ manageRoles: z.boolean(), changeStatus: z.boolean() }),
});
export type AdminUserDetail = z.infer<typeof AdminUserDetail>;

/** `:id` of a user. */
export const AdminUserParams = z.object({ id: z.uuid() });
/** `:id` of a user and `:roleId` of one of their role assignments. */
export const AdminRoleParams = z.object({ id: z.uuid(), roleId: z.uuid() });

/**
 * `POST /api/admin/users/:id/roles` (administrators). Officers need a region (province, city or
 * county; must exist); editors and administrators are platform-wide and take no region.
 * Answers 201 with the updated {@link AdminUserDetail}; 409 `admin.role_exists` when already held.
 */
export const AdminRoleGrantRequest = z
  .object({
    role: StaffRole,
    regionCode: RegionCodeInput.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'officer' && !v.regionCode) {
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'admin.officer_needs_region' });
    }
    if (v.role !== 'officer' && v.regionCode) {
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'admin.role_without_region' });
    }
  });
export type AdminRoleGrantRequest = z.infer<typeof AdminRoleGrantRequest>;

/**
 * `POST /api/admin/users/:id/disable` (administrators): signs the user out everywhere and refuses
 * sign-in until enabled again. `POST /api/admin/users/:id/enable` takes an empty body.
 * Both answer with the updated {@link AdminUserDetail}.
 */
export const AdminDisableRequest = z.object({
  /** Kept in the audit log. */
  reason: z.string().trim().min(1).max(500).optional(),
});
export type AdminDisableRequest = z.infer<typeof AdminDisableRequest>;
