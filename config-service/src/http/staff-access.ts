/**
 * Who may call which staff route — in ONE place. Every route under `/api/v1/auth/`,
 * `/api/v1/console/` and `/api/v1/backoffice/` has its rule in `staffAccessRules`, and the one middleware `staffAccess` enforces
 * it before any handler runs; a route without a rule answers 500 (and the role × route matrix test
 * fails), so nothing is reachable by forgetting a rule.
 *
 * Tenant-scoped routes (`/api/v1/console/tenants/:slug/…`, `/api/v1/backoffice/tenants/:slug/…`) answer 404 to a person without a
 * membership there — the same as for a tenant that does not exist, so nobody learns which other
 * tenants exist — and 403 to a member without one of the route's roles.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { TenantRole } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { findSession, type SignedIn } from '../staff/sessions.ts';
import { findTenantBySlug } from '../tenants/tenant-repository.ts';
import { ProblemError, problems } from './problem.ts';
import { clearSessionCookie, sessionTokenOf } from './session-cookie.ts';

export type AccessRule =
  /** Anyone, signed in or not (the demo sign-in, sign-out). */
  | { public: true }
  /** Any signed-in person. */
  | { signedIn: true }
  /** The platform operator only. */
  | { platform: true }
  /**
   * A member of the path's tenant (`:slug`) holding one of `roles`; with `platformAdmin`, the platform
   * operator too, in every tenant. (Reading reports will not allow it: the operator needs `officer`.)
   */
  | {
      tenant: true;
      roles: readonly TenantRole[];
      platformAdmin?: boolean;
      /**
       * A member without one of `roles` gets 404 rather than 403: for single reports, whose existence is
       * itself theirs to know only (an analyst of the tenant learns nothing of which report ids exist).
       */
      othersNotFound?: true;
    };

const admin: AccessRule = { tenant: true, roles: ['admin'], platformAdmin: true };
/**
 * A tenant's audit log is its own admins' alone: the operator, who administers tenants, reads the
 * platform chain instead (and a tenant's log only as a member with `admin` there).
 */
const tenantAdminOnly: AccessRule = { tenant: true, roles: ['admin'] };

/**
 * The configuration console: editors and publishers edit the draft; only publishers publish and
 * restore. Admins manage people and private settings, not the texts (an admin who writes holds
 * `editor` too); the operator changes configs through `pnpm tenant:import`. The history is public
 * config plus who published it: everyone who works on or with it may read it.
 */
const configEditors: AccessRule = { tenant: true, roles: ['editor', 'publisher'] };
const configPublishers: AccessRule = { tenant: true, roles: ['publisher'] };
const configReaders: AccessRule = { tenant: true, roles: ['editor', 'publisher', 'admin'], platformAdmin: true };

/** The platform operator's work on one tenant: no tenant role allows it. */
const operatorOnly: AccessRule = { tenant: true, roles: [], platformAdmin: true };

/**
 * The back office's single reports (issue 14): a tenant's officers, nobody else — to anyone else of the
 * tenant (an analyst, an admin) they answer 404, as a report that does not exist.
 */
const officers: AccessRule = { tenant: true, roles: ['officer'], othersNotFound: true };
/** The back office's figures: officers and analysts. */
const figureReaders: AccessRule = { tenant: true, roles: ['officer', 'analyst'] };
/**
 * The reporters' feedback comments (issue 15): their own words, for the tenant's officers only. An
 * analyst reads the feedback figures, and is told plainly (403) that the comments are not theirs: they
 * are no single report whose existence needs hiding.
 */
const feedbackCommentReaders: AccessRule = { tenant: true, roles: ['officer'] };

