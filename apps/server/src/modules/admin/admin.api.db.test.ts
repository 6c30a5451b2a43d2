import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, roleAssignments, sessions } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import type { AdminUserDetail, AdminUserPage } from '@tianfu/contracts';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { actAsHeaderHook, asActor } from '../../../test/helpers/actors.ts';
import type { Actor } from '../../policy/actor.ts';
import { translate } from '../../i18n/messages.ts';
import { buildSession, buildStaff, buildUser } from './admin.factories.ts';

describeEachDb('admin API', (getDb) => {
  let t: TestApp;
  let admin: Actor;
  let admin2: Actor;
  let chengduOfficer: Actor;
  let scientist: Actor;
  let jinjiang: Awaited<ReturnType<typeof buildUser>>;
  let mianyang: Awaited<ReturnType<typeof buildUser>>;
  let noRegion: Awaited<ReturnType<typeof buildUser>>;

  beforeAll(async () => {
    t = await buildTestApp({ db: getDb(), beforeReady: actAsHeaderHook });
    const db = getDb();
    admin = (
      await buildStaff(db, [{ role: 'admin', regionCode: null }], {
        regionCode: null,
        displayName: '管理员甲',
      })
    ).actor;
    admin2 = (
      await buildStaff(db, [{ role: 'admin', regionCode: null }], {
        regionCode: null,
        displayName: '管理员乙',
      })
    ).actor;
    chengduOfficer = (
      await buildStaff(db, [{ role: 'officer', regionCode: '5101' }], {
        regionCode: '5101',
        displayName: '成都专员',
      })
    ).actor;
    const sci = await buildUser(db, {
      kind: 'scientist',
      regionCode: '510107',
      displayName: '李科学家',
      phone: '13912345678',
    });
    scientist = { userId: sci.id, kind: 'scientist', roles: [] };
    jinjiang = await buildUser(db, {
      regionCode: '510104',
      displayName: '锦江居民',
      email: 'resident@example.com',
    });
    mianyang = await buildUser(db, { kind: 'organization', regionCode: '5107', displayName: '绵阳企业' });
    noRegion = await buildUser(db, { regionCode: null, displayName: '无地区用户' });
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string, actor?: Actor, lang = 'zh-CN') =>
    t.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-language': lang, ...(actor ? asActor(actor) : {}) },
    });
  const send = (
    method: 'POST' | 'DELETE',
    url: string,
    actor: Actor | undefined,
    payload?: unknown,
    lang = 'zh-CN',
  ) =>
    t.app.inject({
      method,
      url,
      headers: { 'accept-language': lang, ...(actor ? asActor(actor) : {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const auditRows = (action: string, actorId: string | null) =>
    getDb()
      .orm.select()
      .from(auditLog)
      .where(
        actorId
          ? and(eq(auditLog.action, action), eq(auditLog.actorId, actorId))
          : eq(auditLog.action, action),
      );

  it('refuses anonymous callers (401) and ordinary users (403), auditing both', async () => {
    expect((await get('/api/admin/users')).statusCode).toBe(401);
    const res = await get('/api/admin/users', scientist);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('error.forbidden');
    const denied = await auditRows('admin.users.list', scientist.userId);
    expect(denied).toHaveLength(1);
    expect(denied[0]?.outcome).toBe('denied');
    expect(
      (await auditRows('admin.users.list', null)).some((r) => r.actorId === null && r.outcome === 'denied'),
    ).toBe(true);
  });

  it('administrators list everyone with masked phones, and can search and filter', async () => {
    const res = await get('/api/admin/users?pageSize=100', admin);
    expect(res.statusCode).toBe(200);
    const page = res.json() as AdminUserPage;
    expect(page.total).toBe(7);
    expect(res.body).not.toContain('13912345678');
    const sci = page.items.find((u) => u.id === scientist.userId);
    expect(sci).toMatchObject({
      phoneMasked: '139****5678',
      kind: 'scientist',
      kinds: ['scientist'],
      regionName: '四川省成都市武侯区',
      realNameStatus: 'none',
    });

    const byPhone = (await get('/api/admin/users?q=1234567', admin)).json() as AdminUserPage;
    expect(byPhone.items.map((u) => u.id)).toEqual([scientist.userId]);
    const byName = (
      await get(`/api/admin/users?q=${encodeURIComponent('绵阳')}`, admin)
    ).json() as AdminUserPage;
    expect(byName.items.map((u) => u.id)).toEqual([mianyang.id]);
    const wildcard = (await get('/api/admin/users?q=%25', admin)).json() as AdminUserPage;
    expect(wildcard.total).toBe(0);
    const officers = (await get('/api/admin/users?role=officer', admin)).json() as AdminUserPage;
    expect(officers.items.map((u) => u.id)).toEqual([chengduOfficer.userId]);
    expect(officers.items[0]?.roles[0]).toMatchObject({
      role: 'officer',
      regionCode: '5101',
      regionName: '四川省成都市',
    });
    const orgs = (await get('/api/admin/users?kind=organization', admin)).json() as AdminUserPage;
    expect(orgs.items.map((u) => u.id)).toEqual([mianyang.id]);
    const inChengdu = (
      await get('/api/admin/users?region=510100&pageSize=100', admin)
    ).json() as AdminUserPage;
    expect(inChengdu.items.map((u) => u.id).sort()).toEqual(
      [chengduOfficer.userId, scientist.userId, jinjiang.id].sort(),
    );
    const paged = (await get('/api/admin/users?pageSize=2&page=2', admin)).json() as AdminUserPage;
    expect(paged).toMatchObject({ page: 2, pageSize: 2, total: 7 });
    expect(paged.items).toHaveLength(2);
  });

  it('rejects bad filters with field messages in the caller’s language', async () => {
    const res = await get('/api/admin/users?region=5&kind=robot', admin, 'en');
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['kind', 'region']);
    // The wording belongs to the core catalog; what matters is that it is the English text.
    expect(res.json().error.fields.region).toBe(translate('validation.region_code', 'en'));
    expect(res.json().error.fields.region).not.toBe(translate('validation.region_code', 'zh-CN'));
  });

  it('officers list only users inside their region subtree, and are refused (audited) outside it', async () => {
    const page = (await get('/api/admin/users?pageSize=100', chengduOfficer)).json() as AdminUserPage;
    expect(page.items.map((u) => u.id).sort()).toEqual(
      [chengduOfficer.userId, scientist.userId, jinjiang.id].sort(),
    );
    const county = (await get('/api/admin/users?region=510104', chengduOfficer)).json() as AdminUserPage;
    expect(county.items.map((u) => u.id)).toEqual([jinjiang.id]);

    const outside = await get('/api/admin/users?region=5107', chengduOfficer);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('error.forbidden_region');
    const [row] = await auditRows('admin.users.list', chengduOfficer.userId);
    expect(row).toMatchObject({ outcome: 'denied', regionCode: '5107' });
  });

  it('officers see one user inside their region read-only; outside it they get 403 (audited)', async () => {
    const inside = await get(`/api/admin/users/${jinjiang.id}`, chengduOfficer);
    expect(inside.statusCode).toBe(200);
    const detail = inside.json() as AdminUserDetail;
    expect(detail).toMatchObject({
      id: jinjiang.id,
      emailMasked: 'r***@example.com',
      can: { manageRoles: false, changeStatus: false },
      activeSessions: 0,
    });

    for (const other of [mianyang.id, noRegion.id]) {
      const res = await get(`/api/admin/users/${other}`, chengduOfficer);
      expect(res.statusCode).toBe(403);
    }
    const denials = await auditRows('admin.users.view', chengduOfficer.userId);
    expect(
      denials
        .filter((r) => r.outcome === 'denied')
        .map((r) => r.targetId)
        .sort(),
    ).toEqual([mianyang.id, noRegion.id].sort());
    // Ordinary users cannot probe which ids exist: 403 before any lookup.
    expect((await get('/api/admin/users/00000000-0000-4000-8000-000000000000', scientist)).statusCode).toBe(
      403,
    );
    expect((await get('/api/admin/users/00000000-0000-4000-8000-000000000000', admin)).statusCode).toBe(404);
    expect((await get('/api/admin/users/not-a-uuid', admin)).statusCode).toBe(400);
  });

  it('officers cannot grant, revoke, disable or enable (403, audited, nothing changes)', async () => {
    const attempts = [
      await send('POST', `/api/admin/users/${jinjiang.id}/roles`, chengduOfficer, {
        role: 'officer',
        regionCode: '510104',
      }),
      await send('POST', `/api/admin/users/${jinjiang.id}/disable`, chengduOfficer, {}),
      await send('POST', `/api/admin/users/${jinjiang.id}/enable`, chengduOfficer, {}),
      await send(
        'DELETE',
        `/api/admin/users/${chengduOfficer.userId}/roles/00000000-0000-4000-8000-000000000000`,
        chengduOfficer,
      ),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([403, 403, 403, 403]);
    expect(
      await getDb().orm.select().from(roleAssignments).where(eq(roleAssignments.userId, jinjiang.id)),
    ).toHaveLength(0);
    const roleDenials = await auditRows('admin.roles.manage', chengduOfficer.userId);
    const statusDenials = await auditRows('admin.users.status', chengduOfficer.userId);
    expect(roleDenials).toHaveLength(2);
    expect(statusDenials).toHaveLength(2);
  });

  it('administrators grant an officer role with a validated region (stored canonically, audited)', async () => {
    const res = await send('POST', `/api/admin/users/${jinjiang.id}/roles`, admin, {
      role: 'officer',
      regionCode: '510104',
    });
    expect(res.statusCode).toBe(201);
    const detail = res.json() as AdminUserDetail;
    expect(detail.roles).toHaveLength(1);
    expect(detail.roles[0]).toMatchObject({
      role: 'officer',
      regionCode: '510104',
      regionName: '四川省成都市锦江区',
      grantedBy: admin.userId,
    });
    const padded = await send('POST', `/api/admin/users/${mianyang.id}/roles`, admin, {
      role: 'officer',
      regionCode: '510700',
    });
    expect((padded.json() as AdminUserDetail).roles[0]?.regionCode).toBe('5107');

    const [audit] = await auditRows('admin.role.grant', admin.userId);
    expect(audit).toMatchObject({
      outcome: 'success',
      targetType: 'user',
      targetId: jinjiang.id,
      regionCode: '510104',
    });
    expect(audit?.details).toMatchObject({ role: 'officer', regionCode: '510104' });

    const again = await send(
      'POST',
      `/api/admin/users/${jinjiang.id}/roles`,
      admin,
      { role: 'officer', regionCode: '510104' },
      'en',
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'admin.role_exists',
      message: 'The user already holds this role',
    });
  });

  it('validates grants: unknown region, officer without region, platform roles with a region', async () => {
    const unknown = await send('POST', `/api/admin/users/${noRegion.id}/roles`, admin, {
      role: 'officer',
      regionCode: '519999',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ regionCode: '行政区划代码不存在' });
    const missing = await send(
      'POST',
      `/api/admin/users/${noRegion.id}/roles`,
      admin,
      { role: 'officer' },
      'en',
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.regionCode).toBe('An officer needs a region');
    const editorWithRegion = await send('POST', `/api/admin/users/${noRegion.id}/roles`, admin, {
      role: 'editor',
      regionCode: '51',
    });
    expect(editorWithRegion.statusCode).toBe(400);
    const editor = await send('POST', `/api/admin/users/${noRegion.id}/roles`, admin, { role: 'editor' });
    expect(editor.statusCode).toBe(201);
    expect((editor.json() as AdminUserDetail).roles.map((r) => [r.role, r.regionCode])).toEqual([
      ['editor', null],
    ]);
    expect(
      (
        await send('POST', '/api/admin/users/00000000-0000-4000-8000-000000000000/roles', admin, {
          role: 'editor',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('revokes roles (audited); never one’s own admin role, never someone else’s role id', async () => {
    const list = (await get(`/api/admin/users/${jinjiang.id}`, admin)).json() as AdminUserDetail;
    const roleId = list.roles[0]!.id;
    const wrongUser = await send('DELETE', `/api/admin/users/${mianyang.id}/roles/${roleId}`, admin);
    expect(wrongUser.statusCode).toBe(404);
    expect(wrongUser.json().error.code).toBe('admin.role_not_found');

    const ok = await send('DELETE', `/api/admin/users/${jinjiang.id}/roles/${roleId}`, admin);
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as AdminUserDetail).roles).toEqual([]);
    const [audit] = await auditRows('admin.role.revoke', admin.userId);
    expect(audit).toMatchObject({ outcome: 'success', targetId: jinjiang.id });

    const own = (await get(`/api/admin/users/${admin.userId}`, admin)).json() as AdminUserDetail;
    const self = await send('DELETE', `/api/admin/users/${admin.userId}/roles/${own.roles[0]!.id}`, admin);
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('admin.cannot_revoke_own_admin');

    // Another administrator may revoke it while a second one remains …
    const other = (await get(`/api/admin/users/${admin2.userId}`, admin)).json() as AdminUserDetail;
    expect(
      (await send('DELETE', `/api/admin/users/${admin2.userId}/roles/${other.roles[0]!.id}`, admin))
        .statusCode,
    ).toBe(200);
    // … but the last active administrator's role stays (here revoked by an actor whose own grant
    // was withdrawn concurrently: its session still carries the role).
    const last = await send('DELETE', `/api/admin/users/${admin.userId}/roles/${own.roles[0]!.id}`, admin2);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('admin.last_admin');
  });

  it('disables an account (sessions ended, audited) and enables it again; never oneself', async () => {
    const session = await buildSession(getDb(), scientist.userId);
    const res = await send('POST', `/api/admin/users/${scientist.userId}/disable`, admin, {
      reason: '冒用身份',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disabled', activeSessions: 0 });
    const [s] = await getDb().orm.select().from(sessions).where(eq(sessions.id, session.id));
    expect(s?.revokedAt).not.toBeNull();
    const [audit] = await auditRows('admin.user.disable', admin.userId);
    expect(audit).toMatchObject({ outcome: 'success', targetId: scientist.userId, regionCode: '510107' });
    expect(audit?.details).toMatchObject({ reason: '冒用身份', sessionsRevoked: 1 });

    const filtered = (await get('/api/admin/users?status=disabled', admin)).json() as AdminUserPage;
    expect(filtered.items.map((u) => u.id)).toEqual([scientist.userId]);

    const enabled = await send('POST', `/api/admin/users/${scientist.userId}/enable`, admin, {});
    expect(enabled.json()).toMatchObject({ status: 'active' });
    expect(await auditRows('admin.user.enable', admin.userId)).toHaveLength(1);

    const self = await send('POST', `/api/admin/users/${admin.userId}/disable`, admin, {});
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('admin.cannot_disable_self');
  });
});
