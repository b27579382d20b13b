import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AuditEntryView, AuditVerification } from '@meldpunt/contracts';
import { auditActions } from '@meldpunt/contracts/audit-actions';
import {
  auditEntry,
  fakeConsoleApi,
  member,
  person,
  tenant,
  type FakeConsoleApi,
} from '../../test-support/fake-api.ts';
import { waitFor } from '../../test-support/wait.ts';
import { admin, openConsole, pageRoot } from './admin-test-support.ts';

const text = (node: ShadowRoot | Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ');
const evaId = '0b6f3c52-8d0e-4e43-9a4a-6a0d1c2e5f10';
const anna = member();

/** A chain as the service writes it: sign-ins, a role change, an invitation, a removal by someone since deleted. */
function chain(): AuditEntryView[] {
  return [
    auditEntry({ sequence: 1 }),
    auditEntry({
      sequence: 2,
      action: 'membership.roles-changed',
      target: { kind: 'staff', id: evaId },
      details: { before: ['editor'], after: ['editor', 'analyst'] },
    }),
    auditEntry({
      sequence: 3,
      action: 'invitation.created',
      target: { kind: 'invitation', id: crypto.randomUUID() },
      details: { roles: ['officer'] },
    }),
    auditEntry({
      sequence: 4,
      actor: { kind: 'staff', id: crypto.randomUUID() },
      action: 'auth.signed-out',
      details: { everywhere: true },
    }),
    auditEntry({
      sequence: 5,
      actor: null,
      action: 'auth.sign-in-failed',
      target: null,
      details: { method: 'sso', reason: 'no-membership' },
    }),
  ];
}

describe('<meldpunt-audit-page>', () => {
  const startUrl = location.pathname + location.search;
  let api: FakeConsoleApi;

  afterEach(() => {
    api.restore();
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });

  async function openAudit(
    entries = chain(),
    path = '/console/tenants/dordrecht/audit',
    verification?: AuditVerification,
  ) {
    api = fakeConsoleApi({
      me: admin(),
      tenants: [tenant({ roles: ['admin'] })],
      audit: { dordrecht: entries },
      people: {
        [anna.id]: { name: anna.name, email: anna.email },
        [evaId]: { name: 'Eva Editor', email: 'eva@dordrecht.example' },
      },
      ...(verification ? { verification } : {}),
    });
    const el = await openConsole(path);
    await waitFor(
      () =>
        pageRoot(el, 'audit')?.querySelector('table') || text(pageRoot(el, 'audit')).includes('Geen gebeurtenissen'),
      'the log',
    );
    return { el, root: () => pageRoot(el, 'audit')! };
  }

  it('shows each entry as words — when, who, what, details — newest first, the chain checked; accessible', async () => {
    const { el, root } = await openAudit();
    await waitFor(() => text(root()).includes('gecontroleerd'), 'the verification');
    await expect(el).to.be.accessible();
    expect(document.title).to.equal('Logboek · Dordrecht · Meldpunt-console');
    const rows = [...root().querySelectorAll('tbody tr')].map((r) => text(r));
    expect(rows).to.have.length(5);
    expect(rows[0])
      .to.include('Niemand bekend')
      .and.include('Inloggen mislukt')
      .and.include('via inloggen via de gemeente');
    expect(rows[1]).to.include('Voormalige medewerker').and.include('Uitgelogd').and.include('op alle apparaten');
    expect(rows[2]).to.include('Anna Admin').and.include('Iemand uitgenodigd').and.include('rollen: behandelaar');
    expect(rows[3])
      .to.include('Rollen gewijzigd')
      .and.include('medewerker: Eva Editor')
      .and.include('van redacteur naar redacteur, analist');
    expect(rows[4]).to.include('anna@dordrecht.example').and.include('Ingelogd').and.include('via passkey');
    expect(text(root())).not.to.include('{');
    expect(root().querySelector('time')!.getAttribute('datetime')).to.equal(chain()[4]!.occurredAt);
    expect(text(root())).to.include('5 regels, niets gewijzigd of verwijderd').and.include('begin van het logboek');
    const links = [...root().querySelectorAll<HTMLAnchorElement>('a[download]')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal([
      '/api/v1/console/tenants/dordrecht/audit/export?format=csv',
      '/api/v1/console/tenants/dordrecht/audit/export?format=jsonl',
    ]);
  });

  /** Entries of the actions added after the first audit page: single sign-on, demo status, a contacts export. */
  function laterActions(): AuditEntryView[] {
    const tenantTarget = { kind: 'tenant', id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' };
    return [
      auditEntry({
        sequence: 1,
        action: 'sso.configured',
        target: tenantTarget,
        details: { enabled: true, allowedDomains: 3, secretChanged: true },
      }),
      auditEntry({
        sequence: 2,
        actor: { kind: 'staff', id: evaId },
        action: 'sso.identity-bound',
        target: { kind: 'staff', id: evaId },
        details: { by: 'invitation' },
      }),
      auditEntry({
        sequence: 3,
        actor: { kind: 'cli' },
        action: 'tenant.demo-changed',
        target: tenantTarget,
        details: { demo: false },
      }),
      auditEntry({ sequence: 4, action: 'contacts.exported', target: tenantTarget, details: { reports: 12 } }),
      auditEntry({ sequence: 5, action: 'passkey.added', target: { kind: 'passkey', id: 'cred-1' }, details: {} }),
    ];
  }

  it('says every action of the shared list in words, in the log and in the filter, Dutch and English; accessible', async () => {
    const { el, root } = await openAudit(laterActions());
    await waitFor(() => text(root()).includes('gecontroleerd'), 'the verification');
    await expect(el).to.be.accessible();
    const rows = [...root().querySelectorAll('tbody tr')].map((r) => text(r));
    expect(rows[0]).to.include('Passkey toegevoegd').and.include('Anna Admin');
    expect(rows[1])
      .to.include('Contactgegevens van melders geëxporteerd')
      .and.include('de contactgegevens van 12 meldingen geopend in een export');
    expect(rows[2])
      .to.include('Een platformbeheerder (opdrachtregel)')
      .and.include('Demostatus gewijzigd')
      .and.include('de gemeente is geen demo meer');
    expect(rows[3])
      .to.include('Gekoppeld aan het inlogsysteem van de gemeente')
      .and.include('medewerker: Eva Editor')
      .and.include('bij de eerste keer inloggen, via een uitnodiging');
    expect(rows[4])
      .to.include('Inloggen via de gemeente ingesteld')
      .and.include('aangeboden aan medewerkers; 3 e-maildomeinen; nieuw geheim');
    expect(text(root())).not.to.match(/Gebeurtenis [a-z]|admin\.audit|\{\{/);

    const options = [...root().querySelectorAll<HTMLOptionElement>('#action option')];
    expect(options.map((o) => o.value)).to.deep.equal(['', ...auditActions]);
    for (const option of options.slice(1)) {
      expect(text(option).trim(), option.value).to.have.length.above(0).and.not.include('.');
    }
    expect(options.find((o) => o.value === 'sso.removed')!.textContent).to.include(
      'Inloggen via de gemeente verwijderd',
    );

    el.shadowRoot!.querySelector<HTMLButtonElement>('header button[lang="en"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(root()).includes('Demo status changed'), 'English');
    const englishRows = [...root().querySelectorAll('tbody tr')].map((r) => text(r));
    expect(englishRows[1]).to.include('opened the contact details of 12 reports in an export');
    expect(englishRows[2]).to.include('the municipality is no longer a demo');
    expect(englishRows[4])
      .to.include('Single sign-on set up')
      .and.include('offered to staff; 3 e-mail domains; new secret');
    await expect(el).to.be.accessible();
  });

  /** Entries of issue 13: the configuration console, the logo, the private settings and the test delivery. */
  function configurationActions(): AuditEntryView[] {
    const tenantTarget = { kind: 'tenant', id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' };
    return [
      auditEntry({
        sequence: 1,
        action: 'config.draft-saved',
        target: tenantTarget,
        details: { revision: 4, fields: ['branding', 'followUp'] },
      }),
      auditEntry({
        sequence: 2,
        action: 'config.published',
        target: tenantTarget,
        details: { version: 7, noteLength: 12 },
      }),
      auditEntry({
        sequence: 3,
        action: 'config.restored',
        target: tenantTarget,
        details: { version: 8, fromVersion: 6, noteLength: 0 },
      }),
      auditEntry({
        sequence: 4,
        action: 'logo.uploaded',
        target: tenantTarget,
        details: { bytes: 20_480, width: 400, height: 120 },
      }),
      auditEntry({
        sequence: 5,
        action: 'settings.changed',
        target: tenantTarget,
        details: { groups: ['email', 'webhook'], origins: 2, recipients: 1, pgpKeys: 1, webhook: true },
      }),
      auditEntry({ sequence: 6, action: 'webhook-secret.rotated', target: tenantTarget, details: { first: false } }),
      auditEntry({ sequence: 7, action: 'delivery.tested', target: tenantTarget, details: { emails: 2, webhooks: 1 } }),
    ];
  }

  it('says the configuration console’s and the settings’ entries with their details in words, Dutch and English', async () => {
    const { el, root } = await openAudit(configurationActions());
    await waitFor(() => text(root()).includes('gecontroleerd'), 'the verification');
    await expect(el).to.be.accessible();
    const rows = [...root().querySelectorAll('tbody tr')].map((r) => text(r));
    expect(rows[0]).to.include('Testlevering verstuurd').and.include('2 e-mail, 1 webhook');
    expect(rows[1]).to.include('Nieuw webhookgeheim gemaakt').and.include('het oude werkt niet meer');
    expect(rows[2])
      .to.include('Privé-instellingen gewijzigd')
      .and.include(
        'gewijzigd: e-mailontvangers, webhook; 2 sites met het formulier; 1 e-mailontvanger; 1 met PGP-sleutel; met webhook',
      );
    expect(rows[3]).to.include('Logo geüpload').and.include('400 × 120 pixels, 20 kB');
    expect(rows[4])
      .to.include('Eerdere versie van het meldformulier opnieuw gepubliceerd')
      .and.include('versie 6 opnieuw gepubliceerd als versie 8')
      .and.not.include('notitie');
    expect(rows[5]).to.include('Meldformulier gepubliceerd').and.include('versie 7; met een notitie');
    expect(rows[6])
      .to.include('Concept van het meldformulier bewaard')
      .and.include('conceptversie 4; onderdelen: huisstijl, opvolging en reactie');
    expect(text(root())).not.to.match(/Gebeurtenis [a-z]|admin\.audit|\{\{/);

    el.shadowRoot!.querySelector<HTMLButtonElement>('header button[lang="en"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(root()).includes('parts: branding'), 'English');
    const englishRows = [...root().querySelectorAll('tbody tr')].map((r) => text(r));
    expect(englishRows[2]).to.include(
      'changed: e-mail recipients, webhook; 2 embed sites; 1 e-mail recipient; 1 with a PGP key; with a webhook',
    );
    expect(englishRows[4]).to.include('version 6 published again as version 8');
    expect(englishRows[6]).to.include('draft revision 4; parts: branding, follow-up and response');
    await expect(el).to.be.accessible();
  });

  /** Entries of the back office (issue 14): handling, notes, a retry, views, a reveal, a figures export. */
  function backofficeActions(): AuditEntryView[] {
    const reportTarget = { kind: 'report', id: crypto.randomUUID() };
    const viewTarget = { kind: 'saved-view', id: crypto.randomUUID() };
    return [
      auditEntry({
        sequence: 1,
        action: 'report.updated',
        target: reportTarget,
        details: { status: 'referred', referredTo: 'slachtofferhulp' },
      }),
      auditEntry({
        sequence: 2,
        action: 'report.updated',
        target: reportTarget,
        details: { status: 'closed', closingReason: 'handled', assigneeId: evaId },
      }),
      auditEntry({ sequence: 3, action: 'report.updated', target: reportTarget, details: { assigneeId: null } }),
      auditEntry({ sequence: 4, action: 'report.note-added', target: reportTarget, details: { length: 42 } }),
      auditEntry({
        sequence: 5,
        action: 'delivery.retried',
        target: reportTarget,
        details: { deliveryId: crypto.randomUUID(), channel: 'webhook' },
      }),
      auditEntry({ sequence: 6, action: 'view.saved', target: viewTarget, details: {} }),
      auditEntry({ sequence: 7, action: 'view.deleted', target: viewTarget, details: {} }),
      auditEntry({
        sequence: 8,
        action: 'contact.revealed',
        target: reportTarget,
        details: { reason: 'safety-concern' },
      }),
      auditEntry({
        sequence: 9,
        action: 'export.created',
        target: { kind: 'tenant', id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' },
        details: { of: 'figures', format: 'csv', rows: 31 },
      }),
    ];
  }

  it('says the back office’s entries with their details in words (never content), Dutch and English', async () => {
    const { el, root } = await openAudit(backofficeActions());
    await waitFor(() => text(root()).includes('gecontroleerd'), 'the verification');
    await expect(el).to.be.accessible();
    const rows = [...root().querySelectorAll('tbody tr')].map((r) => text(r));
    expect(rows[0]).to.include('cijfers als csv, 31 regels');
    expect(rows[1]).to.include('reden: zorg om iemands veiligheid');
    expect(rows[2]).to.include('een weergave van het team');
    expect(rows[3]).to.include('een weergave van het team');
    expect(rows[4]).to.include('per webhook');
    expect(rows[5]).to.include('een notitie van 42 tekens');
    expect(rows[6]).to.include('niet langer toegewezen');
    expect(rows[7]).to.include('status: afgesloten; reden van afsluiten: afgehandeld; toegewezen aan een medewerker');
    expect(rows[8]).to.include('status: doorverwezen; doorverwezen naar: Slachtofferhulp Nederland');
    expect(text(root())).not.to.match(/Gebeurtenis [a-z]|admin\.audit|\{\{/);

    el.shadowRoot!.querySelector<HTMLButtonElement>('header button[lang="en"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(root()).includes('reason: concern for someone’s safety'), 'English');
    const englishRows = [...root().querySelectorAll('tbody tr')].map((r) => text(r));
    expect(englishRows[0]).to.include('figures as csv, 31 lines');
    expect(englishRows[7]).to.include('status: closed; reason for closing: handled; assigned to an officer');
  });

  it('pages to older entries by the cursor, and filters by one kind of event in the URL', async () => {
    const many = Array.from({ length: 60 }, (_, i) => auditEntry({ sequence: i + 1 }));
    many[4] = auditEntry({
      sequence: 5,
      action: 'membership.removed',
      target: { kind: 'staff', id: evaId },
      details: { roles: ['editor'] },
    });
    const { root } = await openAudit(many);
    expect(root().querySelectorAll('tbody tr')).to.have.length(50);
    const older = [...root().querySelectorAll('button')].find((b) => text(b).includes('Oudere gebeurtenissen'))!;
    older.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root().querySelectorAll('tbody tr').length === 60, 'the older page below');
    expect(api.requests).to.include('GET /console/tenants/dordrecht/audit?before=11');
    expect(text(root())).to.include('60 gebeurtenissen getoond').and.include('begin van het logboek');

    const select = root().querySelector<HTMLSelectElement>('#action')!;
    select.focus();
    select.value = 'membership.removed';
    select.dispatchEvent(new Event('change'));
    root().querySelector<HTMLButtonElement>('form.toolbar button[type="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => new URLSearchParams(location.search).get('action') === 'membership.removed', 'the URL');
    await waitFor(
      () => pageRoot(document.querySelector('meldpunt-console')!, 'audit')?.querySelectorAll('tbody tr').length === 1,
      'one entry',
    );
    const filtered = pageRoot(document.querySelector('meldpunt-console')!, 'audit')!;
    expect(text(filtered.querySelector('tbody')))
      .to.include('Medewerker verwijderd')
      .and.include('Eva Editor');
    expect(api.requests).to.include('GET /console/tenants/dordrecht/audit?action=membership.removed');
    expect(filtered.querySelector<HTMLSelectElement>('#action')!.value).to.equal('membership.removed');
  });

  it('says clearly when the chain no longer adds up, and when a kind of event has no entries', async () => {
    const broken = {
      intact: false,
      entries: 5,
      headSequence: 5,
      problems: [{ sequence: 2, kind: 'changed' as const }],
      checkedAt: new Date().toISOString(),
    };
    const { el, root } = await openAudit(chain(), '/console/tenants/dordrecht/audit?action=config.published', broken);
    expect(text(root())).to.include('Geen gebeurtenissen van deze soort.');
    await waitFor(() => text(root().querySelector('[role="alert"]')).includes('vanaf regel 2'), 'the warning');
    await expect(el).to.be.accessible();
  });

  it('is not found for the platform operator (a tenant’s log is its admins’ alone), and asks nothing', async () => {
    api = fakeConsoleApi({ me: person({ platformAdmin: true, memberships: [] }), tenants: [tenant({ roles: [] })] });
    const el = await openConsole('/console/tenants/dordrecht/audit');
    await waitFor(() => text(pageRoot(el, 'audit')).includes('Pagina niet gevonden'), 'not found');
    expect(api.requests.some((r) => r.includes('/audit'))).to.equal(false);
  });
});
