import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { shadowText, waitFor } from '../../../test-support/wait.ts';
import './categories.ts';
import type { MeldpuntConfigCategories } from './categories.ts';
import { idFromLabel } from './section-base.ts';
import { renderSection, sampleConfig } from './section-test-support.ts';

const render = async (config = sampleConfig(), options: Parameters<typeof renderSection>[2] = {}) => {
  const rendered = await renderSection<MeldpuntConfigCategories>('meldpunt-config-categories', config, options);
  // The standard labels come from the widget's default texts, loaded per language.
  await waitFor(() => shadowText(rendered.el).includes('Opmerkingen of naroepen'), 'the standard labels');
  return rendered;
};

const names = (root: ShadowRoot) => [...root.querySelectorAll('.item .name')].map((h) => h.textContent);
const button = (root: ShadowRoot, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').includes(text))!;

describe('<meldpunt-config-categories>', () => {
  it('shows the defaults switched on and off, the order with standard labels, accessible', async () => {
    const { el, root } = await render();
    expect(names(root)).to.deep.equal(['Opmerkingen of naroepen', 'Achtervolgen', 'Ongewenst aanraken']);
    expect(root.querySelector<HTMLInputElement>('#offer-verbal')!.checked).to.equal(true);
    expect(root.querySelector<HTMLInputElement>('#offer-gestures')!.checked).to.equal(false);
    expect(root.querySelector('label[for="offer-gestures"]')?.textContent).to.include('Gebaren aanbieden');
    expect(shadowText(el)).to.include('Plaats 1 van 3');
    await expect(el).to.be.accessible();
  });

  it('moves a category down with its button, announces the new position, and keeps the focus on it', async () => {
    const { el, root, edits } = await render();
    button(root, 'Omlaag: Opmerkingen of naroepen').focus();
    await sendKeys({ press: 'Enter' });
    expect(edits[0]).to.deep.equal({
      path: ['categories'],
      value: [{ id: 'following' }, { id: 'verbal' }, { id: 'touching' }],
    });
    await el.updateComplete;
    expect(names(root)).to.deep.equal(['Achtervolgen', 'Opmerkingen of naroepen', 'Ongewenst aanraken']);
    expect(root.querySelector('[role="status"]')?.textContent).to.equal(
      'Opmerkingen of naroepen staat nu op plaats 2 van 3.',
    );
    await waitFor(() => root.activeElement?.textContent?.includes('Omlaag: Opmerkingen of naroepen'), 'the focus');
    // At the end of the list the focus goes to the button that can still move it.
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => root.activeElement?.textContent?.includes('Omhoog: Opmerkingen of naroepen'),
      'the other button',
    );
    expect(names(root)).to.deep.equal(['Achtervolgen', 'Ongewenst aanraken', 'Opmerkingen of naroepen']);
    // The first item cannot move up: nothing is reported.
    const before = edits.length;
    button(root, 'Omhoog: Achtervolgen').click();
    expect(edits.length).to.equal(before);
  });

  it('switching a default off and on again keeps its own texts; the last one cannot be switched off', async () => {
    const { el, root, edits } = await render(
      sampleConfig({ categories: [{ id: 'verbal', label: { nl: 'Naroepen' } }, { id: 'following' }] }),
    );
    root.querySelector<HTMLInputElement>('#offer-verbal')!.click();
    expect(edits.at(-1)).to.deep.equal({ path: ['categories'], value: [{ id: 'following' }] });
    root.querySelector<HTMLInputElement>('#offer-gestures')!.click();
    expect(edits.at(-1)).to.deep.equal({ path: ['categories'], value: [{ id: 'following' }, { id: 'gestures' }] });
    root.querySelector<HTMLInputElement>('#offer-verbal')!.click();
    expect(edits.at(-1)!.value).to.deep.equal([
      { id: 'following' },
      { id: 'gestures' },
      { id: 'verbal', label: { nl: 'Naroepen' } },
    ]);
    await el.updateComplete;

    const { root: one, el: oneEl, edits: oneEdits } = await render(sampleConfig({ categories: [{ id: 'verbal' }] }));
    one.querySelector<HTMLInputElement>('#offer-verbal')!.click();
    await oneEl.updateComplete;
    expect(one.querySelector<HTMLInputElement>('#offer-verbal')!.checked).to.equal(true);
    expect(one.querySelector('#defaults-error')?.textContent).to.include('minstens één soort');
    expect(oneEdits).to.deep.equal([]);
  });

  it("overrides a default's label per language, with the standard text beside each field", async () => {
    const { root, edits } = await render();
    const details = root.querySelector<HTMLDetailsElement>('.item details')!;
    details.querySelector('summary')!.click();
    expect(root.querySelector('#categories-0-label-nl-hint')?.textContent).to.equal(
      'Standaardtekst (Nederlands): Opmerkingen of naroepen',
    );
    expect(root.querySelector('#categories-0-label-en-hint')?.textContent).to.equal(
      'Standaardtekst (English): Remarks or calling after',
    );
    root.querySelector<HTMLInputElement>('#categories-0-label-en')!.focus();
    await sendKeys({ type: 'Catcalling' });
    expect(edits.at(-1)).to.deep.equal({ path: ['categories', 0, 'label', 'en'], value: 'Catcalling' });
  });

  it('adds a category of its own: the id made from the label, checked as typed', async () => {
    const { el, root, edits } = await render();
    root.querySelector<HTMLInputElement>('#new-label')!.focus();
    await sendKeys({ type: 'Fietsers & scooters' });
    expect(root.querySelector<HTMLInputElement>('#new-id')!.value).to.equal('fietsers-scooters');
    root.querySelector<HTMLInputElement>('#new-id')!.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '!' });
    expect(root.querySelector('#new-id-error')?.textContent).to.include('Gebruik alleen kleine letters');
    await sendKeys({ press: 'Backspace' });
    expect(root.querySelector('#new-id-error')).to.equal(null);
    await sendKeys({ press: 'Enter' });
    expect(edits.at(-1)).to.deep.equal({
      path: ['categories'],
      value: [
        { id: 'verbal' },
        { id: 'following' },
        { id: 'touching' },
        { id: 'fietsers-scooters', label: { nl: 'Fietsers & scooters' } },
      ],
    });
    await el.updateComplete;
    expect(names(root).at(-1)).to.equal('Fietsers & scooters');
    expect(root.querySelector('[role="status"]')?.textContent).to.equal('Fietsers & scooters is toegevoegd.');
    expect(root.querySelector<HTMLInputElement>('#new-label')!.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('refuses a new category without a label or with an id that exists, focus on the first field to fix', async () => {
    const { el, root, edits } = await render();
    button(root, 'Soort toevoegen').click();
    await el.updateComplete;
    expect(root.querySelector('#new-label-error')?.textContent).to.include('Vul een naam in');
    expect(root.activeElement?.id).to.equal('new-label');
    root.querySelector<HTMLInputElement>('#new-label')!.focus();
    await sendKeys({ type: 'Achtervolgen' });
    root.querySelector<HTMLInputElement>('#new-id')!.focus();
    root.querySelector<HTMLInputElement>('#new-id')!.select();
    await sendKeys({ type: 'following' });
    expect(root.querySelector('#new-id-error')?.textContent).to.include('bestaat al');
    button(root, 'Soort toevoegen').click();
    await el.updateComplete;
    expect(root.activeElement?.id).to.equal('new-id');
    expect(edits).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('removes a category of its own after confirmation only', async () => {
    const { el, root, edits } = await render(
      sampleConfig({ categories: [{ id: 'verbal' }, { id: 'fietsers', label: { nl: 'Fietsers' } }] }),
    );
    button(root, 'Verwijderen: Fietsers').click();
    await el.updateComplete;
    expect(root.querySelector('.confirm')?.textContent).to.include('Fietsers echt verwijderen?');
    expect(root.activeElement?.hasAttribute('data-confirm-no')).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(edits).to.deep.equal([]);
    expect(root.activeElement?.getAttribute('data-remove')).to.equal('category-fietsers');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('[data-confirm-yes]')!.click();
    expect(edits).to.deep.equal([{ path: ['categories'], value: [{ id: 'verbal' }] }]);
    await el.updateComplete;
    expect(root.querySelector('[role="status"]')?.textContent).to.equal('Fietsers is verwijderd.');
    await waitFor(() => root.activeElement?.id === 'order-title', 'the focus on the list');
  });

  it("shows the service's errors beside the category", async () => {
    const { root } = await render(sampleConfig({ categories: [{ id: 'verbal' }, { id: 'fietsers' }] }), {
      errors: new Map([['/categories/1/label', 'A text in the default locale (nl) is required']]),
    });
    expect(root.querySelector('#categories-1-label-error')?.textContent).to.equal(
      'A text in the default locale (nl) is required',
    );
    expect(root.querySelector('#categories-1-label-nl')?.getAttribute('aria-invalid')).to.equal('true');
  });

  it('read only: the categories in order with their own texts, no inputs or buttons', async () => {
    const { el, root } = await render(
      sampleConfig({ categories: [{ id: 'verbal' }, { id: 'fietsers', label: { nl: 'Fietsers', en: 'Cyclists' } }] }),
      { editable: false },
    );
    expect(root.querySelectorAll('input, textarea, button')).to.have.length(0);
    expect(names(root)).to.deep.equal(['Opmerkingen of naroepen', 'Fietsers']);
    expect(shadowText(el)).to.include('Cyclists');
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

  it('makes ids from labels', () => {
    expect(idFromLabel('Fietsers & scooters')).to.equal('fietsers-scooters');
    expect(idFromLabel('  Café-overlast! ')).to.equal('cafe-overlast');
    expect(idFromLabel('x'.repeat(50))).to.have.length(40);
  });
});
