import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TenantConfig } from '@meldpunt/contracts';
import './meldpunt-widget.ts';
import type { MeldpuntWidget } from './meldpunt-widget.ts';
import { fakeApi, testConfig, type FakeApi } from './test-support/fixtures.ts';

let api: FakeApi | undefined;
afterEach(() => {
  api?.restore();
  api = undefined;
  document.documentElement.lang = 'en';
});

async function mount(config: TenantConfig = testConfig(), attrs: { locale?: string } = {}) {
  api = fakeApi(config);
  const el = await fixture<MeldpuntWidget>(
    html`<meldpunt-widget
      tenant=${config.slug}
      api-base="https://api.test"
      locale=${attrs.locale ?? ''}
    ></meldpunt-widget>`,
  );
  el.navigate = () => {};
  await waitUntil(() => el.shadowRoot!.querySelector('#step-heading'), 'the first step renders', { timeout: 5000 });
  return el;
}

const $ = <T extends Element = HTMLElement>(el: MeldpuntWidget, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const heading = (el: MeldpuntWidget) => $(el, '#step-heading').textContent!.trim();

async function next(el: MeldpuntWidget) {
  $(el, 'button[type=submit]').click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

/** Fills the steps up to (not including) `until` with a valid answer each. */
async function fillUntil(el: MeldpuntWidget, until: string) {
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
    if (step === until) return;
    if (!el.shadowRoot!.querySelector(`[data-step="${step}"]`)) continue;
    await fill();
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
    const event = oneEvent(el, 'meldpunt-step-change');
    await next(el);
    const { detail } = await event;
    expect(detail).to.deep.equal({ step: 'what', index: 1, total: 7 });
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
    const submitted = oneEvent(el, 'meldpunt-submit');
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
    const failed = oneEvent(el, 'meldpunt-error');
    $(el, 'button[type=submit]').click();
    expect((await failed).detail.kind).to.equal('network');
    await el.updateComplete;
    expect($(el, '#send-error').textContent).to.contain('nog niet verstuurd');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#send-error'));
    expect($(el, '.review').textContent).to.contain('Stationsplein');
    const submitted = oneEvent(el, 'meldpunt-submit');
    window.dispatchEvent(new Event('online'));
    await submitted;
    expect(api!.posts).to.have.length(2);
    expect(api!.posts[0]!.idempotencyKey).to.be.a('string').and.equal(api!.posts[1]!.idempotencyKey);
  });

  it('shows a server error with "try again"; the retry goes through', async () => {
    const el = await mount(testConfig(), { locale: 'en' });
    await fillUntil(el, 'review');
    api!.answers.push(new Response('{}', { status: 503, headers: { 'content-type': 'application/problem+json' } }));
    $(el, 'button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#send-error'));
    expect($(el, '#send-error').textContent).to.contain('something went wrong on our side');
    const submitted = oneEvent(el, 'meldpunt-submit');
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
    await waitUntil(() => el.shadowRoot!.querySelector('#error-summary'));
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
    const submitted = oneEvent(el, 'meldpunt-submit');
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
    const submitted = oneEvent(el, 'meldpunt-submit');
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
    await waitUntil(() => heading(el) === 'Wie meldt er?');
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
      const submitted = oneEvent(el, 'meldpunt-submit');
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
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert] p:not(:empty)'), 'an error shows', {
      timeout: 8000,
    });
    expect(el.shadowRoot!.textContent).to.contain('112');
  });

  it('registering twice warns and does not throw', async () => {
    const { define } = await import('./define.ts');
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
