/** Test support: a fake console API (window.fetch for `/api/v1/…`) and people to sign in as. */
import type { ConsoleTenant, DemoStaff, Me, SsoSettingsView, SsoTenantList } from '@meldpunt/contracts';

/** A signed-in person; the session ends `idleInMs` from now (30 minutes by default). */
export function person(overrides: Partial<Me> = {}, idleInMs = 30 * 60_000): Me {
  return {
    id: '0b6f3c52-8d0e-4e43-9a4a-6a0d1c2e5f10',
    email: 'editor@dordrecht.example',
    name: 'Eva Editor',
    platformAdmin: false,
    memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles: ['editor'] }],
    session: {
      idleExpiresAt: new Date(Date.now() + idleInMs).toISOString(),
      absoluteExpiresAt: new Date(Date.now() + 12 * 3600_000).toISOString(),
    },
    ...overrides,
  };
}

export function tenant(overrides: Partial<ConsoleTenant> = {}): ConsoleTenant {
  return {
    slug: 'dordrecht',
    name: 'Dordrecht',
    isDemo: true,
    publishedVersion: 3,
    lastReportAt: '2026-12-01T10:00:00Z',
    failingDeliveries: 0,
    roles: ['editor'],
    ...overrides,
  };
}

export interface FakeConsoleApi {
  /** Who is signed in (`null`: 401). */
  me: Me | null;
  /** The demo staff (`null`: 404, not demo mode). */
  demo: DemoStaff | null;
  tenants: ConsoleTenant[];
  /** The municipalities offering single sign-on (`GET /auth/sso`). */
  ssoTenants: SsoTenantList;
  /**
   * Each tenant's SSO settings (by slug; absent: none). A `PUT` whose issuer contains `unreachable`
   * answers `sso-discovery-failed`, as the service does when discovery fails.
   */
  sso: Record<string, NonNullable<SsoSettingsView['settings']>>;
  /** The last body sent to `PUT …/sso`. */
  ssoSent?: unknown;
  /** Every request, as `METHOD /path?query`. */
  requests: string[];
  restore(): void;
}

const problem = (status: number, title: string) =>
  Response.json(
    { type: 'about:blank', title, status },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

/** Replaces `window.fetch` for `/api/v1/…` (other URLs go through). */
export function fakeConsoleApi(initial: Partial<Omit<FakeConsoleApi, 'requests' | 'restore'>> = {}): FakeConsoleApi {
  const original = window.fetch;
  const api: FakeConsoleApi = {
    me: null,
    demo: null,
    tenants: [],
    ssoTenants: [],
    sso: {},
    ...initial,
    requests: [],
    restore: () => {
      window.fetch = original;
    },
  };
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      location.href,
    );
    if (!url.pathname.startsWith('/api/v1/')) return original(input, init);
    const method = init?.method ?? 'GET';
    const path = url.pathname.slice('/api/v1'.length);
    api.requests.push(`${method} ${path}${url.search}`);
    const signedIn = () => api.me ?? undefined;
    switch (`${method} ${path}`) {
      case 'GET /auth/me':
        return signedIn() ? Response.json(api.me) : problem(401, 'Not signed in');
      case 'POST /auth/session':
        if (!api.me) return problem(401, 'Not signed in');
        // A fresh idle end, as the server gives (`person`'s overrides would bring back the old one).
        api.me = { ...api.me, session: person({}, 30 * 60_000).session };
        return Response.json(api.me);
      case 'POST /auth/sign-out':
      case 'POST /auth/sign-out-everywhere':
        api.me = null;
        return new Response(null, { status: 204 });
      case 'GET /auth/demo':
        return api.demo ? Response.json(api.demo) : problem(404, 'Not found');
      case 'POST /auth/demo': {
        const { email } = JSON.parse(String(init?.body)) as { email: string };
        const found = api.demo?.find((p) => p.email === email);
        if (!found) return problem(404, 'Not found');
        api.me = person({
          email: found.email,
          name: found.name,
          platformAdmin: found.platformAdmin,
          memberships: found.memberships.map((m) => ({
            ...m,
            tenantName: api.tenants.find((t) => t.slug === m.tenant)?.name ?? m.tenant,
          })),
        });
        return new Response(null, { status: 204 });
      }
      case 'GET /console/tenants':
        return signedIn() ? Response.json(api.tenants) : problem(401, 'Not signed in');
      case 'GET /auth/sso':
        return Response.json(api.ssoTenants);
      default:
        if (/^\/console\/tenants\/[^/]+\/sso$/.test(path)) return ssoSettings(api, method, path, init);
        return problem(404, 'Not found');
    }
  };
  return api;
}

/** `…/tenants/:slug/sso` as the service answers it (the secret never comes back). */
function ssoSettings(api: FakeConsoleApi, method: string, path: string, init?: RequestInit): Response {
  if (!api.me) return problem(401, 'Not signed in');
  const slug = decodeURIComponent(path.split('/')[3] ?? '');
  const view = () =>
    Response.json({ redirectUri: `${location.origin}/api/v1/auth/sso/callback`, settings: api.sso[slug] ?? null });
  if (method === 'GET') return view();
  if (method === 'DELETE') {
    api.sso = Object.fromEntries(Object.entries(api.sso).filter(([key]) => key !== slug));
    return new Response(null, { status: 204 });
  }
  const body = JSON.parse(String(init?.body)) as {
    issuer: string;
    clientId: string;
    clientSecret?: string;
    allowedEmailDomains: string[];
    enabled: boolean;
  };
  api.ssoSent = body;
  if (body.issuer.includes('unreachable')) {
    return Response.json(
      {
        type: 'https://meldpunt.dev/problems/sso-discovery-failed',
        title: 'The sign-in system did not answer as an OpenID provider',
        status: 422,
        errors: [{ path: 'issuer', message: 'The provider at this address did not answer its OpenID discovery.' }],
      },
      { status: 422, headers: { 'content-type': 'application/problem+json' } },
    );
  }
  api.sso[slug] = {
    issuer: body.issuer,
    clientId: body.clientId,
    clientSecretSet: true,
    allowedEmailDomains: body.allowedEmailDomains,
    enabled: body.enabled,
    updatedAt: new Date().toISOString(),
  };
  return view();
}
