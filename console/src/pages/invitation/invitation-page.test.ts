import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../meldpunt-console.ts';
import type { MeldpuntConsole } from '../../meldpunt-console.ts';
import { fakeAuthenticator, fakeConsoleApi, tenant, type FakeConsoleApi } from '../../test-support/fake-api.ts';
import { shadowText, waitFor } from '../../test-support/wait.ts';

const token = 'dG9rZW4tdG9rZW4tdG9rZW4tdG9rZW4tdG9rZW4tdG9r';
const grant = {
  email: 'nieuw@dordrecht.example',
  platformAdmin: false,
  tenant: { slug: 'dordrecht', name: 'Dordrecht' },
  roles: ['admin' as const, 'editor' as const],
  expiresAt: new Date(Date.now() + 72 * 3600_000).toISOString(),
};

const invitationPage = (el: MeldpuntConsole) => el.shadowRoot!.querySelector('meldpunt-invitation-page');

describe('<meldpunt-invitation-page>', () => {
  const startUrl = location.pathname + location.search;
  let api: FakeConsoleApi;
  let restoreAuthenticator: () => void = () => undefined;

  beforeEach(() => localStorage.setItem('meldpunt-console-language', 'en'));
  afterEach(() => {
    api.restore();
    restoreAuthenticator();
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });

  async function open(url: string): Promise<MeldpuntConsole> {
    history.replaceState(null, '', url);
    return fixture<MeldpuntConsole>(html`<meldpunt-console></meldpunt-console>`);
  }

  it('takes the token out of the address bar, shows what the invitation grants, accessible', async () => {
    api = fakeConsoleApi({ invitationGrants: { [token]: grant } });
    const el = await open(`/console/invitation#${token}`);
    await waitFor(() => shadowText(invitationPage(el)).includes('Dordrecht'), 'the grant');
    expect(location.hash).to.equal('');
    expect(location.href).not.to.include(token);
    const text = shadowText(invitationPage(el));
    expect(text).to.include('nieuw@dordrecht.example');
    expect(text).to.include('administrator, editor at Dordrecht');
    expect(text).to.include('only once');
    expect(document.title).to.equal('Accept your invitation · Meldpunt console');
    await expect(el).to.be.accessible();
  });

  it('a link that no longer works says so, with the way to sign-in', async () => {
    api = fakeConsoleApi({ invitationGrants: {} });
    const el = await open(`/console/invitation#${token}`);
    await waitFor(() => shadowText(invitationPage(el)).includes('no longer works'), 'the invalid message');
    expect(invitationPage(el)!.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    expect(invitationPage(el)!.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('/console/sign-in');
    expect(invitationPage(el)!.shadowRoot!.querySelector('#create')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a cancelled passkey keeps what was typed and says so; then creating it signs in and goes into the console', async () => {
    restoreAuthenticator = fakeAuthenticator({ failWith: 'NotAllowedError' });
    api = fakeConsoleApi({ invitationGrants: { [token]: grant }, tenants: [tenant({ roles: ['admin', 'editor'] })] });
    const el = await open(`/console/invitation#${token}`);
    await waitFor(() => invitationPage(el)?.shadowRoot?.querySelector('#name'), 'the form');
    const root = invitationPage(el)!.shadowRoot!;
    root.querySelector<HTMLInputElement>('#name')!.focus();
    await sendKeys({ type: 'Nora Nieuw' });
    root.querySelector<HTMLButtonElement>('#create')!.click();
    await waitFor(() => shadowText(invitationPage(el)).includes('cancelled'), 'the cancel message');
    expect(root.querySelector<HTMLInputElement>('#name')!.value).to.equal('Nora Nieuw');
    await expect(el).to.be.accessible();

    restoreAuthenticator();
    restoreAuthenticator = fakeAuthenticator();
    root.querySelector<HTMLButtonElement>('#create')!.click();
    await waitFor(() => location.pathname === '/console/tenants/dordrecht', 'into the console');
    expect(api.requests).to.include('POST /auth/passkeys/registration');
    expect(api.passkeys).to.have.length(1);
    expect(api.me?.name).to.equal('Nora Nieuw');
  });
});
