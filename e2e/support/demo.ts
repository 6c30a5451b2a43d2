/**
 * The seeded administrator (see the README's demo logins). Overridable so the journey can run
 * against a server seeded differently.
 */
export const DEMO_ADMIN = {
  phone: process.env.E2E_ADMIN_PHONE ?? '13800000001',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'Tianfu#2026',
};
