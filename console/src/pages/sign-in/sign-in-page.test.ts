import { expect, fixture, html } from '@open-wc/testing';
import '../../meldpunt-console.ts';
import type { MeldpuntConsole } from '../../meldpunt-console.ts';
import { fakeAuthenticator, fakeConsoleApi, person, tenant, type FakeConsoleApi } from '../../test-support/fake-api.ts';
import { shadowText, waitFor } from '../../test-support/wait.ts';

const signInPage = (el: MeldpuntConsole) => el.shadowRoot!.querySelector('meldpunt-sign-in-page');

describe('<meldpunt-sign-in-page>: signing in with a passkey', () => {
  const startUrl = location.pathname + location.search;
  let api: FakeConsoleApi;
  let restoreAuthenticator: () => void;

  beforeEach(() => localStorage.setItem('meldpunt-console-language', 'en'));
  afterEach(() => {
    api.restore();
    restoreAuthenticator();
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });

  async function open(): Promise<MeldpuntConsole> {
    history.replaceState(null, '', '/console/sign-in');
    const el = await fixture<MeldpuntConsole>(html`<meldpunt-console></meldpunt-console>`);
    await waitFor(() => signInPage(el)?.shadowRoot?.querySelector('#passkey-sign-in'), 'the passkey button');
    return el;
  }

  const button = (el: MeldpuntConsole) =>
    signInPage(el)!.shadowRoot!.querySelector<HTMLButtonElement>('#passkey-sign-in')!;
  const alertText = (el: MeldpuntConsole) =>
    (signInPage(el)!.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('offers “Sign in with a passkey” above the demo staff, accessible', async () => {
    restoreAuthenticator = fakeAuthenticator();
    api = fakeConsoleApi({
      demo: [{ email: 'e@dordrecht.example', name: 'Eva Editor', platformAdmin: false, memberships: [] }],
    });
    const el = await open();
    await waitFor(() => shadowText(signInPage(el)).includes('Eva Editor'), 'the demo staff');
    const text = shadowText(signInPage(el));
    expect(text.indexOf('Sign in with a passkey')).to.be.lessThan(text.indexOf('Demo'));
    await expect(el).to.be.accessible();
  });

  it('signs in with a passkey (no address asked) and goes on to the tenant', async () => {
    restoreAuthenticator = fakeAuthenticator();
    api = fakeConsoleApi({ tenants: [tenant()], passkeyOwner: person() });
    const el = await open();
    button(el).click();
    await waitFor(() => location.pathname === '/console/tenants/dordrecht', 'into the console');
    expect(api.requests).to.include.members([
      'POST /auth/passkeys/authentication-options',
      'POST /auth/passkeys/authentication',
    ]);
  });

  it('says so in an alert when the person cancels, and the button stays to try again', async () => {
    restoreAuthenticator = fakeAuthenticator({ failWith: 'NotAllowedError' });
    api = fakeConsoleApi({ passkeyOwner: person() });
    const el = await open();
    button(el).click();
    await waitFor(() => alertText(el).includes('cancelled'), 'the cancel message');
    expect(api.requests).not.to.include('POST /auth/passkeys/authentication');
    expect(button(el).getAttribute('aria-disabled')).to.equal('false');
    expect(location.pathname).to.equal('/console/sign-in');
    await expect(el).to.be.accessible();
  });

  it('a passkey the service does not accept gives the failure message, with the way back (a new invitation)', async () => {
    restoreAuthenticator = fakeAuthenticator();
    api = fakeConsoleApi({ passkeyOwner: null });
    const el = await open();
    button(el).click();
    await waitFor(() => alertText(el).includes('did not work'), 'the failure message');
    expect(alertText(el)).to.include('new invitation');
  });
});
