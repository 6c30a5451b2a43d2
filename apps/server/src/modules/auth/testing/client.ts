/**
 * Test helpers for API tests of anything behind sign-in: a cookie-keeping client over
 * `app.inject()` that follows the CSRF contract like the web app does, and shortcuts to register
 * and sign in real users (codes read from the SMS outbox, exactly as a developer would).
 * @module
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { desc, eq } from 'drizzle-orm';
import { CSRF_COOKIE, CSRF_HEADER, type AccountKind, type OtpPurpose } from '@tianfu/contracts';
import { roleAssignments, smsMessages, users, type Db, type StaffRole } from '@tianfu/db';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A browser-like client: keeps cookies, sends the CSRF header on state-changing requests. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly app: FastifyInstance,
    readonly lang = 'zh-CN',
    /** Client IP as the server sees it (lockout per IP). */
    readonly ip = '127.0.0.1',
  ) {}

  /** Sends a request; `body` is JSON. Pass `csrf: false` to leave the header out. */
  async req(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    opts: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const m = String(method).toUpperCase();
    if (UNSAFE.has(m) && opts.csrf !== false && !this.cookies.has(CSRF_COOKIE)) {
      await this.req('GET', '/api/auth/csrf');
    }
    const headers: Record<string, string> = { 'accept-language': this.lang, ...opts.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (UNSAFE.has(m) && opts.csrf !== false) headers[CSRF_HEADER] = this.cookies.get(CSRF_COOKIE) ?? '';
    const res = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired =
        c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now());
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get = (url: string) => this.req('GET', url);
  post = (url: string, body?: unknown) => this.req('POST', url, body ?? {});
  patch = (url: string, body?: unknown) => this.req('PATCH', url, body ?? {});
  del = (url: string, body?: unknown) => this.req('DELETE', url, body);
}

/** The newest one-time code sent to `phone` (from the outbox delivery log). */
export async function lastCode(db: Db, phone: string): Promise<string> {
  const [row] = await db.orm
    .select({ params: smsMessages.params })
    .from(smsMessages)
    .where(eq(smsMessages.phone, phone))
    .orderBy(desc(smsMessages.createdAt))
    .limit(1);
  const code = row?.params.code;
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

/** Requests a code for `purpose` and returns it (throws when the request failed). */
export async function requestCode(
  client: TestClient,
  db: Db,
  phone: string,
  purpose: OtpPurpose,
): Promise<string> {
  const res = await client.post('/api/auth/otp', { phone, purpose });
  if (res.statusCode !== 200) throw new Error(`otp request failed: ${res.statusCode} ${res.body}`);
  return lastCode(db, phone);
}

let phoneSeq = 0;
/** A fresh, valid, unused-in-this-process mobile number. */
export function nextPhone(): string {
  phoneSeq += 1;
  return `139${String(Date.now() % 10_000).padStart(4, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

/** Registers a user through the API and returns their signed-in client. */
export async function registerUser(
  app: FastifyInstance,
  db: Db,
  overrides: {
    phone?: string;
    password?: string;
    kind?: AccountKind;
    displayName?: string;
    ip?: string;
  } = {},
): Promise<{ client: TestClient; phone: string; password: string; userId: string }> {
  const phone = overrides.phone ?? nextPhone();
  const password = overrides.password ?? 'purple elephants dance 42';
  const client = new TestClient(app, 'zh-CN', overrides.ip);
  const code = await requestCode(client, db, phone, 'register');
  const res = await client.post('/api/auth/register', {
    phone,
    code,
    password,
    kind: overrides.kind ?? 'scientist',
    displayName: overrides.displayName ?? `用户${phone.slice(-4)}`,
    acceptTerms: true,
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const userId = (res.json() as { user: { id: string } }).user.id;
  return { client, phone, password, userId };
}

/** Grants a staff role directly in the database (what an administrator would do). */
export async function grantRole(
  db: Db,
  userId: string,
  role: StaffRole,
  regionCode: string | null = null,
): Promise<void> {
  await db.orm.insert(roleAssignments).values({ userId, role, regionCode });
}

/** Reads a user row (for assertions on what is stored). */
export async function userRow(db: Db, userId: string) {
  const [row] = await db.orm.select().from(users).where(eq(users.id, userId));
  return row;
}
