import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { shadowText, waitFor } from '../../../test-support/wait.ts';
import './map.ts';
import type { MeldpuntConfigMap } from './map.ts';
import { renderSection, sampleConfig } from './section-test-support.ts';

const render = async (config = sampleConfig(), options: Parameters<typeof renderSection>[2] = {}) => {
  const rendered = await renderSection<MeldpuntConfigMap>('meldpunt-config-map', config, options);
  if (options.editable !== false) {
    await waitFor(() => rendered.root.querySelector('meldpunt-map-view')?.view, 'the map');
  }
  return rendered;
};

const mapOf = (root: ShadowRoot) => root.querySelector('meldpunt-map-view')!;

/** Empties a field and types `text` into it by keyboard. */
async function retype(root: ShadowRoot, id: string, text: string) {
  const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

describe('<meldpunt-config-map>', () => {
  it("shows the map at the config's view with its tiles, the number fields and the values, accessible", async () => {
    const { el, root } = await render();
    const map = mapOf(root);
    expect(map.view).to.deep.equal({ center: { lat: 51.8133, lng: 4.6901 }, zoom: 13 });
    expect(map.settings?.tileUrl).to.include('service.pdok.nl');
    expect(map.shadowRoot!.querySelector('#map')?.getAttribute('aria-label')).to.equal(
      'Kaart om het beginbeeld te kiezen',
    );
    expect(root.querySelector<HTMLInputElement>('#map-lat')!.value).to.equal('51.8133');
    expect(root.querySelector<HTMLInputElement>('#map-zoom')!.value).to.equal('13');
    expect(root.querySelector('#map-zoom-hint')?.textContent).to.equal(
      'Een heel getal van 7 (ver weg) tot 19 (dichtbij).',
    );
    expect(shadowText(el)).to.include('Beginbeeld: midden 51,8133, 4,6901, zoom 13.');
    await expect(el).to.be.accessible();
  });

  it('chosen on the map by keyboard: pan and zoom, then "use this view"', async () => {
    const { el, root, edits } = await render();
    const map = mapOf(root);
    map.shadowRoot!.querySelector<HTMLElement>('#map')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: '+' });
    await waitFor(() => map.view?.zoom === 14, 'the map zoomed in');
    const view = map.view!;
    expect(view.center.lng).to.be.greaterThan(4.6901);
    root.querySelector<HTMLButtonElement>('#use-view')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(edits).to.deep.equal([
      { path: ['map', 'center'], value: view.center },
      { path: ['map', 'zoom'], value: 14 },
    ]);
    await el.updateComplete;
    expect(root.querySelector<HTMLInputElement>('#map-zoom')!.value).to.equal('14');
    expect(root.querySelector<HTMLInputElement>('#map-lng')!.value).to.equal(String(view.center.lng));
    expect(root.querySelector('[role="status"]')?.textContent).to.include('zoom 14');
  });

  it('Enter on the map makes the spot under the crosshair the centre', async () => {
    const { root, edits } = await render();
    const map = mapOf(root);
    map.shadowRoot!.querySelector<HTMLElement>('#map')!.focus();
    await sendKeys({ press: 'ArrowUp' });
    const view = map.view!;
    await sendKeys({ press: 'Enter' });
    expect(edits).to.deep.equal([
      { path: ['map', 'center'], value: view.center },
      { path: ['map', 'zoom'], value: 13 },
    ]);
    expect(view.center.lat).to.be.greaterThan(51.8133);
  });

  it('the number fields: a decimal comma is fine, the map follows; out of range is kept with a message, not reported', async () => {
    const { el, root, edits } = await render();
    await retype(root, 'map-lat', '52,0907');
    expect(edits.at(-1)).to.deep.equal({ path: ['map', 'center'], value: { lat: 52.0907, lng: 4.6901 } });
    // What was typed stays as typed.
    expect(root.querySelector<HTMLInputElement>('#map-lat')!.value).to.equal('52,0907');
    await waitFor(() => Math.abs((mapOf(root).view?.center.lat ?? 0) - 52.0907) < 0.001, 'the map at the new centre');

    const count = edits.length;
    await retype(root, 'map-zoom', '25');
    await el.updateComplete;
    expect(edits.length).to.equal(count);
    const zoom = root.querySelector<HTMLInputElement>('#map-zoom')!;
    expect(zoom.value).to.equal('25');
    expect(zoom.getAttribute('aria-invalid')).to.equal('true');
    expect(root.querySelector('#map-zoom-error')?.textContent).to.equal(
      'Vul een heel getal tussen 7 en 19 in. Er is nog niets veranderd.',
    );
    await retype(root, 'map-lng', 'oost');
    expect(root.querySelector('#map-lng-error')?.textContent).to.include('tussen -180 en 180');
    expect(edits.length).to.equal(count);
    await expect(el).to.be.accessible();
    await retype(root, 'map-zoom', '15');
    expect(edits.at(-1)).to.deep.equal({ path: ['map', 'zoom'], value: 15 });
    await el.updateComplete;
    expect(root.querySelector('#map-zoom-error')).to.equal(null);
  });

  it('read only: the values, no map or inputs', async () => {
    const { el, root } = await render(sampleConfig(), { editable: false });
    expect(root.querySelectorAll('input, button, meldpunt-map-view')).to.have.length(0);
    expect(shadowText(el)).to.include('Beginbeeld: midden 51,8133, 4,6901, zoom 13.');
    await expect(el).to.be.accessible();
  });

  it('reflows at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      await render();
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
