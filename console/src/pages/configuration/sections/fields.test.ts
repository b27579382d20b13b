import type { TenantConfigInput } from '@meldpunt/contracts';
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { shadowText, waitFor } from '../../../test-support/wait.ts';
import './fields.ts';
import type { MeldpuntConfigFields } from './fields.ts';
import { renderSection, sampleConfig } from './section-test-support.ts';

const ageGroup = {
  id: 'age',
  type: 'select' as const,
  label: { nl: 'Leeftijd', en: 'Age' },
  options: [
    { id: 'under-18', label: { nl: 'Jonger dan 18' } },
    { id: '18-24', label: { nl: '18 tot 25' } },
  ],
  specialCategory: false,
};
const withAge = (): TenantConfigInput => sampleConfig({ fields: { intervention: true, extra: [ageGroup] } });

const render = (config = withAge(), options: Parameters<typeof renderSection>[2] = {}) =>
  renderSection<MeldpuntConfigFields>('meldpunt-config-fields', config, options);

const button = (root: ShadowRoot, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').includes(text))!;

describe('<meldpunt-config-fields>', () => {
  it('shows the intervention question and the own questions with their answers, accessible', async () => {
    const { el, root } = await render();
    expect(root.querySelector<HTMLInputElement>('#intervention')!.checked).to.equal(true);
    expect(root.querySelector('.item .name')?.textContent).to.equal('Leeftijd');
    expect(root.querySelector<HTMLInputElement>('#fields-extra-0-label-en')!.value).to.equal('Age');
    expect(root.querySelector<HTMLInputElement>('#fields-extra-0-options-1-label-nl')!.value).to.equal('18 tot 25');
    expect(root.querySelector<HTMLInputElement>('#type-0-select')!.checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('switches the intervention question off', async () => {
    const { root, edits } = await render();
    root.querySelector<HTMLInputElement>('#intervention')!.focus();
    await sendKeys({ press: 'Space' });
    expect(edits).to.deep.equal([{ path: ['fields', 'intervention'], value: false }]);
  });

  it('adds, moves and removes answers; the last answer stays', async () => {
    const { el, root, edits } = await render();
    root.querySelector<HTMLInputElement>('#new-option-0')!.focus();
    await sendKeys({ type: '25 of ouder' });
    await sendKeys({ press: 'Enter' });
    expect(edits.at(-1)).to.deep.equal({
      path: ['fields', 'extra', 0, 'options'],
      value: [...ageGroup.options, { id: '25-of-ouder', label: { nl: '25 of ouder' } }],
    });
    await el.updateComplete;
    expect(root.querySelector<HTMLInputElement>('#new-option-0')!.value).to.equal('');
    button(root, 'Omhoog: 25 of ouder').click();
    expect(edits.at(-1)!.value).to.deep.equal([
      ageGroup.options[0],
      { id: '25-of-ouder', label: { nl: '25 of ouder' } },
      ageGroup.options[1],
    ]);
    await el.updateComplete;
    expect(root.querySelector('[role="status"]')?.textContent).to.equal('25 of ouder staat nu op plaats 2 van 3.');
    button(root, 'Verwijderen: Jonger dan 18').click();
    await el.updateComplete;
    button(root, 'Verwijderen: 25 of ouder').click();
    await el.updateComplete;
    expect(el.config.fields?.extra?.[0]?.options?.map((o) => o.id)).to.deep.equal(['18-24']);
    const count = edits.length;
    button(root, 'Verwijderen: 18 tot 25').click();
    await el.updateComplete;
    expect(edits.length).to.equal(count);
    expect(root.querySelector('#options-0-error')?.textContent).to.include('minstens één');
    await expect(el).to.be.accessible();
  });

  it('a special-category question asks for its explanation per language, and says why', async () => {
    const { el, root, edits } = await render();
    expect(root.querySelector('#special-0-hint')?.textContent).to.include('De wet beschermt zulke gegevens extra');
    expect(root.querySelector('#fields-extra-0-explanation-nl')).to.equal(null);
    root.querySelector<HTMLInputElement>('#special-0')!.click();
    expect(edits.at(-1)).to.deep.equal({ path: ['fields', 'extra', 0, 'specialCategory'], value: true });
    await el.updateComplete;
    const labels = [...root.querySelectorAll('label[for^="fields-extra-0-explanation-"]')].map((l) =>
      l.textContent?.trim(),
    );
    expect(labels).to.deep.equal(['Nederlands (standaardtaal)', 'English']);
    root.querySelector<HTMLTextAreaElement>('#fields-extra-0-explanation-nl')!.focus();
    await sendKeys({ type: 'Om te zien wie vaker wordt lastiggevallen.' });
    expect(edits.at(-1)).to.deep.equal({
      path: ['fields', 'extra', 0, 'explanation', 'nl'],
      value: 'Om te zien wie vaker wordt lastiggevallen.',
    });
    await expect(el).to.be.accessible();
  });

  it("shows the service's errors beside the question", async () => {
    const { root } = await render(withAge(), {
      errors: new Map([['/fields/extra/0/explanation', 'A text in the default locale (nl) is required']]),
    });
    // The explanation shows only for a special-category question; the label error shows beside its group.
    expect(root.querySelector('#fields-extra-0-explanation-error')).to.equal(null);
    const { root: special } = await render(
      sampleConfig({ fields: { intervention: true, extra: [{ ...ageGroup, specialCategory: true }] } }),
      { errors: new Map([['/fields/extra/0/explanation', 'A text in the default locale (nl) is required']]) },
    );
    expect(special.querySelector('#fields-extra-0-explanation-error')?.textContent).to.equal(
      'A text in the default locale (nl) is required',
    );
  });

  it('adds a choice question with its first answer; the id comes from the question and is checked', async () => {
    const { el, root, edits } = await render(sampleConfig());
    expect(shadowText(el)).to.include('Nog geen eigen vragen');
    button(root, 'Vraag toevoegen').click();
    await el.updateComplete;
    expect(root.querySelector('#new-field-label-error')?.textContent).to.include('Vul een naam in');
    expect(root.activeElement?.id).to.equal('new-field-label');
    await sendKeys({ type: 'Leeftijd' });
    expect(root.querySelector<HTMLInputElement>('#new-field-id')!.value).to.equal('leeftijd');
    button(root, 'Vraag toevoegen').click();
    await el.updateComplete;
    expect(root.querySelector('#new-field-option-error')?.textContent).to.include('minstens één');
    expect(root.activeElement?.id).to.equal('new-field-option');
    await sendKeys({ type: 'Jonger dan 18' });
    await sendKeys({ press: 'Enter' });
    expect(edits).to.deep.equal([
      {
        path: ['fields', 'extra'],
        value: [
          {
            id: 'leeftijd',
            type: 'select',
            label: { nl: 'Leeftijd' },
            specialCategory: false,
            options: [{ id: 'jonger-dan-18', label: { nl: 'Jonger dan 18' } }],
          },
        ],
      },
    ]);
    await el.updateComplete;
    expect(root.querySelector('.item .name')?.textContent).to.equal('Leeftijd');
    await expect(el).to.be.accessible();
  });

  it('a text question needs no answers; an id that exists is refused', async () => {
    const { el, root, edits } = await render();
    root.querySelector<HTMLInputElement>('#new-field-label')!.focus();
    await sendKeys({ type: 'Age' });
    root.querySelector<HTMLInputElement>('#new-field-type-text')!.click();
    await el.updateComplete;
    expect(root.querySelector('#new-field-option')).to.equal(null);
    button(root, 'Vraag toevoegen').click();
    await el.updateComplete;
    expect(root.querySelector('#new-field-id-error')?.textContent).to.include('bestaat al');
    expect(edits).to.deep.equal([]);
    root.querySelector<HTMLInputElement>('#new-field-id')!.select();
    await sendKeys({ type: 'age-group' });
    button(root, 'Vraag toevoegen').click();
    expect(edits.at(-1)!.value).to.deep.equal([
      ageGroup,
      { id: 'age-group', type: 'text', label: { nl: 'Age' }, specialCategory: false },
    ]);
  });

  it('removes a question after confirmation', async () => {
    const { el, root, edits } = await render();
    button(root, 'Verwijderen: Leeftijd').click();
    await el.updateComplete;
    expect(root.activeElement?.hasAttribute('data-confirm-no')).to.equal(true);
    root.querySelector<HTMLButtonElement>('[data-confirm-yes]')!.click();
    expect(edits).to.deep.equal([{ path: ['fields', 'extra'], value: [] }]);
    await waitFor(() => root.activeElement?.id === 'own-title', 'the focus on the list');
  });

  it('read only: the questions and answers, no inputs or buttons', async () => {
    const { el, root } = await render(withAge(), { editable: false });
    expect(root.querySelectorAll('input, textarea, button')).to.have.length(0);
    const text = shadowText(el);
    expect(text).to.include('Leeftijd');
    expect(text).to.include('Jonger dan 18');
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
