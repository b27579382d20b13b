import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { demoStaffSchema, meSchema } from '@meldpunt/contracts';
import { loadEnv } from '../../env.ts';
import { sessionCookieName } from '../../http/session-cookie.ts';
import { demoPeople, seedDemoStaff } from '../../staff/demo-staff.ts';
import { SignInLimiter } from '../../staff/sign-in-limiter.ts';
import { seedDemoTenants } from '../../tenants/demo-seed.ts';
import { readJson, testPublicOrigin, useTestContext } from '../../../test/helpers.ts';
import { asConsole, createStaff, sessionCookieOf, signIn } from '../../../test/staff.ts';

const demoEditor = 'dordrecht-editor@demo.meldpunt.example';

describe('staff sign-in and sessions (HTTP)', () => {
  // Its own database on PostgreSQL: the demo tenants and demo people have fixed names.
  const ctx = useTestContext({ ownDatabase: true });
  let demoApp: ReturnType<typeof ctx.appWith>;
  before(async () => {
    await seedDemoTenants(ctx.db);
    await seedDemoStaff(ctx.db);
    demoApp = ctx.appWith({ demoSignIn: true });
  });

  const demoSignIn = (email: string, init: { cookie?: string; ip?: string } = {}) =>
    demoApp.request(
      '/api/v1/auth/demo',
      asConsole(init.cookie, {
        method: 'POST',
        body: { email },
        headers: { 'X-Forwarded-For': init.ip ?? `192.0.2.${Math.floor(Math.random() * 250)}` },
      }),
    );

  it('lists the demo staff: one per role in dordrecht, an officer in almere, a platform operator', async () => {
    const res = await demoApp.request('/api/v1/auth/demo');
    assert.equal(res.status, 200);
    const list = demoStaffSchema.parse(await res.json());
    assert.equal(list.length, demoPeople.length);
    const dordrecht = list.flatMap((p) =>
      p.memberships.filter((m) => m.tenant === 'dordrecht').flatMap((m) => m.roles),
    );
    assert.deepEqual(dordrecht.sort(), ['admin', 'analyst', 'editor', 'officer', 'publisher']);
    assert.ok(list.some((p) => p.memberships.some((m) => m.tenant === 'almere' && m.roles.includes('officer'))));
    assert.ok(list.some((p) => p.platformAdmin));
  });

  it('signs in as a demo person: a session cookie with HttpOnly, Secure, SameSite=Strict, Path=/', async () => {
    const res = await demoSignIn(demoEditor);
    assert.equal(res.status, 200, await res.clone().text());
    const me = meSchema.parse(await res.json());
    assert.equal(me.email, demoEditor);
    assert.deepEqual(
      me.memberships.map((m) => [m.tenant, m.roles]),
      [['dordrecht', ['editor']]],
    );
    const cookie = sessionCookieOf(res);
    assert.ok(cookie, 'sets the session cookie');
    assert.match(cookie.token, /^[A-Za-z0-9_-]{43}$/);
    const flags = cookie.header.split(';').map((f) => f.trim().toLowerCase());
    for (const flag of ['httponly', 'secure', 'samesite=strict', 'path=/']) assert.ok(flags.includes(flag), flag);
    assert.ok(!flags.some((f) => f.startsWith('domain=')), 'a __Host- cookie has no Domain');
    assert.ok(cookie.header.startsWith('__Host-'));

    const meRes = await ctx.app.request('/api/v1/auth/me', asConsole(`${sessionCookieName}=${cookie.token}`));
    assert.equal(meRes.status, 200);
    assert.equal(meSchema.parse(await meRes.json()).email, demoEditor);
  });

  it('gives a new session id at every sign-in; the one the browser brought no longer works (fixation)', async () => {
    const first = sessionCookieOf(await demoSignIn(demoEditor));
    assert.ok(first);
    const planted = `${sessionCookieName}=${first.token}`;
    const second = sessionCookieOf(await demoSignIn(demoEditor, { cookie: planted }));
    assert.ok(second);
    assert.notEqual(second.token, first.token);
    assert.equal((await ctx.app.request('/api/v1/auth/me', asConsole(planted))).status, 401);
    const ok = await ctx.app.request('/api/v1/auth/me', asConsole(`${sessionCookieName}=${second.token}`));
    assert.equal(ok.status, 200);
  });

  it('answers 401 problem+json without a session, or with an unknown one', async () => {
    for (const cookie of [undefined, `${sessionCookieName}=${'A'.repeat(43)}`, `${sessionCookieName}=junk`]) {
      const res = await ctx.app.request('/api/v1/auth/me', asConsole(cookie));
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.equal((await readJson(res)).type, 'https://meldpunt.dev/problems/unauthenticated');
    }
  });

  it('a passive /me leaves the idle time alone; any other request and "stay signed in" extend it', async () => {
    const person = await createStaff(ctx, { platformAdmin: true });
    const cookie = await signIn(ctx, person.id);
    // Move the session's idle end close, as if the person had been away for 25 minutes.
    const soon = new Date(Date.now() + 5 * 60_000);
    await ctx.db
      .updateTable('staff_session')
      .set({ idle_expires_at: soon })
      .where('staff_id', '=', person.id)
      .execute();
    const idleEnd = async () =>
      (
        await ctx.db
          .selectFrom('staff_session')
          .select('idle_expires_at')
          .where('staff_id', '=', person.id)
          .executeTakeFirstOrThrow()
      ).idle_expires_at.getTime();

    for (const init of [{}, { headers: { 'Meldpunt-Passive': '1' } }]) {
      const url = 'headers' in init ? '/api/v1/auth/me' : '/api/v1/auth/me?passive=1';
      const res = await ctx.app.request(url, asConsole(cookie, init));
      assert.equal(res.status, 200);
      assert.equal(meSchema.parse(await res.json()).session.idleExpiresAt, soon.toISOString());
      assert.equal(await idleEnd(), soon.getTime());
    }

    const stay = await ctx.app.request('/api/v1/auth/session', asConsole(cookie, { method: 'POST' }));
    assert.equal(stay.status, 200);
    const me = meSchema.parse(await stay.json());
    assert.ok(Date.parse(me.session.idleExpiresAt) > soon.getTime() + 20 * 60_000);
    assert.equal(Date.parse(me.session.idleExpiresAt), await idleEnd());

    await ctx.db
      .updateTable('staff_session')
      .set({ idle_expires_at: soon })
      .where('staff_id', '=', person.id)
      .execute();
    assert.equal((await ctx.app.request('/api/v1/console/tenants', asConsole(cookie))).status, 200);
    assert.ok((await idleEnd()) > soon.getTime() + 20 * 60_000, 'a console request counts as activity');
  });

  it('ends a session that ran out (idle or absolute) and tells the browser to drop the cookie', async () => {
    const person = await createStaff(ctx, { platformAdmin: true });
    const cookie = await signIn(ctx, person.id);
    await ctx.db
      .updateTable('staff_session')
      .set({ idle_expires_at: new Date(Date.now() - 1000) })
      .where('staff_id', '=', person.id)
      .execute();
    const res = await ctx.app.request('/api/v1/auth/me', asConsole(cookie));
    assert.equal(res.status, 401);
    assert.match(sessionCookieOf(res)?.header ?? '', /Max-Age=0/);
  });

  it('signs out (204, cookie cleared) and signs out everywhere (every session of that person)', async () => {
    const person = await createStaff(ctx, { platformAdmin: true });
    const [a, b, c] = [await signIn(ctx, person.id), await signIn(ctx, person.id), await signIn(ctx, person.id)];
    const out = await ctx.app.request('/api/v1/auth/sign-out', asConsole(a, { method: 'POST' }));
    assert.equal(out.status, 204);
    assert.match(sessionCookieOf(out)?.header ?? '', /Max-Age=0/);
    assert.equal((await ctx.app.request('/api/v1/auth/me', asConsole(a))).status, 401);
    assert.equal((await ctx.app.request('/api/v1/auth/me', asConsole(b))).status, 200);

    const everywhere = await ctx.app.request('/api/v1/auth/sign-out-everywhere', asConsole(b, { method: 'POST' }));
    assert.equal(everywhere.status, 204);
    for (const cookie of [b, c])
      assert.equal((await ctx.app.request('/api/v1/auth/me', asConsole(cookie))).status, 401);
  });

  it('refuses state changes from another origin or without Origin (403), and reads stay possible', async () => {
    const person = await createStaff(ctx, { platformAdmin: true });
    const cookie = await signIn(ctx, person.id);
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'null', undefined]) {
      const headers: Record<string, string> = { Cookie: cookie, 'Content-Type': 'application/json' };
      if (origin) headers.Origin = origin;
      for (const path of ['/api/v1/auth/sign-out-everywhere', '/api/v1/auth/demo']) {
        const res = await demoApp.request(path, {
          method: 'POST',
          headers,
          body: JSON.stringify({ email: demoEditor }),
        });
        assert.equal(res.status, 403, `${path} from ${origin}`);
        assert.equal((await readJson(res)).type, 'https://meldpunt.dev/problems/cross-site-request');
      }
    }
    assert.equal((await ctx.app.request('/api/v1/auth/me', { headers: { Cookie: cookie } })).status, 200);
    assert.equal((await ctx.app.request('/api/v1/auth/me', asConsole(cookie))).status, 200, 'still signed in');
  });

  it('a failed sign-in never says whether the address exists, and failures are rate-limited', async () => {
    const limited = ctx.appWith({
      demoSignIn: true,
      signInLimiter: new SignInLimiter(ctx.deps, { maxFailures: 3, scope: randomUUID() }),
    });
    const existing = await createStaff(ctx, { platformAdmin: true }); // a real person, but no demo person
    const ip = '203.0.113.77';
    const attempt = (email: string) =>
      limited.request(
        '/api/v1/auth/demo',
        asConsole(undefined, { method: 'POST', body: { email }, headers: { 'X-Forwarded-For': ip } }),
      );
    const unknown = await attempt('nobody@example.nl');
    const known = await attempt(existing.email);
    assert.equal(unknown.status, 401);
    assert.equal(known.status, 401);
    assert.deepEqual(await readJson(unknown), { ...(await readJson(known)), instance: '/api/v1/auth/demo' });
    assert.equal(sessionCookieOf(known), undefined);
    assert.equal((await attempt('nobody-else@example.nl')).status, 401);
    const blocked = await attempt(demoEditor); // even the right address, once the limit is reached
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    const elsewhere = await limited.request(
      '/api/v1/auth/demo',
      asConsole(undefined, {
        method: 'POST',
        body: { email: demoEditor },
        headers: { 'X-Forwarded-For': '203.0.113.78' },
      }),
    );
    assert.equal(elsewhere.status, 200);
  });

  it('sign-in failures count per client network (an IPv6 /64 is one client), and a burst cannot slip past the count', async () => {
    const limited = ctx.appWith({
      demoSignIn: true,
      signInLimiter: new SignInLimiter(ctx.deps, { maxFailures: 3, scope: randomUUID() }),
    });
    const attempt = (email: string, address: string) =>
      limited.request(
        '/api/v1/auth/demo',
        asConsole(undefined, { method: 'POST', body: { email }, headers: { 'X-Forwarded-For': address } }),
      );
    // Three addresses of one /64, then a fourth: one client, so the right address is refused too.
    for (const host of [':1', 'a:b:c:d', '0:0:0:ffff']) {
      assert.equal((await attempt('nobody@example.nl', `2001:db8:77:1:${host}`)).status, 401);
    }
    assert.equal((await attempt(demoEditor, '2001:DB8:77:1::42')).status, 429);
    assert.equal((await attempt(demoEditor, '2001:db8:77:2::1')).status, 200, 'the next /64 is another client');
    // Twenty wrong attempts sent at once from one client: exactly three get to try.
    const burst = await Promise.all(Array.from({ length: 20 }, () => attempt('nobody@example.nl', '198.51.100.99')));
    assert.deepEqual(burst.map((r) => r.status).sort(), [
      ...Array<number>(3).fill(401),
      ...Array<number>(17).fill(429),
    ]);
  });

  it('has no demo sign-in in production mode: GET and POST /api/v1/auth/demo are 404', async () => {
    const env = loadEnv({
      MELDPUNT_MODE: 'production',
      PUBLIC_ORIGIN: testPublicOrigin,
      SERVER_SECRET: ctx.serverSecret.toString('base64'),
    });
    assert.equal(env.demo, false);
    const production = ctx.appWith({ demoSignIn: env.demo }); // as server.ts builds it
    assert.equal((await production.request('/api/v1/auth/demo')).status, 404);
    const res = await production.request(
      '/api/v1/auth/demo',
      asConsole(undefined, { method: 'POST', body: { email: demoEditor } }),
    );
    assert.equal(res.status, 404);
    assert.equal(sessionCookieOf(res), undefined);
  });
});
