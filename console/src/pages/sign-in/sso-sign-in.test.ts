import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../meldpunt-console.ts';
import type { MeldpuntConsole } from '../../meldpunt-console.ts';
import { fakeConsoleApi, type FakeConsoleApi } from '../../test-support/fake-api.ts';
import { shadowText, waitFor } from '../../test-support/wait.ts';
import { ssoNavigation } from './sso-sign-in.ts';

describe('<meldpunt-sso-sign-in> on the sign-in page', () => {
  const startUrl = location.pathname + location.search;
  const originalGo = ssoNavigation.go;
  let api: FakeConsoleApi;
  let wentTo: string[];

  beforeEach(() => {
    localStorage.setItem('meldpunt-console-language', 'nl');
    wentTo = [];
    ssoNavigation.go = (url) => void wentTo.push(url);
  });
  afterEach(() => {
    api.restore();
    ssoNavigation.go = originalGo;
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });

  async function open(path: string) {
    history.replaceState(null, '', path);
    const el = await fixture<MeldpuntConsole>(html`<meldpunt-console></meldpunt-console>`);
    await waitFor(() => el.shadowRoot!.querySelector('meldpunt-sign-in-page'), 'the sign-in page');
    const page = el.shadowRoot!.querySelector('meldpunt-sign-in-page')!;
    await waitFor(() => page.shadowRoot!.querySelector('meldpunt-sso-sign-in'), 'the SSO part');
    return { el, sso: page.shadowRoot!.querySelector('meldpunt-sso-sign-in')! };
  }

  it('offers nothing when no municipality has SSO, but says so when a sign-in came back refused', async () => {
    api = fakeConsoleApi({ ssoTenants: [] });
    const { el, sso } = await open('/console/sign-in?error=sso-failed');
    await waitFor(() => api.requests.includes('GET /auth/sso') && !shadowText(sso).includes('laden'), 'the list');
    const alert = sso.shadowRoot!.querySelector('[role="alert"]');
    expect(alert?.textContent).to.include('Inloggen via je gemeente is niet gelukt');
    expect(sso.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('chooses the municipality by keyboard and goes to its sign-in; without a choice it says what to do', async () => {
    api = fakeConsoleApi({
      ssoTenants: [
        { slug: 'almere', name: 'Almere' },
        { slug: 'dordrecht', name: 'Dordrecht' },
      ],
    });
    const { el, sso } = await open('/console/sign-in');
    await waitFor(() => sso.shadowRoot!.querySelector('wa-select wa-option'), 'the choice');
    await expect(el).to.be.accessible();

    const select = sso.shadowRoot!.querySelector<HTMLElement & { value: unknown; hint: string }>('wa-select')!;
    const button = sso.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => select.hint === 'Kies eerst je gemeente.', 'the hint that a choice is needed');
    expect(wentTo).to.deep.equal([]);
    await expect(el).to.be.accessible();

    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => select.value === 'dordrecht', 'Dordrecht chosen');
    await waitFor(() => select.hint === '', 'the hint gone');
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(wentTo).to.deep.equal(['/api/v1/auth/sso/dordrecht/start']);
  });
});
