import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../meldpunt-console.ts';
import type { MeldpuntConsole } from '../meldpunt-console.ts';
import { fakeConsoleApi, person, tenant, type FakeConsoleApi } from '../test-support/fake-api.ts';
import { shadowText, waitFor } from '../test-support/wait.ts';

/** The guard inside the console, once signed-in parts have loaded. */
const guard = (el: MeldpuntConsole) => el.shadowRoot!.querySelector('meldpunt-session-guard');
const dialog = (el: MeldpuntConsole, id: string) =>
  guard(el)?.shadowRoot?.querySelector<HTMLElement & { open: boolean }>(`wa-dialog#${id}`);

describe('<meldpunt-session-guard> in the console', () => {
  const startUrl = location.pathname + location.search;
  let api: FakeConsoleApi;

  beforeEach(() => localStorage.setItem('meldpunt-console-language', 'nl'));
  afterEach(() => {
    api.restore();
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });

  async function open(path: string): Promise<MeldpuntConsole> {
    history.replaceState(null, '', path);
    return fixture<MeldpuntConsole>(html`<meldpunt-console></meldpunt-console>`);
  }

  it('warns two minutes before the session ends, and "stay signed in" renews it without touching the page', async () => {
    api = fakeConsoleApi({ me: person({}, 90_000), tenants: [tenant()] });
    const el = await open('/console/tenants/dordrecht/configuration');
    await waitFor(() => el.shadowRoot!.querySelector('meldpunt-configuration-page'), 'the page');
    const pageBefore = el.shadowRoot!.querySelector('meldpunt-configuration-page');
    await waitFor(() => dialog(el, 'warning')?.open, 'the warning');
    expect(api.requests).to.include('GET /auth/me?passive=1');
    expect(shadowText(guard(el))).to.match(/over \d+ seconden uitgelogd/);
    await expect(el).to.be.accessible();
    const stay = [...guard(el)!.shadowRoot!.querySelectorAll('wa-button')].find((b) =>
      b.textContent?.includes('Ingelogd blijven'),
    )!;
    stay.click();
    await waitFor(() => !dialog(el, 'warning')?.open, 'the warning closes');
    expect(api.requests).to.include('POST /auth/session');
    expect(el.shadowRoot!.querySelector('meldpunt-configuration-page')).to.equal(pageBefore);
  });

  it('after the session ended, says so and offers to sign in again, coming back to the same page', async () => {
    api = fakeConsoleApi({ me: person({}, 1_000), tenants: [tenant()] });
    const el = await open('/console/tenants/dordrecht');
    await waitFor(() => guard(el), 'the guard');
    api.me = null; // the server ended the session
    await waitFor(() => dialog(el, 'expired')?.open, 'the expiry message');
    await expect(el).to.be.accessible();
    const again = guard(el)!.shadowRoot!.querySelector<HTMLElement>('wa-dialog#expired wa-button')!;
    again.click();
    await waitFor(() => location.pathname === '/console/sign-in', 'the sign-in page');
    expect(new URLSearchParams(location.search).get('next')).to.equal('/console/tenants/dordrecht');
    await waitFor(
      () => shadowText(el.shadowRoot!.querySelector('meldpunt-sign-in-page')).includes('automatisch uitgelogd'),
      'why',
    );
  });

  it('signs out from the account menu', async () => {
    api = fakeConsoleApi({ me: person(), tenants: [tenant(), tenant({ slug: 'almere', name: 'Almere' })] });
    const el = await open('/console/tenants');
    const menu = () => el.shadowRoot!.querySelector('meldpunt-account-menu');
    await waitFor(() => menu()?.shadowRoot?.querySelector('button[slot="trigger"]'), 'the account menu');
    await expect(el).to.be.accessible();
    // The dropdown's code loads on the first click (not with the page); then it opens.
    expect(customElements.get('wa-dropdown')).to.equal(undefined);
    menu()!.shadowRoot!.querySelector<HTMLButtonElement>('button[slot="trigger"]')!.click();
    await waitFor(
      () => menu()!.shadowRoot!.querySelector<HTMLElement & { open?: boolean }>('wa-dropdown')?.open,
      'the menu opens',
    );
    await expect(el).to.be.accessible();
    menu()!.shadowRoot!.querySelector<HTMLElement>('wa-dropdown-item[value="sign-out"]')!.click();
    await waitFor(() => location.pathname === '/console/sign-in', 'the sign-in page');
    expect(api.requests).to.include('POST /auth/sign-out');
    await waitFor(
      () => shadowText(el.shadowRoot!.querySelector('meldpunt-sign-in-page')).includes('Je bent uitgelogd'),
      'the notice',
    );
  });

  it('the account menu opens from the keyboard, its code loaded on the way, and the arrow keys reach its items', async () => {
    api = fakeConsoleApi({ me: person(), tenants: [tenant()] });
    const el = await open('/console/tenants');
    const menu = () => el.shadowRoot!.querySelector('meldpunt-account-menu')!;
    await waitFor(() => menu()?.shadowRoot?.querySelector('button[slot="trigger"]'), 'the account menu');
    menu().shadowRoot!.querySelector<HTMLButtonElement>('button[slot="trigger"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => menu().shadowRoot!.querySelector<HTMLElement & { open?: boolean }>('wa-dropdown')?.open,
      'the menu opens',
    );
    const focusedItem = () => {
      let node: Element | null = document.activeElement;
      while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
      return node?.closest('wa-dropdown-item')?.getAttribute('value') ?? node?.tagName.toLowerCase();
    };
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => focusedItem() === 'account' || focusedItem() === 'sign-out', 'an item has the focus');
    await sendKeys({ press: 'Escape' });
    await waitFor(
      () => !menu().shadowRoot!.querySelector<HTMLElement & { open?: boolean }>('wa-dropdown')?.open,
      'the menu closes',
    );
  });
});
