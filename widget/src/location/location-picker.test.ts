import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import i18next from 'i18next';
import type { ReportLocation, TenantConfig } from '@meldpunt/contracts';
import { loadLocationTexts, loadTexts } from '@meldpunt/texts';
import { installFakePdok, pdokDocs } from '../test-support/fake-pdok.ts';
import { testConfig } from '../test-support/fixtures.ts';
import { nextEvent, waitFor } from '../test-support/wait.ts';
import './location-picker.ts';
import type { MeldpuntLocationPicker } from './location-picker.ts';

// Mocha's globals, provided by web-test-runner (the workspace has no @types/mocha).
declare const describe: (title: string, body: () => void) => void;
declare const it: (title: string, body: () => Promise<void> | void) => void;
declare const before: (body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

/** The test tenant, its address search answered by `fakePdok` (its tiles never reach the internet either). */
const config: TenantConfig = testConfig({ geocoding: { baseUrl: '/pdok', filter: 'gemeentenaam:Dordrecht' } });
const { center } = config.map;
const bounds = config.map.bounds!;

/** i18next with the real Dutch texts, so the tests read what a reporter reads. */
let t: (key: string, options?: Record<string, unknown>) => string = (key) => key;
before(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'nl',
    resources: {
      nl: { translation: structuredClone({ ...(await loadTexts.nl()), ...(await loadLocationTexts.nl()) }) },
    },
    interpolation: { escapeValue: false },
  });
  t = (key, options) => instance.t(key, options ?? {});
});

const address = 'Stationsplein 1, 3311AB Dordrecht';
const nearest = 'Spuiboulevard 2, 3311GR Dordrecht';

/** The fake PDOK Locatieserver answering as for Stationsplein (or 503 when `down`), until the test ends. */
function fakePdok(mode: 'ok' | 'down' = 'ok') {
  const fake = installFakePdok((url) => {
    if (mode === 'down') return new Response('Service Unavailable', { status: 503 });
    switch (url.pathname) {
      case '/pdok/suggest':
        return pdokDocs([
          { id: 'adr-1', weergavenaam: address, type: 'adres' },
          { id: 'weg-1', weergavenaam: 'Stationsweg, Dordrecht', type: 'weg' },
        ]);
      case '/pdok/lookup':
        return pdokDocs([
          { id: url.searchParams.get('id'), weergavenaam: address, centroide_ll: 'POINT(4.66826 51.80786)' },
        ]);
      case '/pdok/reverse':
        return pdokDocs([{ weergavenaam: nearest }]);
      default:
        return new Response('not found', { status: 404 });
    }
  });
  cleanups.push(fake.restore);
  return fake.calls;
}

