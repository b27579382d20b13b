import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ReportCreated, ReportInputBody, TenantConfig } from '@meldpunt/contracts';
import './meldpunt-widget.ts';
import type { MeldpuntWidget } from './meldpunt-widget.ts';
import type { WidgetPreview } from './preview.ts';
import { testConfig } from './test-support/fixtures.ts';
import { waitFor } from './test-support/wait.ts';

/** Every request the widget makes (a preview must make none to the service's config or reports). */
let requests: string[] = [];
let original: typeof window.fetch;
beforeEach(() => {
  requests = [];
  original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(String(input instanceof Request ? input.url : input));
    return original(input, init);
  };
});
afterEach(() => {
  window.fetch = original;
});

/** A preview of `config` whose `send` records the body and answers `answer`. */
function preview(config: TenantConfig, sent: ReportInputBody[] = [], answer?: ReportCreated): WidgetPreview {
  return {
    config,
    send: async (body) => {
      sent.push(body);
      return (
        answer ?? {
          id: '6f1c2f3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f',
          reference: 'PREV-2345',
          tenant: config.slug,
          routedTo: { slug: config.slug, name: config.name, municipality: null, participating: true },
          followUp: config.followUp.mode,
          response: { title: 'Voorbeeldtitel', body: config.followUp.response.body.nl ?? '' },
        }
      );
    },
  };
}

