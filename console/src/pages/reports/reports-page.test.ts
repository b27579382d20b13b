import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Me } from '@meldpunt/contracts';
import { fakeConsoleApi, person, tenant, tenantConfig, type FakeConsoleApi } from '../../test-support/fake-api.ts';
import { fakeBackoffice, reportDetail, type FakeBackoffice } from '../../test-support/fake-backoffice.ts';
import { waitFor } from '../../test-support/wait.ts';
import { openConsole, pageRoot } from '../admin/admin-test-support.ts';

const text = (node: ShadowRoot | Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ');

/** Olga, officer of Dordrecht. */
const officer = (roles: Me['memberships'][number]['roles'] = ['officer']): Me =>
  person({
    id: '6c2d8e4f-1a3b-4c5d-8e9f-0a1b2c3d4e5f',
    email: 'olga@dordrecht.example',
    name: 'Olga Officier',
    memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles }],
  });

/** Five reports, a day apart (the newest last here), one of them a bystander's demo with a delivery problem. */
function reports() {
  return Array.from({ length: 5 }, (_, i) =>
    reportDetail({
      reference: `MP-2026-000${i + 1}`,
      receivedAt: new Date(Date.UTC(2026, 10, 25 + i, 20)).toISOString(),
      occurredAt: new Date(Date.UTC(2026, 10, 25 + i, 19)).toISOString(),
      role: i === 3 ? 'bystander' : 'victim',
      status: i === 0 ? 'closed' : 'new',
      description: i === 2 ? 'Iemand floot en riep bij het station' : 'Naroepen bij de kerk',
      demo: i === 3,
      timePrecision: i === 1 ? 'part-of-day' : 'exact',
      deliveries:
        i === 3
          ? [
              {
                id: crypto.randomUUID(),
                channel: 'email',
                target: 'oov@dordrecht.example',
                status: 'failed',
                attempts: 8,
                nextAttemptAt: null,
                lastError: 'mailbox full',
                sentAt: null,
              },
            ]
          : [],
    }),
  );
}

