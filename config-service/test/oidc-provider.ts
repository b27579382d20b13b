/**
 * A real OpenID provider for the SSO tests: `oidc-provider` on 127.0.0.1 (a random port), never a mock.
 * The test controls its accounts (`setAccount`: the e-mail claim, `email_verified`) and who logs in:
 * the provider's login step is a tiny interaction handler here that logs in the account named in the
 * query (`?account=…`) — `signInWithSso` drives a whole sign-in like a browser would, following every
 * redirect by hand, keeping the provider's cookies and the service's `__Host-meldpunt-sso` cookie.
 * Consent is granted for the test client without asking (the documented `loadExistingGrant` hook).
 * The browser tests (`embed-demo/e2e/sso.test.ts`) start it with their service's redirect URI and a
 * `defaultAccount`, logged in when a real browser arrives at the login step without `?account=`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { createApp } from '../src/app.ts';
import { testPublicOrigin } from './helpers.ts';

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Creates or changes an account (its subject is `sub`). */
  setAccount(sub: string, account: TestAccount): void;
  close(): Promise<void>;
}

/** The redirect URI the service registers (`ssoRedirectUri(testPublicOrigin)`). */
export const testRedirectUri = `${testPublicOrigin}/api/v1/auth/sso/callback`;

export interface TestOidcProviderOptions {
  /** The client's one redirect URI: the service's callback (default `testRedirectUri`, the test app's). */
  redirectUri?: string;
  /** The account the login step logs in when the request names none (a browser following redirects). */
  defaultAccount?: string;
}

/** Starts a provider with one confidential client whose redirect URI is the service's callback. */
export async function startOidcProvider(options: TestOidcProviderOptions = {}): Promise<TestOidcProvider> {
  const redirectUri = options.redirectUri ?? testRedirectUri;
  const accounts = new Map<string, TestAccount>();
  const clientId = `meldpunt-${Math.random().toString(36).slice(2, 10)}`;
  const clientSecret = `secret-${crypto.randomUUID()}`;
  const server: Server = createServer();
  // Longer than the client's keep-alive (undici: 4 s), so the service never reuses a connection the
  // provider is closing at that moment (on a loaded machine that race made discovery fail now and then).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['test-cookie-key-not-secret'] },
    // Lifetimes set, so the provider does not print a notice for each default it uses.
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...account }) };
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (!url.pathname.startsWith('/interaction/')) return void callback(req, res);
    // The login step: log in the account the test named (else the default one); a fresh login each
    // time (no session reuse).
    const account = url.searchParams.get('account') ?? options.defaultAccount ?? '';
    provider
      .interactionFinished(req, res, { login: { accountId: account } }, { mergeWithLastSubmission: false })
      .catch(() => {
        res.statusCode = 400;
        res.end('interaction failed');
      });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (sub, account) => void accounts.set(sub, account),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type App = ReturnType<typeof createApp>;

/** What a driven sign-in ended with: the service's last answer (a redirect to the console). */
export interface SsoOutcome {
  /** The `Location` of the service's last redirect. */
  location: string;
  /** The service's last response (the callback's, or `start`'s when it did not redirect to the provider). */
  response: Response;
  /** The callback URL the provider sent the browser to (to replay it). */
  callbackPath?: string;
  /** The service's `__Host-meldpunt-sso` cookie as the browser held it. */
  browserCookie?: string;
}

/**
 * Signs in like a browser: `GET /api/v1/auth/sso/:slug/start` on the app, then the provider's pages
 * (logging in `account`), back to the app's callback. `beforeCallback` may change things in between
 * (expire the sign-in, say). Each sign-in is a fresh browser: no provider session is reused.
 */
export async function signInWithSso(
  app: App,
  slug: string,
  account: string,
  options: { beforeCallback?: (callbackPath: string) => Promise<void>; headers?: Record<string, string> } = {},
): Promise<SsoOutcome> {
  const appCookies = new Map<string, string>();
  const keep = (jar: Map<string, string>, res: Response) => {
    for (const header of res.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), value.join('='));
    }
  };
  const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

  const start = await app.request(`/api/v1/auth/sso/${slug}/start`, { headers: options.headers ?? {} });
  keep(appCookies, start);
  let location = start.headers.get('location') ?? '';
  if (start.status !== 302 || !/^https?:/.test(location)) return { location, response: start };
  const providerCookies = new Map<string, string>();
  for (let hops = 0; hops < 10; hops++) {
    const url = new URL(location);
    if (url.pathname.startsWith('/interaction/')) url.searchParams.set('account', account);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader(providerCookies) } });
    keep(providerCookies, res);
    await res.arrayBuffer();
    location = new URL(res.headers.get('location') ?? '', url).href;
    if (location.startsWith(testRedirectUri)) break;
    if (res.status < 300 || res.status >= 400)
      throw new Error(`the provider answered ${res.status} at ${url.pathname}`);
  }
  const callbackPath = location.slice(testPublicOrigin.length);
  await options.beforeCallback?.(callbackPath);
  const browserCookie = appCookies.get('__Host-meldpunt-sso');
  const response = await app.request(callbackPath, {
    headers: {
      ...(options.headers ?? {}),
      ...(browserCookie ? { cookie: `__Host-meldpunt-sso=${browserCookie}` } : {}),
    },
  });
  return { location: response.headers.get('location') ?? '', response, callbackPath, browserCookie };
}
