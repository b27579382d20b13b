import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TenantConfig } from '@meldpunt/contracts';
import '../meldpunt-widget.ts';
import type { MeldpuntWidget } from '../meldpunt-widget.ts';
import type { MeldpuntFollowUp } from './follow-up-view.ts';
import { fakeApi, testConfig, type FakeApi } from '../test-support/fixtures.ts';
import { browserStorage, fakeFollowUp, type FakeFollowUp } from '../test-support/fake-follow-up.ts';
import { waitFor } from '../test-support/wait.ts';

let api: FakeApi | undefined;
let service: FakeFollowUp | undefined;
afterEach(() => {
  service?.restore();
  api?.restore();
  service = undefined;
  api = undefined;
});

async function mount(locale = 'nl', config: TenantConfig = testConfig(), init: Partial<FakeFollowUp> = {}) {
  api = fakeApi(config);
  service = fakeFollowUp(init);
  const el = await fixture<MeldpuntWidget>(
    html`<meldpunt-widget tenant=${config.slug} api-base="https://api.test" locale=${locale}></meldpunt-widget>`,
  );
  el.navigate = () => {};
  await waitFor(() => el.shadowRoot!.querySelector('#step-heading'), 'the first step renders');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: MeldpuntWidget, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;

/** The follow-up view's shadow root, once its chunk and texts are in. */
async function followUpView(el: MeldpuntWidget): Promise<ShadowRoot> {
  await waitFor(
    () => el.shadowRoot!.querySelector('meldpunt-follow-up')?.shadowRoot?.querySelector('#follow-up-close'),
    'the follow-up view renders',
  );
  return el.shadowRoot!.querySelector('meldpunt-follow-up')!.shadowRoot!;
}

/** Opens "Follow up on my report" from the first step. */
async function openFollowUp(el: MeldpuntWidget): Promise<ShadowRoot> {
  $(el, '.intro button').click();
  return followUpView(el);
}

/** Types into a field of an element's shadow root, and waits until the element has rendered it. */
async function type(root: ShadowRoot, selector: string, value: string) {
  const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await (root.host as MeldpuntFollowUp).updateComplete;
}

/** Enters a code and waits for the answer (the report, or an error); the number of requests it made. */
async function lookUp(root: ShadowRoot, code: string) {
  await type(root, '#receipt-code', code);
  const before = service!.requests.length;
  root.querySelector<HTMLButtonElement>('#look-up')!.click();
  const view = root.host as MeldpuntFollowUp;
  await view.updateComplete;
  // A code of the wrong form is refused at once; any other waits for the service's answer.
  await waitFor(
    () =>
      root.querySelector('#receipt-code-error') ||
      (service!.requests.length > before && !root.querySelector('#look-up[disabled]')),
    'the look-up is answered',
  );
  await view.updateComplete;
  return service!.requests.length - before;
}

const text = (root: ParentNode, selector: string) =>
  root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Fills every step with valid answers and sends: the confirmation shows. */
async function sendReport(el: MeldpuntWidget) {
  const next = async () => {
    await waitFor(() => !el.shadowRoot!.querySelector('form[aria-busy]'), 'the step renders');
    $(el, 'button[type=submit]').click();
    await el.updateComplete;
  };
  $<HTMLInputElement>(el, '#role-bystander').click();
  await next();
  $<HTMLInputElement>(el, '#category-following').click();
  await next();
  for (const [id, value] of [
    ['#date', '2026-10-02'],
    ['#time', '23:15'],
  ] as const) {
    const input = $<HTMLInputElement>(el, id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  await next();
  await waitFor(() => el.shadowRoot!.querySelector('meldpunt-location-picker'), 'the location picker');
  $(el, 'meldpunt-location-picker').dispatchEvent(
    new CustomEvent('meldpunt-location-change', {
      detail: { lat: 51.81, lng: 4.67, text: 'Stationsplein, Dordrecht', source: 'search' },
      bubbles: true,
      composed: true,
    }),
  );
  // Details, contact (where asked), review: then the confirmation.
  for (let step = 0; step < 4 && !el.shadowRoot!.querySelector('#another'); step++) {
    await next();
    await waitFor(
      () => el.shadowRoot!.querySelector('#another') || !el.shadowRoot!.querySelector('form[aria-busy]'),
      'the next step or the confirmation',
    );
  }
  await waitFor(() => el.shadowRoot!.querySelector('#another'), 'the confirmation');
}

const created = { receiptCode: '7KQM-4XTP-9B2C-H0RD', feedbackToken: 'feedback-token-1' };

describe('the confirmation: receipt code and feedback', () => {
  for (const locale of ['nl', 'ar']) {
    it(`shows the receipt code once, with copy and save, accessible (${locale})`, async () => {
      const el = await mount(locale);
      api!.created = created;
      await sendReport(el);
      expect(text(el.shadowRoot!, '#receipt-code')).to.equal('7KQM-4XTP-9B2C-H0RD');
      expect(text(el.shadowRoot!, '.receipt')).to.contain(locale === 'nl' ? 'maar één keer' : 'مرة واحدة');
      await waitFor(() => $(el, 'meldpunt-receipt-actions').shadowRoot?.querySelector('#copy'), 'copy and save');
      await waitFor(() => $(el, 'meldpunt-feedback').shadowRoot?.querySelector('#rating-1'), 'the feedback question');
      await expect(el).to.be.accessible();
    });
  }

  it('copies the code and says so; where copying is refused, selects the code and says that', async () => {
    const el = await mount();
    api!.created = created;
    await sendReport(el);
    const actions = $(el, 'meldpunt-receipt-actions');
    await waitFor(() => actions.shadowRoot?.querySelector('#copy'), 'copy');
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    try {
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: async (value: string) => void copied.push(value) },
      });
      actions.shadowRoot!.querySelector<HTMLButtonElement>('#copy')!.click();
      await waitFor(() => text(actions.shadowRoot!, '#receipt-status'), 'a status');
      expect(copied).to.deep.equal(['7KQM-4XTP-9B2C-H0RD']);
      expect(text(actions.shadowRoot!, '#receipt-status')).to.equal('De code is gekopieerd.');

      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) },
      });
      actions.shadowRoot!.querySelector<HTMLButtonElement>('#copy')!.click();
      await waitFor(() => text(actions.shadowRoot!, '#receipt-status').includes('geselecteerd'), 'the fallback');
      expect(getSelection()!.toString().trim()).to.equal('7KQM-4XTP-9B2C-H0RD');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('saves a short text file made in memory (code, reference, municipality, where to follow up) and revokes its URL', async () => {
    const el = await mount();
    api!.created = created;
    await sendReport(el);
    const actions = $(el, 'meldpunt-receipt-actions');
    await waitFor(() => actions.shadowRoot?.querySelector('#save'), 'save');
    const made: { url: string; blob: Blob }[] = [];
    const revoked: string[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    const downloads: { name: string; href: string }[] = [];
    const keepPage = (e: Event) => {
      const link = e.target;
      if (!(link instanceof HTMLAnchorElement)) return;
      downloads.push({ name: link.download, href: link.href });
      e.preventDefault();
    };
    actions.shadowRoot!.addEventListener('click', keepPage, true);
    URL.createObjectURL = (blob: Blob) => {
      const url = createObjectURL(blob);
      made.push({ url, blob });
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revokeObjectURL(url);
    };
    try {
      actions.shadowRoot!.querySelector<HTMLButtonElement>('#save')!.click();
      await waitFor(() => revoked.length, 'the object URL is revoked');
      expect(made).to.have.length(1);
      expect(downloads).to.deep.equal([{ name: 'meldpunt-code.txt', href: made[0]!.url }]);
      expect(revoked).to.deep.equal([made[0]!.url]);
      const saved = await made[0]!.blob.text();
      expect(made[0]!.blob.type).to.match(/^text\/plain/);
      expect(saved).to.contain('7KQM-4XTP-9B2C-H0RD');
      expect(saved).to.contain('K7QM-4XTP');
      expect(saved).to.contain('Gemeente Test');
      expect(saved).to.contain(location.origin + location.pathname);
      expect(saved).to.contain('Mijn melding bekijken');
      expect(text(actions.shadowRoot!, '#receipt-status')).to.contain('tekstbestand');
    } finally {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
      actions.shadowRoot!.removeEventListener('click', keepPage, true);
    }
  });

  it('sends the optional feedback with the feedback token, says thank you; asks for a number first', async () => {
    const el = await mount();
    api!.created = created;
    await sendReport(el);
    const feedback = $(el, 'meldpunt-feedback');
    await waitFor(() => feedback.shadowRoot?.querySelector('#feedback-send'), 'the feedback question');
    const root = feedback.shadowRoot!;
    expect(text(root, 'fieldset')).to.contain('slecht');
    expect(text(root, 'fieldset')).to.contain('goed');
    root.querySelector<HTMLButtonElement>('#feedback-send')!.click();
    await waitFor(() => root.querySelector('#rating-error'), 'an error');
    expect(text(root, '#rating-error')).to.contain('Kies een cijfer');
    expect(root.activeElement).to.equal(root.querySelector('#rating-1'));
    expect(service!.requests).to.deep.equal([]);

    root.querySelector<HTMLInputElement>('#rating-4')!.click();
    await type(root, '#feedback-comment', '  Fijn dat het anoniem kon.  ');
    root.querySelector<HTMLButtonElement>('#feedback-send')!.click();
    await waitFor(() => root.querySelector('#feedback-done'), 'thanks');
    expect(service!.requests).to.deep.equal([
      {
        path: '/api/v1/tenants/testgemeente/reports/6f1c2f3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f/feedback',
        body: { moment: 'sent', rating: 4, comment: 'Fijn dat het anoniem kon.' },
        authorization: 'Bearer feedback-token-1',
      },
    ]);
    expect(text(root, '#feedback-done')).to.contain('Dank je wel');
    expect(await browserStorage()).to.deep.equal({ local: 0, session: 0, cookie: '', databases: 0 });
  });

  it('lets the reporter skip the question: nothing is sent', async () => {
    const el = await mount();
    api!.created = created;
    await sendReport(el);
    const feedback = $(el, 'meldpunt-feedback');
    await waitFor(() => feedback.shadowRoot?.querySelector('#feedback-skip'), 'skip');
    feedback.shadowRoot!.querySelector<HTMLButtonElement>('#feedback-skip')!.click();
    await waitFor(() => feedback.shadowRoot!.querySelector('#feedback-done'), 'skipped');
    expect(service!.requests).to.deep.equal([]);
  });

  it('shows no code where the receiver does not follow up (no receiptCode), and offers the follow-up anyway', async () => {
    const el = await mount();
    api!.created = { feedbackToken: 'feedback-token-1' };
    await sendReport(el);
    expect(el.shadowRoot!.querySelector('.receipt')).to.equal(null);
    expect($(el, '#open-follow-up')).to.exist;
  });
});

