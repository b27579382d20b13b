/**
 * The role × route matrix, built from the app's own route table (`app.routes`): every staff route
 * must have an access rule, and for every route, every role (and the platform operator, and nobody
 * signed in), on the person's own tenant and on another tenant's real resources (ids that exist), the
 * answer is the expected status — and no successful answer carries the other tenant's data.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { tenantRoles, type TenantRole } from '@meldpunt/contracts';
import { openApiDocument } from '../public/openapi.ts';
import { accessRuleOf, staffAccessRules, type AccessRule } from '../../http/staff-access.ts';
import { importDemoAreas } from '../../areas/demo-areas.ts';
import { seedDemoStaff } from '../../staff/demo-staff.ts';
import { createInvitation } from '../../staff/invitations.ts';
import { saveSsoSettings } from '../../staff/sso/sso-settings.ts';
import { minimalReport, sendReport, useTestContext } from '../../../test/helpers.ts';
import { asConsole, createStaff, signIn } from '../../../test/staff.ts';
import { testTenantConfig } from '@meldpunt/test-support/tenant';
import { startOidcProvider, type TestOidcProvider } from '../../../test/oidc-provider.ts';

/** A real OpenID provider on loopback, so saving SSO settings (which runs discovery) can succeed. */
let provider: TestOidcProvider | undefined;

const staffPrefixes = ['/api/v1/auth/', '/api/v1/console/', '/api/v1/backoffice/'];

/** A link's token of a fresh invitation to tenant A (set in `before`). */
let freshInvitationToken: () => Promise<string>;

/** What a route is sent when it takes a body. */
const sampleBodies: Record<string, () => unknown> = {
  'POST /api/v1/auth/invitation': async () => ({ token: await freshInvitationToken() }),
  'POST /api/v1/auth/passkeys/registration-options': async () => ({ token: await freshInvitationToken() }),
  'POST /api/v1/auth/passkeys/registration': () => ({ state: 'A'.repeat(43), response: unverifiableCredential }),
  'POST /api/v1/auth/passkeys/authentication': () => ({ state: 'A'.repeat(43), response: unverifiableCredential }),
  'POST /api/v1/auth/demo': () => ({ email: 'platform@demo.meldpunt.example' }),
  'PUT /api/v1/console/tenants/:slug/members/:staffId/roles': () => ({ roles: ['editor'] }),
  'POST /api/v1/console/tenants/:slug/invitations': () => ({
    email: `invited-${randomUUID().slice(0, 8)}@example.nl`,
    roles: ['analyst'],
  }),
  // Onboarding: a municipality not onboarded yet each time (only the operator's request succeeds).
  'POST /api/v1/console/tenants': () => ({
    municipalityCode: freeMunicipalities.shift(),
    adminEmail: `first-admin-${randomUUID().slice(0, 8)}@example.nl`,
  }),
  'PUT /api/v1/console/tenants/:slug/demo': () => ({ demo: false }),
  // Never the real slug: the matrix must not delete its own tenants (see `refusedWhenLetThrough`).
  'DELETE /api/v1/console/tenants/:slug': () => ({ confirmSlug: 'not-the-slug' }),
  'PUT /api/v1/console/tenants/:slug/sso': () => ({
    issuer: provider?.issuer,
    clientId: provider?.clientId,
    clientSecret: provider?.clientSecret,
    allowedEmailDomains: ['example.nl'],
    enabled: true,
  }),
  // Configuration console: publishing the (unchanged) draft and restoring version 1 both succeed.
  'POST /api/v1/console/tenants/:slug/config/publish': () => ({ note: 'Matrix' }),
  'POST /api/v1/console/tenants/:slug/config/versions/:version/restore': () => ({}),
  // Private settings (issue 13): a valid whole document; `If-Match: *` (see `sampleHeaders`).
  'PUT /api/v1/console/tenants/:slug/settings': () => ({
    allowedOrigins: ['https://www.testgemeente.example'],
    rateLimit: { reports: 10, windowSeconds: 3600 },
    routing: { keepReportsElsewhere: false },
    delivery: { email: [{ address: 'oov@testgemeente.example' }], webhook: null },
  }),
  'POST /api/v1/console/tenants/:slug/settings/origin-check': () => ({ origin: 'https://www.testgemeente.example' }),
  // Issue 14: the back office's officer routes (each request on a fresh report; see `resourcesIn`).
  'PATCH /api/v1/backoffice/tenants/:slug/reports/:id': () => ({ status: 'in-progress' }),
  'POST /api/v1/backoffice/tenants/:slug/reports/:id/notes': () => ({ body: 'Matrix' }),
  'POST /api/v1/backoffice/tenants/:slug/reports/:id/contact': () => ({ reason: 'clarify-report' }),
  'POST /api/v1/backoffice/tenants/:slug/views': () => ({ name: `Matrix ${randomUUID()}`, query: 'status=new' }),
  // Issue 15: a message to the reporter (the report has a receipt code; see `resourcesIn`).
  'POST /api/v1/backoffice/tenants/:slug/reports/:id/messages': () => ({ body: 'Matrix', waitForReply: true }),
  // Sending from the preview (issue 13): the test tenant's config as a draft, a report placed in words.
  'POST /api/v1/console/tenants/:slug/config/preview-report': () => ({
    config: testTenantConfig(),
    report: {
      role: 'victim',
      categories: ['verbal'],
      occurredAt: '2026-11-20T22:30:00+01:00',
      location: { text: 'Bij het station' },
      locale: 'nl',
    },
  }),
};

