/**
 * The staff's way in, end to end: the real service (demo mode, on `http://localhost:<port>` — a passkey's
 * relying-party id must be a domain name) and the built console in Chromium with a virtual WebAuthn
 * authenticator (DevTools `WebAuthn.addVirtualAuthenticator`: a resident key with user verification,
 * like a laptop's or phone's). The "done when": the operator onboards a municipality in the
 * console and its invited admin registers a passkey from the link in `/dev/mail` and signs in. Then:
 * Dordrecht's admin invites an address; the invited person opens the mailed link, creates a passkey, sees
 * the tenant, signs out and signs in with the passkey; the link does not work twice; and another person's
 * passkey cannot stand in for theirs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import {
  deep,
  waitFor,
  clickButton,
  consoleApi,
  consoleText,
  useConsoleSuite,
  type ConsoleSuite,
  type Service,
} from './support.ts';

const admin = 'dordrecht-admin@demo.meldpunt.example';
const operatorName = 'Demo platformbeheerder';
const invitees = ['nieuwe.redacteur@dordrecht.example', 'tweede.redacteur@dordrecht.example'] as const;

/**
 * The newest invitation link mailed to `email`, from the development mailbox (`/dev/mail`: a list page,
 * each message's source at `/dev/mail/<id>/raw`), once it has arrived — as a newcomer gets it.
 */
