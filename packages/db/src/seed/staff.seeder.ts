/**
 * Demo staff: an administrator, a science editor, and officers for Sichuan, three of its cities and
 * two counties. Phones and the password are documented in DEMO_ACCOUNTS.md (a test keeps the two
 * in step).
 */
import { roleAssignments, users, type StaffRole } from '../schema/index.ts';
import type { Seeder } from './types.ts';

/**
 * The demo password of every seeded account. Meets both password policies (`asvs`: ≥ 8 chars, not
 * a common password; `mlps`: upper + lower case, digit and symbol).
 */
export const DEMO_PASSWORD = 'Tianfu#2026';

/** A seeded staff account. */
export interface DemoStaff {
  key: string;
  phone: string;
  displayName: string;
  role: StaffRole;
  /** Canonical region code (51 / 5101 / 510104), null for platform-wide roles. */
  regionCode: string | null;
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  { key: 'admin', phone: '13800000001', displayName: '平台管理员', role: 'admin', regionCode: null },
  {
    key: 'officer-sichuan',
    phone: '13800000002',
    displayName: '四川省科技厅（省级专员）',
    role: 'officer',
    regionCode: '51',
  },
  {
    key: 'officer-chengdu',
    phone: '13800000003',
    displayName: '成都市科技局（市级专员）',
    role: 'officer',
    regionCode: '5101',
  },
  {
    key: 'officer-mianyang',
    phone: '13800000004',
    displayName: '绵阳市科技局（市级专员）',
    role: 'officer',
    regionCode: '5107',
  },
  {
    key: 'officer-deyang',
    phone: '13800000005',
    displayName: '德阳市科技局（市级专员）',
    role: 'officer',
    regionCode: '5106',
  },
  {
    key: 'officer-jinjiang',
    phone: '13800000006',
    displayName: '锦江区科技局（区县专员）',
    role: 'officer',
    regionCode: '510104',
  },
  {
    key: 'officer-jiangyou',
    phone: '13800000007',
    displayName: '江油市科技局（区县专员）',
    role: 'officer',
    regionCode: '510781',
  },
  { key: 'editor', phone: '13800000008', displayName: '科普编辑', role: 'editor', regionCode: null },
];

export const staffSeeder: Seeder = {
  name: 'staff',
  async run({ orm, hashPassword, accounts }) {
    const now = new Date();
    for (const s of DEMO_STAFF) {
      const [user] = await orm
        .insert(users)
        .values({
          phone: s.phone,
          phoneVerifiedAt: now,
          passwordHash: await hashPassword(DEMO_PASSWORD),
          passwordChangedAt: now,
          displayName: s.displayName,
          // Staff are people too; 'citizen' is the neutral account kind for them.
          kind: 'citizen',
          regionCode: s.regionCode,
        })
        .returning({ id: users.id });
      if (!user) throw new Error(`seed: could not create ${s.key}`);
      await orm.insert(roleAssignments).values({ userId: user.id, role: s.role, regionCode: s.regionCode });
      accounts.set(s.key, { id: user.id, phone: s.phone });
    }
  },
};
