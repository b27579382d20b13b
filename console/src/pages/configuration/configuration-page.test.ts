import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { TenantConfig } from '@meldpunt/contracts';
import '../../meldpunt-console.ts';
import type { MeldpuntConsole } from '../../meldpunt-console.ts';
import {
  configDraft,
  configVersion,
  fakeConsoleApi,
  person,
  tenant,
  tenantConfig,
  type FakeConsoleApi,
} from '../../test-support/fake-api.ts';
import { shadowText, waitFor } from '../../test-support/wait.ts';
import { saveDelayMs } from './draft-store.ts';
import { sectionLoaders } from './sections.ts';

const editor = () => person();
const publisher = () =>
  person({
    name: 'Piet Publiceerder',
    memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles: ['publisher'] }],
  });
const admin = () =>
  person({ name: 'Anna Admin', memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles: ['admin'] }] });
const bert = { id: '8c7b6a5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d', name: 'Bert Bewerker' };

describe('<meldpunt-configuration-page>', () => {
  const startUrl = location.pathname + location.search;
  let api: FakeConsoleApi;

  beforeEach(() => localStorage.setItem('meldpunt-console-language', 'nl'));
  afterEach(() => {
    api.restore();
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });

  function start(me = editor(), extra: Partial<Parameters<typeof fakeConsoleApi>[0]> = {}) {
    api = fakeConsoleApi({
      me,
      tenants: [tenant()],
      drafts: { dordrecht: configDraft() },
      versions: { dordrecht: [configVersion()] },
      ...extra,
    });
  }

  async function open(path: string) {
    history.replaceState(null, '', path);
    const el = await fixture<MeldpuntConsole>(html`<meldpunt-console></meldpunt-console>`);
    await waitFor(() => el.shadowRoot!.querySelector('meldpunt-configuration-page'), 'the page');
    const page = el.shadowRoot!.querySelector('meldpunt-configuration-page')!;
    await waitFor(() => page.shadowRoot!.querySelector('nav'), 'the editor');
    return { el, page, root: page.shadowRoot! };
  }

  /** The texts section, once shown. */
  async function textsSection(root: ShadowRoot) {
    await waitFor(() => root.querySelector('meldpunt-config-texts')?.shadowRoot?.querySelector('fieldset'), 'texts');
    return root.querySelector('meldpunt-config-texts')!.shadowRoot!;
  }

  const control = (section: ShadowRoot, pointer: string) =>
    section.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-pointer="${pointer}"]`)!;

  async function typeInto(section: ShadowRoot, pointer: string, text: string, replace = false) {
    const input = control(section, pointer);
    input.focus();
    if (replace) input.select();
    await sendKeys({ type: text });
  }

  /** Chooses the language whose texts the section shows. */
  async function chooseLanguage(section: ShadowRoot, locale: string) {
    const select = section.querySelector<HTMLSelectElement>('#texts-language')!;
    select.value = locale;
    select.dispatchEvent(new Event('change'));
    await waitFor(() => control(section, `/followUp/response/title/${locale}`), `the texts in ${locale}`);
  }

  const saveState = (root: ShadowRoot) => root.querySelector('.save-state')?.textContent?.trim() ?? '';

  it('opens on the texts, with the sections as links, the state of the draft and no publish button for an editor; accessible', async () => {
    start();
    const { el, root } = await open('/console/tenants/dordrecht/configuration');
    const section = await textsSection(root);
    const current = root.querySelector('nav a[aria-current="page"]');
    expect(current?.textContent?.trim()).to.equal('Teksten');
    expect(current?.getAttribute('href')).to.equal('/console/tenants/dordrecht/configuration/texts');
    expect([...root.querySelectorAll('nav a')].map((a) => a.textContent?.trim())).to.deep.equal([
      'Teksten',
      'Huisstijl',
      'Soorten',
      'Extra vragen',
      'Opvolging',
      'Kaart',
      'Talen',
      'Voorbeeld',
      'Versies',
      'Insluiten',
    ]);
    expect(shadowText(root.host)).to.include('Gepubliceerd: versie 3.');
    expect(root.querySelector('#publish-open')).to.equal(null);
    // The tenant's own title, and the widget's standard text beside an override not given.
    expect(control(section, '/texts/nl/intro.title').value).to.equal('Meld straatintimidatie in Dordrecht');
    await waitFor(
      () => section.querySelector('#f-texts-nl-steps-when-hint-hint')?.textContent?.includes('Standaardtekst: Ook als'),
      'the standard text',
    );
    expect(document.title).to.equal('Instellingen van het meldformulier · Dordrecht · Meldpunt-console');
    await expect(el).to.be.accessible();
  });

  it('saves once, with If-Match, after typing stops; says so politely; nothing typed is replaced', async () => {
    start();
    const { root } = await open('/console/tenants/dordrecht/configuration/texts');
    const section = await textsSection(root);
    await chooseLanguage(section, 'en');
    await typeInto(section, '/followUp/response/title/en', ' today');
    expect(root.querySelector('.save-state')?.getAttribute('aria-live')).to.equal('polite');
    await waitFor(() => saveState(root).startsWith('Opgeslagen om'), 'saved');
    expect(api.draftSaves).to.have.length(1);
    expect(api.draftSaves[0]!.ifMatch).to.equal('"draft-0"');
    expect(api.draftSaves[0]!.body.followUp.response.title.en).to.equal('Thank you for your report today');
    expect(control(section, '/followUp/response/title/en').value).to.equal('Thank you for your report today');
    // The next save goes with the new etag.
    const etag = api.drafts['dordrecht']!.etag;
    expect(etag).to.not.equal('"draft-0"');
    await typeInto(section, '/texts/en/intro.title', 'Report it!');
    await waitFor(() => api.draftSaves.length === 2 && saveState(root).startsWith('Opgeslagen'), 'saved again');
    expect(api.draftSaves[1]!.ifMatch).to.equal(etag);
    expect(api.draftSaves[1]!.body.texts['en']?.['intro.title']).to.equal('Report it!');
    expect(api.draftSaves[1]!.body.texts['nl']?.['intro.title']).to.equal('Meld straatintimidatie in Dordrecht');
  });

  it('one save at a time: what is typed while a save is on its way is saved right after it, with the new etag', async () => {
    start();
    const { root } = await open('/console/tenants/dordrecht/configuration/texts');
    const section = await textsSection(root);
    let release = () => {};
    api.holdSaves = new Promise<void>((resolve) => (release = resolve));
    const puts = () => api.requests.filter((r) => r === 'PUT /console/tenants/dordrecht/config/draft').length;
    await typeInto(section, '/texts/nl/intro.body', 'Eerste zin.');
    await waitFor(() => puts() === 1 && saveState(root) === 'Bezig met opslaan…', 'the first save on its way');
    await typeInto(section, '/texts/nl/intro.body', ' Tweede zin.');
    // The pause after typing that starts a save passes while the first is still on its way: no second request.
    const typed = performance.now();
    await waitFor(() => performance.now() - typed > saveDelayMs + 200, 'the pause after typing');
    expect(puts()).to.equal(1);
    expect(saveState(root)).to.equal('Bezig met opslaan…');
    api.holdSaves = undefined;
    release();
    await waitFor(() => api.draftSaves.length === 2 && saveState(root).startsWith('Opgeslagen'), 'both saved');
    expect(api.draftSaves[0]!.body.texts['nl']?.['intro.body']).to.equal('Eerste zin.');
    expect(api.draftSaves[1]!.body.texts['nl']?.['intro.body']).to.equal('Eerste zin. Tweede zin.');
    expect(api.draftSaves[1]!.ifMatch).to.not.equal(api.draftSaves[0]!.ifMatch);
    expect(control(section, '/texts/nl/intro.body').value).to.equal('Eerste zin. Tweede zin.');
  });

  it('a refused field: the message beside it, what was typed stays, the state says not saved', async () => {
    start(editor(), {
      draftErrors: (config: TenantConfig) =>
        config.privacy.url?.startsWith('https://') ? [] : [{ path: '/privacy/url', message: 'Use an https address' }],
    });
    const { el, root } = await open('/console/tenants/dordrecht/configuration/texts');
    const section = await textsSection(root);
    await typeInto(section, '/privacy/url', 'http://dordrecht.nl/privacy', true);
    await waitFor(() => saveState(root).startsWith('Niet opgeslagen'), 'refused');
    const input = control(section, '/privacy/url');
    expect(input.value).to.equal('http://dordrecht.nl/privacy');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(section.querySelector(`#${input.id}-error`)?.textContent).to.include('Use an https address');
    expect(input.getAttribute('aria-describedby')).to.include(`${input.id}-error`);
    await expect(el).to.be.accessible();
    // Corrected, it saves and the message goes.
    await typeInto(section, '/privacy/url', 'https://dordrecht.nl/privacy', true);
    await waitFor(() => saveState(root).startsWith('Opgeslagen'), 'saved');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(api.draftSaves.at(-1)!.body.privacy.url).to.equal('https://dordrecht.nl/privacy');
  });

  it('someone else saved meanwhile (412): their changes are kept, mine laid over them, and where we both wrote, both texts and their name', async () => {
    start();
    const { el, root } = await open('/console/tenants/dordrecht/configuration/texts');
    const section = await textsSection(root);
    // Bert saves first: the English response title, and the Dutch body.
    const base = api.drafts['dordrecht']!.config;
    const theirs = structuredClone(base);
    theirs.followUp.response.title.en = 'Thanks a lot';
    theirs.followUp.response.body.nl = 'Wij lezen alles.';
    api.drafts['dordrecht'] = configDraft({
      config: theirs,
      revision: 1,
      etag: '"draft-bert"',
      updatedBy: bert,
      updatedAt: '2026-12-02T13:02:00.000Z',
    });
    await chooseLanguage(section, 'en');
    await typeInto(section, '/followUp/response/title/en', 'Thank you, really', true);
    await waitFor(() => root.querySelector('#conflict'), 'the conflict notice');
    await waitFor(() => api.draftSaves.length === 2 && saveState(root).startsWith('Opgeslagen'), 'saved after merging');
    expect(api.draftSaves[0]!.ifMatch).to.equal('"draft-0"');
    expect(api.draftSaves[1]!.ifMatch).to.equal('"draft-bert"');
    const saved = api.draftSaves[1]!.body;
    expect(saved.followUp.response.title.en).to.equal('Thank you, really');
    expect(saved.followUp.response.body.nl).to.equal('Wij lezen alles.');
    const notice = shadowText(root.host);
    expect(notice).to.include('Bert Bewerker heeft het concept opgeslagen om');
    expect(notice).to.include('Opvolging › Reactie na versturen › Tekst (Nederlands)');
    const conflict = root.querySelector('.conflict')!;
    expect(conflict.textContent).to.include('Reactie na versturen › Titel (Engels)');
    expect(conflict.querySelector('.new')?.textContent).to.equal('Thank you, really');
    expect(conflict.querySelector('.old')?.textContent).to.equal('Thanks a lot');
    expect(control(section, '/followUp/response/title/en').value).to.equal('Thank you, really');
    await expect(el).to.be.accessible();

    [...conflict.querySelectorAll('button')].find((b) => b.textContent?.includes('Neem die van hen'))!.click();
    await waitFor(() => control(section, '/followUp/response/title/en').value === 'Thanks a lot', 'theirs taken');
    await waitFor(() => api.draftSaves.length === 3 && saveState(root).startsWith('Opgeslagen'), 'saved theirs');
    expect(api.draftSaves[2]!.body.followUp.response.title.en).to.equal('Thanks a lot');
    expect(root.querySelector('.conflict')).to.equal(null);
  });

  it('no answer: not saved, try again, nothing lost', async () => {
    start();
    const { root } = await open('/console/tenants/dordrecht/configuration/texts');
    const section = await textsSection(root);
    api.failNext['PUT /console/tenants/dordrecht/config/draft'] = () => Promise.reject(new TypeError('offline'));
    await typeInto(section, '/texts/nl/intro.body', 'Samen maken we de stad veiliger.');
    await waitFor(() => saveState(root).includes('geen antwoord'), 'not saved');
    expect(control(section, '/texts/nl/intro.body').value).to.equal('Samen maken we de stad veiliger.');
    [...root.querySelectorAll<HTMLButtonElement>('.status-bar button')]
      .find((b) => b.textContent?.includes('opnieuw'))!
      .click();
    await waitFor(() => saveState(root).startsWith('Opgeslagen'), 'saved on retry');
    expect(api.draftSaves.at(-1)!.body.texts['nl']?.['intro.body']).to.equal('Samen maken we de stad veiliger.');
  });

  it('referrals: added, named, moved and removed with buttons', async () => {
    start(editor(), {
      drafts: {
        dordrecht: configDraft({
          config: tenantConfig({ referrals: [{ id: 'fier', name: { nl: 'Fier' } }] }),
        }),
      },
    });
    const { root } = await open('/console/tenants/dordrecht/configuration/texts');
    const section = await textsSection(root);
    section.querySelector<HTMLButtonElement>('#add-referral')!.click();
    await waitFor(
      () =>
        control(section, '/referrals/1/name/nl') && section.activeElement === control(section, '/referrals/1/name/nl'),
      'the new name field',
    );
    await sendKeys({ type: 'Centrum Seksueel Geweld Zuid' });
    const button = (text: string) =>
      [...section.querySelectorAll<HTMLButtonElement>('.referral button')].find((b) => b.textContent?.includes(text));
    await waitFor(() => button('Zet Centrum Seksueel Geweld Zuid hoger'), 'the buttons named after it');
    button('Zet Centrum Seksueel Geweld Zuid hoger')!.click();
    await waitFor(
      () => api.draftSaves.some((s) => s.body.referrals[0]?.name['nl'] === 'Centrum Seksueel Geweld Zuid'),
      'moved and saved',
    );
    expect(api.draftSaves.at(-1)!.body.referrals.map((r) => r.id)).to.deep.equal(['hulp-2', 'fier']);
    // The focus moved with it: its "lower" button now (it is first, "higher" is off).
    expect(section.activeElement?.textContent).to.include('Zet Centrum Seksueel Geweld Zuid lager');
    [...section.querySelectorAll<HTMLButtonElement>('.referral button')]
      .find((b) => b.textContent?.includes('Verwijder Fier'))!
      .click();
    await waitFor(() => api.draftSaves.at(-1)!.body.referrals.length === 1, 'removed and saved');
    expect(section.activeElement?.id).to.equal('add-referral');
  });

  it('the completeness per language, and a required text missing in the default language blocks publishing', async () => {
    const config = tenantConfig();
    delete (config.followUp.response.body as Record<string, string>)['nl'];
    start(publisher(), {
      drafts: {
        dordrecht: configDraft({
          config,
          publishBlockers: [
            { path: '/followUp/response/body/nl', message: 'A text in the default locale (nl) is required' },
          ],
        }),
      },
    });
    const { el, root } = await open('/console/tenants/dordrecht/configuration/texts');
    const section = await textsSection(root);
    const text = shadowText(section.host);
    expect(text).to.include('Nederlands (standaardtaal)');
    expect(text).to.include('ontbreekt: 1');
    expect(section.querySelector('.missing-required')?.textContent).to.include('houdt publiceren tegen');
    expect(control(section, '/followUp/response/body/nl').getAttribute('aria-invalid')).to.equal('true');
    expect(root.querySelector('.blockers-toggle')?.textContent).to.include('1 punt houdt publiceren tegen');
    await expect(el).to.be.accessible();
    // Its link leads to the field, focused.
    section.querySelector<HTMLAnchorElement>('.missing-required a')!.click();
    await waitFor(
      () => section.activeElement === control(section, '/followUp/response/body/nl'),
      'the missing text focused',
    );
    expect(location.search).to.equal('?field=%2FfollowUp%2Fresponse%2Fbody%2Fnl');
  });

  it('publish, keyboard only: the note is required, then version 4 is published', async () => {
    start(publisher());
    const { el, root } = await open('/console/tenants/dordrecht/configuration/texts');
    await textsSection(root);
    root.querySelector<HTMLButtonElement>('#publish-open')!.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = root.querySelector('meldpunt-config-publish-dialog')!.shadowRoot!;
    await waitFor(() => dialog.querySelector('dialog')?.open, 'the dialog');
    expect(dialog.activeElement?.id).to.equal('publish-note');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => dialog.querySelector('#publish-note-error'), 'the note is required');
    expect(dialog.activeElement?.id).to.equal('publish-note');
    expect(api.publishes).to.have.length(0);
    await sendKeys({ type: 'Nieuwe reactietekst' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => dialog.querySelector('#publish-outcome')?.textContent?.includes('Versie 4 is gepubliceerd'),
      'published',
    );
    expect(api.publishes[0]).to.deep.equal({ path: 'publish', body: { note: 'Nieuwe reactietekst' } });
    expect(dialog.activeElement?.id).to.equal('publish-outcome');
    await expect(el).to.be.accessible();
    await waitFor(() => shadowText(root.host).includes('Gepubliceerd: versie 4.'), 'the status bar follows');
  });

  it('publishing blocked: the dialog lists what blocks it with links to the fields; refused by the service: the same', async () => {
    start(publisher(), {
      drafts: {
        dordrecht: configDraft({
          publishBlockers: [
            {
              path: '/branding/primaryColor',
              message: 'Text on the primary colour has contrast 2.1:1; at least 4.5:1 needed',
            },
          ],
        }),
      },
    });
    const { el, root } = await open('/console/tenants/dordrecht/configuration/texts');
    await textsSection(root);
    root.querySelector<HTMLButtonElement>('#publish-open')!.click();
    const dialog = root.querySelector('meldpunt-config-publish-dialog')!.shadowRoot!;
    await waitFor(() => dialog.querySelector('dialog')?.open, 'the dialog');
    const blocked = dialog.querySelector('#publish-blocked')!;
    expect(blocked.textContent).to.include('contrast 2.1:1; at least 4.5:1 needed');
    const link = blocked.querySelector('a')!;
    expect(link.textContent).to.equal('Huisstijl › Hoofdkleur');
    expect(link.getAttribute('href')).to.equal(
      '/console/tenants/dordrecht/configuration/branding?field=%2Fbranding%2FprimaryColor',
    );
    expect(dialog.querySelector('#publish-note')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('publishing refused by the service (blocked since this page read the draft): the reasons, with links', async () => {
    start(publisher());
    const { root } = await open('/console/tenants/dordrecht/configuration/texts');
    await textsSection(root);
    api.drafts['dordrecht'] = configDraft({
      publishBlockers: [{ path: '/privacy', message: 'Give a privacy statement text or URL' }],
    });
    root.querySelector<HTMLButtonElement>('#publish-open')!.click();
    const dialog = root.querySelector('meldpunt-config-publish-dialog')!.shadowRoot!;
    await waitFor(() => dialog.querySelector('dialog')?.open, 'the dialog');
    await sendKeys({ type: 'Klaar' });
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => dialog.querySelector('#publish-outcome')?.textContent?.includes('geweigerd'), 'refused');
    const outcome = dialog.querySelector('#publish-outcome')!;
    expect(outcome.getAttribute('role')).to.equal('alert');
    expect(outcome.textContent).to.include('Give a privacy statement text or URL');
    expect(outcome.querySelector('a')?.textContent).to.equal('Privacy');
    expect(dialog.activeElement).to.equal(outcome);
    expect(api.publishes).to.deep.equal([{ path: 'publish', body: { note: 'Klaar' } }]);
  });

  it('history: every version, a comparison that shows a changed text, and a restore that publishes it anew', async () => {
    const v2 = tenantConfig();
    const v3 = tenantConfig();
    v3.followUp.response.title.en = 'Thanks for reporting';
    start(publisher(), {
      versions: {
        dordrecht: [
          configVersion({ version: 1, current: false, note: 'Eerste versie', publishedBy: null }),
          configVersion({ version: 2, current: false, note: 'Nieuwe kleuren', config: v2 }),
          configVersion({ version: 3, current: true, note: 'Engelse titel', config: v3 }),
        ],
      },
    });
    const { el, root } = await open('/console/tenants/dordrecht/configuration/history');
    await waitFor(() => root.querySelector('meldpunt-config-history')?.shadowRoot?.querySelector('table'), 'the list');
    const history = root.querySelector('meldpunt-config-history')!.shadowRoot!;
    const rows = [...history.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
    expect(rows[0]).to.include('Versie 3').and.include('Huidige versie').and.include('Engelse titel');
    expect(rows[2]).to.include('beheerder van het platform').and.include('Eerste versie');
    await expect(el).to.be.accessible();

    history.querySelector<HTMLButtonElement>('.compare button[type="submit"]')!.click();
    await waitFor(() => history.querySelector('table.diff'), 'the comparison');
    expect(location.search).to.equal('?from=2&to=3');
    const diff = [...history.querySelectorAll('table.diff tbody tr')].map((r) =>
      r.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(diff).to.deep.equal([
      'Opvolging › Reactie na versturen › Titel (Engels) Thank you for your report Thanks for reporting',
    ]);
    await expect(el).to.be.accessible();

    [...history.querySelectorAll<HTMLButtonElement>('tbody button')]
      .find((b) => b.textContent?.includes('versie 2'))!
      .click();
    await waitFor(() => history.querySelector<HTMLDialogElement>('#restore-dialog')?.open, 'the confirmation');
    expect(history.activeElement?.id).to.equal('restore-note');
    await sendKeys({ type: 'Terug naar de oude titel' });
    history.querySelector<HTMLButtonElement>('#restore-dialog button[type="submit"]')!.click();
    await waitFor(() => history.querySelector('#history-outcome')?.textContent?.includes('als versie 4'), 'restored');
    expect(api.publishes).to.deep.equal([{ path: 'versions/2/restore', body: { note: 'Terug naar de oude titel' } }]);
    await waitFor(() => history.querySelector('tbody tr')?.textContent?.includes('Versie 4'), 'the new version listed');
    expect(history.querySelector('tbody tr')?.textContent).to.include('Teruggezet van versie 2');
    // The editor's draft starts again from the restored version.
    await waitFor(() => shadowText(root.host).includes('Gepubliceerd: versie 4.'), 'the status bar follows');
  });

  it('an admin without the editor role reads the published version, cannot edit, and sees no publish button', async () => {
    start(admin(), { tenants: [tenant({ roles: ['admin'] })] });
    const { root } = await open('/console/tenants/dordrecht/configuration');
    const section = await textsSection(root);
    expect(shadowText(root.host)).to.include('Je kunt de instellingen bekijken, niet wijzigen');
    expect(control(section, '/texts/nl/intro.title').readOnly).to.equal(true);
    expect(section.querySelector('#add-referral')).to.equal(null);
    expect(root.querySelector('#publish-open')).to.equal(null);
    expect(api.requests.some((r) => r.includes('/config/draft'))).to.equal(false);
  });

  it('an unknown section is not found; keyboard: the section links are reachable in order and the current one marked', async () => {
    start();
    const { root } = await open('/console/tenants/dordrecht/configuration/nothing');
    expect(shadowText(root.host)).to.include('Dit onderdeel bestaat niet.');
    const links = [...root.querySelectorAll<HTMLAnchorElement>('nav a')];
    links[0]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(links[1]);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => location.pathname.endsWith('/configuration/branding'), 'followed by keyboard');
    await waitFor(
      () => root.querySelector('nav a[aria-current="page"]')?.textContent?.trim() === 'Huisstijl',
      'current',
    );
  });

  it('other parts’ sections show once their loader is there: settings for admins only, the compact preview beside editing sections on wide screens', async () => {
    // Stand-ins for the elements other files define (the page only needs their tags and properties).
    class Stand extends HTMLElement {
      slug = '';
      config: unknown;
    }
    if (!customElements.get('meldpunt-config-settings'))
      customElements.define('meldpunt-config-settings', class extends Stand {});
    if (!customElements.get('meldpunt-config-preview'))
      customElements.define('meldpunt-config-preview', class extends Stand {});
    const before = { ...sectionLoaders };
    sectionLoaders.settings = () => Promise.resolve();
    sectionLoaders.preview = () => Promise.resolve();
    await setViewport({ width: 1400, height: 900 });
    try {
      start(person({ memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles: ['admin', 'editor'] }] }));
      const { root } = await open('/console/tenants/dordrecht/configuration/texts');
      await textsSection(root);
      const names = () => [...root.querySelectorAll('nav a')].map((a) => a.textContent?.trim());
      expect(names()).to.deep.equal([
        'Teksten',
        'Huisstijl',
        'Soorten',
        'Extra vragen',
        'Opvolging',
        'Kaart',
        'Talen',
        'Voorbeeld',
        'Versies',
        'Insluiten',
        'Privé-instellingen',
      ]);
      await waitFor(() => root.querySelector('aside meldpunt-config-preview'), 'the compact preview');
      const preview = root.querySelector<Stand>('aside meldpunt-config-preview')!;
      expect(preview.getAttribute('layout')).to.equal('compact');
      expect(preview.slug).to.equal('dordrecht');
      expect(preview.config).to.deep.equal(api.drafts['dordrecht']!.config);
      root.querySelector<HTMLAnchorElement>('nav a[href$="/settings"]')!.click();
      await waitFor(
        () => root.querySelector<Stand>('.section meldpunt-config-settings')?.slug === 'dordrecht',
        'settings',
      );
      expect(root.querySelector('aside')).to.equal(null);
      api.restore();
      start(editor());
      const other = await open('/console/tenants/dordrecht/configuration/settings');
      expect(shadowText(other.root.host)).to.include('Dit onderdeel bestaat niet.');
      expect([...other.root.querySelectorAll('nav a')].map((a) => a.textContent?.trim())).to.not.include(
        'Privé-instellingen',
      );
    } finally {
      delete sectionLoaders.settings;
      delete sectionLoaders.preview;
      Object.assign(sectionLoaders, before);
      await setViewport({ width: 1024, height: 768 });
    }
  });

  it('switching the console to English loads the editor’s English texts (only the language shown is loaded)', async () => {
    start();
    const { el, root } = await open('/console/tenants/dordrecht/configuration/texts');
    await textsSection(root);
    expect(root.querySelector('nav a')?.textContent?.trim()).to.equal('Teksten');
    const switcher = el.shadowRoot!.querySelector<HTMLButtonElement>('header button[lang="en"]')!;
    try {
      switcher.click();
      await waitFor(() => root.querySelector('nav a')?.textContent?.trim() === 'Texts', 'the English section names');
      expect(shadowText(root.host)).to.not.match(/\b(editor|textsSection|publish)\.[a-z]/);
    } finally {
      localStorage.removeItem('meldpunt-console-language');
    }
  });

  it('reflows at 320 px: nothing wider than the screen', async () => {
    start(publisher());
    await setViewport({ width: 320, height: 640 });
    try {
      const { root } = await open('/console/tenants/dordrecht/configuration/texts');
      await textsSection(root);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