/** Every staff route, `METHOD path` as registered, with its rule. */
export const staffAccessRules: Readonly<Record<string, AccessRule>> = {
  'GET /api/v1/auth/me': { signedIn: true },
  'POST /api/v1/auth/session': { signedIn: true },
  'POST /api/v1/auth/sign-out': { public: true },
  'POST /api/v1/auth/sign-out-everywhere': { signedIn: true },
  'GET /api/v1/auth/demo': { public: true },
  'POST /api/v1/auth/demo': { public: true },
  'GET /api/v1/console/tenants': { signedIn: true },
  'GET /api/v1/console/tenants/:slug/members': admin,
  'PUT /api/v1/console/tenants/:slug/members/:staffId/roles': admin,
  'DELETE /api/v1/console/tenants/:slug/members/:staffId': admin,
  'GET /api/v1/console/tenants/:slug/invitations': admin,
  'POST /api/v1/console/tenants/:slug/invitations': admin,
  'DELETE /api/v1/console/tenants/:slug/invitations/:id': admin,
  'GET /api/v1/console/tenants/:slug/audit': tenantAdminOnly,
  'GET /api/v1/console/tenants/:slug/audit/export': tenantAdminOnly,
  'GET /api/v1/console/platform/audit': { platform: true },
  // Passkeys and accepting an invitation (routes/auth/passkeys.ts, routes/auth/invitation.ts). Signing
  // in and accepting are for people without a session; adding a passkey without an invitation's token
  // needs one (the handler asks for it: registration-options, registration).
  'POST /api/v1/auth/invitation': { public: true },
  'POST /api/v1/auth/passkeys/registration-options': { public: true },
  'POST /api/v1/auth/passkeys/registration': { public: true },
  'POST /api/v1/auth/passkeys/authentication-options': { public: true },
  'POST /api/v1/auth/passkeys/authentication': { public: true },
  'GET /api/v1/auth/passkeys': { signedIn: true },
  'DELETE /api/v1/auth/passkeys/:id': { signedIn: true },
  // ── Onboarding and offboarding: the platform operator only. On a tenant's path anyone else reads
  // it as every tenant-scoped route: 404 outside their tenants, 403 in their own (no role suffices).
  'GET /api/v1/console/municipalities': { platform: true },
  'POST /api/v1/console/tenants': { platform: true },
  'PUT /api/v1/console/tenants/:slug/demo': operatorOnly,
  'GET /api/v1/console/tenants/:slug/export': operatorOnly,
  'DELETE /api/v1/console/tenants/:slug': operatorOnly,
  // Single sign-on (staff/sso/): the browser's way in is public; the settings are the tenant admin's.
  'GET /api/v1/auth/sso': { public: true },
  'GET /api/v1/auth/sso/:slug/start': { public: true },
  'GET /api/v1/auth/sso/callback': { public: true },
  'GET /api/v1/console/tenants/:slug/sso': admin,
  'PUT /api/v1/console/tenants/:slug/sso': admin,
  'DELETE /api/v1/console/tenants/:slug/sso': admin,
  // ── Private settings and the test delivery (routes/console/settings.ts, issue 13): admins and the operator.
  'GET /api/v1/console/tenants/:slug/settings': admin,
  'PUT /api/v1/console/tenants/:slug/settings': admin,
  'POST /api/v1/console/tenants/:slug/settings/origin-check': admin,
  'POST /api/v1/console/tenants/:slug/settings/test-delivery': admin,
  'GET /api/v1/console/tenants/:slug/settings/test-delivery': admin,
  // The tenant admin's console pages (members, invitations, audit log): the chain's verification.
  'GET /api/v1/console/tenants/:slug/audit/verify': tenantAdminOnly,
  // ── Issue 13: the logo upload. Part of the draft's branding, so whoever edits the draft: editors and
  // publishers (not admins as such: they manage people; not the operator).
  'POST /api/v1/console/tenants/:slug/logo': { tenant: true, roles: ['editor', 'publisher'] },
  // ── Configuration console (routes/console/config.ts) ──
  'GET /api/v1/console/tenants/:slug/config/draft': configEditors,
  'PUT /api/v1/console/tenants/:slug/config/draft': configEditors,
  'POST /api/v1/console/tenants/:slug/config/publish': configPublishers,
  'GET /api/v1/console/tenants/:slug/config/versions': configReaders,
  'GET /api/v1/console/tenants/:slug/config/versions/:version': configReaders,
  'POST /api/v1/console/tenants/:slug/config/versions/:version/restore': configPublishers,
  // Sending from the preview stores nothing: whoever may see the configuration may try it.
  'POST /api/v1/console/tenants/:slug/config/preview-report': configReaders,
  // ── The back office (issue 14; routes/backoffice/). Single reports: the tenant's officers only — not
  // analysts, not admins as such, not the platform operator (who reads no single report). Figures:
  // officers and analysts. The national overview: the operator, aggregates only.
  'GET /api/v1/backoffice/tenants/:slug/reports': officers,
  'GET /api/v1/backoffice/tenants/:slug/reports.csv': officers,
  'GET /api/v1/backoffice/tenants/:slug/reports/:id': officers,
  'PATCH /api/v1/backoffice/tenants/:slug/reports/:id': officers,
  'POST /api/v1/backoffice/tenants/:slug/reports/:id/notes': officers,
  'POST /api/v1/backoffice/tenants/:slug/reports/:id/contact': officers,
  'POST /api/v1/backoffice/tenants/:slug/reports/:id/deliveries/:deliveryId/retry': officers,
  // The tenant's officers (to assign a report to), and the team's saved inbox views.
  'GET /api/v1/backoffice/tenants/:slug/officers': officers,
  'GET /api/v1/backoffice/tenants/:slug/views': officers,
  'POST /api/v1/backoffice/tenants/:slug/views': officers,
  'DELETE /api/v1/backoffice/tenants/:slug/views/:id': officers,
  // Issue 15, anonymous follow-up: writing to the reporter and the withdrawn reports are single reports'
  // business (officers; anyone else 404); the feedback's figures are figures, its comments officers' only.
  'POST /api/v1/backoffice/tenants/:slug/reports/:id/messages': officers,
  'GET /api/v1/backoffice/tenants/:slug/withdrawals': officers,
  'GET /api/v1/backoffice/tenants/:slug/figures/feedback': figureReaders,
  'GET /api/v1/backoffice/tenants/:slug/feedback/comments': feedbackCommentReaders,
  'GET /api/v1/backoffice/tenants/:slug/figures': figureReaders,
  'GET /api/v1/backoffice/tenants/:slug/figures/hot-times': figureReaders,
  'GET /api/v1/backoffice/tenants/:slug/figures/hotspots': figureReaders,
  'GET /api/v1/backoffice/tenants/:slug/figures.csv': figureReaders,
  'GET /api/v1/backoffice/platform/figures': { platform: true },
};