async function invitationLinkFor(service: Service, email: string): Promise<string> {
  return waitFor(async () => {
    const list = await (await fetch(`${service.origin}/dev/mail`)).text();
    const ids = [...list.matchAll(/href="\/dev\/mail\/([^"/]+)"/g)].map((m) => decodeURIComponent(m[1] ?? ''));
    for (const id of ids) {
      const raw = await (await fetch(`${service.origin}/dev/mail/${encodeURIComponent(id)}/raw`)).text();
      // Quoted-printable may break long lines (`=` at the end) and write `=` as `=3D`.
      const source = raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
      if (!source.toLowerCase().includes(email)) continue;
      const link = /https?:\/\/[^\s"'<>]+\/console\/invitation#[A-Za-z0-9_-]{43}/.exec(source)?.[0];
      if (link) return link;
    }
    return undefined;
  }, `No invitation mail to ${email} in /dev/mail`);
}

/** Dordrecht's admin (demo sign-in) invites the address as editor through the console API. */
async function inviteThroughConsole(service: Service, email: string): Promise<void> {
  const signedIn = await consoleApi(service, '/api/v1/auth/demo', { method: 'POST', body: { email: admin } });
  assert.equal(signedIn.status, 200);
  const cookie = signedIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const invited = await consoleApi(service, '/api/v1/console/tenants/dordrecht/invitations', {
    method: 'POST',
    cookie,
    body: { email, roles: ['editor'] },
  });
  assert.equal(invited.status, 201, await invited.clone().text());
}

/** A browser context with its own page and its own virtual authenticator (a person's own device). */
async function personWithAuthenticator(suite: ConsoleSuite) {
  const { context, page } = await suite.person();
  const cdp = await page.createCDPSession();
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const credentials = async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
  return { context, page, credentials };
}

/** Opens an invitation link and creates the passkey; returns once the console shows the tenant. */
async function acceptInvitation(page: Page, link: string, name: string, tenant = 'Dordrecht'): Promise<void> {
  await page.goto(link);
  const nameField = await deep(page, 'input#name');
  assert.equal(await page.evaluate(() => location.hash), '', 'the token left the address bar');
  await nameField.type(name);
  await (await deep(page, 'button#create')).click();
  await page.waitForFunction(
    (slug: string) => location.pathname === `/console/tenants/${slug}`,
    {},
    tenant.toLowerCase(),
  );
  await waitFor(async () => (await consoleText(page)).includes(tenant), 'the tenant page');
}

describe('staff: invitation, passkey registration and passkey sign-in (Chromium, virtual authenticator)', () => {
  const suite = useConsoleSuite();

  it('done when: the operator onboards Zwijndrecht in the console; its invited admin registers a passkey from the link in /dev/mail and signs in', async () => {
    const firstAdmin = 'oov.beheer@zwijndrecht.example';
    const operator = await suite.person();
    await operator.page.goto(`${suite.service.origin}/console/sign-in`);
    await clickButton(operator.page, operatorName);
    await operator.page.waitForFunction(() => location.pathname.startsWith('/console/tenants'));
    await operator.page.goto(`${suite.service.origin}/console/operator/onboard`);
    await (await deep(operator.page, 'input#municipality')).type('zwijn');
    await (await deep(operator.page, '[role="option"]#option-GM0642')).click();
    await (await deep(operator.page, 'input#admin-email')).type(firstAdmin);
    await clickButton(operator.page, 'Next');
    await clickButton(operator.page, 'Onboard and send the invitation');
    await deep(operator.page, '#done');

    const person = await personWithAuthenticator(suite);
    await acceptInvitation(
      person.page,
      await invitationLinkFor(suite.service, firstAdmin),
      'Ilse Eerste',
      'Zwijndrecht',
    );
    const me = await person.page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    assert.equal(me.email, firstAdmin);
    assert.deepEqual(
      me.memberships.map((m: { tenant: string; roles: string[] }) => [m.tenant, m.roles]),
      [['zwijndrecht', ['admin']]],
    );
    assert.equal(
      await person.page.evaluate(async () => (await fetch('/api/v1/auth/sign-out', { method: 'POST' })).status),
      204,
    );
    await person.page.goto(`${suite.service.origin}/console/sign-in`);
    await (await deep(person.page, 'button#passkey-sign-in')).click();
    await person.page.waitForFunction(() => location.pathname === '/console/tenants/zwijndrecht');
    await waitFor(async () => (await consoleText(person.page)).includes('Zwijndrecht'), 'the new tenant page');
  });

  let firstCredentialId = '';

  it('an invited editor registers a passkey from the link, signs out, and signs in with it', async () => {
    await inviteThroughConsole(suite.service, invitees[0]);

    const person = await personWithAuthenticator(suite);
    const link = await invitationLinkFor(suite.service, invitees[0]);
    await acceptInvitation(person.page, link, 'Nora Nieuw');
    const [credential] = await person.credentials();
    assert.ok(credential?.isResidentCredential, 'a discoverable credential on the authenticator');
    assert.equal(credential.rpId, 'localhost');
    firstCredentialId = Buffer.from(credential.credentialId, 'base64').toString('base64url');

    const me = await person.page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    assert.equal(me.email, invitees[0]);
    assert.equal(me.name, 'Nora Nieuw');
    assert.deepEqual(
      me.memberships.map((m: { tenant: string; roles: string[] }) => [m.tenant, m.roles]),
      [['dordrecht', ['editor']]],
    );

    // Sign out, then in again with the passkey (no address asked).
    assert.equal(
      await person.page.evaluate(async () => (await fetch('/api/v1/auth/sign-out', { method: 'POST' })).status),
      204,
    );
    await person.page.goto(`${suite.service.origin}/console/sign-in`);
    await (await deep(person.page, 'button#passkey-sign-in')).click();
    await person.page.waitForFunction(() => location.pathname === '/console/tenants/dordrecht');
    await waitFor(async () => (await consoleText(person.page)).includes('Dordrecht'), 'the tenant page again');
    const again = await person.page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    assert.equal(again.id, me.id);
    const passkeys = await person.page.evaluate(async () => (await fetch('/api/v1/auth/passkeys')).json());
    assert.equal(passkeys.length, 1);
    assert.ok(passkeys[0].lastUsedAt, 'the sign-in is recorded on the passkey');
  });

  it('the invitation link does not work a second time', async () => {
    const { page } = await suite.person();
    await page.goto(await invitationLinkFor(suite.service, invitees[0]));
    await waitFor(async () => (await consoleText(page)).includes('no longer works'), 'the invalid-link message');
    assert.equal(await page.$('pierce/button#create'), null);
  });

  it('a second person cannot sign in with the first one’s passkey id', async () => {
    assert.ok(firstCredentialId, 'the first test registered a passkey');
    const second = await personWithAuthenticator(suite);
    await inviteThroughConsole(suite.service, invitees[1]);
    await acceptInvitation(second.page, await invitationLinkFor(suite.service, invitees[1]), 'Tom Tweede');
    await second.page.evaluate(async () => (await fetch('/api/v1/auth/sign-out', { method: 'POST' })).status);

    // The second person's authenticator signs, but the answer claims the first person's credential id:
    // with the second person's user handle (which is not the first one's), and without one (then the
    // first person's public key does not verify the signature).
    const statuses = await second.page.evaluate(async (claimed: string) => {
      const b64url = (buffer: ArrayBuffer) =>
        btoa(String.fromCharCode(...new Uint8Array(buffer)))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
      const fromB64url = (text: string) =>
        Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
      const post = (path: string, body: unknown) =>
        fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const attempt = async (withUserHandle: boolean) => {
        const start = (await (await post('/api/v1/auth/passkeys/authentication-options', {})).json()) as {
          state: string;
          options: { challenge: string; rpId: string };
        };
        const credential = (await navigator.credentials.get({
          publicKey: {
            challenge: fromB64url(start.options.challenge),
            rpId: start.options.rpId,
            userVerification: 'required',
          },
        })) as PublicKeyCredential;
        const response = credential.response as AuthenticatorAssertionResponse;
        const res = await post('/api/v1/auth/passkeys/authentication', {
          state: start.state,
          response: {
            id: claimed,
            rawId: claimed,
            type: 'public-key',
            response: {
              clientDataJSON: b64url(response.clientDataJSON),
              authenticatorData: b64url(response.authenticatorData),
              signature: b64url(response.signature),
              ...(withUserHandle && response.userHandle ? { userHandle: b64url(response.userHandle) } : {}),
            },
            clientExtensionResults: {},
          },
        });
        return res.status;
      };
      return [await attempt(true), await attempt(false)];
    }, firstCredentialId);
    assert.deepEqual(statuses, [401, 401]);
    const me = await second.page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    assert.equal(me, 401, 'not signed in as anyone');
  });
});
