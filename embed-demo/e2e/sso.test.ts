/**
 * Single sign-on end to end in Chromium: the real service (demo mode, `http://localhost:<port>`) and a
 * real OpenID provider (`oidc-provider` on `http://127.0.0.1:<port>`, another site). What the service's
 * tests with `fetch` cannot show: the provider sends the browser back with a cross-site GET redirect to
 * `/api/v1/auth/sso/callback`, whose answer sets the `SameSite=Strict` session cookie — Chromium keeps
 * it (a cookie set on a top-level navigation's answer is stored even when the navigation came from
 * another site) and sends it with the console's own API requests (same-site), so the person lands
 * signed in on `/console/tenants/dordrecht`. Also: the second sign-in counts only `iss` + `sub`, and a
 * callback with a state this browser never started ends on the sign-in page with the visible message.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { startOidcProvider, type TestOidcProvider } from '../../config-service/test/oidc-provider.ts';
import { deep, useConsoleSuite, waitFor, consoleApi, consoleText, type Service } from './support.ts';

const admin = 'dordrecht-admin@demo.meldpunt.example';
/** A demo member of Dordrecht: the first SSO sign-in binds to this membership by the verified address. */
const editor = 'dordrecht-editor@demo.meldpunt.example';
/** The editor's subject at the provider. */
const subject = 'editor-at-dordrecht-idp';

/** An element in the SSO element's shadow root (the sign-in page has other forms and buttons). */
async function inSsoElement(page: Page, selector: string): Promise<ElementHandle<Element>> {
  const sso = await deep(page, 'meldpunt-sso-sign-in');
  const handle = await page.waitForFunction(
    (element, selector) => element.shadowRoot?.querySelector(selector),
    {},
    sso,
    selector,
  );
  return handle as ElementHandle<Element>;
}

/**
 * Signs in as a person would: the sign-in page, the municipality chosen in the SSO element's select
 * (opened by a click, the option clicked), "Sign in at my municipality"; the provider's login step logs
 * in its default account and the browser follows every redirect back. Returns once the console shows
 * Dordrecht.
 */
async function signInWithSso(page: Page, service: Service): Promise<void> {
  await page.goto(`${service.origin}/console/sign-in`);
  await (await deep(page, 'wa-select#sso-tenant')).click();
  const option = await deep(page, 'wa-option[value="dordrecht"]');
  await waitFor(() => option.isVisible(), 'the list of municipalities did not open');
  await option.click();
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    (await inSsoElement(page, 'form button[type="submit"]')).click(),
  ]);
  await page.waitForFunction(() => location.pathname === '/console/tenants/dordrecht');
  await waitFor(async () => (await consoleText(page)).includes('Dordrecht'), 'the tenant page');
}

describe('staff: single sign-on with the municipality’s provider (Chromium, a real OpenID provider)', () => {
  let provider: TestOidcProvider | undefined;
  const suite = useConsoleSuite({
    setUp: async (service) => {
      const started = await startOidcProvider({
        redirectUri: `${service.origin}/api/v1/auth/sso/callback`,
        defaultAccount: subject,
      });
      provider = started;
      started.setAccount(subject, { email: editor, email_verified: true, name: 'Demo editor Dordrecht' });

      // Dordrecht's admin sets up SSO through the console API (an http issuer on loopback: demo mode).
      const signedIn = await consoleApi(service, '/api/v1/auth/demo', { method: 'POST', body: { email: admin } });
      assert.equal(signedIn.status, 200);
      const cookie = signedIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      const saved = await consoleApi(service, '/api/v1/console/tenants/dordrecht/sso', {
        method: 'PUT',
        cookie,
        body: {
          issuer: started.issuer,
          clientId: started.clientId,
          clientSecret: started.clientSecret,
          allowedEmailDomains: ['demo.meldpunt.example'],
          enabled: true,
        },
      });
      assert.equal(saved.status, 200, await saved.clone().text());
    },
    tearDown: async () => {
      await provider?.close();
    },
  });
  const oidc = () => {
    if (!provider) throw new Error('The OpenID provider is not started');
    return provider;
  };

  it('signs in at the provider and lands on the tenant with the Strict session cookie; again by iss + sub after signing out', async () => {
    const { context, page } = await suite.person();
    // The provider's redirect back, as Chromium sent it: a cross-site navigation with only the Lax cookie.
    const callbackRequests: Record<string, string>[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(`${suite.service.origin}/api/v1/auth/sso/callback`)) {
        callbackRequests.push(response.request().headers());
      }
    });
    await signInWithSso(page, suite.service);
    assert.equal(callbackRequests.length, 1);
    assert.equal(callbackRequests[0]?.['sec-fetch-site'], 'cross-site');
    assert.match(callbackRequests[0]?.cookie ?? '', /^__Host-meldpunt-sso=[A-Za-z0-9_-]+$/);

    const me = await page.evaluate(async () => {
      const res = await fetch('/api/v1/auth/me');
      return { status: res.status, body: await res.json() };
    });
    assert.equal(me.status, 200, 'the console’s own request carries the session cookie');
    assert.equal(me.body.email, editor);
    assert.deepEqual(
      me.body.memberships.map((m: { tenant: string; roles: string[] }) => [m.tenant, m.roles]),
      [['dordrecht', ['editor']]],
    );
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === '__Host-meldpunt-session');
    assert.equal(session?.sameSite, 'Strict');
    assert.equal(session?.httpOnly, true);
    assert.ok(!cookies.some((c) => c.name === '__Host-meldpunt-sso'), 'the sign-in’s own cookie is gone');

    assert.equal(
      await page.evaluate(async () => (await fetch('/api/v1/auth/sign-out', { method: 'POST' })).status),
      204,
    );
    assert.equal(await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status), 401);

    // The address at the provider changes: only the bound iss + sub counts now.
    oidc().setAccount(subject, { email: 'someone.else@elsewhere.example', email_verified: true });
    await signInWithSso(page, suite.service);
    const again = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    assert.equal(again.email, editor);
  });

  it('a callback with a state this browser never started ends on the sign-in page with the message', async () => {
    const { page } = await suite.person();
    await page.goto(`${suite.service.origin}/api/v1/auth/sso/callback?state=${'x'.repeat(43)}&code=foreign`);
    await page.waitForFunction(() => location.pathname + location.search === '/console/sign-in?error=sso-failed');
    const alert = await inSsoElement(page, '[role="alert"]');
    assert.match(await alert.evaluate((a) => a.textContent ?? ''), /Signing in through your municipality did not work/);
    assert.equal(await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status), 401);
  });
});