// Issue 13: the logo upload takes the image itself as the body, not JSON.
/** What a route is sent when its body is not JSON: the bytes and their type. */
const sampleRawBodies: Record<string, () => Promise<{ bytes: Uint8Array; type: string }>> = {
  'POST /api/v1/console/tenants/:slug/logo': async () => ({
    bytes: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#1a4d8f' } })
      .png()
      .toBuffer(),
    type: 'image/png',
  }),
};

/** The headers a route needs to answer 2xx. */
const sampleHeaders: Record<string, Record<string, string>> = {
  'PUT /api/v1/console/tenants/:slug/settings': { 'If-Match': '*' },
  // Issue 14: a fresh report is at revision 0.
  'PATCH /api/v1/backoffice/tenants/:slug/reports/:id': { 'If-Match': '"0"' },
};

/**
 * Public by design, for the sign-in page: the municipalities that offer single sign-on (slug and name,
 * as public as their reporting forms). Every other answer is checked for tenant B's data.
 */
const publicListings = new Set(['GET /api/v1/auth/sso']);

/** An authenticator's answer that verifies against nothing: no real authenticator here (see e2e). */
const unverifiableCredential = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA', attestationObject: 'AAAA' },
  clientExtensionResults: {},
};

/**
 * Public routes that need a real authenticator to succeed: everyone — signed in or not, any role —
 * gets the same refusal from them here.
 */
const refusedWithoutAuthenticator: Record<string, number> = {
  'POST /api/v1/auth/passkeys/registration': 400,
  'POST /api/v1/auth/passkeys/authentication': 401,
};

/** The query a route needs to answer 2xx. */
const sampleQueries: Record<string, string> = {
  'GET /api/v1/console/municipalities': '?q=dord',
};

/**
 * Routes whose request is let through but then refused on purpose, with that status in place of a
 * 2xx: deleting a tenant with a wrong confirmation (422) shows the rule let the operator in, without
 * deleting tenant A or B under the matrix.
 */
const refusedWhenLetThrough: Record<string, number> = {
  'DELETE /api/v1/console/tenants/:slug': 422,
  // A save without If-Match (the matrix sends none): 428 shows the rule let the person in.
  'PUT /api/v1/console/tenants/:slug/config/draft': 428,
};

/** Municipality codes without a tenant, for the onboarding requests (filled in `before`). */
const freeMunicipalities: string[] = [];

interface Principal {
  label: string;
  id?: string;
  platformAdmin: boolean;
  /** Roles in tenant A (the person's own tenant); never a member of B. */
  roles: TenantRole[];
}