describe('"Follow up on my report"', () => {
  for (const locale of ['nl', 'ar']) {
    it(`is accessible: the code form and the report (${locale})`, async () => {
      const el = await mount(locale);
      const root = await openFollowUp(el);
      await expect(el).to.be.accessible();
      await lookUp(root, '7kqm 4xtp 9b2c h0rd');
      expect(root.querySelector('#report-heading')).to.exist;
      await expect(el).to.be.accessible();
    });
  }

  it('checks the code’s form first (forgiving: lower case, spaces, hyphens), and never puts it in a URL', async () => {
    const el = await mount();
    const root = await openFollowUp(el);
    const input = root.querySelector<HTMLInputElement>('#receipt-code')!;
    expect(input.autocomplete).to.equal('off');
    root.querySelector<HTMLButtonElement>('#look-up')!.click();
    await waitFor(() => root.querySelector('#receipt-code-error'), 'code required');
    expect(text(root, '#receipt-code-error')).to.equal('Vul je code in.');
    expect(await lookUp(root, 'abc-def')).to.equal(0);
    expect(text(root, '#receipt-code-error')).to.contain('16 letters en cijfers');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(root.activeElement).to.equal(input);

    expect(await lookUp(root, ' 7kqm 4xtp-9b2c h0rd ')).to.equal(1);
    const [request] = service!.requests;
    expect(request).to.deep.equal({
      path: '/api/v1/tenants/testgemeente/follow-up',
      body: { code: '7KQM-4XTP-9B2C-H0RD' },
      authorization: null,
    });
    expect(location.href).not.to.contain('7KQM');
  });

  it('shows the status in plain words, the municipality, the thread with dates; a reply goes with the token and moves "waiting" on', async () => {
    const el = await mount();
    const root = await openFollowUp(el);
    await lookUp(root, '7KQM-4XTP-9B2C-H0RD');
    expect(root.activeElement).to.equal(root.querySelector('#report-heading'));
    expect(text(root, '#report-heading')).to.equal('Melding K7QM-4XTP');
    expect(text(root, 'section')).to.contain('Je melding is bij Gemeente Dordrecht.');
    expect(text(root, '#status')).to.contain('wacht op jouw antwoord');
    const messages = () =>
      [...root.querySelectorAll('#thread li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(messages()).to.have.length(1);
    expect(messages()[0]).to.contain('Gemeente Dordrecht');
    expect(messages()[0]).to.contain('1 december 2026');
    expect(messages()[0]).to.contain('Weet je nog hoe laat');
    expect(text(root, '#reply-count')).to.equal('Nog 2000 tekens over');

    root.querySelector<HTMLButtonElement>('#send-reply')!.click();
    await waitFor(() => root.querySelector('#reply-error'), 'reply required');
    await type(root, '#reply', 'Rond kwart over elf.');
    expect(text(root, '#reply-count')).to.equal('Nog 1980 tekens over');
    root.querySelector<HTMLButtonElement>('#send-reply')!.click();
    await waitFor(() => messages().length === 2, 'the reply in the thread');
    expect(service!.requests.at(-1)).to.deep.equal({
      path: '/api/v1/tenants/testgemeente/follow-up/replies',
      body: { body: 'Rond kwart over elf.' },
      authorization: 'Bearer token-1',
    });
    expect(messages()[1]).to.contain('Jij');
    expect(messages()[1]).to.contain('Rond kwart over elf.');
    expect(text(root, '#status')).to.contain('In behandeling');
    expect(text(root, '#follow-up-done')).to.equal('Je antwoord is verstuurd.');
    expect(root.querySelector<HTMLTextAreaElement>('#reply')!.value).to.equal('');
    expect(await browserStorage()).to.deep.equal({ local: 0, session: 0, cookie: '', databases: 0 });
  });

  it('erases the contact details and withdraws the report, each after a confirmation that says what follows', async () => {
    const el = await mount();
    const root = await openFollowUp(el);
    await lookUp(root, '7KQM-4XTP-9B2C-H0RD');
    root.querySelector<HTMLButtonElement>('#erase')!.click();
    await waitFor(() => root.querySelector('#erase-question'), 'the question');
    expect(text(root, '#erase-question')).to.contain('niet meer mailen of bellen');
    expect(root.activeElement).to.equal(root.querySelector('#erase-question'));
    root.querySelector<HTMLButtonElement>('#erase-cancel')!.click();
    await waitFor(() => !root.querySelector('#erase-question'), 'cancelled');
    expect(service!.requests).to.have.length(1);
    root.querySelector<HTMLButtonElement>('#erase')!.click();
    await waitFor(() => root.querySelector('#erase-confirm'), 'the question');
    root.querySelector<HTMLButtonElement>('#erase-confirm')!.click();
    await waitFor(() => text(root, '#follow-up-done'), 'erased');
    expect(service!.requests.at(-1)).to.deep.include({
      path: '/api/v1/tenants/testgemeente/follow-up/contact-erasure',
      authorization: 'Bearer token-1',
    });
    expect(service!.hasContact).to.equal(false);
    expect(root.querySelector('#erase')).to.equal(null);
    expect(text(root, '#follow-up-done')).to.equal('Je contactgegevens zijn gewist.');

    root.querySelector<HTMLButtonElement>('#withdraw')!.click();
    await waitFor(() => root.querySelector('#withdraw-question'), 'the question');
    expect(text(root, '#withdraw-question')).to.contain('kan niet meer ongedaan');
    root.querySelector<HTMLButtonElement>('#withdraw-confirm')!.click();
    await waitFor(() => root.querySelector('#withdrawn'), 'withdrawn');
    expect(service!.requests.at(-1)).to.deep.include({
      path: '/api/v1/tenants/testgemeente/follow-up/withdrawal',
      authorization: 'Bearer token-2',
    });
    expect(service!.withdrawn).to.equal(true);
    expect(root.querySelector('#thread')).to.equal(null);
    expect(await browserStorage()).to.deep.equal({ local: 0, session: 0, cookie: '', databases: 0 });
  });

  it('a closed report: says so, no reply box, and asks how reporting was (moment closed, with the token)', async () => {
    const el = await mount('nl', testConfig(), { status: 'closed' });
    const root = await openFollowUp(el);
    await lookUp(root, '7KQM-4XTP-9B2C-H0RD');
    expect(root.querySelector('#reply')).to.equal(null);
    expect(text(root, '#closed-notice')).to.contain('Je kunt niet meer antwoorden');
    const feedback = root.querySelector('meldpunt-feedback')!;
    await waitFor(() => feedback.shadowRoot?.querySelector('#rating-2'), 'the feedback question');
    feedback.shadowRoot!.querySelector<HTMLInputElement>('#rating-2')!.click();
    feedback.shadowRoot!.querySelector<HTMLButtonElement>('#feedback-send')!.click();
    await waitFor(() => feedback.shadowRoot!.querySelector('#feedback-done'), 'thanks');
    expect(service!.requests.at(-1)).to.deep.equal({
      path: '/api/v1/tenants/testgemeente/follow-up/feedback',
      body: { moment: 'closed', rating: 2 },
      authorization: 'Bearer token-1',
    });
  });

  it('an unknown code, too many tries (with when to try again), an expired token and a report closed meanwhile each get their message', async () => {
    const el = await mount();
    const root = await openFollowUp(el);
    await lookUp(root, '0000-0000-0000-0000');
    expect(text(root, '#follow-up-error')).to.equal(
      'We vinden geen melding bij deze code. Kijk de code na en probeer het opnieuw.',
    );
    expect(root.activeElement).to.equal(root.querySelector('#follow-up-error'));

    service!.answers.push(
      Response.json(
        { type: 'https://meldpunt.dev/problems/too-many-attempts', title: 'Too many attempts', status: 429 },
        { status: 429, headers: { 'Retry-After': '150' } },
      ),
    );
    await lookUp(root, '7KQM-4XTP-9B2C-H0RD');
    expect(text(root, '#follow-up-error')).to.contain('over 3 minuten opnieuw');

    await lookUp(root, '7KQM-4XTP-9B2C-H0RD');
    service!.token = 'a-newer-token'; // the one the widget holds is no longer valid
    await type(root, '#reply', 'Hallo');
    root.querySelector<HTMLButtonElement>('#send-reply')!.click();
    await waitFor(() => root.querySelector('#follow-up-error'), 'expired');
    expect(text(root, '#follow-up-error')).to.contain('Vul je code opnieuw in');
    expect(root.querySelector('#thread')).to.equal(null);
    expect(root.querySelector<HTMLInputElement>('#receipt-code')!.value).to.equal('');

    await lookUp(root, '7KQM-4XTP-9B2C-H0RD');
    service!.status = 'closed';
    await type(root, '#reply', 'Nog iets');
    root.querySelector<HTMLButtonElement>('#send-reply')!.click();
    await waitFor(() => root.querySelector('#follow-up-error'), 'closed');
    expect(text(root, '#follow-up-error')).to.contain('inmiddels afgesloten');
    expect(root.querySelector('#reply')).to.equal(null);
  });

  it('keyboard only: from the first step to the report, and closing forgets everything', async () => {
    const el = await mount();
    $(el, '.intro button').focus();
    await sendKeys({ press: 'Enter' });
    const root = await followUpView(el);
    await waitFor(() => root.activeElement === root.querySelector('#follow-up-heading'), 'the heading is focused');
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(root.querySelector('#receipt-code'));
    await sendKeys({ type: '7kqm4xtp9b2ch0rd' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root.querySelector('#report-heading'), 'the report');
    expect(root.activeElement).to.equal(root.querySelector('#report-heading'));

    root.querySelector<HTMLButtonElement>('#follow-up-close')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !el.shadowRoot!.querySelector('meldpunt-follow-up'), 'the view is gone');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step-heading'));
    const again = await openFollowUp(el);
    expect(again.querySelector('#report-heading')).to.equal(null);
    expect(again.querySelector<HTMLInputElement>('#receipt-code')!.value).to.equal('');
    expect(await browserStorage()).to.deep.equal({ local: 0, session: 0, cookie: '', databases: 0 });
  });

  it('quick exit closes the view and forgets it', async () => {
    const el = await mount();
    const root = await openFollowUp(el);
    await lookUp(root, '7KQM-4XTP-9B2C-H0RD');
    $(el, 'button.exit').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('meldpunt-follow-up')).to.equal(null);
    expect($(el, '.emergency')).to.exist;
  });
});
