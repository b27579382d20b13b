/** Test support: a fake console API (window.fetch for `/api/v1/…`) and people to sign in as. */
import { textCompleteness } from '@meldpunt/contracts/completeness';
import type {
  AuditEntryView,
  ConfigDraft,
  ConfigVersion,
  StaffRef,
  TenantConfig,
  AuditPerson,
  AuditVerification,
  ConsoleTenant,
  DemoStaff,
  Invitation,
  InvitationGrant,
  Me,
  Member,
  OriginCheck,
  Passkey,
  PgpKeyInfo,
  SettingsInput,
  SettingsView,
  SsoSettingsView,
  SsoTenantList,
  TenantRole,
  TestDelivery,
} from '@meldpunt/contracts';

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
    deliveryTargets: 1,
    roles: ['editor'],
    ...overrides,
  };
}

/** A member of a tenant (for the admin pages). */
export function member(overrides: Partial<Member> = {}): Member {
  return {
    id: '3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
    email: 'anna@dordrecht.example',
    name: 'Anna Admin',
    roles: ['admin'],
    ...overrides,
  };
}

/** An open invitation, expiring `expiresInMs` from now (72 hours by default). */
export function invitation(overrides: Partial<Invitation> = {}, expiresInMs = 72 * 3600_000): Invitation {
  const expiresAt = new Date(Date.now() + expiresInMs).toISOString();
  return {
    id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    email: 'nieuw@dordrecht.example',
    roles: ['editor'],
    createdAt: new Date(Date.now() + expiresInMs - 72 * 3600_000).toISOString(),
    expiresAt,
    expired: expiresInMs <= 0,
    ...overrides,
  };
}

/** An audit entry of the tenant's chain (details as the service's closed list has them). */
export function auditEntry(overrides: Partial<AuditEntryView> = {}): AuditEntryView {
  const sequence = overrides.sequence ?? 1;
  return {
    id: crypto.randomUUID(),
    chain: 'tenant-dordrecht',
    sequence,
    occurredAt: new Date(Date.UTC(2026, 11, 1, 9, 0) + sequence * 60_000).toISOString(),
    tenantId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
    actor: { kind: 'staff', id: member().id },
    action: 'auth.sign-in',
    target: { kind: 'session', id: crypto.randomUUID() },
    details: { method: 'passkey' },
    hash: `hash-${sequence}`,
    ...overrides,
  };
}