describe('access rules: the role × route matrix', { timeout: 300_000 }, () => {
  const ctx = useTestContext({ ownDatabase: true });
  let app: ReturnType<typeof ctx.appWith>;
  let routes: { method: string; path: string }[];
  const tenants: Record<'A' | 'B', { id: string; slug: string }> = {} as never;
  const principals: Principal[] = [];
  /** Every string that is tenant B's: slug, id, its members' ids and addresses, its invitations. */
  const secretsOfB = new Set<string>();

  before(async () => {
    await seedDemoStaff(ctx.db);
    await importDemoAreas(ctx.db);
    const taken = await ctx.db.selectFrom('tenant').select('municipality_code').execute();
    const codes = await ctx.db.selectFrom('area').select('code').distinct().orderBy('code').execute();
    freeMunicipalities.push(
      ...codes.map((c) => c.code).filter((code) => !taken.some((t) => t.municipality_code === code)),
    );
    provider = await startOidcProvider();
    const { issuer } = provider;
    app = ctx.appWith({ demoSignIn: true, ssoAllowLoopbackHttp: true });
    const seen = new Set<string>();
    routes = app.routes
      .filter((r) => r.method !== 'ALL' && staffPrefixes.some((p) => r.path.startsWith(p)))
      .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
      .map((r) => ({ method: r.method, path: r.path }));
    tenants.A = await ctx.createTenant();
    tenants.B = await ctx.createTenant();
    freshInvitationToken = async () => {
      const email = `invited-${randomUUID().slice(0, 8)}@example.nl`;
      return (await createInvitation(ctx.deps, { email, tenantId: tenants.A.id, roles: ['analyst'] })).token;
    };
    secretsOfB.add(tenants.B.slug).add(tenants.B.id);
    // B has people and invitations of its own, which nobody of A may see.
    for (const role of tenantRoles) {
      const member = await createStaff(ctx, { tenantId: tenants.B.id, roles: [role] });
      secretsOfB.add(member.id).add(member.email);
    }
    // B signs in with its own provider: its settings are B's too.
    const clientOfB = `client-of-b-${randomUUID().slice(0, 8)}`;
    await saveSsoSettings(
      ctx.deps,
      tenants.B.id,
      { issuer, clientId: clientOfB, clientSecret: 'secret-of-b', allowedEmailDomains: ['b.example'], enabled: true },
      { kind: 'cli' },
      { allowLoopbackHttp: true },
    );
    secretsOfB.add(clientOfB).add('secret-of-b').add('b.example');
    principals.push({ label: 'nobody signed in', platformAdmin: false, roles: [] });
    const operator = await createStaff(ctx, { platformAdmin: true });
    principals.push({ label: 'platform operator', id: operator.id, platformAdmin: true, roles: [] });
    for (const role of tenantRoles) {
      const person = await createStaff(ctx, { tenantId: tenants.A.id, roles: [role] });
      principals.push({ label: `${role} of A`, id: person.id, platformAdmin: false, roles: [role] });
    }
  });

  after(() => provider?.close());

  it('finds the staff routes, and every one has an access rule (and every rule a route)', () => {
    assert.ok(routes.length >= Object.keys(staffAccessRules).length, 'the demo app has every staff route');
    const missing = routes.filter((r) => !accessRuleOf(r.method, r.path)).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(missing, [], 'routes without an access rule in http/staff-access.ts');
    const registered = new Set(routes.map((r) => `${r.method} ${r.path}`));
    assert.deepEqual(
      Object.keys(staffAccessRules).filter((k) => !registered.has(k)),
      [],
      'rules without a route',
    );
  });

  it('describes every staff route in the OpenAPI document', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
    const undocumented = routes.filter((r) => !paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()]);
    assert.deepEqual(
      undocumented.map((r) => `${r.method} ${r.path}`),
      [],
    );
  });

  /**
   * Fresh resources in a tenant for one request: a member and an open invitation; for the back office's
   * routes a report (with contact details, a failed delivery and a receipt code, so a reveal, a retry and
   * a message to the reporter can succeed) or a saved view. `id` is the one the route's `:id` names.
   */
  async function resourcesIn(tenant: 'A' | 'B', routePath: string) {
    const t = tenants[tenant];
    const member = await createStaff(ctx, { tenantId: t.id, roles: ['analyst'] });
    const email = `pending-${randomUUID().slice(0, 8)}@example.nl`;
    const invitation = await createInvitation(ctx.deps, { email, tenantId: t.id, roles: ['editor'] });
    if (tenant === 'B') secretsOfB.add(member.id).add(member.email).add(invitation.id).add(email);
    let id = invitation.id;
    let deliveryId = '';
    if (routePath.includes('/backoffice/tenants/:slug/reports/:id')) {
      const report = await sendReport(
        ctx,
        t.slug,
        minimalReport({ contact: { email: `melder-${tenant}@example.org`, wantsFollowUp: true } }),
      );
      const delivery = await ctx.db
        .updateTable('delivery')
        .set({ status: 'failed', last_error: 'smtp-550' })
        .where('report_id', '=', report.id)
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.db
        .updateTable('report')
        .set({ receipt_key_id: 1, receipt_hash: randomUUID() })
        .where('id', '=', report.id)
        .execute();
      id = report.id;
      deliveryId = delivery.id;
      if (tenant === 'B') secretsOfB.add(report.id).add(report.reference).add(delivery.id).add('melder-B@example.org');
    } else if (routePath.includes('/backoffice/tenants/:slug/views/:id')) {
      const view = await ctx.db
        .insertInto('saved_view')
        .values({ tenant_id: t.id, name: `View ${randomUUID()}`, query: 'status=new' })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = view.id;
      if (tenant === 'B') secretsOfB.add(view.id);
    }
    return { staffId: member.id, id, deliveryId };
  }

  /**
   * One of two passkeys of the person (so removing it is allowed); for nobody signed in, a real
   * passkey of someone.
   */
  async function ownPasskeyOf(who: Principal): Promise<string> {
    const staffId = who.id ?? (await createStaff(ctx, { tenantId: tenants.A.id, roles: ['analyst'] })).id;
    const ids = [randomUUID(), randomUUID()];
    for (const id of ids) {
      await ctx.db
        .insertInto('passkey')
        .values({
          id,
          staff_id: staffId,
          credential_id: randomUUID(),
          public_key: new Uint8Array(8),
          counter: 0,
          label: 'x',
        })
        .execute();
    }
    return ids[0] ?? '';
  }

  /** The status a rule gives, or 'ok' for a 2xx. */
  function expected(
    route: string,
    rule: AccessRule,
    who: Principal,
    scope: { slugOf: 'A' | 'B'; idsOf: 'A' | 'B'; hasIds: boolean } | undefined,
  ): 'ok' | number {
    if ('public' in rule) return refusedWithoutAuthenticator[route] ?? 'ok';
    if (!who.id) return 401;
    if ('signedIn' in rule) return 'ok';
    if ('platform' in rule) return who.platformAdmin ? 'ok' : 403;
    assert.ok(scope);
    const asOperator = rule.platformAdmin === true && who.platformAdmin;
    const member = scope.slugOf === 'A' && who.roles.length > 0;
    if (!member && !asOperator) return 404;
    if (!asOperator && !who.roles.some((r) => rule.roles.includes(r))) return rule.othersNotFound ? 404 : 403;
    return scope.hasIds && scope.idsOf !== scope.slugOf ? 404 : 'ok';
  }

  it('answers every route × person × tenant as its rule says, and never with the other tenant’s data', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const rule = accessRuleOf(route.method, route.path);
      assert.ok(rule);
      const tenantScoped = route.path.includes(':slug');
      const hasIds = /:(staffId|id)\b/.test(route.path);
      type Scope = { slugOf: 'A' | 'B'; idsOf: 'A' | 'B'; hasIds: boolean };
      const scopes: (Scope | undefined)[] = tenantScoped
        ? [
            { slugOf: 'A', idsOf: 'A', hasIds },
            { slugOf: 'B', idsOf: 'B', hasIds },
            // Own tenant in the path, another tenant's real ids after it.
            ...(hasIds ? [{ slugOf: 'A', idsOf: 'B', hasIds } as const] : []),
          ]
        : [undefined];
      for (const scope of scopes) {
        for (const who of principals) {
          const ids = scope
            ? await resourcesIn(scope.idsOf, route.path)
            : {
                staffId: '',
                id: route.path.endsWith('/passkeys/:id') ? await ownPasskeyOf(who) : '',
                deliveryId: '',
              };
          const path = route.path
            .replace(':slug', scope ? tenants[scope.slugOf].slug : '')
            .replace(':staffId', ids.staffId)
            .replace(':id', ids.id)
            .replace(':deliveryId', ids.deliveryId)
            .replace(':version', '1');
          const cookie = who.id ? await signIn(ctx, who.id) : undefined;
          const key = `${route.method} ${route.path}`;
          const body = await sampleBodies[key]?.();
          const raw = await sampleRawBodies[key]?.();
          const headers = { ...sampleHeaders[key], ...(raw ? { 'Content-Type': raw.type } : {}) };
          const init = asConsole(cookie, { method: route.method, body, headers });
          const res = await app.request(path + (sampleQueries[key] ?? ''), raw ? { ...init, body: raw.bytes } : init);
          const text = await res.text();
          const allowed = expected(key, rule, who, scope);
          const want = allowed === 'ok' ? (refusedWhenLetThrough[key] ?? 'ok') : allowed;
          // A redirect is the answer of the browser-navigation routes (SSO) to anyone: it counts as passing.
          const got = res.status >= 200 && res.status < 400 ? 'ok' : res.status;
          const label = `${route.method} ${path} (${scope ? `slug ${scope.slugOf}, ids ${scope.idsOf}` : 'no tenant'}) as ${who.label}`;
          checked += 1;
          if (got !== want) failures.push(`${label}: expected ${want}, got ${res.status} ${text.slice(0, 120)}`);
          if (got === 'ok' && !who.platformAdmin && !publicListings.has(`${route.method} ${route.path}`)) {
            const leaked = [...secretsOfB].filter((s) => text.includes(s));
            if (leaked.length) failures.push(`${label}: the answer contains tenant B's data (${leaked.join(', ')})`);
          }
          if (got !== 'ok' && text && !res.headers.get('content-type')?.includes('problem+json')) {
            failures.push(`${label}: a refusal that is not problem+json`);
          }
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked > 100, `checked ${checked} combinations`);
    // Nobody deleted a tenant: both are still there, with their members.
    for (const t of [tenants.A, tenants.B]) {
      const row = await ctx.db.selectFrom('tenant').select('id').where('id', '=', t.id).executeTakeFirst();
      assert.ok(row, `tenant ${t.slug} still exists`);
    }
  });

  it('refuses every state change from another origin, or without one, even for a person the rule lets through (403 cross-site-request)', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')) {
      const key = `${route.method} ${route.path}`;
      const rule = accessRuleOf(route.method, route.path);
      if (!rule) continue; // the first test reports it
      const tenantScoped = route.path.includes(':slug');
      const scope = tenantScoped
        ? ({ slugOf: 'A', idsOf: 'A', hasIds: /:(id|staffId|version|deliveryId)/.test(route.path) } as const)
        : undefined;
      const who =
        principals.find((p) => p.id && expected(key, rule, p, scope) === 'ok') ?? principals.find((p) => !p.id);
      if (!who) continue;
      const ids = scope ? await resourcesIn('A', route.path) : { staffId: '', id: '', deliveryId: '' };
      const path = route.path
        .replace(':slug', tenants.A.slug)
        .replace(':staffId', ids.staffId)
        .replace(':id', ids.id)
        .replace(':deliveryId', ids.deliveryId)
        .replace(':version', '1');
      const cookie = who.id ? await signIn(ctx, who.id) : undefined;
      for (const origin of ['https://evil.example', undefined]) {
        const init = asConsole(cookie, {
          method: route.method,
          body: await sampleBodies[key]?.(),
          headers: sampleHeaders[key],
        });
        const headers = new Headers(init.headers);
        if (origin) headers.set('Origin', origin);
        else headers.delete('Origin');
        const res = await app.request(path, { ...init, headers });
        const body = (await res.json().catch(() => ({}))) as { type?: string };
        checked += 1;
        if (res.status !== 403 || body.type !== 'https://meldpunt.dev/problems/cross-site-request') {
          failures.push(`${key} as ${who.label} from ${origin ?? 'no origin'}: ${res.status} ${body.type ?? ''}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked > 40, `checked ${checked} requests`);
  });

  it('a tenant that does not exist reads as one without a membership: 404 for every signed-in person', async () => {
    for (const who of principals.filter((p) => p.id)) {
      const cookie = await signIn(ctx, who.id ?? '');
      const res = await app.request('/api/v1/console/tenants/bestaat-niet/members', asConsole(cookie));
      assert.equal(res.status, 404, who.label);
    }
  });
});
