import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { shadowText } from '../../../test-support/wait.ts';
import './languages.ts';
import type { MeldpuntConfigLanguages } from './languages.ts';
import { renderSection, sampleConfig } from './section-test-support.ts';

const render = (config = sampleConfig(), options: Parameters<typeof renderSection>[2] = {}) =>
  renderSection<MeldpuntConfigLanguages>('meldpunt-config-languages', config, options);

const checkbox = (root: ShadowRoot, locale: string) => root.querySelector<HTMLInputElement>(`#offer-${locale}`)!;

describe('<meldpunt-config-languages>', () => {
  it('offers every supported language in its own name, the offered ones checked, the default chosen; accessible', async () => {
    const { el, root } = await render();
    const labels = [...root.querySelectorAll('label[for^="offer-"]')].map((l) =>
      l.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).to.deep.equal([
      'Nederlands',
      'English',
      'العربية (van rechts naar links)',
      'Türkçe',
      'Polski',
      'Українська',
    ]);
    expect(root.querySelector('label[for="offer-ar"] span')?.getAttribute('lang')).to.equal('ar');
    expect(['nl', 'en', 'ar'].map((l) => checkbox(root, l).checked)).to.deep.equal([true, true, false]);
    // The default is chosen among the offered languages only.
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => [r.id, r.checked])).to.deep.equal([
      ['default-nl', true],
      ['default-en', false],
    ]);
    expect(shadowText(el)).to.include('verwijdert nooit vertalingen');
    await expect(el).to.be.accessible();
  });

  it('offering a language by keyboard adds it, and it can become the default', async () => {
    const { el, root, edits } = await render();
    checkbox(root, 'ar').focus();
    await sendKeys({ press: 'Space' });
    expect(edits).to.deep.equal([{ path: ['locales'], value: ['nl', 'en', 'ar'] }]);
    await el.updateComplete;
    expect(root.querySelector('[role="status"]')?.textContent).to.include(
      'Aangeboden: Nederlands, English, العربية. Standaardtaal: Nederlands.',
    );
    const arabic = root.querySelector<HTMLInputElement>('#default-ar')!;
    arabic.focus();
    await sendKeys({ press: 'Space' });
    expect(edits.at(-1)).to.deep.equal({ path: ['defaultLocale'], value: 'ar' });
  });

  it('switching a language off keeps its texts, and says they come back', async () => {
    const { el, root, edits } = await render(
      sampleConfig({
        texts: { en: { 'intro.body': 'Report it here.' } },
        followUp: {
          mode: 'active',
          response: { title: { nl: 'Dank je wel', en: 'Thank you' }, body: { nl: 'Ontvangen.' } },
        },
      }),
    );
    checkbox(root, 'en').click();
    expect(edits).to.deep.equal([{ path: ['locales'], value: ['nl'] }]);
    await el.updateComplete;
    // Only `locales` changed: the English texts are still in the config.
    expect(el.config.texts).to.deep.equal({ en: { 'intro.body': 'Report it here.' } });
    expect(el.config.followUp.response.title).to.deep.equal({ nl: 'Dank je wel', en: 'Thank you' });
    expect(root.querySelector('#kept')?.textContent?.replace(/\s+/g, ' ')).to.include(
      'English wordt niet aangeboden: de teksten in deze taal blijven bewaard en komen terug als je English weer aanbiedt.',
    );
    await expect(el).to.be.accessible();
  });

  it('the default language cannot be switched off, nor the last one: a message beside the group, nothing reported', async () => {
    const { el, root, edits } = await render();
    checkbox(root, 'nl').click();
    await el.updateComplete;
    expect(checkbox(root, 'nl').checked).to.equal(true);
    expect(root.querySelector('#locales-error')?.textContent).to.include('Nederlands is de standaardtaal');
    expect(root.querySelector('fieldset')?.getAttribute('aria-describedby')).to.include('locales-error');
    expect(edits).to.deep.equal([]);
    await expect(el).to.be.accessible();

    const {
      root: only,
      edits: onlyEdits,
      el: onlyEl,
    } = await render(sampleConfig({ locales: ['en'], defaultLocale: 'en' }));
    checkbox(only, 'en').click();
    await onlyEl.updateComplete;
    expect(only.querySelector('#locales-error')?.textContent).to.include('English is de standaardtaal');
    expect(onlyEdits).to.deep.equal([]);
  });

  it("shows the service's errors beside the groups", async () => {
    const { root } = await render(sampleConfig(), {
      errors: new Map([['/locales', 'The default locale must be one of the locales']]),
    });
    expect(root.querySelector('#locales-error')?.textContent).to.equal('The default locale must be one of the locales');
  });

  it('read only: the offered languages with the default marked, no inputs', async () => {
    const { el, root } = await render(sampleConfig(), { editable: false });
    expect(root.querySelectorAll('input')).to.have.length(0);
    expect(shadowText(el)).to.include('Nederlands (standaardtaal)');
    expect(shadowText(el)).to.include('English');
    await expect(el).to.be.accessible();
  });
});
