/**
 * Single sign-on against a real OpenID provider (`test/oidc-provider.ts`: oidc-provider on loopback),
 * driven like a browser: start, the provider's login, the callback. Who gets in, who is bound to which
 * subject, and that every refusal is the same redirect, audited, with nothing created.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ssoTenantListSchema } from '@meldpunt/contracts';
import { createInvitation } from '../../staff/invitations.ts';
import { SignInLimiter } from '../../staff/sign-in-limiter.ts';
import { useTestContext, databaseKind, readJson } from '../../../test/helpers.ts';
import { signInWithSso, startOidcProvider, type TestOidcProvider } from '../../../test/oidc-provider.ts';
import { asConsole, createStaff, sessionCookieOf, signIn } from '../../../test/staff.ts';

const failed = '/console/sign-in?error=sso-failed';

describe(`single sign-on with a tenant's OpenID provider (${databaseKind})`, { timeout: 120_000 }, () => {
  const ctx = useTestContext();
  let provider: TestOidcProvider;
  let app: ReturnType<typeof ctx.appWith>;

  before(async () => {
    provider = await startOidcProvider();
    app = ctx.appWith({
      ssoAllowLoopbackHttp: true,
      signInLimiter: new SignInLimiter(ctx.deps, { maxFailures: 10_000, scope: randomUUID() }),
    });
  });
  after(() => provider?.close());

  /** A tenant with SSO at the test provider, configured by its admin through the API. */
  async function ssoTenant(domains = ['gemeente.example']) {
    const tenant = await ctx.createTenant();
    const admin = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const res = await app.request(
      `/api/v1/console/tenants/${tenant.slug}/sso`,
      asConsole(await signIn(ctx, admin.id), {
        method: 'PUT',
        body: {
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          allowedEmailDomains: domains,
          enabled: true,
        },
      }),
    );
    assert.equal(res.status, 200, await res.text());
    return tenant;
  }

  const newSubject = () => `sub-${randomUUID()}`;
  const newAddress = (domain = 'gemeente.example') => `p-${randomUUID().slice(0, 12)}@${domain}`;

  async function identitiesOf(staffId: string) {
    return ctx.db.selectFrom('staff_identity').select(['issuer', 'subject']).where('staff_id', '=', staffId).execute();
  }

  async function lastAudit(tenantId: string) {
    return ctx.db
      .selectFrom('audit_entry')
      .select(['action', 'actor_id', 'details'])
      .where('tenant_id', '=', tenantId)
      .orderBy('sequence', 'desc')
      .executeTakeFirstOrThrow();
  }

  async function expectSignedIn(outcome: Awaited<ReturnType<typeof signInWithSso>>, slug: string, staffId: string) {
    assert.equal(outcome.response.status, 302);
    assert.equal(outcome.location, `/console/tenants/${slug}`);
    const cookie = sessionCookieOf(outcome.response);
    assert.ok(cookie, 'a session cookie');
    const me = await app.request('/api/v1/auth/me', asConsole(`__Host-meldpunt-session=${cookie.token}`));
    assert.equal(me.status, 200);
    assert.equal((await readJson(me)).id, staffId);
  }

  async function expectRefused(outcome: Awaited<ReturnType<typeof signInWithSso>>) {
    assert.equal(outcome.response.status, 302);
    assert.equal(outcome.location, failed);
    assert.equal(sessionCookieOf(outcome.response), undefined, 'no session cookie');
  }

  it('lists the tenants offering SSO for the sign-in page', async () => {
    const tenant = await ssoTenant();
    const res = await app.request('/api/v1/auth/sso');
    assert.equal(res.status, 200);
    const list = ssoTenantListSchema.parse(await readJson(res));
    assert.ok(list.some((t) => t.slug === tenant.slug));
  });

  it('a first sign-in from an invitation binds the subject and creates the membership', async () => {
    const tenant = await ssoTenant();
    const email = newAddress();
    await createInvitation(ctx.deps, { email, tenantId: tenant.id, roles: ['editor'] });
    const sub = newSubject();
    provider.setAccount(sub, { email, email_verified: true });
    const outcome = await signInWithSso(app, tenant.slug, sub);
    const staff = await ctx.db.selectFrom('staff').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    await expectSignedIn(outcome, tenant.slug, staff.id);
    // Only `openid email` is asked for: without a name claim, the person is named by their address.
    assert.equal(staff.name, email);
    assert.deepEqual(
      (await ctx.db.selectFrom('membership').select('role').where('staff_id', '=', staff.id).execute()).map(
        (r) => r.role,
      ),
      ['editor'],
    );
    assert.deepEqual(await identitiesOf(staff.id), [{ issuer: provider.issuer, subject: sub }]);
    const used = await ctx.db
      .selectFrom('invitation')
      .select('used_at')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    assert.ok(used.used_at, 'the invitation is used up');
    const actions = await ctx.db
      .selectFrom('audit_entry')
      .select(['action', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('actor_id', '=', staff.id)
      .orderBy('sequence')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['invitation.accepted', 'sso.identity-bound', 'auth.sign-in'],
    );
    assert.deepEqual(actions.at(-1)?.details, { method: 'sso' });
    assert.ok(!JSON.stringify(actions).includes(email), 'no address in the audit log');
  });

  it('an existing member is matched by verified e-mail and bound; later the subject alone counts, whatever the e-mail', async () => {
    const tenant = await ssoTenant();
    const member = await createStaff(ctx, { tenantId: tenant.id, roles: ['officer'] });
    // createStaff's addresses are at example.nl: allow that domain too.
    await ctx.db
      .updateTable('tenant_sso')
      .set({ allowed_email_domains: ['gemeente.example', 'example.nl'] })
      .where('tenant_id', '=', tenant.id)
      .execute();
    const sub = newSubject();
    provider.setAccount(sub, { email: member.email, email_verified: true });
    await expectSignedIn(await signInWithSso(app, tenant.slug, sub), tenant.slug, member.id);
    assert.deepEqual(await identitiesOf(member.id), [{ issuer: provider.issuer, subject: sub }]);
    assert.deepEqual((await lastAudit(tenant.id)).details, { method: 'sso' });

    // The provider changes the address — to another member's, even unverified: still the same person.
    const other = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    provider.setAccount(sub, { email: other.email, email_verified: false });
    await expectSignedIn(await signInWithSso(app, tenant.slug, sub), tenant.slug, member.id);
    assert.deepEqual(await identitiesOf(other.id), [], 'the other member was not taken over');
  });

  it('a different subject presenting a bound person’s e-mail is refused', async () => {
    const tenant = await ssoTenant(['example.nl']);
    const member = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor'] });
    const first = newSubject();
    provider.setAccount(first, { email: member.email, email_verified: true });
    await expectSignedIn(await signInWithSso(app, tenant.slug, first), tenant.slug, member.id);

    const intruder = newSubject();
    provider.setAccount(intruder, { email: member.email, email_verified: true });
    await expectRefused(await signInWithSso(app, tenant.slug, intruder));
    assert.deepEqual(await identitiesOf(member.id), [{ issuer: provider.issuer, subject: first }]);
    const failure = await lastAudit(tenant.id);
    assert.equal(failure.action, 'auth.sign-in-failed');
    assert.equal(failure.actor_id, null);
    assert.deepEqual(failure.details, { method: 'sso', reason: 'unknown-credential' });
  });

  it('an unverified e-mail is refused', async () => {
    const tenant = await ssoTenant();
    const email = newAddress();
    await createInvitation(ctx.deps, { email, tenantId: tenant.id, roles: ['editor'] });
    const sub = newSubject();
    provider.setAccount(sub, { email, email_verified: false });
    await expectRefused(await signInWithSso(app, tenant.slug, sub));
    assert.equal(
      await ctx.db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst(),
      undefined,
    );
    const open = await ctx.db
      .selectFrom('invitation')
      .select('used_at')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    assert.equal(open.used_at, null, 'the invitation is still open');
  });

  it('an address outside the allowed domains is refused', async () => {
    const tenant = await ssoTenant(['gemeente.example']);
    const email = newAddress('elders.example');
    await createInvitation(ctx.deps, { email, tenantId: tenant.id, roles: ['editor'] });
    const sub = newSubject();
    provider.setAccount(sub, { email, email_verified: true });
    await expectRefused(await signInWithSso(app, tenant.slug, sub));
    assert.equal(
      await ctx.db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst(),
      undefined,
    );
  });

  it('without a membership or invitation nothing is created: SSO never grants access on its own', async () => {
    const tenant = await ssoTenant();
    const elsewhere = await ctx.createTenant();
    const email = newAddress();
    // An invitation to ANOTHER tenant does not count here.
    await createInvitation(ctx.deps, { email, tenantId: elsewhere.id, roles: ['editor'] });
    const sub = newSubject();
    provider.setAccount(sub, { email, email_verified: true });
    await expectRefused(await signInWithSso(app, tenant.slug, sub));
    assert.equal(
      await ctx.db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst(),
      undefined,
    );
    assert.equal(
      await ctx.db.selectFrom('staff_identity').select('staff_id').where('subject', '=', sub).executeTakeFirst(),
      undefined,
    );
    assert.deepEqual((await lastAudit(tenant.id)).details, { method: 'sso', reason: 'no-membership' });
  });

  it('a bound person who is no longer a member is refused', async () => {
    const tenant = await ssoTenant(['example.nl']);
    const member = await createStaff(ctx, { tenantId: tenant.id, roles: ['analyst'] });
    const sub = newSubject();
    provider.setAccount(sub, { email: member.email, email_verified: true });
    await expectSignedIn(await signInWithSso(app, tenant.slug, sub), tenant.slug, member.id);
    await ctx.db.deleteFrom('membership').where('staff_id', '=', member.id).execute();
    await expectRefused(await signInWithSso(app, tenant.slug, sub));
  });

  it('a replayed, unknown or expired state, or a callback in another browser, is refused', async () => {
    const tenant = await ssoTenant(['example.nl']);
    const member = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor'] });
    const sub = newSubject();
    provider.setAccount(sub, { email: member.email, email_verified: true });

    const first = await signInWithSso(app, tenant.slug, sub);
    await expectSignedIn(first, tenant.slug, member.id);
    // The same callback again (single use).
    const replay = await app.request(first.callbackPath!, {
      headers: { cookie: `__Host-meldpunt-sso=${first.browserCookie}` },
    });
    assert.equal(replay.headers.get('location'), failed);
    assert.equal(sessionCookieOf(replay), undefined);

    const unknown = await app.request('/api/v1/auth/sso/callback?code=abc&state=never-issued');
    assert.equal(unknown.status, 302);
    assert.equal(unknown.headers.get('location'), failed);
    const none = await app.request('/api/v1/auth/sso/callback');
    assert.equal(none.headers.get('location'), failed);

    // Expired: the sign-in is older than ten minutes when the provider sends the browser back.
    const expired = await signInWithSso(app, tenant.slug, sub, {
      beforeCallback: async () => {
        await ctx.db
          .updateTable('sso_sign_in')
          .set({ expires_at: new Date(Date.now() - 1000) })
          .where('tenant_id', '=', tenant.id)
          .execute();
      },
    });
    await expectRefused(expired);
    assert.deepEqual((await lastAudit(tenant.id)).details, { method: 'sso', reason: 'expired' });

    // A callback link opened in another browser (without the cookie of the one that started it).
    const other = await signInWithSso(app, tenant.slug, sub, { beforeCallback: async () => {} });
    await expectSignedIn(other, tenant.slug, member.id);
    const stolen = await signInWithSso(app, tenant.slug, sub, {
      beforeCallback: async (callbackPath) => {
        const res = await app.request(callbackPath);
        assert.equal(res.headers.get('location'), failed);
      },
    });
    // The first use (without the cookie) already took the sign-in: the real browser is refused too.
    await expectRefused(stolen);
  });

  it('a tenant without SSO (or an unknown one) sends the browser back with the error', async () => {
    const tenant = await ctx.createTenant();
    for (const slug of [tenant.slug, 'bestaat-niet']) {
      const res = await app.request(`/api/v1/auth/sso/${slug}/start`);
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('location'), failed);
    }
  });

  it('failed SSO sign-ins count towards the sign-in limit', async () => {
    const limited = ctx.appWith({
      ssoAllowLoopbackHttp: true,
      signInLimiter: new SignInLimiter(ctx.deps, { maxFailures: 2, scope: randomUUID() }),
    });
    const tenant = await ssoTenant(['example.nl']);
    const member = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor'] });
    const sub = newSubject();
    provider.setAccount(sub, { email: member.email, email_verified: true });
    const headers = { 'X-Forwarded-For': '198.51.100.7' };
    for (let i = 0; i < 2; i++) {
      const res = await limited.request('/api/v1/auth/sso/callback?state=nope', { headers });
      assert.equal(res.headers.get('location'), failed);
    }
    // Now even a right sign-in from this connection is refused, and the refusal is audited.
    const outcome = await signInWithSso(limited, tenant.slug, sub, { headers });
    assert.equal(outcome.location, failed);
    // Refused before the provider is even asked.
    assert.equal(outcome.callbackPath, undefined);
  });
});