describe('<meldpunt-reports-page>', () => {
  const startUrl = location.pathname + location.search;
  let api: FakeConsoleApi;
  let office: FakeBackoffice;

  afterEach(() => {
    api.restore();
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });

  async function openInbox(path = '/console/tenants/dordrecht/reports', options: Partial<FakeBackoffice> = {}) {
    api = fakeConsoleApi({
      me: officer(),
      tenants: [tenant({ roles: ['officer'] })],
      publicConfigs: { dordrecht: tenantConfig() },
    });
    office = fakeBackoffice(api, {
      reports: { dordrecht: reports() },
      officers: { dordrecht: [{ id: officer().id, name: 'Olga Officier' }] },
      ...options,
    });
    const el = await openConsole(path);
    await waitFor(() => {
      const root = pageRoot(el, 'reports');
      return root?.querySelector('table') || root?.querySelector('.message');
    }, 'the inbox shows');
    return { el, root: () => pageRoot(el, 'reports')! };
  }

  it('is accessible, and lists the reports newest first with their marks', async () => {
    const { el, root } = await openInbox();
    await expect(el).to.be.accessible();
    const rows = [...root().querySelectorAll('tbody tr')];
    expect(rows.map((row) => row.querySelector('th a')?.textContent?.trim())).to.deep.equal([
      'MP-2026-0005',
      'MP-2026-0004',
      'MP-2026-0003',
      'MP-2026-0002',
      'MP-2026-0001',
    ]);
    expect(root().querySelector('caption')?.textContent).to.contain('Meldingen van Dordrecht');
    const demoRow = text(rows[1]);
    expect(demoRow).to.contain('demo').and.to.contain('bezorgprobleem').and.to.contain('Een omstander');
    expect(text(rows[3])).to.contain('’s avonds');
    expect(text(rows[4])).to.contain('Afgesloten');
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).to.match(
      /^\/console\/tenants\/dordrecht\/reports\/[0-9a-f-]+$/,
    );
  });

  it('puts the filter in the URL, asks the API for it, and Back returns to the previous filter', async () => {
    const { root } = await openInbox();
    const form = root().querySelector<HTMLFormElement>('#filter-title + form')!;
    form.querySelector<HTMLInputElement>('input[name="status"][value="new"]')!.checked = true;
    form.querySelector<HTMLInputElement>('#q')!.value = 'station';
    form.requestSubmit();
    await waitFor(() => root().querySelectorAll('tbody tr').length === 1, 'the filtered list shows');
    expect(location.search).to.equal('?status=new&q=station');
    expect(api.requests).to.include('GET /backoffice/tenants/dordrecht/reports?status=new&q=station');
    expect(text(root().querySelector('tbody'))).to.contain('MP-2026-0003');
    expect(root().querySelector<HTMLInputElement>('#q')!.value).to.equal('station');
    expect(root().querySelector<HTMLAnchorElement>('a[download]')!.getAttribute('href')).to.equal(
      '/api/v1/backoffice/tenants/dordrecht/reports.csv?status=new&q=station',
    );
    history.back();
    await waitFor(() => root()?.querySelectorAll('tbody tr').length === 5, 'the whole list again');
    expect(root().querySelector<HTMLInputElement>('#q')!.value).to.equal('');
    expect(root().querySelector<HTMLInputElement>('input[name="status"][value="new"]')!.checked).to.equal(false);
  });

  it('filters with the keyboard only, and the reference leads to the report', async () => {
    const { el, root } = await openInbox();
    root().querySelector<HTMLInputElement>('input[name="role"][value="bystander"]')!.focus();
    await sendKeys({ press: 'Space' });
    root().querySelector<HTMLInputElement>('#q')!.focus();
    await sendKeys({ type: 'kerk' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root().querySelectorAll('tbody tr').length === 1, 'the bystander’s report only');
    expect(location.search).to.equal('?role=bystander&q=kerk');
    const link = root().querySelector<HTMLAnchorElement>('tbody th a')!;
    expect(link.textContent?.trim()).to.equal('MP-2026-0004');
    link.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => el.shadowRoot?.querySelector('meldpunt-report-page'), 'the report page');
    expect(location.pathname).to.equal(new URL(link.href).pathname);
  });

  it('opens a shared filter from its URL, and says when nothing matches', async () => {
    const { root } = await openInbox('/console/tenants/dordrecht/reports?role=bystander&contact=without');
    expect(text(root())).to.contain('Geen meldingen passen bij dit filter.');
    expect(root().querySelector<HTMLInputElement>('input[name="role"][value="bystander"]')!.checked).to.equal(true);
    expect(root().querySelector<HTMLSelectElement>('#contact')!.value).to.equal('without');
  });

  it('loads more with the cursor', async () => {
    const { root } = await openInbox(undefined, { pageSize: 2 });
    expect(root().querySelectorAll('tbody tr')).to.have.length(2);
    root().querySelector<HTMLButtonElement>('#more')!.click();
    await waitFor(() => root().querySelectorAll('tbody tr').length === 4, 'the second page below the first');
    expect(api.requests).to.include('GET /backoffice/tenants/dordrecht/reports?cursor=2');
    root().querySelector<HTMLButtonElement>('#more')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root().querySelectorAll('tbody tr').length === 5, 'the last page');
    expect(root().querySelector('#more')).to.equal(null);
    expect(text(root())).to.contain('Dit zijn alle meldingen die passen.');
  });

  it('saves the current filter as a view of the team, applies it, and deletes it after confirmation', async () => {
    const { el, root } = await openInbox('/console/tenants/dordrecht/reports?status=new');
    expect(text(root())).to.contain('Het team heeft nog geen opgeslagen weergaven.');
    root().querySelector<HTMLButtonElement>('.save-view button[type="submit"]')!.click();
    await waitFor(() => root().querySelector('#view-error'), 'a name is asked for');
    expect(root().querySelector('#view-name')?.getAttribute('aria-invalid')).to.equal('true');
    root().querySelector<HTMLInputElement>('#view-name')!.focus();
    await sendKeys({ type: 'Nieuw' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root().querySelector('.views a'), 'the view is listed');
    expect(office.views['dordrecht']?.[0]).to.include({ name: 'Nieuw', query: 'status=new' });
    const viewLink = root().querySelector<HTMLAnchorElement>('.views a')!;
    expect(viewLink.getAttribute('href')).to.equal('/console/tenants/dordrecht/reports?status=new');
    expect(viewLink.getAttribute('aria-current')).to.equal('true');
    expect(text(root().querySelector('[role="status"]'))).to.contain('Weergave “Nieuw” bewaard.');
    await expect(el).to.be.accessible();

    root().querySelector<HTMLButtonElement>('[data-view]')!.click();
    await waitFor(() => root().querySelector('#confirm-delete'), 'the confirmation');
    expect(office.views['dordrecht']).to.have.length(1);
    root().querySelector<HTMLButtonElement>('#confirm-delete')!.click();
    await waitFor(() => text(root()).includes('Weergave “Nieuw” verwijderd.'), 'deleted');
    expect(office.views['dordrecht']).to.have.length(0);
  });

  it('shows a filter the API refuses as an alert, with the way back', async () => {
    const { root } = await openInbox('/console/tenants/dordrecht/reports?from=gisteren');
    const alert = root().querySelector('[role="alert"]');
    expect(text(alert)).to.contain('Use a date like 2026-11-30');
    expect(alert?.querySelector('a')?.getAttribute('href')).to.equal('/console/tenants/dordrecht/reports');
  });

  it('shows a failed load as an alert with a retry', async () => {
    api = fakeConsoleApi({ me: officer(), tenants: [tenant({ roles: ['officer'] })] });
    fakeBackoffice(api, { reports: { dordrecht: reports() } });
    api.failNext['GET /backoffice/tenants/dordrecht/reports'] = () =>
      Response.json({ type: 'about:blank', title: 'Boom', status: 500, correlationId: 'c0ffee' }, { status: 500 });
    const el = await openConsole('/console/tenants/dordrecht/reports');
    await waitFor(() => pageRoot(el, 'reports')?.querySelector('[role="alert"]'), 'the error');
    const root = pageRoot(el, 'reports')!;
    expect(text(root.querySelector('[role="alert"]'))).to.contain('c0ffee');
    root.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await waitFor(() => root.querySelectorAll('tbody tr').length === 5, 'loaded after retrying');
  });

  it('is not found for an analyst (no single reports), asking the API nothing', async () => {
    api = fakeConsoleApi({ me: officer(['analyst']), tenants: [tenant({ roles: ['analyst'] })] });
    fakeBackoffice(api);
    const el = await openConsole('/console/tenants/dordrecht/reports');
    await waitFor(() => pageRoot(el, 'reports')?.querySelector('h1'), 'the page');
    expect(text(pageRoot(el, 'reports'))).to.contain('bestaat niet');
    expect(api.requests.filter((r) => r.includes('/backoffice/'))).to.deep.equal([]);
  });
  it('lists the reports their reporters withdrew, as a notice without a link (their content is gone)', async () => {
    const withdrawnId = crypto.randomUUID();
    const { el, root } = await openInbox(undefined, {
      withdrawals: {
        dordrecht: [
          {
            reportId: withdrawnId,
            reference: 'MP-2026-0042',
            receivedAt: '2026-11-20T10:00:00.000Z',
            withdrawnAt: '2026-11-28T12:00:00.000Z',
          },
        ],
      },
    });
    await waitFor(() => root().querySelector('[data-withdrawals]'), 'the withdrawals');
    await expect(el).to.be.accessible();
    const notice = root().querySelector('[data-withdrawals]')!;
    expect(text(notice.querySelector('h2')).trim()).to.equal('Ingetrokken door de melder');
    expect(text(notice.querySelector(`[data-withdrawal="${withdrawnId}"]`)).trim()).to.match(
      /^MP-2026-0042: ontvangen 20 nov\.? 2026, ingetrokken 28 nov\.? 2026$/,
    );
    expect(notice.querySelector('a')).to.equal(null);
    expect(api.requests).to.include('GET /backoffice/tenants/dordrecht/withdrawals');
  });

  it('shows no withdrawals notice when there are none', async () => {
    const { root } = await openInbox();
    await waitFor(() => api.requests.includes('GET /backoffice/tenants/dordrecht/withdrawals'), 'asked');
    await waitFor(() => root().querySelector('#views-title'), 'the page');
    expect(root().querySelector('[data-withdrawals]')).to.equal(null);
  });

  it('filters on and marks "waiting for the reporter"', async () => {
    const list = reports();
    list[2] = { ...list[2]!, status: 'waiting' };
    const { el, root } = await openInbox(undefined, { reports: { dordrecht: list } });
    const waiting = root().querySelector<HTMLInputElement>('input[name="status"][value="waiting"]')!;
    expect(text(waiting.closest('label')).trim()).to.equal('Wacht op de melder');
    expect(text(root().querySelector('[data-status="waiting"]')).trim()).to.equal('Wacht op de melder');
    waiting.focus();
    await sendKeys({ press: 'Space' });
    root().querySelector<HTMLFormElement>('#filter-title + form')!.requestSubmit();
    await waitFor(() => root().querySelectorAll('tbody tr').length === 1, 'only the waiting report');
    expect(location.search).to.equal('?status=waiting');
    expect(text(root().querySelector('tbody tr th')).trim()).to.contain('MP-2026-0003');
    await expect(el).to.be.accessible();
  });
});
