import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './meldpunt-console.ts';
import type { MeldpuntConsole } from './meldpunt-console.ts';
import { configDraft, fakeConsoleApi, person, tenant, type FakeConsoleApi } from './test-support/fake-api.ts';
import { shadowText, waitFor } from './test-support/wait.ts';

const demoStaff = [
  {
    email: 'editor@dordrecht.example',
    name: 'Eva Editor',
    platformAdmin: false,
    memberships: [{ tenant: 'dordrecht', roles: ['editor' as const] }],
  },
  { email: 'operator@meldpunt.example', name: 'Olaf Operator', platformAdmin: true, memberships: [] },
];

/** The page element the console shows (`meldpunt-…-page`), once it is there. */
function page(el: MeldpuntConsole, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`meldpunt-${name}-page`);
}

describe('<meldpunt-console>', () => {
  const startUrl = location.pathname + location.search;
  let api: FakeConsoleApi;

  beforeEach(() => {
    localStorage.setItem('meldpunt-console-language', 'nl');
  });
  afterEach(() => {
    api.restore();
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });

  async function open(path: string): Promise<MeldpuntConsole> {
    history.replaceState(null, '', path);
    return fixture<MeldpuntConsole>(html`<meldpunt-console></meldpunt-console>`);
  }

  it('signed out, shows the sign-in page with the demo staff marked as demo, accessible, with its title and landmarks', async () => {
    api = fakeConsoleApi({ demo: demoStaff });
    const el = await open('/console/');
    await waitFor(() => shadowText(page(el, 'sign-in')).includes('Eva Editor'), 'the demo staff');
    expect(location.pathname).to.equal('/console/sign-in');
    expect(document.title).to.equal('Inloggen · Meldpunt-console');
    expect(el.shadowRoot!.querySelector('header')).to.exist;
    expect(el.shadowRoot!.querySelector('main')).to.exist;
    expect(shadowText(page(el, 'sign-in'))).to.include('Demo');
    await expect(el).to.be.accessible();
  });

  it('outside demo mode offers the passkey sign-in only (no demo staff)', async () => {
    api = fakeConsoleApi({ demo: null });
    const el = await open('/console/sign-in');
    await waitFor(
      () => api.requests.includes('GET /auth/demo') && !shadowText(page(el, 'sign-in')).includes('laden'),
      'the demo list',
    );
    const buttons = page(el, 'sign-in')!.shadowRoot!.querySelectorAll('button');
    expect([...buttons].map((b) => b.id)).to.deep.equal(['passkey-sign-in']);
    expect(shadowText(page(el, 'sign-in'))).not.to.include('Demo');
  });

  it('a demo editor of one tenant signs in and lands on that tenant, seeing only the sections of their role', async () => {
    api = fakeConsoleApi({ demo: demoStaff, tenants: [tenant()] });
    const el = await open('/console/');
    await waitFor(() => page(el, 'sign-in')?.shadowRoot?.querySelector('.staff button'), 'the demo buttons');
    page(el, 'sign-in')!.shadowRoot!.querySelector<HTMLButtonElement>('.staff button')!.click();
    await waitFor(() => location.pathname === '/console/tenants/dordrecht', 'straight on to the one tenant');
    await waitFor(() => shadowText(page(el, 'tenant')).includes('Instellingen'), 'the sections');
    expect(shadowText(page(el, 'tenant'))).not.to.include('Meldingen');
    expect(api.requests).to.include('POST /auth/demo');
    expect(document.title).to.equal('Dordrecht · Meldpunt-console');
    await expect(el).to.be.accessible();
  });

  it('sends a person without a session from a console URL to sign-in, and back there after signing in', async () => {
    api = fakeConsoleApi({ demo: demoStaff, tenants: [tenant()], drafts: { dordrecht: configDraft() } });
    const el = await open('/console/tenants/dordrecht/configuration');
    await waitFor(() => location.pathname === '/console/sign-in', 'the sign-in page');
    expect(new URLSearchParams(location.search).get('next')).to.equal('/console/tenants/dordrecht/configuration');
    await waitFor(() => page(el, 'sign-in')?.shadowRoot?.querySelector('.staff button'), 'the demo buttons');
    page(el, 'sign-in')!.shadowRoot!.querySelector<HTMLButtonElement>('.staff button')!.click();
    await waitFor(() => location.pathname === '/console/tenants/dordrecht/configuration', 'back where they were going');
    await waitFor(() => shadowText(page(el, 'configuration')).includes('Meldformulier instellen'), 'the editor');
    await expect(el).to.be.accessible();
  });

  it('shows the platform operator every tenant with its state, demo tenants marked; links work without reloading', async () => {
    api = fakeConsoleApi({
      me: person({ platformAdmin: true, memberships: [], name: 'Olaf Operator' }),
      tenants: [
        tenant({ roles: [] }),
        tenant({
          slug: 'almere',
          name: 'Almere',
          isDemo: false,
          publishedVersion: null,
          lastReportAt: null,
          failingDeliveries: 2,
          roles: [],
        }),
      ],
    });
    const el = await open('/console/');
    await waitFor(() => shadowText(page(el, 'tenants')).includes('Almere'), 'the tenant list');
    const text = shadowText(page(el, 'tenants'));
    expect(text)
      .to.include('Gepubliceerd: versie 3')
      .and.include('Nog niet gepubliceerd')
      .and.include('2 bezorgingen mislukt');
    await expect(el).to.be.accessible();
    page(el, 'tenants')!.shadowRoot!.querySelector<HTMLAnchorElement>('a[href="/console/tenants/almere"]')!.click();
    await waitFor(() => shadowText(page(el, 'tenant')).includes('Almere'), 'the tenant page');
    expect(location.pathname).to.equal('/console/tenants/almere');
    history.back();
    await waitFor(() => location.pathname === '/console/tenants' && page(el, 'tenants'), 'back to the list');
  });

  it('switches to English and back, texts and page title included', async () => {
    api = fakeConsoleApi({ demo: demoStaff });
    const el = await open('/console/sign-in');
    await waitFor(() => shadowText(page(el, 'sign-in')).includes('Inloggen'), 'Dutch');
    el.shadowRoot!.querySelector<HTMLButtonElement>('header button[lang="en"]')!.click();
    await waitFor(() => shadowText(page(el, 'sign-in')).includes('Sign in'), 'English');
    await waitFor(() => document.title === 'Sign in · Meldpunt console', 'the English page title');
    expect(document.documentElement.lang).to.equal('en');
    el.shadowRoot!.querySelector<HTMLButtonElement>('header button[lang="nl"]')!.click();
    await waitFor(() => document.documentElement.lang === 'nl', 'Dutch again');
  });

  it('the skip link is the first stop of the keyboard and moves focus to the main content', async () => {
    api = fakeConsoleApi({ demo: demoStaff });
    const el = await open('/console/sign-in');
    await sendKeys({ press: 'Tab' });
    const skip = el.shadowRoot!.activeElement as HTMLElement;
    expect(skip.className).to.equal('skip-link');
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('MAIN');
  });

  it('shows the not-found page for an unknown console path', async () => {
    api = fakeConsoleApi({ me: person() });
    const el = await open('/console/nothing-here');
    await waitFor(() => page(el, 'not-found'), 'the not-found page');
    expect(document.title).to.equal('Pagina niet gevonden · Meldpunt-console');
    await expect(el).to.be.accessible();
  });
});
