import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fakeConsoleApi, invitation, person, tenant, type FakeConsoleApi } from '../../test-support/fake-api.ts';
import { waitFor } from '../../test-support/wait.ts';
import { admin, openConsole, pageRoot } from './admin-test-support.ts';

const text = (node: ShadowRoot | Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ');

describe('<meldpunt-invitations-page>', () => {
  const startUrl = location.pathname + location.search;
  let api: FakeConsoleApi;

  afterEach(() => {
    api.restore();
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });

  async function openInvitations(invitations = [invitation()], me = admin()) {
    api = fakeConsoleApi({ me, tenants: [tenant({ roles: ['admin'] })], invitations: { dordrecht: invitations } });
    const el = await openConsole('/console/tenants/dordrecht/invitations');
    await waitFor(() => pageRoot(el, 'invitations')?.querySelector('form'), 'the invitations page');
    await waitFor(() => !text(pageRoot(el, 'invitations')).includes('Even laden'), 'the list');
    return { el, root: () => pageRoot(el, 'invitations')! };
  }

  it('lists open invitations with their expiry in words and as a date, expired ones marked; accessible', async () => {
    const { el, root } = await openInvitations([
      invitation({ email: 'nieuw@dordrecht.example' }, 50 * 3600_000),
      invitation({ id: crypto.randomUUID(), email: 'laat@dordrecht.example' }, -3600_000),
    ]);
    await expect(el).to.be.accessible();
    expect(document.title).to.equal('Uitnodigingen · Dordrecht · Meldpunt-console');
    const rows = [...root().querySelectorAll('tbody tr')].map((r) => text(r));
    expect(rows[0]).to.include('nieuw@dordrecht.example').and.include('redacteur').and.include('over 2 dagen');
    expect(rows[0]).to.match(/\(\d+ \w+\.? 2026, \d\d:\d\d\)/);
    expect(rows[1]).to.include('Verlopen op');
    expect(text(root())).to.include('Verlopen uitnodigingen werken niet meer');
    expect(root().querySelector('time')!.getAttribute('datetime')).to.match(/^2026-|^20\d\d-/);
  });

  it('invites with the keyboard only: a wrong address is said beside the field and keeps what was typed', async () => {
    const { el, root } = await openInvitations([]);
    expect(text(root())).to.include('Er staan geen uitnodigingen open.');
    root().querySelector<HTMLInputElement>('#invite-email')!.focus();
    await sendKeys({ type: 'Nieuwe.Collega@dordrecht' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root().querySelector('#invite-email-error'), 'the address error');
    const input = root().querySelector<HTMLInputElement>('#invite-email')!;
    expect(text(root().querySelector('#invite-email-error'))).to.include('naam@gemeente.nl');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('invite-email-hint invite-email-error');
    expect(input.value).to.equal('Nieuwe.Collega@dordrecht');
    expect(root().activeElement).to.equal(input);
    expect(text(root().querySelector('#roles-error'))).to.include('Kies minstens één rol.');
    await expect(el).to.be.accessible();
    expect(api.requests.filter((r) => r.startsWith('POST'))).to.have.length(0);

    await sendKeys({ type: '.nl' });
    root().querySelector<HTMLInputElement>('#role-officer')!.focus();
    await sendKeys({ press: 'Space' });
    root().querySelector<HTMLButtonElement>('form button[type="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(root()).includes('De e-mail met de link is onderweg'), 'the confirmation');
    expect(text(root().querySelector('[role="status"]'))).to.include('nieuwe.collega@dordrecht.nl');
    expect(api.invitations['dordrecht']!.map((i) => [i.email, i.roles])).to.deep.equal([
      ['nieuwe.collega@dordrecht.nl', ['officer']],
    ]);
    await waitFor(() => text(root().querySelector('tbody')).includes('nieuwe.collega@dordrecht.nl'), 'listed');
    expect(root().querySelector<HTMLInputElement>('#invite-email')!.value).to.equal('');
  });

  it('puts the server’s refusal beside the field, and a failure above the button, losing nothing typed', async () => {
    const { root } = await openInvitations([]);
    const input = root().querySelector<HTMLInputElement>('#invite-email')!;
    input.value = 'iemand@dordrecht.nl';
    input.dispatchEvent(new Event('input'));
    root().querySelector<HTMLInputElement>('#role-analyst')!.click();
    api.failNext['POST /console/tenants/dordrecht/invitations'] = () =>
      Response.json(
        {
          type: 'https://meldpunt.dev/problems/validation',
          title: 'Invalid fields',
          status: 422,
          errors: [{ path: '/email', message: 'Use an e-mail address like naam@gemeente.nl' }],
        },
        { status: 422, headers: { 'content-type': 'application/problem+json' } },
      );
    root().querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await waitFor(() => root().querySelector('#invite-email-error'), 'the field error');
    expect(text(root().querySelector('#invite-email-error'))).to.include('naam@gemeente.nl');
    expect(root().querySelector<HTMLInputElement>('#invite-email')!.value).to.equal('iemand@dordrecht.nl');
    expect(root().querySelector<HTMLInputElement>('#role-analyst')!.checked).to.equal(true);

    api.failNext['POST /console/tenants/dordrecht/invitations'] = () => Promise.reject(new TypeError('offline'));
    root().querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await waitFor(() => text(root().querySelector('[role="alert"]')).includes('niet verstuurd'), 'the failure');
    expect(root().querySelector<HTMLInputElement>('#invite-email')!.value).to.equal('iemand@dordrecht.nl');
    expect(root().querySelector<HTMLInputElement>('#role-analyst')!.checked).to.equal(true);
  });

  it('withdraws an invitation after a confirmation naming the address, with the keyboard', async () => {
    const open = invitation();
    const { el, root } = await openInvitations([open]);
    root().querySelector<HTMLButtonElement>(`button[data-invitation="${open.id}"]`)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root().querySelector('#withdraw-dialog[open] .dialog-actions'), 'the dialog');
    expect(text(root().querySelector('#withdraw-dialog'))).to.include('nieuw@dordrecht.example werkt daarna niet meer');
    await expect(el).to.be.accessible();
    root().querySelector<HTMLButtonElement>('#withdraw-dialog .dialog-actions .button:not(.secondary)')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(root()).includes('is ingetrokken'), 'withdrawn');
    expect(api.invitations['dordrecht']).to.deep.equal([]);
    expect(api.requests).to.include(`DELETE /console/tenants/dordrecht/invitations/${open.id}`);
  });

  it('the platform operator may invite; an editor finds nothing here', async () => {
    const operator = person({ platformAdmin: true, memberships: [], name: 'Olaf Operator' });
    const { root } = await openInvitations([invitation()], operator);
    expect(text(root().querySelector('tbody'))).to.include('nieuw@dordrecht.example');
    api.restore();
    api = fakeConsoleApi({ me: person(), tenants: [tenant()] });
    const el = await openConsole('/console/tenants/dordrecht/invitations');
    await waitFor(() => text(pageRoot(el, 'invitations')).includes('Pagina niet gevonden'), 'not found');
    expect(api.requests.some((r) => r.includes('/invitations'))).to.equal(false);
  });
});