export interface FakeConsoleApi {
  /** Who is signed in (`null`: 401). */
  me: Me | null;
  /** The demo staff (`null`: 404, not demo mode). */
  demo: DemoStaff | null;
  tenants: ConsoleTenant[];
  /** The signed-in person's passkeys. */
  passkeys: Passkey[];
  /** The passkey this session was signed in with: removing it ends the session, as the service does. */
  signedInWith?: string;
  /** What invitation links grant, by token (a token not here: 410). */
  invitationGrants: Record<string, InvitationGrant>;
  /** Who a passkey sign-in signs in as (`null`: 401 sign-in-failed). */
  passkeyOwner: Me | null;
  /** The municipalities offering single sign-on (`GET /auth/sso`). */
  ssoTenants: SsoTenantList;
  /**
   * Each tenant's SSO settings (by slug; absent: none). A `PUT` whose issuer contains `unreachable`
   * answers `sso-discovery-failed`, as the service does when discovery fails.
   */
  sso: Record<string, NonNullable<SsoSettingsView['settings']>>;
  /** The last body sent to `PUT …/sso`. */
  ssoSent?: unknown;
  /** Each tenant's members, invitations and audit chain (oldest first), by slug; the people it names by id. */
  members: Record<string, Member[]>;
  invitations: Record<string, Invitation[]>;
  audit: Record<string, AuditEntryView[]>;
  people: Record<string, AuditPerson>;
  /** What `GET …/audit/verify` answers (intact over the chain's entries when unset). */
  verification?: AuditVerification;
  /**
   * Each tenant's private settings as `GET …/settings` answers them (by slug; absent: 404). A `PUT` needs
   * `If-Match: "settings-<revision>"` (428 without, 412 `settings-stale` when another revision), then
   * replaces them as the service does: a new revision, a webhook secret made when a webhook is first set or
   * rotated (`newWebhookSecret`, once), a key omitted kept, `null` removed.
   */
  settings: Record<string, Omit<SettingsView, 'newWebhookSecret'>>;
  /** The PGP public keys the fake accepts, by armoured text (any other text: 422, not a key; expired: 422). */
  pgpKeys: Record<string, PgpKeyInfo>;
  /** The last `PUT …/settings`: its body and its `If-Match`. */
  settingsSent?: { body: SettingsInput; ifMatch: string | null };
  /**
   * A test delivery's course per target (by address or URL): each `GET …/settings/test-delivery` moves every
   * target one step on (it stays at the last); a target without a course stays `queued`.
   */
  testDeliveryCourse: Record<string, Pick<TestDelivery['targets'][number], 'status' | 'attempts' | 'error'>[]>;
  /** The test deliveries sent, newest first. */
  testDeliveries: TestDelivery[];
  /** Each tenant's published public config (`GET /tenants/:slug/config`; absent: 404, not published). */
  publicConfigs: Record<string, unknown>;
  /**
   * Each tenant's configuration draft (issue 13), by slug: `GET|PUT …/config/draft` (a `PUT` whose
   * If-Match is not its `etag` answers 412 with it; `draftErrors` decides a 422), `POST …/config/publish`
   * (422 with its `publishBlockers` while it has any).
   */
  drafts: Record<string, ConfigDraft>;
  /** Each tenant's published versions, oldest first (the last is the current one). */
  versions: Record<string, ConfigVersion[]>;
  /** The field errors a saved config gets (none by default), as the service's 422 names them. */
  draftErrors: (config: TenantConfig) => { path: string; message: string }[];
  /** Every `PUT …/config/draft`: its If-Match and body. */
  draftSaves: { ifMatch: string | null; body: TenantConfig }[];
  /** While set, a `PUT …/config/draft` is answered only once this settles (a save still in flight). */
  holdSaves?: Promise<unknown>;
  /** Every `POST …/config/publish` and `…/restore` body. */
  publishes: { path: string; body: unknown }[];
  /** Answers for the next request to `METHOD /path` instead of the fake's own (once each): network failures, 5xx. */
  failNext: Record<string, () => Response | Promise<Response>>;
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
    passkeys: [],
    invitationGrants: {},
    passkeyOwner: null,
    ssoTenants: [],
    sso: {},
    members: {},
    invitations: {},
    audit: {},
    people: {},
    settings: {},
    pgpKeys: {},
    testDeliveryCourse: {},
    testDeliveries: [],
    publicConfigs: {},
    drafts: {},
    versions: {},
    draftErrors: () => [],
    draftSaves: [],
    publishes: [],
    failNext: {},
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
    if (path.startsWith('/auth/passkeys') || path === '/auth/invitation') return passkeyRoute(api, method, path, init);
    const failure = api.failNext[`${method} ${path}`];
    if (failure) {
      api.failNext = Object.fromEntries(Object.entries(api.failNext).filter(([key]) => key !== `${method} ${path}`));
      return failure();
    }
    if (/^\/console\/tenants\/[^/]+\/sso$/.test(path)) return ssoSettings(api, method, path, init);
    const publicConfig = /^\/tenants\/([^/]+)\/config$/.exec(path);
    if (publicConfig && method === 'GET') {
      const config = api.publicConfigs[decodeURIComponent(publicConfig[1] ?? '')];
      return config ? Response.json(config) : problem(404, 'No reporting point with this name');
    }
    const configScoped = /^\/console\/tenants\/([^/]+)\/config\/(.+)$/.exec(path);
    if (configScoped && method === 'PUT' && api.holdSaves) await api.holdSaves;
    if (configScoped)
      return configRoute(api, method, decodeURIComponent(configScoped[1] ?? ''), configScoped[2] ?? '', init);
    const tenantScoped = /^\/console\/tenants\/([^/]+)\/(.+)$/.exec(path);
    if (tenantScoped) {
      if (!api.me) return problem(401, 'Not signed in');
      return tenantRoute(api, method, decodeURIComponent(tenantScoped[1] ?? ''), tenantScoped[2] ?? '', url, init);
    }
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

/** A ceremony's options as the service answers them (enough for `@simplewebauthn/browser`). */
function ceremony(kind: 'registration' | 'authentication') {
  const challenge = 'Y2hhbGxlbmdlLWNoYWxsZW5nZS1jaGFsbGVuZ2UtMzI';
  const options =
    kind === 'registration'
      ? {
          challenge,
          rp: { name: 'Meldpunt', id: location.hostname },
          user: { id: 'dXNlci1oYW5kbGU', name: 'new@dordrecht.example', displayName: 'new@dordrecht.example' },
          pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
          authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
        }
      : { challenge, rpId: location.hostname, userVerification: 'required' };
  return Response.json({ state: 'c3RhdGUtc3RhdGUtc3RhdGUtc3RhdGUtc3RhdGUtc3Q', options });
}

/** The passkey and invitation routes of the fake API. */
function passkeyRoute(api: FakeConsoleApi, method: string, path: string, init?: RequestInit): Response {
  const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
  if (method === 'DELETE' && path.startsWith('/auth/passkeys/')) {
    const id = decodeURIComponent(path.slice('/auth/passkeys/'.length));
    if (!api.me || !api.passkeys.some((p) => p.id === id)) return problem(api.me ? 404 : 401, 'Not found');
    if (api.passkeys.length === 1) return problem(409, 'Your last passkey cannot be removed');
    api.passkeys = api.passkeys.filter((p) => p.id !== id);
    if (id === api.signedInWith) api.me = null;
    return new Response(null, { status: 204 });
  }
  switch (`${method} ${path}`) {
    case 'POST /auth/invitation': {
      const grant = api.invitationGrants[String(body['token'])];
      return grant ? Response.json(grant) : problem(410, 'This invitation link no longer works');
    }
    case 'GET /auth/passkeys':
      return api.me ? Response.json(api.passkeys) : problem(401, 'Not signed in');
    case 'POST /auth/passkeys/registration-options':
      if (body['token'] === undefined ? !api.me : !api.invitationGrants[String(body['token'])]) {
        return problem(body['token'] === undefined ? 401 : 410, 'No');
      }
      return ceremony('registration');
    case 'POST /auth/passkeys/registration': {
      const label = typeof body['label'] === 'string' ? body['label'] : `Passkey ${api.passkeys.length + 1}`;
      const now = new Date().toISOString();
      api.passkeys = [...api.passkeys, { id: crypto.randomUUID(), label, createdAt: now, lastUsedAt: null }];
      api.me ??= person({ name: typeof body['name'] === 'string' ? body['name'] : 'new@dordrecht.example' });
      return Response.json(api.me);
    }
    case 'POST /auth/passkeys/authentication-options':
      return ceremony('authentication');
    case 'POST /auth/passkeys/authentication':
      if (!api.passkeyOwner) return problem(401, 'Signing in did not work');
      api.me = api.passkeyOwner;
      return Response.json(api.me);
    default:
      return problem(404, 'Not found');
  }
}

/**
 * Stands in for the authenticator: `navigator.credentials.create`/`get` answer a well-formed credential
 * (the fake API accepts any), or reject with the DOMException `failWith` names (`NotAllowedError`: the
 * person cancelled). Returns a function that puts the browser's own back.
 */
export function fakeAuthenticator(options: { failWith?: string } = {}): () => void {
  const container = navigator.credentials;
  const bytes = (text: string) => new TextEncoder().encode(text).buffer;
  const answer = async (): Promise<Credential> => {
    if (options.failWith) throw new DOMException('The operation was not allowed.', options.failWith);
    return {
      id: 'Y3JlZGVudGlhbA',
      rawId: bytes('credential'),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: bytes('{}'),
        attestationObject: bytes('attestation'),
        authenticatorData: bytes('data'),
        signature: bytes('signature'),
        userHandle: bytes('user-handle'),
        getTransports: () => ['internal'],
      },
      getClientExtensionResults: () => ({}),
    } as unknown as Credential;
  };
  const own = { create: container.create, get: container.get };
  container.create = answer;
  container.get = answer;
  return () => {
    container.create = own.create;
    container.get = own.get;
  };
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
        errors: [{ path: '/issuer', message: 'The provider at this address did not answer its OpenID discovery.' }],
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

const problemOf = (status: number, slug: string, title: string, errors?: { path: string; message: string }[]) =>
  Response.json(
    { type: `https://meldpunt.dev/problems/${slug}`, title, status, ...(errors ? { errors } : {}) },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

const allRoles: readonly TenantRole[] = ['admin', 'editor', 'publisher', 'officer', 'analyst'];

/**
 * `/console/tenants/:slug/…` as the service answers it: the access rules of `http/staff-access.ts` (404 for
 * a tenant one is no member of, 403 without the role; the operator administers members and invitations but
 * reads no tenant's log), the `last-admin` refusal, 422 with per-field errors as the contracts give them.
 */
function tenantRoute(
  api: FakeConsoleApi,
  method: string,
  slug: string,
  rest: string,
  url: URL,
  init: RequestInit | undefined,
): Response {
  const me = api.me;
  if (!me) return problem(401, 'Not signed in');
  const roles = me.memberships.find((m) => m.tenant === slug)?.roles ?? [];
  const known = api.tenants.some((t) => t.slug === slug) || slug in api.members;
  const auditRoute = rest.startsWith('audit');
  if (!known || (roles.length === 0 && (!me.platformAdmin || auditRoute))) return problem(404, 'Not found');
  if (!roles.includes('admin') && !(me.platformAdmin && !auditRoute))
    return problem(403, 'Your roles do not allow this');
  const body = () => JSON.parse(String(init?.body)) as Record<string, unknown>;
  const members = (api.members[slug] ??= []);
  const invitations = (api.invitations[slug] ??= []);
  const validRoles = (value: unknown): value is TenantRole[] =>
    Array.isArray(value) && value.length > 0 && value.every((r) => allRoles.includes(r as TenantRole));
  const [resource, id, sub] = rest.split('/');

  if (resource === 'members') {
    const index = members.findIndex((m) => m.id === id);
    if (method === 'GET' && !id) return Response.json(members);
    const before = members[index];
    if (!before) return problem(404, 'No member with this id in this tenant');
    const othersAdmin = members.some((m) => m.id !== before.id && m.roles.includes('admin'));
    if (method === 'PUT' && sub === 'roles') {
      const { roles: next } = body();
      if (!validRoles(next))
        return problemOf(422, 'validation', 'Invalid fields', [
          { path: '/roles', message: 'Choose at least one role' },
        ]);
      if (before.roles.includes('admin') && !next.includes('admin') && !othersAdmin) {
        return problemOf(409, 'last-admin', 'A municipality keeps at least one admin');
      }
      members[index] = { ...before, roles: allRoles.filter((r) => next.includes(r)) };
      return Response.json(members[index]);
    }
    if (method === 'DELETE' && !sub) {
      if (before.roles.includes('admin') && !othersAdmin)
        return problemOf(409, 'last-admin', 'A municipality keeps at least one admin');
      members.splice(index, 1);
      return new Response(null, { status: 204 });
    }
  }

  if (resource === 'invitations') {
    if (method === 'GET' && !id) return Response.json(invitations);
    if (method === 'POST' && !id) {
      const { email, roles: wanted } = body();
      const address = typeof email === 'string' ? email.trim().toLowerCase() : '';
      const errors = [
        ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) && address.length <= 254
          ? []
          : [{ path: '/email', message: 'Use an e-mail address like naam@gemeente.nl' }]),
        ...(validRoles(wanted) ? [] : [{ path: '/roles', message: 'Choose at least one role' }]),
      ];
      if (errors.length > 0) return problemOf(422, 'validation', 'Invalid fields', errors);
      const created = invitation({
        id: crypto.randomUUID(),
        email: address,
        roles: allRoles.filter((r) => (wanted as TenantRole[]).includes(r)),
      });
      invitations.push(created);
      return Response.json({ id: created.id }, { status: 201 });
    }
    if (method === 'DELETE' && id) {
      const index = invitations.findIndex((i) => i.id === id);
      if (index < 0) return problem(404, 'No open invitation with this id in this tenant');
      invitations.splice(index, 1);
      return new Response(null, { status: 204 });
    }
  }

