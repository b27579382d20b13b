import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SsoTenantList } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { clientAddress } from '../../http/client-address.ts';
import { sessionTokenOf, setSessionCookie } from '../../http/session-cookie.ts';
import { startSession } from '../../staff/sessions.ts';
import type { SignInLimiter } from '../../staff/sign-in-limiter.ts';
import {
  finishSsoSignIn,
  ssoRedirectUri,
  ssoSignInLifetimeMs,
  startSsoSignIn,
  type SsoRefusal,
} from '../../staff/sso/sso-sign-in.ts';
import { tenantsOfferingSso } from '../../staff/sso/sso-settings.ts';
import { findTenantBySlug } from '../../tenants/tenant-repository.ts';

/**
 * The cookie tying a started SSO sign-in to the browser that started it (a random value; the server
 * keeps its keyed hash with the sign-in). `SameSite=Lax`, unlike the session cookie: the provider's
 * redirect back is a cross-site navigation, on which a `Strict` cookie would not be sent.
 */
const browserCookie = '__Host-meldpunt-sso';

/** The one answer to every failed SSO sign-in: the sign-in page with one code, never the reason. */
const failedLocation = '/console/sign-in?error=sso-failed';

/** How each refusal is named in the audit log's closed list of reasons. */
const auditReason: Record<SsoRefusal, 'unknown-credential' | 'invalid-response' | 'expired' | 'no-membership'> = {
  'unknown-state': 'expired',
  'expired-state': 'expired',
  'other-browser': 'invalid-response',
  'not-offered': 'invalid-response',
  'provider-refused': 'invalid-response',
  'email-not-verified': 'unknown-credential',
  'domain-not-allowed': 'unknown-credential',
  'subject-elsewhere': 'unknown-credential',
  'no-membership': 'no-membership',
};

/**
 * `/api/v1/auth/sso` — single sign-on with a tenant's own OpenID provider (`staff/sso/`). The browser
 * navigates here (GET; the provider returns by a GET redirect, so no `Origin` check applies), and
 * every answer but the list is a redirect: to the provider, to the tenant's console page once signed
 * in, or to the sign-in page with `?error=sso-failed`. Failures count towards the sign-in limit, are
 * audited (in the tenant's chain when the sign-in is known, else the platform's) and logged with
 * their reason, never with an address, a name or a subject.
 */
export function ssoSignInRoutes(deps: AppDeps, limiter: SignInLimiter) {
  const providerOptions = { allowLoopbackHttp: deps.ssoAllowLoopbackHttp ?? false };

  const fail = (c: Context<AppEnv>) => {
    deleteCookie(c, browserCookie, { path: '/', secure: true });
    c.header('Cache-Control', 'no-store');
    return c.redirect(failedLocation, 302);
  };

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const body: SsoTenantList = await tenantsOfferingSso(deps.db);
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    })
    .get('/callback', async (c) => {
      // Counted as a failure from here on, until a session is started.
      const attempt = await limiter.attempt(clientAddress(c, deps.trustedProxies));
      const refuse = async (reason: SsoRefusal | 'rate-limited', tenantId?: string) => {
        c.get('log').info({ reason }, 'sso sign-in refused');
        await deps.auditLog.append({
          tenantId: tenantId ?? null,
          actor: null,
          action: 'auth.sign-in-failed',
          target: null,
          details: { method: 'sso', reason: reason === 'rate-limited' ? 'rate-limited' : auditReason[reason] },
        });
        return fail(c);
      };
      if (attempt.retryAfter > 0) return refuse('rate-limited');
      const state = c.req.query('state');
      if (!state || state.length > 200) return refuse('unknown-state');
      const callbackUrl = new URL(ssoRedirectUri(deps.publicOrigin));
      callbackUrl.search = new URL(c.req.url).search;
      const result = await finishSsoSignIn(
        deps,
        { state, browserKey: getCookie(c, browserCookie), callbackUrl },
        providerOptions,
      );
      if (!result.ok) return refuse(result.reason, result.tenantId);
      const tenant = await deps.db
        .selectFrom('tenant')
        .select('slug')
        .where('id', '=', result.tenantId)
        .executeTakeFirst();
      if (!tenant) return refuse('not-offered');
      await attempt.succeeded();
      const session = await startSession(deps, result.staffId, { method: 'sso', replacing: sessionTokenOf(c) });
      setSessionCookie(c, session.token);
      deleteCookie(c, browserCookie, { path: '/', secure: true });
      c.header('Cache-Control', 'no-store');
      return c.redirect(`/console/tenants/${encodeURIComponent(tenant.slug)}`, 302);
    })
    .get('/:slug/start', async (c) => {
      if ((await limiter.retryAfter(clientAddress(c, deps.trustedProxies))) > 0) return fail(c);
      const tenant = await findTenantBySlug(deps.db, c.req.param('slug'));
      const started = tenant
        ? await startSsoSignIn(deps, tenant.id, ssoRedirectUri(deps.publicOrigin), providerOptions)
        : undefined;
      if (!started) {
        c.get('log').info({ reason: 'not-offered' }, 'sso sign-in not started');
        return fail(c);
      }
      setCookie(c, browserCookie, started.browserKey, {
        httpOnly: true,
        secure: true,
        sameSite: 'Lax',
        path: '/',
        maxAge: ssoSignInLifetimeMs / 1000,
      });
      c.header('Cache-Control', 'no-store');
      return c.redirect(started.url.href, 302);
    });
}
