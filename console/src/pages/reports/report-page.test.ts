import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Me, ReportDetail } from '@meldpunt/contracts';
import { fakeConsoleApi, person, tenant, tenantConfig, type FakeConsoleApi } from '../../test-support/fake-api.ts';
import { fakeBackoffice, reportDetail, type FakeBackoffice } from '../../test-support/fake-backoffice.ts';
import { waitFor } from '../../test-support/wait.ts';
import { openConsole, pageRoot } from '../admin/admin-test-support.ts';

const text = (node: ShadowRoot | Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ');
/** The same, without the white space at its ends. */
const trimmed = (node: ShadowRoot | Element | null | undefined) => text(node).trim();

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
    expect([...select().options].map((o) => o.value)).to.deep.equal([
      '',
      'in-progress',
      'waiting',
      'referred',
      'closed',
    ]);
    expect(select().querySelector('option[value="waiting"]')?.textContent?.trim()).to.equal('Wacht op de melder');
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
    expect([...select().options].map((o) => o.value)).to.deep.equal(['', 'in-progress', 'waiting', 'closed']);
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
  describe('messages to the reporter (issue 15)', () => {
    const municipalityAsked = {
      id: '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968',
      from: 'municipality' as const,
      author: olga,
      body: 'Weet u nog hoe laat het was?',
      at: '2026-12-02T09:00:00.000Z',
    };
    const reporterAnswered = {
      id: '9f8e7d6c-5b4a-4392-8a1f-2e3d4c5b6a79',
      from: 'reporter' as const,
      author: null,
      body: 'كان ذلك حوالي الساعة العاشرة',
      at: '2026-12-02T18:30:00.000Z',
    };

    it('shows the thread oldest first, apart from the notes, with who and when, and the reporter’s language', async () => {
      const { el, root } = await openReport({
        locale: 'ar',
        messages: [municipalityAsked, reporterAnswered],
      });
      await expect(el).to.be.accessible();
      const section = root().querySelector('section[aria-labelledby="messages-title"]')!;
      expect(text(section.querySelector('h2'))).to.equal('Berichten aan de melder');
      expect(text(section)).to.contain('Anders dan de interne notities: die ziet de melder nooit.');
      // The notes are a section of their own, and no message is among them.
      expect(section.contains(root().querySelector('#note-form'))).to.equal(false);
      const items = [...section.querySelectorAll('.thread li')];
      expect(items.map((li) => li.getAttribute('data-message'))).to.deep.equal([
        municipalityAsked.id,
        reporterAnswered.id,
      ]);
      expect(text(items[0])).to.contain('Gemeente (Olga Officier)').and.to.contain('Weet u nog hoe laat het was?');
      expect(text(items[1])).to.contain('Melder,').and.to.contain('كان ذلك حوالي الساعة العاشرة');
      expect(text(items[0]?.querySelector('.muted'))).to.match(/2 dec\.? 2026, 10:00/);
      expect(text(root().querySelector('#message-language'))).to.equal(
        'De melder schreef in het Arabisch. Schrijf in het Arabisch als je dat kunt.',
      );
      expect(root().querySelector('#message')?.getAttribute('lang')).to.equal('ar');
    });

    it('sends a message typed from the keyboard, counting the characters, and lists it', async () => {
      const { el, root, report } = await openReport();
      expect(trimmed(root().querySelector('#message-count'))).to.equal('0 van 4.000 tekens');
      root().querySelector<HTMLTextAreaElement>('#message')!.focus();
      await sendKeys({ type: 'Kunt u de plek beschrijven?' });
      await waitFor(() => trimmed(root().querySelector('#message-count')) === '27 van 4.000 tekens', 'counted');
      // Tab to the send button (no waiting option left unchosen in between is sent along).
      await sendKeys({ press: 'Tab' });
      expect(root().activeElement?.id).to.equal('wait-for-reply');
      await sendKeys({ press: 'Tab' });
      expect(trimmed(root().activeElement)).to.equal('Bericht versturen');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => root().querySelectorAll('.thread li').length === 1, 'the message in the thread');
      expect(office.messages).to.deep.equal([{ body: 'Kunt u de plek beschrijven?' }]);
      expect(api.requests).to.include(`POST /backoffice/tenants/dordrecht/reports/${report.id}/messages`);
      expect(text(root().querySelector('.thread li'))).to.contain('Gemeente (Olga Officier)');
      expect(text(root().querySelector('[role="status"]'))).to.contain('Bericht verstuurd.');
      expect(root().querySelector<HTMLTextAreaElement>('#message')!.value).to.equal('');
      expect(text(root().querySelector('.timeline'))).to.contain('Bericht aan de melder gestuurd door Olga Officier');
      // Not a note: the notes stay empty.
      expect(office.notes).to.deep.equal([]);
      expect(text(root().querySelector('#current-status'))).to.contain('Nieuw');
      await expect(el).to.be.accessible();
    });

    it('announces the characters left only near the limit', async () => {
      const { root } = await openReport();
      const textarea = root().querySelector<HTMLTextAreaElement>('#message')!;
      textarea.value = 'a'.repeat(3000);
      textarea.dispatchEvent(new Event('input'));
      await waitFor(() => trimmed(root().querySelector('#message-count')).startsWith('3.000'), 'counted');
      expect(trimmed(root().querySelector('#message-left'))).to.equal('');
      textarea.value = 'a'.repeat(3999);
      textarea.dispatchEvent(new Event('input'));
      await waitFor(() => trimmed(root().querySelector('#message-left')) === 'Nog 1 teken over', 'one left');
      expect(textarea.maxLength).to.equal(4000);
    });

    it('waits for the reporter’s answer when asked: the status becomes waiting in the same step', async () => {
      const { root, report } = await openReport({ status: 'in-progress' });
      root().querySelector<HTMLTextAreaElement>('#message')!.focus();
      await sendKeys({ type: 'Mogen we u doorverwijzen naar Slachtofferhulp?' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      expect(root().querySelector<HTMLInputElement>('#wait-for-reply')!.checked).to.equal(true);
      root().querySelector<HTMLFormElement>('#message-form')!.requestSubmit();
      await waitFor(() => text(root().querySelector('#current-status')).includes('Wacht op de melder'), 'waiting');
      expect(office.messages).to.deep.equal([
        { body: 'Mogen we u doorverwijzen naar Slachtofferhulp?', waitForReply: true },
      ]);
      expect(office.reports['dordrecht']!.find((r) => r.id === report.id)?.status).to.equal('waiting');
      expect(text(root().querySelector('[role="status"]'))).to.contain('De status is nu: Wacht op de melder.');
      expect(text(root().querySelector('.timeline'))).to.contain('Status gewijzigd in Wacht op de melder');
      // Already waiting: no second wait to choose; the workflow goes on from waiting.
      expect(root().querySelector('#wait-for-reply')).to.equal(null);
      const moves = [...root().querySelector<HTMLSelectElement>('#next-status')!.options].map((o) => o.value);
      expect(moves).to.deep.equal(['', 'in-progress', 'referred', 'closed']);
    });

    it('refuses an empty message, saying so beside the box', async () => {
      const { root } = await openReport();
      root().querySelector<HTMLTextAreaElement>('#message')!.value = '   ';
      root().querySelector<HTMLTextAreaElement>('#message')!.dispatchEvent(new Event('input'));
      root().querySelector<HTMLFormElement>('#message-form')!.requestSubmit();
      await waitFor(() => root().querySelector('#message-error'), 'a message is required');
      expect(trimmed(root().querySelector('#message-error'))).to.equal('Schrijf eerst een bericht.');
      expect(root().activeElement?.id).to.equal('message');
      expect(root().querySelector('#message')?.getAttribute('aria-invalid')).to.equal('true');
      expect(root().querySelector('#message')?.getAttribute('aria-describedby')).to.contain('message-error');
      expect(office.messages).to.deep.equal([]);
    });

    it('explains that a reporter without a receipt code cannot be reached, and offers no box and no waiting', async () => {
      const { el, root } = await openReport({ receiptCode: false });
      await expect(el).to.be.accessible();
      expect(text(root().querySelector('#no-channel'))).to.contain(
        'Deze melder is hier niet te bereiken: bij deze melding hoort geen ontvangstcode.',
      );
      expect(text(root().querySelector('#no-channel'))).to.contain('De melder liet wel contactgegevens achter');
      expect(root().querySelector('#message-form')).to.equal(null);
      expect(root().querySelector('#message')).to.equal(null);
      const moves = [...root().querySelector<HTMLSelectElement>('#next-status')!.options].map((o) => o.value);
      expect(moves).to.not.include('waiting');
    });

    it('says so when the receipt code is gone by the time the message is sent (409)', async () => {
      const { root, report } = await openReport();
      office.reports['dordrecht']![0] = { ...office.reports['dordrecht']![0]!, receiptCode: false };
      root().querySelector<HTMLTextAreaElement>('#message')!.value = 'Hallo';
      root().querySelector<HTMLTextAreaElement>('#message')!.dispatchEvent(new Event('input'));
      root().querySelector<HTMLFormElement>('#message-form')!.requestSubmit();
      await waitFor(() => text(root().querySelector('[role="alert"]')).includes('geen ontvangstcode meer'), 'said');
      // Reloaded: the explanation replaces the box.
      await waitFor(() => root().querySelector('#no-channel'), 'the explanation');
      expect(office.messages).to.deep.equal([{ body: 'Hallo' }]);
      expect(report.id).to.be.a('string');
    });

    it('on a closed report: no waiting, and a word that the reporter cannot reply', async () => {
      const { root } = await openReport({ status: 'closed', closingReason: 'handled' });
      expect(root().querySelector('#message-form')).to.not.equal(null);
      expect(root().querySelector('#wait-for-reply')).to.equal(null);
      expect(text(root().querySelector('#message-form'))).to.contain(
        'kan het bericht lezen, maar er niet meer op reageren',
      );
    });

    it('shows the reporter’s feedback and the follow-up’s events in the timeline', async () => {
      const { el, root } = await openReport({
        feedback: [
          { moment: 'sent', rating: 4, comment: 'Het ging snel en duidelijk.', at: '2026-12-01T21:35:00.000Z' },
          { moment: 'closed', rating: 2, comment: null, at: '2026-12-05T10:00:00.000Z' },
        ],
        events: [
          { at: '2026-12-02T09:00:00.000Z', by: olga, kind: 'message-sent' },
          { at: '2026-12-02T18:30:00.000Z', by: null, kind: 'reporter-replied' },
          { at: '2026-12-03T08:00:00.000Z', by: null, kind: 'contact-erased-by-reporter' },
        ],
      });
      await expect(el).to.be.accessible();
      expect(text(root().querySelector('[data-feedback="sent"]')))
        .to.contain('4 van 5')
        .and.to.contain('Het ging snel en duidelijk.');
      expect(text(root().querySelector('[data-feedback="closed"]')))
        .to.contain('2 van 5')
        .and.to.contain('Geen toelichting.');
      const timeline = [...root().querySelectorAll('.timeline li')].map((li) => text(li));
      expect(timeline[0]).to.contain('Bericht aan de melder gestuurd door Olga Officier');
      expect(timeline[1]).to.contain('De melder heeft gereageerd').and.not.to.contain('door het systeem');
      expect(timeline[2]).to.contain('De melder heeft de eigen contactgegevens gewist');
    });

    it('says when there is no feedback', async () => {
      const { root } = await openReport();
      expect(text(root().querySelector('section[aria-labelledby="feedback-title"]'))).to.contain(
        'De melder heeft (nog) niets laten weten',
      );
    });
  });

  it('shows a report its reporter withdrew (410) as withdrawn, with when, not as an error', async () => {
    api = fakeConsoleApi({ me: officer(), tenants: [tenant({ roles: ['officer'] })] });
    const reportId = crypto.randomUUID();
    fakeBackoffice(api, {
      withdrawals: {
        dordrecht: [
          {
            reportId,
            reference: 'MP-2026-0007',
            receivedAt: '2026-12-01T21:30:00.000Z',
            withdrawnAt: '2026-12-03T14:15:00.000Z',
          },
        ],
      },
    });
    const el = await openConsole(`/console/tenants/dordrecht/reports/${reportId}`);
    await waitFor(() => pageRoot(el, 'report')?.querySelector('[data-withdrawn]'), 'the withdrawn page');
    const root = pageRoot(el, 'report')!;
    expect(text(root.querySelector('h1'))).to.equal('Melding ingetrokken');
    // 14:15 UTC is 15:15 in the municipality's time zone.
    expect(trimmed(root.querySelector('[data-withdrawn]'))).to.match(
      /^Deze melding is op 3 dec\.? 2026, 15:15 ingetrokken door de melder\. De inhoud is verwijderd/,
    );
    expect(root.querySelector('[role="alert"] .error, .message.error')).to.equal(null);
    expect(root.querySelector('a[href="/console/tenants/dordrecht/reports"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
