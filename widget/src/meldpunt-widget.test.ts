import { expect, fixture, html } from '@open-wc/testing';
import { TaskStatus, type Task } from '@lit/task';
import { sendKeys } from '@web/test-runner-commands';
import type { AreaOutline, TenantConfig } from '@meldpunt/contracts';
import './meldpunt-widget.ts';
import type { MeldpuntWidget } from './meldpunt-widget.ts';
import type * as L from 'leaflet';
import type { MeldpuntLocationPicker } from './location/location-picker.ts';
import { fakeApi, outsideAnswer, routeAnswer, testConfig, type FakeApi } from './test-support/fixtures.ts';
import { nextEvent, waitFor } from './test-support/wait.ts';

let api: FakeApi | undefined;
afterEach(() => {
  api?.restore();
  api = undefined;
  document.documentElement.lang = 'en';
});

async function mount(config: TenantConfig = testConfig(), attrs: { locale?: string } = {}, area?: AreaOutline) {
  api = fakeApi(config, area);
  const el = await fixture<MeldpuntWidget>(
    html`<meldpunt-widget
      tenant=${config.slug}
      api-base="https://api.test"
      locale=${attrs.locale ?? ''}
    ></meldpunt-widget>`,
  );
  el.navigate = () => {};
  await waitFor(() => el.shadowRoot!.querySelector('#step-heading'), 'the first step renders');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: MeldpuntWidget, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const heading = (el: MeldpuntWidget) => $(el, '#step-heading').textContent!.trim();

/** Presses Next once the step shown is ready (as a reporter can: Next is off while its code loads). */
async function next(el: MeldpuntWidget) {
  await waitFor(() => !el.shadowRoot!.querySelector('form[aria-busy]'), 'the step renders');
  $(el, 'button[type=submit]').click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

/** Fills the steps up to (not including) `until` with a valid answer each; `keepPlace` keeps the place chosen. */
async function fillUntil(el: MeldpuntWidget, until: string, { keepPlace = false } = {}) {
  const steps: Record<string, () => Promise<void>> = {
    who: async () => $<HTMLInputElement>(el, '#role-bystander').click(),
    what: async () => $<HTMLInputElement>(el, '#category-following').click(),
    when: async () => {
      const date = $<HTMLInputElement>(el, '#date');
      date.value = '2026-10-02';
      date.dispatchEvent(new Event('input'));
      const time = $<HTMLInputElement>(el, '#time');
      time.value = '23:15';
      time.dispatchEvent(new Event('input'));
    },
    where: async () => {
      await waitFor(() => el.shadowRoot!.querySelector('meldpunt-location-picker'), 'no location picker');
      $(el, 'meldpunt-location-picker').dispatchEvent(
        new CustomEvent('meldpunt-location-change', {
          detail: { lat: 51.81, lng: 4.67, text: 'Stationsplein, Dordrecht', source: 'search' },
          bubbles: true,
          composed: true,
        }),
      );
    },
    details: async () => {
      const text = $<HTMLTextAreaElement>(el, '#description');
      text.value = 'Iemand riep naar me en liep achter me aan.';
      text.dispatchEvent(new Event('input'));
    },
    contact: async () => {},
  };
  for (const [step, fill] of Object.entries(steps)) {
    // The steps after the Where step load when it opens: wait until the step shown is there.
    await waitFor(() => !el.shadowRoot!.querySelector('form[aria-busy]'), 'the step renders');
    if (step === until) {
      // The Where step's texts and picker load when it opens.
      if (step === 'where') {
        await waitFor(() => el.shadowRoot!.querySelector('meldpunt-location-picker'), 'no location picker');
      }
      return;
    }
    if (!el.shadowRoot!.querySelector(`[data-step="${step}"]`)) continue;
    if (!(keepPlace && step === 'where')) await fill();
    await el.updateComplete;
    await next(el);
  }
}

describe('<meldpunt-widget>', () => {
  it('is accessible on its first step', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('renders from the tenant config: branding, overridden title, 112, quick exit, progress', async () => {
    const el = await mount(testConfig(), { locale: 'nl' });
    expect($(el, '.widget-title').textContent).to.equal('Meld straatintimidatie in Testgemeente');
    expect($<HTMLImageElement>(el, 'img.logo').src).to.equal('https://api.test/logo.svg');
    expect($<HTMLImageElement>(el, 'img.logo').alt).to.equal('Logo Gemeente Test');
    expect($<HTMLAnchorElement>(el, '.emergency a').href).to.equal('tel:112');
    expect($(el, '.emergency').textContent).to.contain('112');
    expect($(el, 'button.exit')).to.exist;
    expect($(el, '.progress').textContent).to.contain('Stap 1 van 7');
    expect($(el, '.footer-note').textContent).to.contain('Melden is geen aangifte');
    expect(heading(el)).to.equal('Wie meldt er?');
  });

  it('shows the tenant’s categories with their default labels and explanations', async () => {
    const el = await mount(testConfig(), { locale: 'en' });
    await fillUntil(el, 'what');
    const labels = [...el.shadowRoot!.querySelectorAll('input[type=checkbox]')].map((i) =>
      i.closest('label')!.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).to.have.length(3);
    expect(labels[0]).to.contain('Remarks or calling after');
    expect(labels[1]).to.contain('Following');
  });

  it('will not go on without an answer: error summary focused, message next to the field', async () => {
    const el = await mount(testConfig(), { locale: 'nl' });
    await next(el);
    await el.updateComplete;
    const summary = $(el, '#error-summary');
    expect(summary).to.exist;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect($(el, '#role-victim-error').textContent).to.contain('Kies wat het beste past');
    expect(heading(el)).to.equal('Wie meldt er?');
  });

  it('goes back without losing anything', async () => {
    const el = await mount(testConfig(), { locale: 'nl' });
    await fillUntil(el, 'when');
    expect(heading(el)).to.equal('Wanneer gebeurde het?');
    $(el, '.nav button.secondary').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#category-following').checked).to.equal(true);
    $(el, '.nav button.secondary').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#role-bystander').checked).to.equal(true);
  });

  it('moves focus to the heading of each new step and fires meldpunt-step-change', async () => {
    const el = await mount();
    $<HTMLInputElement>(el, '#role-victim').click();
    const event = nextEvent(el, 'meldpunt-step-change');
    await next(el);
    const { detail } = await event;
    expect(detail).to.deep.equal({ step: 'what', index: 1, total: 7 });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step-heading'));
  });

  it('shows a step after the Where step as loading until its code is in: heading focused, event fired, Next off', async () => {
    const el = await mount(testConfig(), { locale: 'nl' });
    await fillUntil(el, 'where');
    // The chunk of the later steps started loading when the Where step opened; pretend it has not arrived yet.
    const internals = el as unknown as { later?: unknown; laterLoading?: Promise<void>; laterFailed: boolean };
    await waitFor(() => internals.later, 'the later steps load with the Where step');
    const chunk = internals.later;
    internals.later = undefined;
    $(el, 'meldpunt-location-picker').dispatchEvent(
      new CustomEvent('meldpunt-location-change', {
        detail: { lat: 51.81, lng: 4.67, text: 'Stationsplein, Dordrecht', source: 'search' },
        bubbles: true,
        composed: true,
      }),
    );
    await el.updateComplete;
    const event = nextEvent(el, 'meldpunt-step-change');
    await next(el);
    expect((await event).detail).to.deep.equal({ step: 'details', index: 4, total: 7 });
    expect(heading(el)).to.equal('Wil je nog iets vertellen?');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step-heading'));
    expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
    expect($(el, 'p[role=status]').textContent).to.contain('Het formulier wordt geladen');
    expect($<HTMLButtonElement>(el, '#next').disabled).to.equal(true);
    await expect(el).to.be.accessible();
    // Offline: it says so and offers to try again; trying again loads the chunk and shows the step.
    internals.laterFailed = true;
    internals.laterLoading = undefined;
    await el.updateComplete;
    expect($(el, '[role=alert]').textContent).to.contain('kan nu niet worden geladen');
    $<HTMLButtonElement>(el, '[role=alert] button').click();
    await waitFor(() => el.shadowRoot!.querySelector('#description'), 'the step shows once its code is in');
    expect(internals.later).to.equal(chunk);
    expect($(el, 'form').hasAttribute('aria-busy')).to.equal(false);
    expect($<HTMLButtonElement>(el, '#next').disabled).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step-heading'));
  });

  it('refuses a date in the future', async () => {
    const el = await mount(testConfig(), { locale: 'nl' });
    await fillUntil(el, 'when');
    const date = $<HTMLInputElement>(el, '#date');
    date.value = `${new Date().getFullYear() + 1}-01-01`;
    date.dispatchEvent(new Event('input'));
    const time = $<HTMLInputElement>(el, '#time');
    time.value = '10:00';
    time.dispatchEvent(new Event('input'));
    await next(el);
    expect($(el, '#date-error').textContent).to.contain('toekomst');
    expect($(el, '#date').getAttribute('aria-invalid')).to.equal('true');
  });

  it('sends the report once, even on a double click, then forgets it', async () => {
    const el = await mount(testConfig(), { locale: 'nl' });
    await fillUntil(el, 'review');
    expect(heading(el)).to.equal('Controleer je melding');
    expect($(el, '.review').textContent).to.contain('Stationsplein, Dordrecht');
    const submitted = nextEvent(el, 'meldpunt-submit');
    const button = $(el, 'button[type=submit]');
    button.click();
    button.click();
    const { detail } = await submitted;
    expect(detail).to.deep.equal({
      id: '6f1c2f3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f',
      reference: 'K7QM-4XTP',
      tenant: 'testgemeente',
    });
    expect(api!.posts).to.have.length(1);
    const body = api!.posts[0]!.body as Record<string, unknown>;
    expect(body).to.include({
      role: 'bystander',
      timePrecision: 'exact',
      locale: 'nl',
      description: 'Iemand riep naar me en liep achter me aan.',
    });
    expect(body.categories).to.deep.equal(['following']);
    expect(body.occurredAt).to.match(/^2026-10-02T23:15:00[+-]\d{2}:\d{2}$/);
    expect(body).not.to.have.property('contact');
    // Issue 16: with the proof of work solved in the background, once the later steps loaded.
    expect(api!.challenges).to.be.greaterThan(0);
    const proof = JSON.parse(atob(api!.posts[0]!.proof ?? '')) as { challenge: unknown; solution: unknown };
    expect(proof).to.have.keys('challenge', 'solution');
    await el.updateComplete;
    expect(heading(el)).to.equal('Dank je wel voor je melding');
    expect($(el, '.reference-code').textContent).to.equal('K7QM-4XTP');
    // Nothing of the report is left: not in the page, not in storage.
    expect(el.shadowRoot!.innerHTML).not.to.contain('riep naar me');
    expect(el.shadowRoot!.innerHTML).not.to.contain('Stationsplein');
    expect(localStorage.length + sessionStorage.length).to.equal(0);
    expect(document.cookie).to.equal('');
  });

  it('keeps the draft on a network failure, says so, and retries with the same Idempotency-Key when online again', async () => {
    const el = await mount(testConfig(), { locale: 'nl' });
    await fillUntil(el, 'review');
    api!.answers.push('network-error');
    const failed = nextEvent(el, 'meldpunt-error');
    $(el, 'button[type=submit]').click();
    expect((await failed).detail.kind).to.equal('network');
    await el.updateComplete;
    expect($(el, '#send-error').textContent).to.contain('nog niet verstuurd');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#send-error'));
    expect($(el, '.review').textContent).to.contain('Stationsplein');
    const submitted = nextEvent(el, 'meldpunt-submit');
    window.dispatchEvent(new Event('online'));
    await submitted;
    expect(api!.posts).to.have.length(2);
    expect(api!.posts[0]!.idempotencyKey).to.be.a('string').and.equal(api!.posts[1]!.idempotencyKey);
  });

  it('a server that never answers: "not sent, try again" with 112 after the deadline; the retry is stored once', async () => {
    const el = await mount(testConfig(), { locale: 'nl' });
    expect(el.requestTimeoutMs, 'the reporter hears within 20 s').to.be.within(1_000, 20_000);
    await fillUntil(el, 'review');
    let confirmations = 0;
    el.addEventListener('meldpunt-submit', () => confirmations++);
    // The first POST gets no answer at all, until the widget gives up on it. The deadline is what is
    // tested, not its length: a short one keeps the test from waiting 15 s.
    api!.answers.push('hang');
    el.requestTimeoutMs = 50;
    const failed = nextEvent(el, 'meldpunt-error');
    $(el, 'button[type=submit]').click();
    expect((await failed).detail.kind).to.equal('network');
    await el.updateComplete;
    expect($(el, '#send-error').textContent).to.contain('nog niet verstuurd');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#send-error'));
    expect($(el, '#send-error button').textContent!.trim()).to.equal('Probeer opnieuw');
    expect($<HTMLAnchorElement>(el, '.emergency a').href).to.equal('tel:112');
    expect($(el, '.review').textContent, 'the draft is kept').to.contain('Stationsplein');
    expect(el.shadowRoot!.textContent, 'no longer "sending"').not.to.contain('wordt verstuurd');
    expect($<HTMLButtonElement>(el, 'button[type=submit]').disabled).to.equal(false);
    // The retry is answered (201) at once; the usual deadline, so a busy machine cannot fail it.
    el.requestTimeoutMs = 15_000;
    const submitted = nextEvent(el, 'meldpunt-submit');
    $(el, '#send-error button').click();
    await submitted;
    await el.updateComplete;
    expect(api!.posts).to.have.length(2);
    expect(api!.posts[0]!.idempotencyKey).to.be.a('string').and.equal(api!.posts[1]!.idempotencyKey);
    expect(heading(el)).to.equal('Dank je wel voor je melding');
    expect(el.shadowRoot!.querySelectorAll('.reference-code')).to.have.length(1);
    expect(confirmations).to.equal(1);
  });

  it('shows a server error with "try again"; the retry goes through', async () => {
    const el = await mount(testConfig(), { locale: 'en' });
    await fillUntil(el, 'review');
    api!.answers.push(new Response('{}', { status: 503, headers: { 'content-type': 'application/problem+json' } }));
    $(el, 'button[type=submit]').click();
    await waitFor(() => el.shadowRoot!.querySelector('#send-error'), 'no send error');
    expect($(el, '#send-error').textContent).to.contain('something went wrong on our side');
    const submitted = nextEvent(el, 'meldpunt-submit');
    $(el, '#send-error button').click();
    await submitted;
  });

  it('puts the server’s field errors next to the fields, on their step', async () => {
    const el = await mount(testConfig(), { locale: 'nl' });
    await fillUntil(el, 'review');
    api!.answers.push(
      Response.json(
        { type: 'x', title: 'invalid', status: 422, errors: [{ path: '/categories/0', message: 'not offered' }] },
        { status: 422, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    $(el, 'button[type=submit]').click();
    await waitFor(() => el.shadowRoot!.querySelector('#error-summary'), 'no error summary');
    expect(heading(el)).to.equal('Wat is er gebeurd?');
    expect($(el, '#categories-error')).to.exist;
  });

  it('asks no contact details when the tenant gives no follow-up, and says so after sending', async () => {
    const config = testConfig({
      followUp: {
        mode: 'none',
        response: { title: { nl: 'Bedankt' }, body: { nl: 'Deze gemeente volgt meldingen niet op.' } },
      },
    });
    const el = await mount(config, { locale: 'nl' });
    expect($(el, '.progress').textContent).to.contain('Stap 1 van 6');
    await fillUntil(el, 'review');
    const submitted = nextEvent(el, 'meldpunt-submit');
    $(el, 'button[type=submit]').click();
    await submitted;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('neemt over meldingen geen contact met je op');
  });

  it('sends contact details only when the reporter asks for contact', async () => {
    const el = await mount(testConfig(), { locale: 'nl' });
    await fillUntil(el, 'contact');
    expect(heading(el)).to.equal('Wil je dat we contact met je opnemen?');
    expect($<HTMLInputElement>(el, '#contact-anonymous').checked).to.equal(true);
    $(el, '#contact-yes').click();
    await el.updateComplete;
    await next(el);
    expect($(el, '#email-error').textContent).to.contain('e-mailadres of telefoonnummer');
    const email = $<HTMLInputElement>(el, '#email');
    email.value = 'sam@voorbeeld.example';
    email.dispatchEvent(new Event('input'));
    await next(el);
    const submitted = nextEvent(el, 'meldpunt-submit');
    $(el, 'button[type=submit]').click();
    await submitted;
    expect((api!.posts[0]!.body as { contact: unknown }).contact).to.deep.equal({
      wantsFollowUp: true,
      email: 'sam@voorbeeld.example',
    });
  });

  it('quick exit: the button and Escape twice clear the form and leave for the tenant’s neutral page', async () => {
    const el = await mount(testConfig(), { locale: 'nl' });
    const visited: string[] = [];
    el.navigate = (url) => visited.push(url);
    $<HTMLInputElement>(el, '#role-victim').click();
    $(el, 'button.exit').click();
    await el.updateComplete;
    expect(visited).to.deep.equal(['https://www.google.com/']);
    expect($<HTMLInputElement>(el, '#role-victim').checked).to.equal(false);
    $(el, '#role-victim').focus();
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    expect(visited).to.have.length(2);
  });

  it('quick exit can be cancelled by the host page', async () => {
    const el = await mount();
    const visited: string[] = [];
    el.navigate = (url) => visited.push(url);
    el.addEventListener('meldpunt-quick-exit', (e) => e.preventDefault(), { once: true });
    $(el, 'button.exit').click();
    expect(visited).to.deep.equal([]);
  });

  it('takes the language from <html lang> and switches language inside the widget', async () => {
    document.documentElement.lang = 'en';
    const el = await mount();
    expect(heading(el)).to.equal('Who is reporting?');
    const select = $<HTMLSelectElement>(el, '#language');
    select.value = 'nl';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => heading(el) === 'Wie meldt er?', 'not in Dutch');
  });

  it('loads the Where step’s texts when it opens: in the language shown, under the tenant’s own', async () => {
    const config = testConfig({ texts: { nl: { 'location.describe.label': 'Waar was het precies?' } } });
    const el = await mount(config, { locale: 'nl' });
    await fillUntil(el, 'where');
    const picker = $(el, 'meldpunt-location-picker');
    const label = () => picker.shadowRoot!.querySelector('label[for=describe]')!.textContent!.trim();
    expect(label()).to.equal('Waar was het precies?');
    expect(picker.shadowRoot!.querySelector('label[for=search]')!.textContent).to.equal('Zoek een adres of straat');
    const select = $<HTMLSelectElement>(el, '#language');
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => label() === 'Describe the place', 'not in English');
    expect(picker.shadowRoot!.querySelector('label[for=search]')!.textContent).to.equal(
      'Search for an address or street',
    );
  });

  it('right-to-left in Arabic, and accessible', async () => {
    const el = await mount(testConfig(), { locale: 'ar' });
    expect($(el, '.widget').getAttribute('dir')).to.equal('rtl');
    expect($(el, '.widget').getAttribute('lang')).to.equal('ar');
    expect(heading(el)).not.to.equal('Who is reporting?');
    await expect(el).to.be.accessible();
  });

  it('a language the tenant does not offer falls back to the tenant default', async () => {
    document.documentElement.lang = 'de';
    const el = await mount(testConfig(), { locale: 'pl' });
    expect($(el, '.widget').getAttribute('lang')).to.equal('nl');
  });

  for (const locale of ['nl', 'ar']) {
    it(`every step is accessible (axe) in ${locale}`, async () => {
      const el = await mount(testConfig(), { locale });
      const seen: string[] = [];
      for (let i = 0; i < 7; i++) {
        const step = $(el, '[data-step]').dataset.step!;
        seen.push(step);
        await expect(el).to.be.accessible();
        if (step === 'review') break;
        await fillUntil(el, nextStepAfter(step));
      }
      expect(seen).to.deep.equal(['who', 'what', 'when', 'where', 'details', 'contact', 'review']);
      const submitted = nextEvent(el, 'meldpunt-submit');
      $(el, 'button[type=submit]').click();
      await submitted;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  it('says clearly when the form cannot load, with 112', async () => {
    api = fakeApi(testConfig());
    const el = await fixture<MeldpuntWidget>(
      html`<meldpunt-widget tenant="unknown" api-base="https://nowhere.invalid"></meldpunt-widget>`,
    );
    await waitFor(() => el.shadowRoot!.querySelector('[role=alert] p:not(:empty)'), 'no error shows');
    expect(el.shadowRoot!.textContent).to.contain('112');
  });

  it('registering twice warns and does not throw', async () => {
    const { define } = await import('@meldpunt/ui/define');
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      define('meldpunt-widget', class extends HTMLElement {});
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
  });
});

const order = ['who', 'what', 'when', 'where', 'details', 'contact', 'review'];
function nextStepAfter(step: string): string {
  return order[order.indexOf(step) + 1] ?? 'review';
}

describe('<meldpunt-widget>: where the report goes', () => {
  /** A square "municipality" around the test tenant's map centre (51.8133, 4.6901). */
  const ownArea: AreaOutline = {
    code: 'GM0505',
    name: 'Dordrecht',
    outline: [
      [
        [
          [4.65, 51.79],
          [4.72, 51.79],
          [4.72, 51.84],
          [4.65, 51.84],
          [4.65, 51.79],
        ],
      ],
    ],
  };
  const eindhoven = {
    slug: 'eindhoven',
    name: 'Gemeente Eindhoven (demo)',
    municipality: { code: 'GM0772', name: 'Eindhoven' },
    participating: true,
  };
  const zwijndrecht = {
    slug: 'nederland',
    name: 'Meldpunt Nederland (demo)',
    municipality: { code: 'GM0642', name: 'Zwijndrecht' },
    participating: false,
  };
  const inEindhoven = { lat: 51.4416, lng: 5.4697 };
  const inZwijndrecht = { lat: 51.8175, lng: 4.639 };
  const nationalBounds: [{ lat: number; lng: number }, { lat: number; lng: number }] = [
    { lat: 50.741, lng: 3.348 },
    { lat: 53.564, lng: 7.228 },
  ];
  const national = () =>
    testConfig({
      slug: 'nederland',
      name: 'Meldpunt Nederland (demo)',
      kind: 'national',
      map: { ...testConfig().map, center: { lat: 52.2, lng: 5.3 }, zoom: 7, minZoom: 7, bounds: nationalBounds },
    });
  /** Eindhoven for points in the south, Zwijndrecht (no tenant) for the rest. */
  const byPlace = ({ lat }: { lat: number }) =>
    lat < 51.6 ? routeAnswer(eindhoven) : routeAnswer(zwijndrecht, 'none');

  const picker = (el: MeldpuntWidget) => $<MeldpuntLocationPicker>(el, 'meldpunt-location-picker');
  const inPicker = (el: MeldpuntWidget, selector: string) =>
    picker(el).shadowRoot!.querySelector<HTMLElement>(selector);
  const notice = (el: MeldpuntWidget) => (inPicker(el, '#notice')?.textContent ?? '').trim();
  const mapView = (el: MeldpuntWidget) => picker(el).shadowRoot!.querySelector('meldpunt-map-view');
  async function mapOf(el: MeldpuntWidget): Promise<HTMLElement> {
    await waitFor(() => mapView(el)?.shadowRoot?.querySelector('#map.leaflet-container'), 'the map did not load');
    return mapView(el)!.shadowRoot!.querySelector<HTMLElement>('#map')!;
  }
  /** Waits until the widget's route preview (a Task) has the answer, or the failure, for the point chosen now. */
  async function routeChecked(el: MeldpuntWidget) {
    await el.updateComplete; // a new point starts a new check in this update
    const route = (el as unknown as { route: { task: Task } }).route.task;
    await waitFor(
      () => route.status === TaskStatus.COMPLETE || route.status === TaskStatus.ERROR,
      'the route preview did not finish',
    );
    await el.updateComplete;
  }
  /** Chooses a point as the picker reports it, whichever of its four ways was used. */
  async function choose(el: MeldpuntWidget, point: { lat: number; lng: number }, text = 'Gekozen op de kaart') {
    picker(el).dispatchEvent(
      new CustomEvent('meldpunt-location-change', {
        detail: { ...point, text, source: 'map' },
        bubbles: true,
        composed: true,
      }),
    );
    await el.updateComplete;
  }
  /** Replaces `navigator.geolocation` with one that answers `point`. */
  function fakeGeolocation(point: { lat: number; lng: number }) {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (success: PositionCallback) =>
          success({
            coords: { latitude: point.lat, longitude: point.lng, accuracy: 12 },
            timestamp: Date.now(),
          } as GeolocationPosition),
      },
    });
  }
  afterEach(() => delete (navigator as { geolocation?: unknown }).geolocation);

  it('draws the tenant’s boundary on the map: a styled line, no inline style, clicks go through', async () => {
    const el = await mount(testConfig(), { locale: 'nl' }, ownArea);
    await fillUntil(el, 'where');
    await mapOf(el);
    const area = mapView(el)!.shadowRoot!.querySelector<SVGPathElement>('svg path.area');
    expect(area, 'the boundary is an SVG path').to.exist;
    expect(area!.getAttribute('d')).to.match(/^M\d/);
    expect(area!.hasAttribute('style')).to.equal(false);
    expect(area!.classList.contains('leaflet-interactive')).to.equal(false);
    const style = getComputedStyle(area!);
    expect(style.pointerEvents).to.equal('none');
    expect(style.fillOpacity).to.equal('0.04');
    expect(style.stroke).to.equal('rgb(0, 84, 60)'); // the tenant's primary colour
    // Drawn under the pin.
    await sendKeys({ press: 'Tab' });
    (await mapOf(el)).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => mapView(el)!.shadowRoot!.querySelector('path.pin'), 'no pin');
    const paths = [...mapView(el)!.shadowRoot!.querySelectorAll('svg path')];
    expect(paths.indexOf(area!)).to.equal(0);
  });

  it('the national tenant’s map shows the whole country and no boundary', async () => {
    const el = await mount(national(), { locale: 'nl' });
    await fillUntil(el, 'where');
    await mapOf(el);
    const view = mapView(el)!;
    expect(view.shadowRoot!.querySelector('path.area')).to.equal(null);
    const map = (view as unknown as { map: L.Map }).map;
    const country = nationalBounds.map((c): [number, number] => [c.lat, c.lng]);
    expect(map.getBounds().contains(country), `${map.getBounds().toBBoxString()} holds the country`).to.equal(true);
  });

  it('inside the tenant’s outline nothing is asked; outside it the reporter is told where the report goes', async () => {
    const el = await mount(testConfig(), { locale: 'nl' }, ownArea);
    api!.route = () => routeAnswer(eindhoven);
    api!.created = { tenant: 'eindhoven', routedTo: eindhoven };
    await fillUntil(el, 'where');
    // The keyboard crosshair at the map's centre: inside the outline.
    const map = await mapOf(el);
    map.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => picker(el).value?.lat !== undefined, 'no point');
    await routeChecked(el);
    expect(api!.routeRequests).to.have.length(0);
    expect(notice(el)).to.equal('');
    // Further east: outside the outline.
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => notice(el) !== '', 'no notice');
    expect(notice(el)).to.equal(
      'Deze plek ligt in de gemeente Eindhoven. Je melding gaat naar Gemeente Eindhoven (demo).',
    );
    expect(inPicker(el, '#notice')!.getAttribute('role')).to.equal('status');
    expect(api!.routeRequests).to.have.length(1);
    const asked = api!.routeRequests[0]!;
    expect(asked.pathname).to.equal('/api/v1/tenants/testgemeente/route');
    expect(Number(asked.searchParams.get('lng'))).to.be.greaterThan(4.72);
    expect(asked.searchParams.get('at')).to.match(/^2026-10-02T23:15:00[+-]\d{2}:\d{2}$/);
    expect(el.shadowRoot!.querySelector('#error-summary')).to.equal(null);

    await fillUntil(el, 'review', { keepPlace: true });
    expect(heading(el)).to.equal('Controleer je melding');
    expect($(el, '#route-notice').textContent).to.contain('Je melding gaat naar Gemeente Eindhoven (demo).');
    const submitted = nextEvent(el, 'meldpunt-submit');
    $(el, 'button[type=submit]').click();
    expect((await submitted).detail.tenant).to.equal('eindhoven');
    await el.updateComplete;
    expect($(el, '.forwarded').textContent).to.equal('Je melding is doorgestuurd naar Gemeente Eindhoven (demo).');
    expect($(el, '.response-body').textContent).to.equal('We lezen elke melding.');
  });

  it('a municipality without a tenant: "contact it directly", no contact step, typed contact details cleared', async () => {
    const el = await mount(national(), { locale: 'nl' });
    api!.route = byPlace;
    const serverText = 'Neem direct contact op met de gemeente Zwijndrecht.';
    api!.created = {
      tenant: 'nederland',
      routedTo: zwijndrecht,
      followUp: 'none',
      response: { title: 'Dank je wel', body: serverText },
    };
    await fillUntil(el, 'where');
    await choose(el, inEindhoven);
    await waitFor(() => notice(el).includes('Eindhoven'), 'no notice for Eindhoven');
    await fillUntil(el, 'contact', { keepPlace: true });
    expect(heading(el)).to.equal('Wil je dat we contact met je opnemen?');
    expect($(el, '#contact-who-sees').textContent).to.contain('medewerkers van Gemeente Eindhoven (demo)');
    $(el, '#contact-yes').click();
    await el.updateComplete;
    const email = $<HTMLInputElement>(el, '#email');
    email.value = 'sam@voorbeeld.example';
    email.dispatchEvent(new Event('input'));
    await next(el);
    expect(heading(el)).to.equal('Controleer je melding');
    expect($(el, '.review').textContent).to.contain('sam@voorbeeld.example');

    // Back to the place: it was in Zwijndrecht after all.
    $<HTMLButtonElement>(el, '.review-row:nth-child(4) .review-change button').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Waar gebeurde het?');
    await choose(el, inZwijndrecht);
    await waitFor(() => notice(el).includes('Zwijndrecht'), 'no notice for Zwijndrecht');
    expect(notice(el)).to.equal(
      'Deze plek ligt in de gemeente Zwijndrecht. Die gemeente is niet aangesloten bij dit meldpunt. ' +
        'Je melding wordt wel bewaard, maar niet naar die gemeente gestuurd. Neem voor hulp of opvolging direct contact op met de ' +
        'gemeente Zwijndrecht. Omdat niemand over deze melding contact met je opneemt, hebben we de contactgegevens ' +
        'die je had ingevuld gewist.',
    );
    expect($(el, '.progress').textContent).to.contain('Stap 4 van 6');
    await next(el);
    expect(heading(el)).to.equal('Wil je nog iets vertellen?');
    await next(el);
    expect(heading(el)).to.equal('Controleer je melding');
    expect($(el, '.review').textContent).not.to.contain('sam@voorbeeld.example');
    expect($(el, '.review').textContent).not.to.contain('Contact');
    expect($(el, '#route-notice').textContent).to.contain('direct contact op met de gemeente Zwijndrecht');
    const submitted = nextEvent(el, 'meldpunt-submit');
    $(el, 'button[type=submit]').click();
    await submitted;
    expect(api!.posts[0]!.body).not.to.have.property('contact');
    expect((api!.posts[0]!.body as { location: unknown }).location).to.deep.include(inZwijndrecht);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.forwarded')).to.equal(null);
    expect($(el, '.response-body').textContent).to.equal(serverText);
  });

  it('not in the Netherlands: a field error, in the error summary, and no way on until the place is fixed', async () => {
    const el = await mount(national(), { locale: 'nl' });
    api!.route = () => outsideAnswer();
    await fillUntil(el, 'where');
    fakeGeolocation({ lat: 50.8466, lng: 4.3528 });
    inPicker(el, '#device')!.click();
    await waitFor(() => el.shadowRoot!.querySelector('#error-summary'), 'no error summary');
    const message = 'Deze plek ligt niet in Nederland.';
    const summary = $(el, '#error-summary');
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(summary.textContent).to.contain(message);
    expect(summary.querySelector('a')!.getAttribute('href')).to.equal('#location');
    expect(inPicker(el, '#error')!.textContent).to.contain(message);
    expect(inPicker(el, '#error')!.checkVisibility()).to.equal(true);
    expect(inPicker(el, '#search')!.getAttribute('aria-invalid')).to.equal('true');
    expect(notice(el)).to.equal('');

    // Next does not go on, and typing words beside the point does not either.
    await next(el);
    expect(heading(el)).to.equal('Waar gebeurde het?');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#error-summary'));
    const describe = inPicker(el, '#describe') as HTMLTextAreaElement;
    describe.value = 'Bij het station';
    describe.dispatchEvent(new InputEvent('input'));
    await next(el);
    expect(heading(el)).to.equal('Waar gebeurde het?');
    expect($(el, '#error-summary').textContent).to.contain(message);

    // Cleared, and described in words only: on it goes.
    inPicker(el, '#clear')!.click();
    await el.updateComplete;
    describe.value = 'Bij het station';
    describe.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#error-summary')).to.equal(null);
    await next(el);
    expect(heading(el)).to.equal('Wil je nog iets vertellen?');
    expect(api!.posts).to.have.length(0);
  });

  it('an answer "not in the Netherlands" that comes late still stops the send', async () => {
    const el = await mount(national(), { locale: 'nl' });
    let answer: (a: Response) => void = () => {};
    api!.route = () => new Promise((resolve) => (answer = resolve));
    await fillUntil(el, 'where');
    await choose(el, { lat: 50.8466, lng: 4.3528 });
    await fillUntil(el, 'review', { keepPlace: true });
    expect(heading(el)).to.equal('Controleer je melding');
    await waitFor(() => api!.routeRequests.length === 1, 'not asked');
    answer(outsideAnswer());
    await routeChecked(el);
    $(el, 'button[type=submit]').click();
    await waitFor(() => heading(el) === 'Waar gebeurde het?', 'not back on the Where step');
    await el.updateComplete;
    expect($(el, '#error-summary').textContent).to.contain('Deze plek ligt niet in Nederland.');
    expect(api!.posts).to.have.length(0);
  });

  it('a failing preview blocks nothing, and an answer for a point since moved is ignored', async () => {
    const el = await mount(national(), { locale: 'nl' });
    await fillUntil(el, 'where');
    // The first point's answer comes late; the reporter has moved the pin by then.
    let late: (a: Response) => void = () => {};
    api!.route = () => new Promise((resolve) => (late = resolve));
    await choose(el, inEindhoven);
    await waitFor(() => api!.routeRequests.length === 1, 'not asked');
    api!.route = byPlace;
    await choose(el, inZwijndrecht);
    await waitFor(() => notice(el).includes('Zwijndrecht'), 'no notice');
    late(routeAnswer(eindhoven));
    await waitFor(() => api!.routesAnswered === 2, 'the late answer was not given');
    await el.updateComplete;
    expect(notice(el)).to.contain('Zwijndrecht');
    expect(notice(el)).not.to.contain('Eindhoven');

    // The service cannot be reached: no notice, and the reporter goes on (the service routes on sending).
    api!.route = () => 'network-error';
    await choose(el, { lat: 51.5, lng: 5.0 });
    await waitFor(() => api!.routeRequests.length === 3, 'not asked');
    await routeChecked(el);
    expect(notice(el)).to.equal('');
    await next(el);
    expect(heading(el)).to.equal('Wil je nog iets vertellen?');
    await next(el);
    expect(heading(el)).to.equal('Wil je dat we contact met je opnemen?');
  });

  for (const locale of ['nl', 'ar']) {
    it(`is accessible with the notice and with the error showing (${locale})`, async () => {
      const el = await mount(national(), { locale });
      api!.route = byPlace;
      await fillUntil(el, 'where');
      await choose(el, inZwijndrecht, locale === 'ar' ? 'مكان على الخريطة' : 'Gekozen op de kaart');
      await waitFor(() => notice(el).includes('Zwijndrecht'), 'no notice');
      await mapOf(el);
      await expect(el).to.be.accessible();
      await fillUntil(el, 'review', { keepPlace: true });
      expect(el.shadowRoot!.querySelector('#route-notice')).to.exist;
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '.review-row:nth-child(4) .review-change button').click();
      await el.updateComplete;
      api!.route = () => outsideAnswer();
      await choose(el, { lat: 50.8466, lng: 4.3528 });
      await waitFor(() => el.shadowRoot!.querySelector('#error-summary'), 'no error');
      await expect(el).to.be.accessible();
    });
  }
});
