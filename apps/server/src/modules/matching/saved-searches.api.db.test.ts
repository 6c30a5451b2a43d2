import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import type { NotificationPage, SavedSearchView } from '@tianfu/contracts';
import { createJobs, notifications, savedSearches, smsMessages, type Db } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { actAsHeaderHook, asActor } from '../../../test/helpers/actors.ts';
import type { Actor } from '../../policy/actor.ts';
import { runSavedSearchAlerts } from './alerts.service.ts';
import { registerMatchingJobs, SAVED_SEARCH_ALERTS_JOB } from './matching.jobs.ts';
import {
  buildCapabilityRow,
  buildMatchUser,
  buildNeedRow,
  buildScientistProfile,
} from './matching.factories.ts';

const quiet = pino({ level: 'silent' });

describeEachDb('saved searches and notifications', (getDb) => {
  let t: TestApp;
  let db: Db;
  let me: Actor;
  let other: Actor;
  let noPhone: Actor;

  beforeAll(async () => {
    db = getDb();
    me = (await buildMatchUser(db, { kind: 'scientist' })).actor;
    other = (await buildMatchUser(db)).actor;
    noPhone = (await buildMatchUser(db, { phone: null })).actor;
    t = await buildTestApp({ db, beforeReady: actAsHeaderHook, config: { MATCH_INDEX_POLL_MS: 0 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, actor?: Actor, payload?: object) =>
    t.app.inject({ method, url, headers: actor ? asActor(actor) : {}, ...(payload ? { payload } : {}) });

  describe('CRUD', () => {
    let saved: SavedSearchView;

    it('creates, lists, updates and deletes my saved searches', async () => {
      const res = await call('POST', '/api/saved-searches', me, {
        name: '猕猴桃病害',
        criteria: { text: '猕猴桃 溃疡病', kinds: ['need'], region: '5101' },
      });
      expect(res.statusCode).toBe(201);
      saved = res.json<SavedSearchView>();
      expect(saved).toMatchObject({ notify: true, channels: ['in_app'] });
      expect(saved.criteria).toEqual({ text: '猕猴桃 溃疡病', kinds: ['need'], region: '5101' });
      const list = await call('GET', '/api/saved-searches', me);
      expect(list.json().items.map((s: SavedSearchView) => s.id)).toEqual([saved.id]);
      const upd = await call('PATCH', `/api/saved-searches/${saved.id}`, me, { notify: false });
      expect(upd.json<SavedSearchView>().notify).toBe(false);
      const del = await call('DELETE', `/api/saved-searches/${saved.id}`, me);
      expect(del.statusCode).toBe(200);
      expect((await call('GET', `/api/saved-searches/${saved.id}`, me)).statusCode).toBe(404);
    });

    it("refuses someone else's saved search, anonymous use and SMS without a phone", async () => {
      const res = await call('POST', '/api/saved-searches', me, { name: '茶叶', criteria: { text: '茶叶' } });
      const id = res.json<SavedSearchView>().id;
      expect((await call('GET', `/api/saved-searches/${id}`, other)).statusCode).toBe(403);
      expect((await call('DELETE', `/api/saved-searches/${id}`, other)).statusCode).toBe(403);
      expect((await call('GET', '/api/saved-searches')).statusCode).toBe(401);
      const sms = await call('POST', '/api/saved-searches', noPhone, {
        name: '短信',
        criteria: { text: '茶叶' },
        channels: ['in_app', 'sms'],
      });
      expect(sms.statusCode).toBe(400);
      expect(sms.json().error.fields).toHaveProperty('channels');
      const bad = await call('POST', '/api/saved-searches', me, {
        name: 'x',
        criteria: { kinds: ['robot'] },
      });
      expect(bad.statusCode).toBe(400);
      await call('DELETE', `/api/saved-searches/${id}`, me);
    });
  });

  describe('alert job', () => {
    it('writes one notification for new matches, and not twice on retry; SMS once', async () => {
      const created = await call('POST', '/api/saved-searches', me, {
        name: '猕猴桃溃疡病',
        criteria: { text: '猕猴桃溃疡病', kinds: ['need', 'capability'] },
        channels: ['in_app', 'sms'],
      });
      const saved = created.json<SavedSearchView>();
      // Published before the search was saved: not "new".
      await buildNeedRow(db, {
        title: '猕猴桃溃疡病老需求',
        summary: '猕猴桃溃疡病防治',
        publishedAt: new Date(Date.parse(saved.lastRunAt) - 60_000),
      });
      const fresh = await buildNeedRow(db, {
        title: '猕猴桃溃疡病防治需求',
        summary: '猕猴桃果园溃疡病高发，需要防治专家',
        publishedAt: new Date(Date.parse(saved.lastRunAt) + 1000),
      });
      const sci = await buildScientistProfile(db, { skills: ['猕猴桃'] });
      const cap = await buildCapabilityRow(db, {
        scientistId: sci.id,
        title: '猕猴桃溃疡病诊断服务',
        publishedAt: new Date(Date.parse(saved.lastRunAt) + 2000),
      });
      // Unrelated and new: not a match.
      await buildNeedRow(db, {
        title: '白酒窖池微生物研究',
        summary: '窖泥微生物群落分析',
        publishedAt: new Date(Date.parse(saved.lastRunAt) + 1000),
      });

      const now = new Date(Date.parse(saved.lastRunAt) + 10_000);
      const deps = { db, logger: quiet, sms: t.app.deps.sms, now: () => now };
      const first = await runSavedSearchAlerts(deps);
      expect(first.notified).toBe(1);
      expect(first.sms.sent).toBe(1);
      // A retry of the same run, and a later run with nothing new.
      const again = await runSavedSearchAlerts(deps);
      expect(again.notified).toBe(0);
      const later = await runSavedSearchAlerts({ ...deps, now: () => new Date(now.getTime() + 60_000) });
      expect(later.notified).toBe(0);

      const rows = await db.orm.select().from(notifications).where(eq(notifications.userId, me.userId));
      expect(rows).toHaveLength(1);
      const items = (rows[0]!.data as { items: { id: string }[] }).items.map((i) => i.id).sort();
      expect(items).toEqual([fresh.id, cap.id].sort());
      expect(rows[0]!.smsStatus).toBe('sent');
      const sms = await db.orm.select().from(smsMessages).where(eq(smsMessages.purpose, 'saved_search'));
      expect(sms).toHaveLength(1);
      expect(sms[0]!.body).toContain('猕猴桃溃疡病');
      const [s] = await db.orm.select().from(savedSearches).where(eq(savedSearches.id, saved.id));
      expect(s!.lastRunAt.getTime()).toBe(now.getTime() + 60_000);
    });

    it('shows the notification to its owner and marks it read', async () => {
      const page = (await call('GET', '/api/notifications', me)).json<NotificationPage>();
      expect(page.total).toBe(1);
      expect(page.unread).toBe(1);
      expect(page.items[0]!.title).toContain('猕猴桃溃疡病');
      expect(page.items[0]!.title).toContain('2');
      const en = await t.app.inject({
        method: 'GET',
        url: '/api/notifications',
        headers: { ...asActor(me), 'accept-language': 'en' },
      });
      expect(en.json<NotificationPage>().items[0]!.title).toMatch(/new matches/);
      const id = page.items[0]!.id;
      expect((await call('POST', `/api/notifications/${id}/read`, other)).statusCode).toBe(403);
      expect((await call('POST', `/api/notifications/${id}/read`, me)).json()).toEqual({ unread: 0 });
      expect((await call('GET', '/api/notifications/unread-count', me)).json()).toEqual({ unread: 0 });
      expect((await call('GET', '/api/notifications?unread=true', me)).json<NotificationPage>().total).toBe(
        0,
      );
      expect((await call('POST', '/api/notifications/read-all', me)).json()).toEqual({
        marked: 0,
        unread: 0,
      });
    });
  });

  describe('through the job queue', () => {
    it('registers the alert job with its schedule and runs it from pg-boss', async () => {
      const jobs = createJobs(db, { logger: quiet });
      await jobs.start();
      try {
        await registerMatchingJobs({
          db,
          jobs,
          config: t.config,
          logger: quiet,
          secretKey: Buffer.alloc(32),
        });
        const schedules = await jobs.boss.getSchedules();
        expect(schedules.map((x) => x.name)).toContain(SAVED_SEARCH_ALERTS_JOB);
        const created = await call('POST', '/api/saved-searches', other, {
          name: '川芎',
          criteria: { text: '川芎栽培' },
        });
        const saved = created.json<SavedSearchView>();
        await buildNeedRow(db, {
          title: '川芎规范化栽培技术需求',
          summary: '川芎栽培技术',
          publishedAt: new Date(Date.parse(saved.lastRunAt) + 500),
        });
        // The run's end is "now": wait until the publication is in the past.
        await new Promise((r) => setTimeout(r, 600));
        await jobs.send(SAVED_SEARCH_ALERTS_JOB, {});
        await vi.waitFor(
          async () => {
            const rows = await db.orm
              .select()
              .from(notifications)
              .where(eq(notifications.userId, other.userId));
            expect(rows).toHaveLength(1);
          },
          { timeout: 15_000, interval: 250 },
        );
      } finally {
        await jobs.stop();
      }
    }, 30_000);
  });
});
