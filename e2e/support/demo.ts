/**
 * The seeded administrator (see the README's demo logins). Overridable so the journey can run
 * against a server seeded differently.
 */
export const DEMO_ADMIN = {
  phone: process.env.E2E_ADMIN_PHONE ?? '13800000001',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'Tianfu#2026',
};

/** The seeded demo users tied to catalog rows (see packages/db/src/seed/DEMO_ACCOUNTS.md). */
export const DEMO_USERS = {
  /** Owner of 成都源图微电子有限公司 and its needs. */
  enterprise: { phone: '13800000009', password: DEMO_ADMIN.password, name: '成都源图微电子有限公司' },
  /** 郑军, a scientist with a profile and services. */
  scientist: { phone: '13800000010', password: DEMO_ADMIN.password, name: '郑军' },
  /** The provincial officer (whole of Sichuan); the Chengdu officer stays without TOTP for the foundation journey. */
  officer: { phone: '13800000002', password: DEMO_ADMIN.password, name: '四川省科技厅（省级专员）' },
} as const;
