import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { fakeConsoleApi, member, person, tenant, type FakeConsoleApi } from '../../test-support/fake-api.ts';
import { waitFor } from '../../test-support/wait.ts';
import { admin, openConsole, pageRoot } from './admin-test-support.ts';

const eva = member({
  id: '0b6f3c52-8d0e-4e43-9a4a-6a0d1c2e5f10',
  name: 'Eva Editor',
  email: 'eva@dordrecht.example',
  roles: ['editor'],
});
const bob = member({
  id: '5c4b3a29-1807-4f6e-9d5c-4b3a29180706',
  name: 'Bob Behandelaar',
  email: 'bob@dordrecht.example',
  roles: ['officer'],
});

describe('<meldpunt-members-page>', () => {
  const startUrl = location.pathname + location.search;
  let api: FakeConsoleApi;

  afterEach(async () => {
    api.restore();
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
    await setViewport({ width: 800, height: 600 });
  });

  const text = (root: ShadowRoot | Element | null) => (root?.textContent ?? '').replace(/\s+/g, ' ');

  async function openMembers(me = admin(), members = [member(), eva, bob]) {
    api = fakeConsoleApi({ me, tenants: [tenant({ roles: ['admin'] })], members: { dordrecht: members } });
    const el = await openConsole('/console/tenants/dordrecht/members');
    await waitFor(() => pageRoot(el, 'members')?.querySelector('table'), 'the members table');
    return { el, root: () => pageRoot(el, 'members')! };
  }

  it('lists the members in a table with caption and headers, the signed-in person marked, accessible', async () => {
    const { el, root } = await openMembers();
    await expect(el).to.be.accessible();
    expect(document.title).to.equal('Medewerkers · Dordrecht · Meldpunt-console');
    expect(root().querySelector('caption')!.textContent).to.include('Medewerkers van Dordrecht');
    const rows = [...root().querySelectorAll('tbody tr')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.include('Anna Admin').and.include('jij').and.include('beheerder');
    expect(rows[1]).to.include('Bob Behandelaar').and.include('behandelaar');
    expect(rows[2]).to.include('Eva Editor').and.not.include('jij');
    expect(root().querySelectorAll('th[scope="col"]')).to.have.length(4);
    expect(root().querySelectorAll('th[scope="row"]')).to.have.length(3);
    // Sorted by e-mail on request, and the URL keeps it.
    root().querySelector<HTMLButtonElement>('th[aria-sort="none"] button')!.click();
    await waitFor(() => new URLSearchParams(location.search).get('sort') === 'email', 'sorted by e-mail');
    expect(root().querySelector('tbody tr')!.textContent).to.include('anna@');
    expect(root().querySelectorAll('tbody tr')[1]!.textContent).to.include('bob@');
    // The navigation between the admin pages, this one marked.
    expect(root().querySelector('nav a[aria-current="page"]')!.textContent).to.include('Medewerkers');
  });

  it('changes a member’s roles with the keyboard only, in a dialog that explains each role', async () => {
    const { el, root } = await openMembers();
    root().querySelector<HTMLButtonElement>(`button[data-action="edit"][data-member="${eva.id}"]`)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => root().querySelector('#edit-dialog[open]') && root().querySelector('#role-analyst'),
      'the dialog',
    );
    expect(text(root().querySelector('#edit-dialog'))).to.include(
      'Ziet alleen cijfers, nooit een afzonderlijke melding.',
    );
    const editor = root().querySelector<HTMLInputElement>('#role-editor')!;
    expect(editor.checked).to.equal(true);
    expect(editor.getAttribute('aria-describedby')).to.equal('role-editor-hint');
    root().querySelector<HTMLInputElement>('#role-analyst')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // the hint is text: next comes… Cancel, then Save
    root().querySelector<HTMLButtonElement>('#edit-dialog button[type="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(root()).includes('De rollen van Eva Editor zijn gewijzigd'), 'the confirmation');
    expect(api.members['dordrecht']!.find((m) => m.id === eva.id)!.roles).to.deep.equal(['editor', 'analyst']);
    expect(api.requests).to.include(`PUT /console/tenants/dordrecht/members/${eva.id}/roles`);
    await waitFor(
      () => text(root().querySelector('tbody')).includes('redacteur, analist'),
      'the new roles in the table',
    );
    expect(root().querySelector('#edit-dialog[open]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('refuses no role and the last admin in the dialog, clearly, keeping the choice made', async () => {
    const operator = person({ platformAdmin: true, memberships: [], name: 'Olaf Operator' });
    const { el, root } = await openMembers(operator, [member(), eva]);
    root().querySelector<HTMLButtonElement>(`button[data-action="edit"][data-member="${member().id}"]`)!.click();
    await waitFor(() => root().querySelector('#role-admin'), 'the dialog');
    // Nothing chosen: said at once, nothing sent.
    root().querySelector<HTMLInputElement>('#role-admin')!.click();
    root().querySelector<HTMLButtonElement>('#edit-dialog button[type="submit"]')!.click();
    await waitFor(() => root().querySelector('#dialog-error'), 'the no-role error');
    expect(root().querySelector('#dialog-error')!.textContent).to.include('Kies minstens één rol.');
    expect(root().querySelector('#role-editor')!.getAttribute('aria-describedby')).to.include('dialog-error');
    expect(api.requests.filter((r) => r.startsWith('PUT'))).to.have.length(0);
    // Only the editor role: the server refuses (the only admin), the dialog says so and keeps the choice.
    root().querySelector<HTMLInputElement>('#role-editor')!.click();
    root().querySelector<HTMLButtonElement>('#edit-dialog button[type="submit"]')!.click();
    await waitFor(
      () => text(root().querySelector('#dialog-error')).includes('enige beheerder'),
      'the last-admin message',
    );
    const alert = root().querySelector('#dialog-error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.include('Anna Admin is de enige beheerder van dordrecht');
    expect(root().querySelector('#edit-dialog[open]')).to.exist;
    expect(root().querySelector<HTMLInputElement>('#role-editor')!.checked).to.equal(true);
    expect(root().querySelector<HTMLInputElement>('#role-admin')!.checked).to.equal(false);
    expect(api.members['dordrecht']![0]!.roles).to.deep.equal(['admin']);
    await expect(el).to.be.accessible();
  });

  it('removes a member after a confirmation naming them and saying their sessions end; the last admin stays', async () => {
    const { el, root } = await openMembers(admin(), [member(), eva]);
    root().querySelector<HTMLButtonElement>(`button[data-action="remove"][data-member="${eva.id}"]`)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root().querySelector('#remove-dialog[open] .dialog-actions'), 'the confirmation dialog');
    const dialog = text(root().querySelector('#remove-dialog'));
    expect(dialog)
      .to.include('Eva Editor (eva@dordrecht.example)')
      .and.include('alle sessies van deze persoon eindigen direct');
    await expect(el).to.be.accessible();
    root().querySelector<HTMLButtonElement>('#remove-dialog .dialog-actions .button:not(.secondary)')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(root()).includes('Eva Editor is verwijderd'), 'the confirmation');
    expect(api.members['dordrecht']!.map((m) => m.name)).to.deep.equal(['Anna Admin']);
    await waitFor(() => !text(root().querySelector('tbody')).includes('Eva'), 'the row gone');

    root().querySelector<HTMLButtonElement>(`button[data-action="remove"][data-member="${member().id}"]`)!.click();
    await waitFor(() => root().querySelector('#remove-dialog[open] .dialog-actions'), 'the dialog again');
    root().querySelector<HTMLButtonElement>('#remove-dialog .dialog-actions .button:not(.secondary)')!.click();
    await waitFor(() => text(root().querySelector('#dialog-error')).includes('enige beheerder'), 'refused');
    expect(api.members['dordrecht']).to.have.length(1);
  });

  it('changing one’s own roles ends one’s own session: the console goes to sign-in', async () => {
    const { el, root } = await openMembers(admin(), [member(), member({ ...eva, roles: ['admin'] })]);
    root().querySelector<HTMLButtonElement>(`button[data-action="edit"][data-member="${member().id}"]`)!.click();
    await waitFor(() => root().querySelector('#role-editor'), 'the dialog');
    expect(text(root().querySelector('#edit-dialog'))).to.include('Dit zijn je eigen rollen');
    root().querySelector<HTMLInputElement>('#role-editor')!.click();
    root().querySelector<HTMLButtonElement>('#edit-dialog button[type="submit"]')!.click();
    await waitFor(() => location.pathname === '/console/sign-in', 'the sign-in page');
    expect(el.shadowRoot!.querySelector('meldpunt-members-page')).to.equal(null);
  });

  it('is not found for a member without the admin role; reflows at 320 px without sideways scrolling', async () => {
    api = fakeConsoleApi({ me: person(), tenants: [tenant()], members: { dordrecht: [member(), eva] } });
    const el = await openConsole('/console/tenants/dordrecht/members');
    await waitFor(() => text(pageRoot(el, 'members')).includes('Pagina niet gevonden'), 'not found');
    expect(api.requests.some((r) => r.includes('/members'))).to.equal(false);
    api.restore();

    await setViewport({ width: 320, height: 640 });
    const { el: wide } = await openMembers();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(wide.scrollWidth).to.be.at.most(320);
  });
});