/** The rule of a registered route (HEAD is answered by the GET route), or undefined when it has none. */
export function accessRuleOf(method: string, path: string): AccessRule | undefined {
  return staffAccessRules[`${method === 'HEAD' ? 'GET' : method} ${path}`];
}

/** The tenant of a tenant-scoped staff request, once the rule let it through. */
export interface StaffTenant {
  id: string;
  slug: string;
}

/**
 * A read that must not count as activity: the console asking how long the session has left
 * (`GET /api/v1/auth/me?passive=1`, or the header `Meldpunt-Passive: 1`) would otherwise keep an
 * unattended session alive for ever.
 */
function isPassive(c: Context): boolean {
  return (
    (c.req.method === 'GET' || c.req.method === 'HEAD') &&
    (c.req.query('passive') === '1' || c.req.header('meldpunt-passive') === '1')
  );
}

/** The value of `:name` in the request path, by the position of `:name` in the route's pattern. */
function pathParam(pattern: string, path: string, name: string): string | undefined {
  const index = pattern.split('/').indexOf(`:${name}`);
  const value = index < 0 ? undefined : path.split('/')[index];
  return value === undefined ? undefined : decodeURIComponent(value);
}

const unauthenticated = () =>
  new ProblemError(401, 'unauthenticated', 'Sign in first', {
    detail: 'There is no session, or it has ended (30 minutes without activity, or 12 hours after signing in).',
  });
const forbidden = () => new ProblemError(403, 'forbidden', 'Your roles do not allow this');

/** Enforces `staffAccessRules`; sets `signedIn` (and `staffTenant` on tenant-scoped routes). */
export function staffAccess(deps: Pick<AppDeps, 'db' | 'serverSecret' | 'logger'>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    // The handler that will answer is the last route matched; only middleware matched: a 404 follows.
    const route = matchedRoutes(c).at(-1);
    if (!route || route.method === 'ALL') return next();
    const rule = accessRuleOf(c.req.method, route.path);
    if (!rule) {
      c.get('log')?.error({ route: `${c.req.method} ${route.path}` }, 'staff route without an access rule');
      throw new ProblemError(500, 'internal', 'Something went wrong on our side');
    }

    const token = sessionTokenOf(c);
    const signedIn = token ? await findSession(deps, token, { refresh: !isPassive(c) }) : undefined;
    if (signedIn) c.set('signedIn', signedIn);
    if ('public' in rule) return next();
    if (!signedIn) {
      if (token !== undefined || c.req.header('cookie')?.includes('meldpunt-session')) clearSessionCookie(c);
      throw unauthenticated();
    }
    if ('signedIn' in rule) return next();
    if ('platform' in rule) {
      if (!signedIn.platformAdmin) throw forbidden();
      return next();
    }

    const slug = pathParam(route.path, c.req.path, 'slug') ?? '';
    const membership = signedIn.memberships.find((m) => m.slug === slug);
    const asOperator = rule.platformAdmin === true && signedIn.platformAdmin;
    if (!membership && !asOperator) throw problems.notFound();
    if (!asOperator && !membership?.roles.some((r) => rule.roles.includes(r))) {
      throw rule.othersNotFound ? problems.notFound() : forbidden();
    }
    const tenant = membership ? { id: membership.tenantId, slug } : await findTenantBySlug(deps.db, slug);
    if (!tenant) throw problems.notFound();
    c.set('staffTenant', { id: tenant.id, slug: tenant.slug });
    return next();
  });
}

/** The signed-in person of a route whose rule requires one (set by `staffAccess`). */
export function signedInOf(c: Context<AppEnv>): SignedIn {
  const signedIn = c.get('signedIn');
  if (!signedIn) throw unauthenticated();
  return signedIn;
}

/** The tenant of a tenant-scoped route (set by `staffAccess` once its rule let the request through). */
export function staffTenantOf(c: Context<AppEnv>): StaffTenant {
  const tenant = c.get('staffTenant');
  if (!tenant) throw problems.notFound();
  return tenant;
}