  if (rest === 'settings' || rest.startsWith('settings/')) return privateSettings(api, method, slug, rest, init);

  if (rest === 'audit' && method === 'GET') {
    const before = url.searchParams.get('before');
    const action = url.searchParams.get('action');
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const matching = [...(api.audit[slug] ?? [])]
      .reverse()
      .filter((e) => (before ? e.sequence < Number(before) : true) && (action ? e.action === action : true));
    const entries = matching.slice(0, limit);
    const ids = entries.flatMap((e) => [
      ...(e.actor?.kind === 'staff' ? [e.actor.id] : []),
      ...(e.target?.kind === 'staff' ? [e.target.id] : []),
    ]);
    const people = Object.fromEntries(ids.filter((i) => api.people[i]).map((i) => [i, api.people[i]]));
    return Response.json({
      entries,
      nextBefore: matching.length > limit ? (entries.at(-1)?.sequence ?? null) : null,
      people,
    });
  }
  if (rest === 'audit/verify' && method === 'GET') {
    const chain = api.audit[slug] ?? [];
    return Response.json(
      api.verification ?? {
        intact: true,
        entries: chain.length,
        headSequence: chain.at(-1)?.sequence ?? null,
        problems: [],
        checkedAt: new Date().toISOString(),
      },
    );
  }
  return problem(404, 'Not found');
}

