import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../meldpunt-console.ts';
import type { MeldpuntConsole } from '../../meldpunt-console.ts';
import { fakeConsoleApi, person, tenant, type FakeConsoleApi } from '../../test-support/fake-api.ts';
import { shadowText, waitFor } from '../../test-support/wait.ts';

const admin = () =>
  person({
    name: 'Anna Admin',
    memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles: ['admin'] }],
  });

describe('<meldpunt-sso-settings-page>', () => {
  const startUrl = location.pathname + location.search;
  let api: FakeConsoleApi;

  beforeEach(() => localStorage.setItem('meldpunt-console-language', 'nl'));
  afterEach(() => {
    api.restore();
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });

  async function open(path: string) {
    history.replaceState(null, '', path);
    const el = await fixture<MeldpuntConsole>(html`<meldpunt-console></meldpunt-console>`);
    await waitFor(() => el.shadowRoot!.querySelector('meldpunt-sso-settings-page'), 'the SSO page');
    const page = el.shadowRoot!.querySelector('meldpunt-sso-settings-page')!;
    await waitFor(() => page.shadowRoot!.querySelector('form'), 'the form');
    return { el, page, root: page.shadowRoot! };
  }

  /** Types into a field by keyboard, as a person does. */
  async function type(root: ShadowRoot, id: string, text: string) {
    root.querySelector<HTMLElement>(`#${id}`)!.focus();
    await sendKeys({ type: text });
  }

  it('shows the redirect URI to register (with a copy button) and an empty form, accessible', async () => {
    api = fakeConsoleApi({ me: admin(), tenants: [tenant({ roles: ['admin'] })] });
    const { el, root } = await open('/console/tenants/dordrecht/sso');
    expect(root.querySelector('#redirect-uri')?.textContent).to.equal(`${location.origin}/api/v1/auth/sso/callback`);
    expect(root.querySelector('wa-copy-button')?.getAttribute('value')).to.equal(
      `${location.origin}/api/v1/auth/sso/callback`,
    );
    expect(shadowText(el.shadowRoot!.querySelector('meldpunt-sso-settings-page'))).to.include('nog geen inlogsysteem');
    expect(document.title).to.equal('Inloggen via de gemeente (single sign-on) · Dordrecht · Meldpunt-console');
    await expect(el).to.be.accessible();
  });

  it('reflows at 320 px: nothing wider than the screen', async () => {
    api = fakeConsoleApi({ me: admin(), tenants: [tenant({ roles: ['admin'] })] });
    await setViewport({ width: 320, height: 640 });
    try {
      await open('/console/tenants/dordrecht/sso');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });

  it('an empty form is refused beside each field without asking the service', async () => {
    api = fakeConsoleApi({ me: admin(), tenants: [tenant({ roles: ['admin'] })] });
    const { el, root } = await open('/console/tenants/dordrecht/sso');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => root.querySelector('[role="alert"]'), 'the summary');
    for (const id of ['issuer', 'clientId', 'clientSecret', 'allowedEmailDomains']) {
      const control = root.querySelector(`#${id}`)!;
      expect(control.getAttribute('aria-invalid'), id).to.equal('true');
      expect(control.getAttribute('aria-describedby'), id).to.include(`${id}-error`);
      expect(root.querySelector(`#${id}-error`)?.textContent, id).to.not.equal('');
    }
    expect(root.activeElement?.id).to.equal('outcome');
    expect(api.requests.some((r) => r.startsWith('PUT'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('a provider that does not answer: the message, the issuer marked, nothing typed lost; fixed, it saves and keeps the secret write-only', async () => {
    api = fakeConsoleApi({ me: admin(), tenants: [tenant({ roles: ['admin'] })] });
    const { el, root } = await open('/console/tenants/dordrecht/sso');
    await type(root, 'issuer', 'https://unreachable.gemeente.example');
    await type(root, 'clientId', 'meldpunt');
    await type(root, 'clientSecret', 'geheim-123');
    await type(root, 'allowedEmailDomains', 'dordrecht.nl');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => shadowText(el.shadowRoot!.querySelector('meldpunt-sso-settings-page')).includes('OpenID-provider'),
      'the discovery message',
    );
    expect(root.querySelector('#issuer')!.getAttribute('aria-invalid')).to.equal('true');
    expect(root.querySelector<HTMLInputElement>('#issuer')!.value).to.equal('https://unreachable.gemeente.example');
    expect(root.querySelector<HTMLInputElement>('#clientSecret')!.value).to.equal('geheim-123');
    expect(root.querySelector<HTMLTextAreaElement>('#allowedEmailDomains')!.value).to.equal('dordrecht.nl');
    await expect(el).to.be.accessible();

    const issuer = root.querySelector<HTMLInputElement>('#issuer')!;
    issuer.select();
    await type(root, 'issuer', 'https://login.dordrecht.example');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => root.querySelector('[role="status"]#outcome')?.textContent?.includes('opgeslagen'), 'saved');
    expect(api.ssoSent).to.deep.equal({
      issuer: 'https://login.dordrecht.example',
      clientId: 'meldpunt',
      clientSecret: 'geheim-123',
      allowedEmailDomains: ['dordrecht.nl'],
      enabled: true,
    });
    // The secret is not shown again; the hint says it is set and kept when left empty.
    expect(root.querySelector<HTMLInputElement>('#clientSecret')!.value).to.equal('');
    expect(root.querySelector('#clientSecret-hint')?.textContent).to.include('laat leeg');
    expect(root.querySelector('#issuer')!.getAttribute('aria-invalid')).to.equal('false');

    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => api.requests.filter((r) => r.startsWith('PUT')).length === 3, 'saved again');
    expect(api.ssoSent).to.not.have.property('clientSecret');
    await expect(el).to.be.accessible();
  });

  it('the tenant page links to it for an admin, not for an editor', async () => {
    api = fakeConsoleApi({ me: admin(), tenants: [tenant({ roles: ['admin'] })] });
    history.replaceState(null, '', '/console/tenants/dordrecht');
    const el = await fixture<MeldpuntConsole>(html`<meldpunt-console></meldpunt-console>`);
    await waitFor(
      () => shadowText(el.shadowRoot!.querySelector('meldpunt-tenant-page')).includes('single sign-on'),
      'the link',
    );
    api.restore();
    api = fakeConsoleApi({ me: person(), tenants: [tenant()] });
    const other = await fixture<MeldpuntConsole>(html`<meldpunt-console></meldpunt-console>`);
    await waitFor(
      () => shadowText(other.shadowRoot!.querySelector('meldpunt-tenant-page')).includes('Instellingen'),
      'the sections',
    );
    expect(shadowText(other.shadowRoot!.querySelector('meldpunt-tenant-page'))).to.not.include('single sign-on');
  });
});
