import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { PreviewReport, ReportCreated, TenantConfigInput } from '@meldpunt/contracts';
import { testTenantConfig } from '@meldpunt/test-support/tenant';
import type { MeldpuntWidget } from '@meldpunt/widget/meldpunt-widget';
import { textsContext } from '../../../context.ts';
import { loadConfigTexts, translator } from '../../../i18n.ts';
import { fakeConsoleApi, person, type FakeConsoleApi } from '../../../test-support/fake-api.ts';
import { waitFor } from '../../../test-support/wait.ts';
import './config-preview.ts';
import type { MeldpuntConfigPreview } from './config-preview.ts';

const slug = 'testgemeente';
const previewRoute = `POST /console/tenants/${slug}/config/preview-report`;
const attack = '<img src=x onerror=alert(1)>';

/** The draft as the editor holds it (the contracts' input type). */
const draft = (changes: Partial<TenantConfigInput> = {}): TenantConfigInput => ({
  ...testTenantConfig({ branding: { primaryColor: '#00543c' } }),
  ...changes,
});

/** What the service answers for a report sent from the preview (contracts' `config-preview.ts`). */
function previewAnswer(): PreviewReport {
  const result: ReportCreated = {
    id: '00000000-0000-4000-8000-000000000000',
    reference: 'ABCD-2345',
    tenant: slug,
    routedTo: { slug, name: 'Gemeente Test', municipality: null, participating: true },
    followUp: 'active',
    response: { title: 'Dank je wel voor je melding', body: 'We lezen elke melding.' },
  };
  return {
    result,
    mail: {
      subject: `Nieuwe melding ABCD-2345 ${attack}`,
      text: `Wat: Achternalopen\nToelichting: ${attack}`,
      html: `<p>${attack}</p>`,
    },
  };
}