/** The status of a whole test delivery from its targets', as the service reckons it. */
function overallStatus(targets: TestDelivery['targets']): TestDelivery['status'] {
  const statuses = new Set(targets.map((t) => t.status));
  if (statuses.has('failed')) return 'failed';
  if (targets.length > 0 && statuses.size === 1 && statuses.has('sent')) return 'sent';
  for (const status of ['retrying', 'sending', 'queued'] as const) if (statuses.has(status)) return status;
  return 'queued';
}

/** `…/tenants/:slug/settings[/origin-check|/test-delivery]` as the service answers them (an admin's only). */
function privateSettings(
  api: FakeConsoleApi,
  method: string,
  slug: string,
  rest: string,
  init: RequestInit | undefined,
): Response {
  const current = api.settings[slug];
  if (!current) return problem(404, 'Not found');
  const etag = (revision: number) => `"settings-${revision}"`;
  if (rest === 'settings' && method === 'GET') {
    return Response.json(current, { headers: { ETag: etag(current.revision) } });
  }
  if (rest === 'settings' && method === 'PUT') {
    const ifMatch = new Headers(init?.headers).get('if-match');
    const body = JSON.parse(String(init?.body)) as SettingsInput;
    api.settingsSent = { body, ifMatch };
    if (!ifMatch) return problemOf(428, 'if-match-required', 'Send the settings’ ETag in If-Match');
    if (ifMatch !== etag(current.revision)) {
      return problemOf(412, 'settings-stale', 'Someone else saved these settings in the meantime');
    }
    const errors: { path: string; message: string }[] = [];
    const stored = new Map(current.settings.delivery.email.map((r) => [r.address.toLowerCase(), r.pgpKey]));
    const email = body.delivery.email.map((r, i) => {
      if (r.pgpPublicKey === undefined)
        return { address: r.address, pgpKey: stored.get(r.address.toLowerCase()) ?? null };
      if (r.pgpPublicKey === null) return { address: r.address, pgpKey: null };
      const info = api.pgpKeys[r.pgpPublicKey];
      if (!info) {
        errors.push({ path: `/delivery/email/${i}/pgpPublicKey`, message: 'Not an OpenPGP public key' });
      } else if (info.expiresAt && Date.parse(info.expiresAt) < Date.now()) {
        errors.push({
          path: `/delivery/email/${i}/pgpPublicKey`,
          message: `This key expired on ${info.expiresAt.slice(0, 10)}: ask the recipient for a current one`,
        });
      }
      return { address: r.address, pgpKey: info ?? null };
    });
    body.allowedOrigins.forEach((origin, i) => {
      if (origin.startsWith('http:')) {
        errors.push({
          path: `/allowedOrigins/${i}`,
          message: 'Use https: (http: pages are not allowed in production)',
        });
      }
    });
    if (errors.length > 0) return problemOf(422, 'validation', 'The request has invalid fields', errors);
    const oldWebhook = current.settings.delivery.webhook;
    const url = body.delivery.webhook?.url;
    const newSecret =
      url !== undefined && (!oldWebhook || body.rotateWebhookSecret === true)
        ? `whsec_${btoa(crypto.randomUUID()).slice(0, 43)}`
        : undefined;
    const now = new Date().toISOString();
    const me = api.me;
    const next: Omit<SettingsView, 'newWebhookSecret'> = {
      ...current,
      revision: current.revision + 1,
      updatedAt: now,
      updatedBy: me ? { id: me.id, name: me.name } : null,
      settings: {
        allowedOrigins: [...new Set(body.allowedOrigins)],
        rateLimit: body.rateLimit,
        routing: body.routing,
        ...(body.figures ? { figures: body.figures } : {}),
        delivery: {
          email,
          webhook:
            url === undefined
              ? null
              : { url, secretSet: true, secretCreatedAt: newSecret ? now : (oldWebhook?.secretCreatedAt ?? null) },
          ...(body.delivery.mail ? { mail: body.delivery.mail } : {}),
        },
      },
    };
    api.settings[slug] = next;
    return Response.json(newSecret ? { ...next, newWebhookSecret: newSecret } : next, {
      headers: { ETag: etag(next.revision) },
    });
  }
  if (rest === 'settings/origin-check' && method === 'POST') {
    const { origin: input } = JSON.parse(String(init?.body)) as { origin: string };
    return Response.json(checkOriginLikeTheService(current.settings.allowedOrigins, input));
  }
  if (rest === 'settings/test-delivery' && method === 'POST') {
    const targets = [
      ...current.settings.delivery.email.map((r) => ({ channel: 'email' as const, target: r.address })),
      ...(current.settings.delivery.webhook
        ? [{ channel: 'webhook' as const, target: current.settings.delivery.webhook.url }]
        : []),
    ];
    if (targets.length === 0) return problemOf(409, 'no-delivery-targets', 'There is nowhere to send a test delivery');
    const created: TestDelivery = {
      id: crypto.randomUUID(),
      createdAt: new Date().toISOString(),
      status: 'queued',
      targets: targets.map((t) => ({ ...t, status: 'queued', attempts: 0, error: null, sentAt: null })),
    };
    api.testDeliveries = [created, ...api.testDeliveries];
    return Response.json(created, { status: 202 });
  }
  if (rest === 'settings/test-delivery' && method === 'GET') {
    api.testDeliveries = api.testDeliveries.map((delivery) => {
      const targets = delivery.targets.map((target) => {
        const course = api.testDeliveryCourse[target.target] ?? [];
        const step = course.findIndex(
          (s) => s.status === target.status && s.attempts === target.attempts && s.error === target.error,
        );
        const next = course[Math.min(step + 1, course.length - 1)];
        if (!next) return target;
        return { ...target, ...next, sentAt: next.status === 'sent' ? new Date().toISOString() : null };
      });
      return { ...delivery, targets, status: overallStatus(targets) };
    });
    return Response.json({ testDeliveries: api.testDeliveries });
  }
  return problem(404, 'Not found');
}