async function mount(p: WidgetPreview, locale = 'nl') {
  const el = await fixture<MeldpuntWidget>(
    html`<meldpunt-widget
      tenant=${p.config.slug}
      api-base="https://api.test"
      locale=${locale}
      .preview=${p}
    ></meldpunt-widget>`,
  );
  await waitFor(() => el.shadowRoot!.querySelector('#step-heading'), 'the first step renders');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: MeldpuntWidget, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const heading = (el: MeldpuntWidget) => $(el, '#step-heading').textContent!.trim();

async function next(el: MeldpuntWidget) {
  await waitFor(() => !el.shadowRoot!.querySelector('form[aria-busy]'), 'the step renders');
  $(el, 'button[type=submit]').click();
  await el.updateComplete;
}

describe('<meldpunt-widget> preview mode', () => {
  it('offers no "follow up on my report" on the first step (a preview has no report to follow up)', async () => {
    const el = await mount(preview(testConfig()), 'en');
    const buttons = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(buttons).to.not.include('Follow up on my report');
  });

  it('renders the given config without asking the service for one, accessible', async () => {
    const config = testConfig({ texts: { nl: { 'intro.title': 'Concepttitel uit de console' } } });
    const el = await mount(preview(config));
    expect($(el, '.widget-title').textContent).to.equal('Concepttitel uit de console');
    expect(heading(el)).to.equal('Wie meldt er?');
    expect(requests.filter((r) => r.includes('/config'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a new preview object re-renders in place: same step, what was typed, focus; never an empty widget', async () => {
    const el = await mount(preview(testConfig()));
    $<HTMLInputElement>(el, '#role-bystander').click();
    await next(el);
    $<HTMLInputElement>(el, '#category-following').click();
    await next(el);
    expect(heading(el)).to.equal('Wanneer gebeurde het?');
    const date = $<HTMLInputElement>(el, '#date');
    date.focus();
    await sendKeys({ type: '02102026' });
    const typed = date.value;
    expect(typed).to.not.equal('');

    // Every render from now on must show the step: the pending state of the reload keeps the last one.
    let emptyRenders = 0;
    const observer = new MutationObserver(() => {
      if (!el.shadowRoot!.querySelector('#step-heading')) emptyRenders++;
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    el.preview = preview(testConfig({ texts: { nl: { 'intro.title': 'Nieuwe titel' } } }));
    await waitFor(() => $(el, '.widget-title').textContent === 'Nieuwe titel', 'the new title');
    observer.disconnect();
    expect(emptyRenders).to.equal(0);
    expect(heading(el)).to.equal('Wanneer gebeurde het?');
    expect($<HTMLInputElement>(el, '#date').value).to.equal(typed);
    expect(el.shadowRoot!.activeElement?.id).to.equal('date');
    // Back keeps the earlier answers too.
    $(el, '#back').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#category-following').checked).to.equal(true);
  });

  it('sending calls the hook, never the reports route, and shows the confirmation with its answer', async () => {
    const sent: ReportInputBody[] = [];
    const config = testConfig({
      followUp: { mode: 'active', response: { title: { nl: 'Bedankt' }, body: { nl: 'Concepttekst na het melden.' } } },
    });
    const el = await mount(preview(config, sent));
    await el.showPreviewStep('review');
    await waitFor(() => heading(el) === 'Controleer je melding', 'the review');
    // The review of an empty draft: sending is refused, and the first step to answer shows its error.
    await next(el);
    await waitFor(() => el.shadowRoot!.querySelector('#error-summary'), 'the error summary');
    expect(heading(el)).to.equal('Wie meldt er?');
    expect(sent).to.have.length(0);

    $<HTMLInputElement>(el, '#role-victim').click();
    await next(el);
    $<HTMLInputElement>(el, '#category-verbal').click();
    await next(el);
    const date = $<HTMLInputElement>(el, '#date');
    date.value = '2026-10-02';
    date.dispatchEvent(new Event('input'));
    const time = $<HTMLInputElement>(el, '#time');
    time.value = '23:15';
    time.dispatchEvent(new Event('input'));
    await next(el);
    await waitFor(() => el.shadowRoot!.querySelector('meldpunt-location-picker'), 'the location picker');
    $(el, 'meldpunt-location-picker').dispatchEvent(
      new CustomEvent('meldpunt-location-change', {
        detail: { text: 'Stationsplein', source: 'text' },
        bubbles: true,
        composed: true,
      }),
    );
    await el.updateComplete;
    await next(el);
    await next(el);
    await next(el);
    await waitFor(() => heading(el) === 'Controleer je melding', 'the review');
    await next(el);
    await waitFor(() => el.shadowRoot!.querySelector('.reference-code'), 'the confirmation');
    expect(sent).to.have.length(1);
    expect(sent[0]).to.deep.include({ role: 'victim', categories: ['verbal'], locale: 'nl' });
    expect(heading(el)).to.equal('Voorbeeldtitel');
    expect($(el, '.response-body').textContent).to.equal('Concepttekst na het melden.');
    expect($(el, '.reference-code').textContent).to.equal('PREV-2345');
    expect(requests.filter((r) => r.includes('/reports') || r.includes('/config'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('showPreviewStep("sent") shows the confirmation of the draft, per follow-up mode, in the language shown', async () => {
    const response = {
      title: { nl: 'Dank je', en: 'Thanks' },
      body: { nl: 'Wij lezen alles.', en: 'We read it all.' },
    };
    const el = await mount(preview(testConfig({ followUp: { mode: 'active', response } })), 'en');
    await el.showPreviewStep('sent');
    await waitFor(() => el.shadowRoot!.querySelector('.reference-code'), 'the confirmation');
    expect(heading(el)).to.equal('Thanks');
    expect($(el, '.response-body').textContent).to.equal('We read it all.');
    expect($(el, '.reference-code').textContent).to.match(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const done = () => $(el, '.response-body').parentElement!.textContent!.replace(/\s+/g, ' ');
    expect(done()).to.contain('Staff of Gemeente Test read your report.');
    // A preview stores nothing: there is no report to follow up, so no way into the follow-up.
    expect(el.shadowRoot!.querySelector('#open-follow-up')).to.equal(null);
    await expect(el).to.be.accessible();

    const branding = { primaryColor: '#00543c', logoUrl: '/logo.svg', logoAlt: { en: 'New logo' } };
    el.preview = preview(testConfig({ branding, followUp: { mode: 'none', response } }));
    await waitFor(() => $<HTMLImageElement>(el, 'img.logo').alt === 'New logo', 'the new draft');
    await el.showPreviewStep('sent');
    expect(done()).to.not.contain('Staff of Gemeente Test read your report.');
    expect(done()).to.contain('Please note: Gemeente Test does not contact people about reports.');

    // Another language on the confirmation: the draft's response in that language.
    el.setAttribute('locale', 'nl');
    await waitFor(() => heading(el) === 'Dank je', 'the Dutch response');
    expect($(el, '.response-body').textContent).to.equal('Wij lezen alles.');
  });

  it('the tenant’s accent colour marks the progress bar', async () => {
    const branding = { primaryColor: '#00543c', accentColor: '#b3006b' };
    const el = await mount(preview(testConfig({ branding })));
    expect(getComputedStyle($(el, 'progress')).accentColor).to.equal('rgb(179, 0, 107)');
    el.preview = preview(testConfig({ branding: { ...branding, accentColor: '#1d4ed8' } }));
    await waitFor(() => getComputedStyle($(el, 'progress')).accentColor === 'rgb(29, 78, 216)', 'the new accent');
  });

  it('preview is a property only, and no private state is an attribute', () => {
    const element = customElements.get('meldpunt-widget') as unknown as { observedAttributes: string[] };
    expect(element.observedAttributes).to.deep.equal(['tenant', 'api-base', 'locale']);
  });

  it('outside preview mode, showPreviewStep does nothing', async () => {
    const el = await fixture<MeldpuntWidget>(html`<meldpunt-widget></meldpunt-widget>`);
    await el.showPreviewStep('review');
    expect(el.shadowRoot!.querySelector('[data-step]')).to.equal(null);
  });
});
