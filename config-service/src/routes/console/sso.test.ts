/**
 * The tenant admin's SSO settings: discovery before saving, the secret write-only and sealed at rest,
 * https in production, audited without the secret, another tenant's settings out of reach.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ssoSettingsViewSchema } from '@meldpunt/contracts';
import { findSsoSettings } from '../../staff/sso/sso-settings.ts';
import { useTestContext, databaseKind, readJson } from '../../../test/helpers.ts';
import { startOidcProvider, testRedirectUri, type TestOidcProvider } from '../../../test/oidc-provider.ts';
import { asConsole, createStaff, signIn } from '../../../test/staff.ts';

describe(`SSO settings of a tenant (${databaseKind})`, { timeout: 120_000 }, () => {
  const ctx = useTestContext();
  let provider: TestOidcProvider;
  let app: ReturnType<typeof ctx.appWith>;

  before(async () => {
    provider = await startOidcProvider();
    app = ctx.appWith({ ssoAllowLoopbackHttp: true });
  });
  after(() => provider?.close());

  async function adminOfNewTenant() {
    const tenant = await ctx.createTenant();
    const admin = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    return { tenant, admin, cookie: await signIn(ctx, admin.id) };
  }

  const settings = (changes: Record<string, unknown> = {}) => ({
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    allowedEmailDomains: ['Gemeente.Example'],
    enabled: true,
    ...changes,
  });

  it('without settings: the redirect URI to register, and no settings', async () => {
    const { tenant, cookie } = await adminOfNewTenant();
    const res = await app.request(`/api/v1/console/tenants/${tenant.slug}/sso`, asConsole(cookie));
    assert.equal(res.status, 200);
    assert.deepEqual(ssoSettingsViewSchema.parse(await readJson(res)), {
      redirectUri: testRedirectUri,
      settings: null,
    });
  });

  it('saves after discovery; the secret is never returned and sealed at rest; omitted, it is kept', async () => {
    const { tenant, admin, cookie } = await adminOfNewTenant();
    const path = `/api/v1/console/tenants/${tenant.slug}/sso`;
    const saved = await app.request(path, asConsole(cookie, { method: 'PUT', body: settings() }));
    assert.equal(saved.status, 200, await saved.clone().text());
    const text = await saved.text();
    assert.ok(!text.includes(provider.clientSecret), 'the secret is not in the answer');
    const view = ssoSettingsViewSchema.parse(JSON.parse(text));
    assert.deepEqual(
      { ...view.settings, updatedAt: undefined },
      {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecretSet: true,
        allowedEmailDomains: ['gemeente.example'],
        enabled: true,
        updatedAt: undefined,
      },
    );

    const row = await ctx.db
      .selectFrom('tenant_sso')
      .selectAll()
      .where('tenant_id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    assert.ok(!Buffer.from(row.client_secret_sealed).toString('latin1').includes(provider.clientSecret), 'sealed');
    assert.equal((await findSsoSettings(ctx.deps, tenant.id))?.clientSecret, provider.clientSecret);

    // Without a secret: the saved one stays.
    const again = await app.request(
      path,
      asConsole(cookie, { method: 'PUT', body: settings({ clientSecret: undefined, enabled: false }) }),
    );
    assert.equal(again.status, 200);
    assert.equal((await findSsoSettings(ctx.deps, tenant.id))?.clientSecret, provider.clientSecret);
    assert.equal((await findSsoSettings(ctx.deps, tenant.id))?.enabled, false);

    const audit = await ctx.db
      .selectFrom('audit_entry')
      .select(['action', 'actor_id', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('action', 'like', 'sso.%')
      .orderBy('sequence')
      .execute();
    assert.deepEqual(audit, [
      {
        action: 'sso.configured',
        actor_id: admin.id,
        details: { enabled: true, allowedDomains: 1, secretChanged: true },
      },
      {
        action: 'sso.configured',
        actor_id: admin.id,
        details: { enabled: false, allowedDomains: 1, secretChanged: false },
      },
    ]);
    assert.ok(!JSON.stringify(audit).includes(provider.clientSecret));

    const removed = await app.request(path, asConsole(cookie, { method: 'DELETE' }));
    assert.equal(removed.status, 204);
    assert.equal(await findSsoSettings(ctx.deps, tenant.id), undefined);
    const last = await ctx.db
      .selectFrom('audit_entry')
      .select('action')
      .where('tenant_id', '=', tenant.id)
      .orderBy('sequence', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(last.action, 'sso.removed');
  });

  it('refuses what cannot work, with a clear problem, and saves nothing', async () => {
    const { tenant, cookie } = await adminOfNewTenant();
    const path = `/api/v1/console/tenants/${tenant.slug}/sso`;
    const put = async (body: unknown, on = app) => {
      const res = await on.request(path, asConsole(cookie, { method: 'PUT', body }));
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
      return { status: res.status, problem: await readJson(res) };
    };
    // The first time a secret is needed.
    const noSecret = await put(settings({ clientSecret: undefined }));
    assert.equal(noSecret.status, 422);
    assert.deepEqual(
      noSecret.problem.errors.map((e: { path: string }) => e.path),
      ['clientSecret'],
    );
    // An issuer that does not answer (a closed port on loopback).
    const silent = await put(settings({ issuer: 'http://127.0.0.1:9' }));
    assert.equal(silent.status, 422);
    assert.equal(silent.problem.type, 'https://meldpunt.dev/problems/sso-discovery-failed');
    // In production, http is refused even on loopback; elsewhere only https.
    const production = await put(settings(), ctx.appWith({ ssoAllowLoopbackHttp: false }));
    assert.equal(production.status, 422);
    assert.deepEqual(
      production.problem.errors.map((e: { path: string }) => e.path),
      ['issuer'],
    );
    const plain = await put(settings({ issuer: 'http://login.gemeente.example' }));
    assert.deepEqual(
      plain.problem.errors.map((e: { path: string }) => e.path),
      ['issuer'],
    );
    // Fields the contract refuses.
    const fields = await put(settings({ allowedEmailDomains: [], clientId: '', extra: 1 }));
    assert.equal(fields.status, 422);
    assert.equal(await findSsoSettings(ctx.deps, tenant.id), undefined, 'nothing saved');
  });

  it('another tenant’s settings are 404, never its data', async () => {
    const mine = await adminOfNewTenant();
    const theirs = await adminOfNewTenant();
    const saved = await app.request(
      `/api/v1/console/tenants/${theirs.tenant.slug}/sso`,
      asConsole(theirs.cookie, { method: 'PUT', body: settings() }),
    );
    assert.equal(saved.status, 200);
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await app.request(
        `/api/v1/console/tenants/${theirs.tenant.slug}/sso`,
        asConsole(mine.cookie, { method, ...(method === 'PUT' ? { body: settings() } : {}) }),
      );
      assert.equal(res.status, 404, method);
      assert.ok(!(await res.text()).includes(provider.clientId));
    }
    assert.ok(await findSsoSettings(ctx.deps, theirs.tenant.id), 'still there');
  });
});