/** The origin check of the service (`checkOrigin` in `tenants/private-settings.ts`), in production. */
function checkOriginLikeTheService(allowedOrigins: readonly string[], input: string): OriginCheck {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { origin: null, allowed: false, reason: 'not-an-origin' };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    return { origin: null, allowed: false, reason: 'not-an-origin' };
  }
  const origin = url.origin;
  if (input.trim().replace(/\/$/, '').toLowerCase() !== origin.toLowerCase()) {
    return { origin, allowed: false, reason: 'has-path' };
  }
  if (url.protocol === 'http:') return { origin, allowed: false, reason: 'http-in-production' };
  const listed = allowedOrigins.includes(origin);
  return { origin, allowed: listed, reason: listed ? 'allowed' : 'not-listed' };
}
/** A tenant's config as the service publishes it (Dordrecht's demo, shortened). */
export function tenantConfig(overrides: Partial<TenantConfig> = {}): TenantConfig {
  return {
    slug: 'dordrecht',
    name: 'Gemeente Dordrecht',
    kind: 'municipality',
    municipalityCode: 'GM0505',
    defaultLocale: 'nl',
    locales: ['nl', 'en'],
    branding: { primaryColor: '#00543c', backgroundColor: '#ffffff', textColor: '#1a1a1a' },
    texts: { nl: { 'intro.title': 'Meld straatintimidatie in Dordrecht' } },
    categories: [{ id: 'verbal' }, { id: 'touching' }, { id: 'other' }],
    fields: { intervention: true, extra: [] },
    followUp: {
      mode: 'active',
      response: {
        title: { nl: 'Dank je wel voor je melding', en: 'Thank you for your report' },
        body: { nl: 'We lezen elke melding.', en: 'We read every report.' },
      },
    },
    referrals: [],
    privacy: { url: 'https://www.dordrecht.nl/privacy', retentionMonths: 24, contactRetentionMonths: 6 },
    map: {
      center: { lat: 51.81, lng: 4.67 },
      zoom: 13,
      tileUrl: 'https://tiles.example/{z}/{x}/{y}.png',
      attribution: 'Kaart',
      minZoom: 7,
      maxZoom: 19,
    },
    geocoding: { baseUrl: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1' },
    quickExitUrl: 'https://www.google.com/',
    ...overrides,
  };
}

/** A draft as the service answers it: `revision` saves on top of `basedOnVersion`. */
export function configDraft(overrides: Partial<ConfigDraft> = {}): ConfigDraft {
  const config = overrides.config ?? tenantConfig();
  const revision = overrides.revision ?? 0;
  return {
    etag: `"draft-${revision}"`,
    revision,
    basedOnVersion: 3,
    publishedVersion: 3,
    config,
    updatedAt: null,
    updatedBy: null,
    completeness: textCompleteness(config),
    contrast: [],
    publishBlockers: [],
    ...overrides,
  };
}

/** A published version. */
export function configVersion(overrides: Partial<ConfigVersion> = {}): ConfigVersion {
  return {
    version: 3,
    publishedAt: '2026-11-30T10:00:00.000Z',
    publishedBy: { id: '5d1e7f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a', name: 'Piet Publiceerder' },
    note: 'Nieuwe teksten',
    restoredFrom: null,
    current: true,
    config: tenantConfig(),
    ...overrides,
  };
}

const json412 = (body: unknown, etag: string) =>
  Response.json(body, { status: 412, headers: { 'content-type': 'application/problem+json', ETag: etag } });

/**
 * `/console/tenants/:slug/config/…` as the service answers it (`routes/console/config.ts`): editors and
 * publishers read and save the draft, publishers publish and restore, admins (and the operator) read the
 * history.
 */
function configRoute(api: FakeConsoleApi, method: string, slug: string, rest: string, init?: RequestInit): Response {
  const me = api.me;
  if (!me) return problem(401, 'Not signed in');
  const roles = me.memberships.find((m) => m.tenant === slug)?.roles ?? [];
  const draft = api.drafts[slug];
  const versions = (api.versions[slug] ??= []);
  if (!draft && versions.length === 0) return problem(404, 'Not found');
  const editor = roles.includes('editor') || roles.includes('publisher');
  const publisher = roles.includes('publisher');
  const reader = editor || roles.includes('admin') || me.platformAdmin;
  if (roles.length === 0 && !me.platformAdmin) return problem(404, 'Not found');
  const refused = () => problem(403, 'Your roles do not allow this');
  const body = () => JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
  const ifMatch = new Headers(init?.headers).get('If-Match');
  const by: StaffRef = { id: me.id, name: me.name };
  const publish = (config: TenantConfig, note: string, restoredFrom: number | null) => {
    const number = (versions.at(-1)?.version ?? 0) + 1;
    for (const v of versions) v.current = false;
    const version: ConfigVersion = {
      version: number,
      publishedAt: new Date().toISOString(),
      publishedBy: by,
      note,
      restoredFrom,
      current: true,
      config,
    };
    versions.push(version);
    api.drafts[slug] = configDraft({
      config,
      basedOnVersion: number,
      publishedVersion: number,
      etag: `"draft-v${number}"`,
    });
    return Response.json(version, { status: 201 });
  };

  if (rest === 'draft' && method === 'GET') {
    if (!editor) return refused();
    return draft ? Response.json(draft, { headers: { ETag: draft.etag } }) : problem(404, 'Not found');
  }
  if (rest === 'draft' && method === 'PUT') {
    if (!editor || !draft) return refused();
    const config = body() as unknown as TenantConfig;
    api.draftSaves.push({ ifMatch, body: config });
    if (!ifMatch) return problemOf(428, 'if-match-required', 'Send the draft’s ETag as If-Match');
    if (ifMatch !== draft.etag) {
      return json412(
        {
          type: 'https://meldpunt.dev/problems/draft-stale',
          title: 'Someone else changed the draft meanwhile',
          status: 412,
          lastChange: { kind: 'saved', by: draft.updatedBy, at: draft.updatedAt },
          current: draft,
        },
        draft.etag,
      );
    }
    const errors = api.draftErrors(config);
    if (errors.length > 0) return problemOf(422, 'validation', 'Invalid fields', errors);
    const revision = draft.revision + 1;
    api.drafts[slug] = configDraft({
      ...draft,
      config,
      revision,
      etag: `"draft-${revision}-${api.draftSaves.length}"`,
      updatedAt: new Date().toISOString(),
      updatedBy: by,
      completeness: textCompleteness(config),
    });
    return Response.json(api.drafts[slug], { headers: { ETag: api.drafts[slug].etag } });
  }
  if (rest === 'publish' && method === 'POST') {
    if (!publisher || !draft) return refused();
    api.publishes.push({ path: rest, body: body() });
    if (ifMatch && ifMatch !== draft.etag) {
      return json412(
        {
          type: 'https://meldpunt.dev/problems/draft-stale',
          title: 'Someone else changed the draft meanwhile',
          status: 412,
          lastChange: { kind: 'saved', by: draft.updatedBy, at: draft.updatedAt },
          current: draft,
        },
        draft.etag,
      );
    }
    if (draft.publishBlockers.length > 0) {
      return problemOf(422, 'not-publishable', 'The draft cannot be published yet', draft.publishBlockers);
    }
    return publish(draft.config, String(body()['note']), null);
  }
  if (rest === 'versions' && method === 'GET') {
    if (!reader) return refused();
    const current = versions.find((v) => v.current)?.version ?? null;
    return Response.json({
      publishedVersion: current,
      versions: [...versions].reverse().map(({ config: _config, ...summary }) => summary),
    });
  }
  const one = /^versions\/(\d+)(\/restore)?$/.exec(rest);
  if (one) {
    const found = versions.find((v) => v.version === Number(one[1]));
    if (!found) return problem(404, 'No configuration version with this number');
    if (method === 'GET' && !one[2]) return reader ? Response.json(found) : refused();
    if (method === 'POST' && one[2]) {
      if (!publisher) return refused();
      const input = body();
      api.publishes.push({ path: rest, body: input });
      const note = typeof input['note'] === 'string' ? input['note'] : `Restored version ${found.version}`;
      return publish(found.config, note, found.version);
    }
  }
  return problem(404, 'Not found');
}
