import { expect, fixture, html } from '@open-wc/testing';
import '../../meldpunt-console.ts';
import type { MeldpuntConsole } from '../../meldpunt-console.ts';
import { fakeAuthenticator, fakeConsoleApi, person, type FakeConsoleApi } from '../../test-support/fake-api.ts';
import { shadowText, waitFor } from '../../test-support/wait.ts';

const passkeys = [
  {
    id: 'a6f1c0de-0000-4000-8000-000000000001',
    label: 'Laptop',
    createdAt: '2026-11-01T09:00:00Z',
    lastUsedAt: '2026-12-01T08:00:00Z',
  },
  { id: 'a6f1c0de-0000-4000-8000-000000000002', label: 'Phone', createdAt: '2026-11-02T09:00:00Z', lastUsedAt: null },
];

const accountPage = (el: MeldpuntConsole) => el.shadowRoot!.querySelector('meldpunt-account-page');
const dialog = (el: MeldpuntConsole) =>
  accountPage(el)!.shadowRoot!.querySelector<HTMLElement & { open: boolean }>('wa-dialog#confirm-remove')!;

describe('<meldpunt-account-page>: my passkeys', () => {
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

  async function open(): Promise<MeldpuntConsole> {
    history.replaceState(null, '', '/console/account');
    const el = await fixture<MeldpuntConsole>(html`<meldpunt-console></meldpunt-console>`);
    await waitFor(() => shadowText(accountPage(el)).includes('Laptop'), 'the passkeys');
    return el;
  }

  const removeButtons = (el: MeldpuntConsole) => [
    ...accountPage(el)!.shadowRoot!.querySelectorAll<HTMLButtonElement>('.passkeys button'),
  ];

  it('lists the passkeys with label, created and last used, accessible', async () => {
    api = fakeConsoleApi({ me: person(), passkeys: [...passkeys] });
    const el = await open();
    const text = shadowText(accountPage(el));
    expect(text).to.include('Phone');
    expect(text).to.include('Not used to sign in yet');
    expect(text).to.include('Last used on');
    expect(removeButtons(el).map((b) => b.textContent?.trim())).to.deep.equal(['Remove Laptop', 'Remove Phone']);
    expect(document.title).to.equal('My passkeys · Meldpunt console');
    await expect(el).to.be.accessible();
  });

  it('removes a passkey after confirming in a dialog; cancelling keeps it', async () => {
    api = fakeConsoleApi({ me: person(), passkeys: [...passkeys] });
    const el = await open();
    removeButtons(el)[0]!.click();
    await waitFor(() => dialog(el).open, 'the confirmation');
    expect(shadowText(dialog(el)) + (dialog(el).textContent ?? '')).to.include('Laptop');
    await expect(el).to.be.accessible();
    dialog(el).querySelector<HTMLElement>('wa-button[variant="danger"]')!.click();
    await waitFor(() => {
      const text = shadowText(accountPage(el));
      return !text.includes('Remove Laptop') && text.includes('Remove Phone');
    }, 'the list without it');
    expect(api.requests).to.include(`DELETE /auth/passkeys/${passkeys[0]!.id}`);
    expect(shadowText(accountPage(el))).to.include('was removed');

    removeButtons(el)[0]!.click();
    await waitFor(() => dialog(el).open, 'the confirmation again');
    dialog(el).querySelector<HTMLElement>('wa-button[appearance="outlined"]')!.click();
    await waitFor(() => !dialog(el).open, 'closed');
    expect(api.requests.filter((r) => r.startsWith('DELETE'))).to.have.length(1);
  });

  it('the last passkey stays: the service refuses and the page says why', async () => {
    api = fakeConsoleApi({ me: person(), passkeys: [passkeys[0]!] });
    const el = await open();
    removeButtons(el)[0]!.click();
    await waitFor(() => dialog(el).open, 'the confirmation');
    dialog(el).querySelector<HTMLElement>('wa-button[variant="danger"]')!.click();
    await waitFor(() => shadowText(accountPage(el)).includes('last passkey'), 'the refusal');
    expect(shadowText(accountPage(el))).to.include('Laptop');
  });

  it('removing the passkey this session was signed in with ends it: sign-in, saying why', async () => {
    api = fakeConsoleApi({ me: person(), passkeys: [...passkeys], signedInWith: passkeys[1]!.id });
    const el = await open();
    removeButtons(el)[1]!.click();
    await waitFor(() => dialog(el).open, 'the confirmation');
    dialog(el).querySelector<HTMLElement>('wa-button[variant="danger"]')!.click();
    const signIn = () => el.shadowRoot!.querySelector('meldpunt-sign-in-page');
    await waitFor(() => shadowText(signIn()).includes('removed the passkey you signed in with'), 'the sign-in page');
    expect(location.pathname).to.equal('/console/sign-in');
    expect(api.requests).to.include(`DELETE /auth/passkeys/${passkeys[1]!.id}`);
    expect(accountPage(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('adds a passkey with a label; a cancel keeps the label typed', async () => {
    restoreAuthenticator = fakeAuthenticator({ failWith: 'NotAllowedError' });
    api = fakeConsoleApi({ me: person(), passkeys: [passkeys[0]!] });
    const el = await open();
    const root = accountPage(el)!.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>('#label')!;
    input.value = 'Security key';
    input.dispatchEvent(new Event('input'));
    root.querySelector<HTMLButtonElement>('#add')!.click();
    await waitFor(() => shadowText(accountPage(el)).includes('cancelled'), 'the cancel message');
    expect(root.querySelector<HTMLInputElement>('#label')!.value).to.equal('Security key');

    restoreAuthenticator();
    restoreAuthenticator = fakeAuthenticator();
    root.querySelector<HTMLButtonElement>('#add')!.click();
    await waitFor(() => shadowText(accountPage(el)).includes('Remove Security key'), 'the new passkey');
    expect(shadowText(accountPage(el))).to.include('was added');
  });
});
