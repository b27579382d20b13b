import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Me, ReportDetail } from '@meldpunt/contracts';
import { fakeConsoleApi, person, tenant, tenantConfig, type FakeConsoleApi } from '../../test-support/fake-api.ts';
import { fakeBackoffice, reportDetail, type FakeBackoffice } from '../../test-support/fake-backoffice.ts';
import { waitFor } from '../../test-support/wait.ts';
import { openConsole, pageRoot } from '../admin/admin-test-support.ts';

const text = (node: ShadowRoot | Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ');

const olga = { id: '6c2d8e4f-1a3b-4c5d-8e9f-0a1b2c3d4e5f', name: 'Olga Officier' };
const piet = { id: '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a', name: 'Piet Politie' };

/** Olga, officer of Dordrecht. */
const officer = (): Me =>
  person({
    ...olga,
    email: 'olga@dordrecht.example',
    memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles: ['officer'] }],
  });

const failedDelivery = {
  id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  channel: 'webhook' as const,
  target: 'https://oov.dordrecht.example/hook',
  status: 'failed' as const,
  attempts: 8,
  nextAttemptAt: null,
  lastError: 'HTTP 503',
  sentAt: null,
};

describe('<meldpunt-report-page>', () => {
  const startUrl = location.pathname + location.search;
  let api: FakeConsoleApi;
  let office: FakeBackoffice;

  afterEach(() => {
    api.restore();
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });

  async function openReport(overrides: Partial<ReportDetail> = {}) {
    const report = reportDetail({
      deliveries: [
        {
          id: crypto.randomUUID(),
          channel: 'email',
          target: 'oov@dordrecht.example',
          status: 'sent',
          attempts: 1,
          nextAttemptAt: null,
          lastError: null,
          sentAt: '2026-12-01T21:31:00.000Z',
        },
        failedDelivery,
      ],
      extra: [{ key: 'vehicle', label: 'Voertuig', value: 'Scooter' }],
      ...overrides,
    });
    api = fakeConsoleApi({
      me: officer(),
      tenants: [tenant({ roles: ['officer'] })],
      publicConfigs: { dordrecht: tenantConfig() },
    });
    office = fakeBackoffice(api, {
      reports: { dordrecht: [report] },
      officers: { dordrecht: [olga, piet] },
      contacts: {
        [report.id]: { name: 'Sam', email: 'sam@example.org', phone: null, wantsFollowUp: true },
      },
    });
    const el = await openConsole(`/console/tenants/dordrecht/reports/${report.id}`);
    await waitFor(() => pageRoot(el, 'report')?.querySelector('#status-form'), 'the report shows');
    return { el, report, root: () => pageRoot(el, 'report')! };
  }

  it('is accessible, and shows everything the reporter gave, the deliveries and the retention dates', async () => {
    const { el, root } = await openReport();
    await expect(el).to.be.accessible();
    const page = text(root());
    expect(root().querySelector('h1')?.textContent).to.equal('Melding MP-2026-0001');
    expect(page).to.contain('Naroepen').and.to.contain('Twee mannen riepen me na bij de kerk.');
    expect(page).to.contain('Degene die het overkwam').and.to.contain('Voertuig').and.to.contain('Scooter');
    const place = () => root().querySelector('meldpunt-report-place')?.shadowRoot;
    expect(text(place())).to.contain('Grotekerksbuurt, bij de Grote Kerk').and.to.contain('E1055N4245');
    await waitFor(() => place()?.querySelector('meldpunt-map-view'), 'the point on the tenant’s map');
    expect(place()?.querySelector('meldpunt-map-view')?.point).to.deep.equal({ lat: 51.8133, lng: 4.6697 });
    await expect(el).to.be.accessible();
    expect(page).to.contain('Nederlands');
    expect(page).to.contain('Mislukt na 8 pogingen').and.to.contain('Laatste fout: HTTP 503');
    expect(page).to.contain('De contactgegevens worden gewist op').and.to.contain('De melding wordt verwijderd op');
    expect(page).to.not.contain('sam@example.org');
    expect(api.requests).to.include(
      `GET /backoffice/tenants/dordrecht/reports/${office.reports['dordrecht']![0]!.id}?lang=nl`,
    );
    // One retry button: the failed delivery's, not the sent one's.
    expect(root().querySelectorAll('[data-retry]')).to.have.length(1);
  });

  it('offers only the moves the workflow allows, asks where to for a referral, and saves with If-Match', async () => {
    const { root } = await openReport();
    const select = () => root().querySelector<HTMLSelectElement>('#next-status')!;
    expect([...select().options].map((o) => o.value)).to.deep.equal(['', 'in-progress', 'referred', 'closed']);
    select().value = 'referred';
    select().dispatchEvent(new Event('change'));
    await waitFor(() => root().querySelector('#refer-to'), 'the referral target is asked');
    root().querySelector<HTMLFormElement>('#status-form')!.requestSubmit();
    await waitFor(() => root().querySelector('#refer-to-error'), 'the target is required');
    expect(root().activeElement?.id).to.equal('refer-to');
    expect(root().querySelector('#refer-to')?.getAttribute('aria-invalid')).to.equal('true');
    expect(office.patches).to.have.length(0);
    const target = root().querySelector<HTMLSelectElement>('#refer-to')!;
    target.value = 'slachtofferhulp';
    target.dispatchEvent(new Event('change'));
    root().querySelector<HTMLFormElement>('#status-form')!.requestSubmit();
    await waitFor(() => text(root().querySelector('#current-status')).includes('Doorverwezen'), 'saved');
    expect(office.patches[0]).to.deep.equal({
      ifMatch: '"1"',
      body: { status: 'referred', referredTo: 'slachtofferhulp' },
    });
    expect(text(root())).to.contain('Doorverwezen naar: Slachtofferhulp Nederland');
    expect(text(root().querySelector('.timeline'))).to.contain('Status gewijzigd in Doorverwezen');
    expect([...select().options].map((o) => o.value)).to.deep.equal(['', 'in-progress', 'closed']);
  });

  it('closes with a reason, and reopens', async () => {
    const { root } = await openReport({ status: 'in-progress' });
    const select = () => root().querySelector<HTMLSelectElement>('#next-status')!;
    select().value = 'closed';
    select().dispatchEvent(new Event('change'));
    await waitFor(() => root().querySelector('#close-reason'), 'the reason is asked');
    const reason = root().querySelector<HTMLSelectElement>('#close-reason')!;
    reason.value = 'handled';
    reason.dispatchEvent(new Event('change'));
    root().querySelector<HTMLFormElement>('#status-form')!.requestSubmit();
    await waitFor(() => text(root().querySelector('#current-status')).includes('Afgesloten'), 'closed');
    expect(office.patches.at(-1)?.body).to.deep.equal({ status: 'closed', closingReason: 'handled' });
    expect([...select().options].map((o) => o.textContent?.trim())).to.deep.equal([
      'Kies…',
      'Heropenen (In behandeling)',
    ]);
    select().value = 'in-progress';
    select().dispatchEvent(new Event('change'));
    root().querySelector<HTMLFormElement>('#status-form')!.requestSubmit();
    await waitFor(() => text(root().querySelector('#current-status')).includes('In behandeling'), 'reopened');
    expect(office.patches.at(-1)).to.deep.equal({ ifMatch: '"2"', body: { status: 'in-progress' } });
  });

  it('reloads after a 412, says so, and keeps what the officer chose and typed', async () => {
    const { root, report } = await openReport();
    // Someone else assigns it meanwhile.
    office.reports['dordrecht']![0] = { ...office.reports['dordrecht']![0]!, revision: 2, assignee: piet };
    root().querySelector<HTMLTextAreaElement>('#note')!.focus();
    await sendKeys({ type: 'Gebeld met de wijkagent' });
    const select = root().querySelector<HTMLSelectElement>('#next-status')!;
    select.value = 'in-progress';
    select.dispatchEvent(new Event('change'));
    root().querySelector<HTMLFormElement>('#status-form')!.requestSubmit();
    await waitFor(() => text(root().querySelector('[role="alert"]')).includes('Iemand anders'), 'the conflict is said');
    expect(office.patches[0]?.ifMatch).to.equal('"1"');
    expect(root().querySelector<HTMLSelectElement>('#assignee')!.value).to.equal(piet.id);
    expect(root().querySelector<HTMLSelectElement>('#next-status')!.value).to.equal('in-progress');
    expect(root().querySelector<HTMLTextAreaElement>('#note')!.value).to.equal('Gebeld met de wijkagent');
    root().querySelector<HTMLFormElement>('#status-form')!.requestSubmit();
    await waitFor(() => text(root().querySelector('#current-status')).includes('In behandeling'), 'saved now');
    expect(office.patches[1]?.ifMatch).to.equal('"2"');
    expect(report.id).to.be.a('string');
  });

  it('assigns to me and to another officer', async () => {
    const { root } = await openReport();
    root().querySelector<HTMLButtonElement>('#assign-me')!.click();
    await waitFor(() => root().querySelector<HTMLSelectElement>('#assignee')!.value === olga.id, 'assigned to me');
    expect(office.patches[0]?.body).to.deep.equal({ assigneeId: olga.id });
    expect(root().querySelector('#assign-me')).to.equal(null);
    const select = root().querySelector<HTMLSelectElement>('#assignee')!;
    select.value = piet.id;
    select.dispatchEvent(new Event('change'));
    root().querySelector<HTMLFormElement>('#assign-form')!.requestSubmit();
    await waitFor(() => office.patches.length === 2 && text(root()).includes('Toegewezen aan Piet Politie'), 'Piet');
    expect(office.patches[1]).to.deep.equal({ ifMatch: '"2"', body: { assigneeId: piet.id } });
  });

  it('adds an internal note (not an empty one), saying the reporter never sees it', async () => {
    const { root } = await openReport();
    expect(text(root())).to.contain('de melder ziet deze notities nooit');
    root().querySelector<HTMLFormElement>('#note-form')!.requestSubmit();
    await waitFor(() => root().querySelector('#note-error'), 'a note is required');
    expect(root().activeElement?.id).to.equal('note');
    await sendKeys({ type: 'Melder teruggebeld' });
    root().querySelector<HTMLFormElement>('#note-form')!.requestSubmit();
    await waitFor(() => text(root().querySelector('.notes')).includes('Melder teruggebeld'), 'the note is listed');
    expect(office.notes).to.deep.equal(['Melder teruggebeld']);
    expect(root().querySelector<HTMLTextAreaElement>('#note')!.value).to.equal('');
  });

  it('shows the contact details only after a reason is given in the dialog', async () => {
    const { el, root } = await openReport();
    // The dialog moves focus into itself once shown: wait for that before typing.
    const shown = oneEvent(root().querySelector('#reveal-dialog')!, 'wa-after-show');
    root().querySelector<HTMLButtonElement>('#show-contact')!.click();
    await shown;
    await expect(el).to.be.accessible();
    root().querySelector<HTMLButtonElement>('#confirm-reveal')!.click();
    await waitFor(() => root().querySelector('#reveal-error'), 'a reason is required');
    expect(text(root().querySelector('#reveal-error'))).to.contain('Kies een reden.');
    expect(office.reveals).to.have.length(0);
    root().querySelector<HTMLInputElement>('input[value="clarify-report"]')!.click();
    root().querySelector<HTMLTextAreaElement>('#reveal-remark')!.focus();
    await sendKeys({ type: 'Vraag over de plek' });
    root().querySelector<HTMLButtonElement>('#confirm-reveal')!.click();
    await waitFor(() => root().querySelector('#revealed'), 'the details show');
    expect(office.reveals).to.deep.equal([{ reason: 'clarify-report', remark: 'Vraag over de plek' }]);
    expect(text(root().querySelector('#revealed')))
      .to.contain('Sam')
      .and.to.contain('sam@example.org');
    await waitFor(
      () => text(root().querySelector('.timeline')).includes('Contactgegevens getoond (Een vraag over de melding)'),
      'the reveal in the timeline',
    );
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).to.not.contain('sam@example.org');
  });

  it('says contact details erased by retention are gone for good, without a way to show them', async () => {
    const { root } = await openReport({
      contact: { present: false, wantsFollowUp: true, erasesAt: null, erasedAt: '2026-06-01T00:00:00.000Z' },
    });
    expect(text(root())).to.contain('Gewist op').and.to.contain('voorgoed weg');
    expect(root().querySelector('#show-contact')).to.equal(null);
  });

  it('sends a failed delivery again', async () => {
    const { root } = await openReport();
    root().querySelector<HTMLButtonElement>('[data-retry]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(root().querySelector('[role="status"]')).includes('Wordt opnieuw verstuurd.'), 'retried');
    expect(office.retries).to.deep.equal([failedDelivery.id]);
    await waitFor(() => text(root()).includes('Wacht op verzending'), 'the delivery queued again');
    expect(root().querySelector('[data-retry]')).to.equal(null);
  });

  it('answers a report of another tenant (404) as not found', async () => {
    api = fakeConsoleApi({ me: officer(), tenants: [tenant({ roles: ['officer'] })] });
    fakeBackoffice(api);
    const el = await openConsole(`/console/tenants/dordrecht/reports/${crypto.randomUUID()}`);
    await waitFor(() => text(pageRoot(el, 'report')).includes('bestaat niet'), 'not found');
    expect(pageRoot(el, 'report')?.querySelector('a[href="/console/tenants/dordrecht/reports"]')).to.not.equal(null);
  });

  it('shows a failed change as an alert', async () => {
    const { root, report } = await openReport();
    api.failNext[`PATCH /backoffice/tenants/dordrecht/reports/${report.id}`] = () =>
      Response.json(
        { type: 'about:blank', title: 'Conflict', status: 409, detail: 'This move is not allowed' },
        { status: 409, headers: { 'content-type': 'application/problem+json' } },
      );
    root().querySelector<HTMLButtonElement>('#assign-me')!.click();
    await waitFor(() => text(root().querySelector('[role="alert"]')).includes('This move is not allowed'), 'the error');
  });
});