/** Replaces `navigator.geolocation` (tests only). */
function fakeGeolocation(getCurrentPosition: Geolocation['getCurrentPosition']) {
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
  cleanups.push(() => delete (navigator as { geolocation?: unknown }).geolocation);
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

async function picker(value?: ReportLocation, extra: { invalid?: boolean; errorMessage?: string } = {}) {
  return fixture<MeldpuntLocationPicker>(html`
    <meldpunt-location-picker
      .config=${config}
      .value=${value}
      .t=${t}
      dir="ltr"
      .invalid=${extra.invalid ?? false}
      .errorMessage=${extra.errorMessage}
    ></meldpunt-location-picker>
  `);
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
};
const visibleText = (el: Element, selector: string) => {
  const node = $(el, selector);
  return node.checkVisibility() ? (node.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
};

/** The Leaflet container inside the map view, once the map chunk has loaded. */
async function mapOf(el: MeldpuntLocationPicker): Promise<HTMLElement> {
  await waitFor(
    () => el.shadowRoot!.querySelector('meldpunt-map-view')?.shadowRoot?.querySelector('#map.leaflet-container'),
    'the map did not load',
  );
  return el.shadowRoot!.querySelector('meldpunt-map-view')!.shadowRoot!.querySelector<HTMLElement>('#map')!;
}

describe('<meldpunt-location-picker>', () => {
  it('is accessible, and loads the map (Leaflet) only when it renders', async () => {
    // Must stay the first test: the element registry is shared by the tests in this file.
    expect(customElements.get('meldpunt-map-view')).to.equal(undefined);
    const el = await picker();
    await mapOf(el);
    expect(customElements.get('meldpunt-map-view')).to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('address search by keyboard: type, ArrowDown, Enter → value from lookup, event fired, read back', async () => {
    const calls = fakePdok();
    const el = await picker();
    el.focus();
    const input = $<HTMLInputElement>(el, '#search');
    expect(el.shadowRoot!.activeElement).to.equal(input);

    await sendKeys({ type: 'Stat' });
    await waitFor(() => el.shadowRoot!.querySelectorAll('[role="option"]').length === 2, 'no suggestions');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(visibleText(el, '#search-status')).to.equal('Gevonden adressen: 2.');
    const suggestCalls = calls.filter((url) => url.pathname === '/pdok/suggest');
    expect(suggestCalls.length).to.be.greaterThan(0);
    for (const url of suggestCalls) expect(url.searchParams.get('q')!.length).to.be.at.least(3);
    expect(suggestCalls.at(-1)!.searchParams.getAll('fq')).to.include('gemeentenaam:Dordrecht');

    await sendKeys({ press: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).to.equal('option-0');
    expect($(el, '#option-0').getAttribute('aria-selected')).to.equal('true');

    const changed = nextEvent(el, 'meldpunt-location-change');
    await sendKeys({ press: 'Enter' });
    const { detail } = await changed;
    expect(detail).to.deep.equal({ lat: 51.80786, lng: 4.66826, text: address, source: 'search' });
    expect(el.value).to.deep.equal(detail);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    await el.updateComplete;
    expect(visibleText(el, '#chosen')).to.equal(`Gekozen plek: ${address}`);
    expect(calls.some((url) => url.pathname === '/pdok/lookup' && url.searchParams.get('id') === 'adr-1')).to.equal(
      true,
    );
  });

  it('address search: Escape closes the list; fewer than 3 characters do not search', async () => {
    const calls = fakePdok();
    const el = await picker();
    el.focus();
    await sendKeys({ type: 'St' });
    // Nothing to wait for but time: longer than the search's debounce (250 ms), so a search would have gone out.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls).to.have.length(0);
    await sendKeys({ type: 'a' });
    await waitFor(() => $(el, '#search').getAttribute('aria-expanded') === 'true', 'list did not open');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '#search').getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '#suggestions').checkVisibility()).to.equal(false);
  });

  it('address search: when PDOK is down the reporter sees a message, nothing is thrown', async () => {
    fakePdok('down');
    const el = await picker();
    el.focus();
    await sendKeys({ type: 'Voorstraat' });
    await waitFor(() => visibleText(el, '#search-status') !== '', 'no message');
    expect(visibleText(el, '#search-status')).to.contain('Zoeken lukt nu niet');
    expect(el.value).to.equal(undefined);
  });

  it('map by keyboard: arrows move the crosshair, Enter places the pin there (within bounds)', async () => {
    fakePdok();
    const el = await picker();
    const map = await mapOf(el);
    expect(map.getAttribute('role')).to.equal('application');
    expect(map.getAttribute('tabindex')).to.equal('0');
    map.focus();
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
    const changed = nextEvent(el, 'meldpunt-location-change');
    await sendKeys({ press: 'Enter' });
    const { detail } = await changed;
    expect(detail?.source).to.equal('map');
    expect(detail!.lng).to.be.greaterThan(center.lng + 0.01);
    expect(detail!.lat).to.be.closeTo(center.lat, 0.01);
    expect(detail!.lat).to.be.within(bounds[0].lat, bounds[1].lat);
    expect(detail!.lng).to.be.within(bounds[0].lng, bounds[1].lng);
    // Read back in words by reverse lookup.
    await waitFor(() => visibleText(el, '#chosen') === `Gekozen plek: ${nearest}`, 'not read back');
    expect(el.value).to.deep.include({ lat: detail!.lat, lng: detail!.lng, text: nearest, source: 'map' });
    // The pin is on the map.
    const mapView = el.shadowRoot!.querySelector('meldpunt-map-view')!;
    expect(mapView.shadowRoot!.querySelector('path.pin')).to.not.equal(null);
  });

  it('map: without an address the point is read back as rounded coordinates', async () => {
    const calls = fakePdok('down');
    const el = await picker();
    const map = await mapOf(el);
    map.focus();
    const changed = nextEvent(el, 'meldpunt-location-change');
    await sendKeys({ press: 'Enter' });
    const { detail } = await changed;
    const words = `${detail!.lat!.toFixed(4)}, ${detail!.lng!.toFixed(4)}`;
    await waitFor(() => calls.some((url) => url.pathname === '/pdok/reverse'), 'no reverse lookup');
    await el.updateComplete;
    expect(visibleText(el, '#chosen')).to.equal(`Gekozen plek: ${words}`);
    expect(el.value?.text).to.equal(words);
  });

  it('map: own zoom buttons and the attribution as text with a link (no innerHTML)', async () => {
    const el = await picker();
    await mapOf(el);
    const view = el.shadowRoot!.querySelector('meldpunt-map-view')!;
    const buttons = [...view.shadowRoot!.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Inzoomen', 'Uitzoomen']);
    for (const button of buttons) {
      const box = button.getBoundingClientRect();
      expect(box.width).to.be.at.least(44);
      expect(box.height).to.be.at.least(44);
    }
    const link = view.shadowRoot!.querySelector<HTMLAnchorElement>('.attribution a')!;
    expect(link.href).to.equal('https://www.kadaster.nl/');
    expect(link.textContent).to.equal('Kadaster');
    expect(view.shadowRoot!.querySelector('.attribution')!.textContent).to.contain('Kaartgegevens ©');
  });

  it('use my location: value with accuracy, accuracy shown, place read back', async () => {
    fakePdok();
    let asked: PositionOptions | undefined;
    fakeGeolocation((success, _error, options) => {
      asked = options ?? undefined;
      success({
        coords: { latitude: 51.81, longitude: 4.67, accuracy: 29.6 },
        timestamp: Date.now(),
      } as GeolocationPosition);
    });
    const el = await picker();
    const changed = nextEvent(el, 'meldpunt-location-change');
    $(el, '#device').click();
    const { detail } = await changed;
    expect(detail).to.deep.include({ lat: 51.81, lng: 4.67, accuracy: 30, source: 'device' });
    expect(asked).to.include({ enableHighAccuracy: true, timeout: 15000 });
    await el.updateComplete;
    expect(visibleText(el, '#chosen')).to.contain('Nauwkeurig tot ongeveer 30 meter');
    await waitFor(() => visibleText(el, '#chosen').includes(nearest), 'not read back');
  });

  it('use my location: denied → a clear message, no value', async () => {
    fakeGeolocation((_success, error) =>
      error?.({
        code: 1,
        message: 'denied',
        PERMISSION_DENIED: 1,
        POSITION_UNAVAILABLE: 2,
        TIMEOUT: 3,
      } as GeolocationPositionError),
    );
    const el = await picker();
    let fired = false;
    el.addEventListener('meldpunt-location-change', () => (fired = true));
    $(el, '#device').click();
    await el.updateComplete;
    expect(visibleText(el, '#device-status')).to.contain('geen toestemming');
    expect($(el, '#device-status').getAttribute('role')).to.equal('status');
    expect(fired).to.equal(false);
    expect(el.value).to.equal(undefined);
  });

  it('follows the tenant’s branding set on the widget: its text, and the map’s pin through its own token chain', async () => {
    const el = await picker();
    // On an element the picker is inside of, as the widget's branding sheet sets them on its host.
    el.parentElement!.style.setProperty('--_meldpunt-tenant-text', 'rgb(3, 3, 3)');
    el.parentElement!.style.setProperty('--_meldpunt-tenant-primary', 'rgb(4, 4, 4)');
    const map = await mapOf(el);
    expect(getComputedStyle(el).color).to.equal('rgb(3, 3, 3)');
    const mapView = el.shadowRoot!.querySelector('meldpunt-map-view')!;
    expect(getComputedStyle(mapView).getPropertyValue('--_meldpunt-map-pin').trim()).to.equal('rgb(4, 4, 4)');
    // One focus colour everywhere: the map's focus ring falls back to the same black as the widget's.
    expect(getComputedStyle(map).getPropertyValue('--_meldpunt-focus').trim()).to.equal('#000');
  });

  it('describe in words only → { text, source: "text" }', async () => {
    const el = await picker();
    $(el, '#describe').focus();
    await sendKeys({ type: 'Bij de bushalte' });
    expect(el.value).to.deep.equal({ text: 'Bij de bushalte', source: 'text' });
    expect($(el, '#describe').getAttribute('maxlength')).to.equal('500');
  });

  it('a point and words together; coming back to the step restores both', async () => {
    const el = await picker({ lat: 51.8, lng: 4.66, text: `${address}\nBij de fietsenstalling`, source: 'search' });
    expect(visibleText(el, '#chosen')).to.equal(`Gekozen plek: ${address}`);
    expect($<HTMLTextAreaElement>(el, '#describe').value).to.equal('Bij de fietsenstalling');
    $(el, '#describe').focus();
    const changed = nextEvent(el, 'meldpunt-location-change');
    await sendKeys({ type: '!' });
    expect((await changed).detail).to.deep.equal({
      lat: 51.8,
      lng: 4.66,
      text: `${address}\nBij de fietsenstalling!`,
      source: 'search',
    });
  });

  it('clear choice: empties everything, fires undefined, says so, focus back on the search', async () => {
    const el = await picker({ text: 'Bij de bushalte', source: 'text' });
    const changed = nextEvent(el, 'meldpunt-location-change');
    $(el, '#clear').click();
    // `emit(…, undefined)`: a CustomEvent turns an undefined detail into null.
    expect((await changed).detail == null).to.equal(true);
    await el.updateComplete;
    expect(el.value).to.equal(undefined);
    expect($<HTMLTextAreaElement>(el, '#describe').value).to.equal('');
    expect(visibleText(el, '#chosen')).to.equal('De gekozen plek is gewist.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('search');
  });

  it('invalid: shows the parent message in the shadow root, linked to the fields', async () => {
    const el = await picker(undefined, { invalid: true, errorMessage: 'Kies een plek of beschrijf hem.' });
    expect(visibleText(el, '#error')).to.equal('Kies een plek of beschrijf hem.');
    for (const id of ['#search', '#describe']) {
      expect($(el, id).getAttribute('aria-invalid')).to.equal('true');
      expect($(el, id).getAttribute('aria-describedby')!.split(' ')).to.include('error');
    }
    await expect(el).to.be.accessible();
  });

  it('right to left: lays out from the right and stays accessible', async () => {
    const el = await picker();
    el.dir = 'rtl';
    await el.updateComplete;
    await mapOf(el);
    const host = el.getBoundingClientRect();
    const button = $(el, '#device').getBoundingClientRect();
    expect(Math.round(button.right)).to.equal(Math.round(host.right));
    expect(button.left).to.be.greaterThan(host.left + 20);
    await expect(el).to.be.accessible();
  });
});
