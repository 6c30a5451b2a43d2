/**
 * Administration API: users, staff roles, account status. The SMS outbox route lives in the sms module.
 * @module
 */
export { adminRoutes } from './admin.routes.ts';
export { adminService, type AdminContext } from './admin.service.ts';