describe('<meldpunt-config-preview>', () => {
  let api: FakeConsoleApi;
  afterEach(() => api.restore());

  async function open(config: TenantConfigInput, layout: 'full' | 'compact' = 'full') {
    api = fakeConsoleApi({
      me: person({ memberships: [{ tenant: slug, tenantName: 'Gemeente Test', roles: ['editor'] }] }),
    });
    api.failNext[`GET /tenants/${slug}/config`] = () => Response.json({ version: 1, config: testTenantConfig() });
    await loadConfigTexts();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(host, { context: textsContext, initialValue: { locale: 'nl', t: translator('nl') } });
    const el = document.createElement('meldpunt-config-preview');
    el.slug = slug;
    el.layout = layout;
    el.config = config;
    host.append(el);
    await waitFor(() => widgets(el).length > 0, 'the widgets');
    for (const w of widgets(el)) await waitFor(() => w.shadowRoot?.querySelector('#step-heading'), 'a widget renders');
    return el;
  }

  const widgets = (el: MeldpuntConfigPreview) => [
    ...el.shadowRoot!.querySelectorAll<MeldpuntWidget>('meldpunt-widget'),
  ];
  const inWidget = (w: MeldpuntWidget, selector: string) => w.shadowRoot!.querySelector<HTMLElement>(selector);
  const title = (w: MeldpuntWidget) => inWidget(w, '.widget-title')?.textContent;

  it('renders the real widget with the draft at phone and desktop width, labelled, accessible', async () => {
    const el = await open(draft({ texts: { nl: { 'intro.title': 'Concept: meld het in Testgemeente' } } }));
    const frames = [...el.shadowRoot!.querySelectorAll('section.frame')];
    expect(frames.map((f) => f.querySelector('h3')!.textContent)).to.deep.equal([
      'Op een telefoon (360 pixels breed)',
      'Op een computer (720 pixels breed)',
    ]);
    expect(frames.map((f) => Math.round(f.getBoundingClientRect().width))).to.deep.equal([360, 720]);
    for (const w of widgets(el)) expect(title(w)).to.equal('Concept: meld het in Testgemeente');
    // The draft, not the published config: nothing asked of the public config but the outline, once.
    expect(api.requests.filter((r) => r.includes('/config'))).to.deep.equal([`GET /tenants/${slug}/config`]);
    await expect(el).to.be.accessible();
  });

  it('reflows at 320 px: the frames wrap, nothing wider than the screen', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await open(draft());
      const [phone, desktop] = [...el.shadowRoot!.querySelectorAll('section.frame')];
      expect(desktop!.getBoundingClientRect().top).to.be.above(phone!.getBoundingClientRect().bottom - 1);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });

  it('quick exit in the preview clears the form but keeps the console on screen', async () => {
    const el = await open(draft(), 'compact');
    const [w] = widgets(el);
    let navigatedTo = '';
    w!.navigate = (url) => (navigatedTo = url);
    inWidget(w!, '#role-victim')!.click();
    inWidget(w!, 'button.exit')!.click();
    await w!.updateComplete;
    expect(navigatedTo).to.equal('');
    expect((inWidget(w!, '#role-victim') as HTMLInputElement).checked).to.equal(false);
  });

  it('follows a text change within a second of the last keystroke', async () => {
    const el = await open(draft());
    const started = Date.now();
    for (const text of ['M', 'Me', 'Meld', 'Meld hier']) el.config = draft({ texts: { nl: { 'intro.title': text } } });
    await waitFor(() => widgets(el).every((w) => title(w) === 'Meld hier'), 'the new title');
    expect(Date.now() - started).to.be.below(1000);
  });

  it('switches language: every language of the draft, Arabic right to left', async () => {
    const el = await open(draft());
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#preview-locale')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['nl', 'en', 'ar']);
    select.value = 'ar';
    select.dispatchEvent(new Event('change'));
    for (const w of widgets(el)) {
      await waitFor(() => inWidget(w, '.widget')?.getAttribute('dir') === 'rtl', 'right to left');
      expect(inWidget(w, '.widget')!.getAttribute('lang')).to.equal('ar');
    }
    await expect(el).to.be.accessible();
  });

  it('shows any step, and the confirmation with the draft’s response, which follows the edits', async () => {
    const response = { title: { nl: 'Bedankt!' }, body: { nl: `${attack}\n\nWe lezen alles.` } };
    const el = await open(draft({ followUp: { mode: 'active', response } }));
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#preview-step')!;
    select.value = 'when';
    select.dispatchEvent(new Event('change'));
    for (const w of widgets(el)) await waitFor(() => inWidget(w, '[data-step=when]'), 'the When step');
    select.value = 'sent';
    select.dispatchEvent(new Event('change'));
    const [phone] = widgets(el);
    await waitFor(() => inWidget(phone!, '.response-body'), 'the confirmation');
    expect([...phone!.shadowRoot!.querySelectorAll('.response-body p')].map((p) => p.textContent)).to.deep.equal([
      attack,
      'We lezen alles.',
    ]);
    expect(phone!.shadowRoot!.querySelector('.response-body img')).to.equal(null);
    el.config = draft({ followUp: { mode: 'active', response: { ...response, body: { nl: 'Nieuwe tekst' } } } });
    await waitFor(() => inWidget(phone!, '.response-body')?.textContent === 'Nieuwe tekst', 'the new response');
    await expect(el).to.be.accessible();
  });

  it('sending from the preview shows the e-mail as a sample, as text, and never calls the reports route', async () => {
    const el = await open(draft(), 'compact');
    api.failNext[previewRoute] = () => Response.json(previewAnswer());
    // The body sent (the fake API records only the request line).
    const bodies: unknown[] = [];
    const fake = window.fetch;
    window.fetch = (input, init) => {
      if (String(input).endsWith('/config/preview-report')) bodies.push(JSON.parse(String(init?.body)));
      return fake(input, init);
    };
    const [w] = widgets(el);
    const $ = (selector: string) => inWidget(w!, selector)!;
    const next = async () => {
      await waitFor(() => !inWidget(w!, 'form[aria-busy]'), 'the step renders');
      $('button[type=submit]').click();
      await w!.updateComplete;
    };
    $('#role-victim').click();
    await next();
    $('#category-following').click();
    await next();
    const date = $('#date') as HTMLInputElement;
    date.value = '2026-10-02';
    date.dispatchEvent(new Event('input'));
    const time = $('#time') as HTMLInputElement;
    time.value = '23:15';
    time.dispatchEvent(new Event('input'));
    await next();
    await waitFor(() => inWidget(w!, 'meldpunt-location-picker'), 'the location picker');
    $('meldpunt-location-picker').dispatchEvent(
      new CustomEvent('meldpunt-location-change', {
        detail: { text: 'Stationsplein', source: 'text' },
        bubbles: true,
        composed: true,
      }),
    );
    await w!.updateComplete;
    for (let i = 0; i < 4; i++) await next();
    await waitFor(() => el.shadowRoot!.querySelector('#mail-subject'), 'the e-mail');

    const sent = api.requests.filter((r) => r.startsWith('POST'));
    expect(sent).to.deep.equal([previewRoute]);
    expect(api.requests.some((r) => r.includes('/reports'))).to.equal(false);
    expect(bodies).to.have.length(1);
    const body = bodies[0] as { config: TenantConfigInput; report: Record<string, unknown> };
    expect(body.config).to.deep.equal(draft());
    expect(body.report).to.deep.include({ role: 'victim', categories: ['following'], locale: 'nl' });
    expect(el.shadowRoot!.querySelector('.mail')!.textContent).to.contain('niet bewaard');
    expect(el.shadowRoot!.querySelector('#mail-subject')!.textContent).to.equal(`Nieuwe melding ABCD-2345 ${attack}`);
    expect(el.shadowRoot!.querySelector('#mail-text')!.textContent).to.equal(
      `Wat: Achternalopen\nToelichting: ${attack}`,
    );
    expect(el.shadowRoot!.querySelector('.mail img')).to.equal(null);
    expect($('.reference-code').textContent).to.equal('ABCD-2345');
    await expect(el).to.be.accessible();
  });
});
