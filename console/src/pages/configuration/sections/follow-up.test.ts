import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { shadowText } from '../../../test-support/wait.ts';
import './follow-up.ts';
import type { MeldpuntConfigFollowUp } from './follow-up.ts';
import { renderSection, sampleConfig } from './section-test-support.ts';

const render = (config = sampleConfig(), options: Parameters<typeof renderSection>[2] = {}) =>
  renderSection<MeldpuntConfigFollowUp>('meldpunt-config-follow-up', config, options);

describe('<meldpunt-config-follow-up>', () => {
  it('explains both modes by what the reporter sees, the current one chosen, with a link to the texts; accessible', async () => {
    const { el, root } = await render();
    expect(root.querySelector<HTMLInputElement>('#mode-active')!.checked).to.equal(true);
    expect(root.querySelector<HTMLInputElement>('#mode-none')!.checked).to.equal(false);
    expect(root.querySelector('#mode-none')?.getAttribute('aria-describedby')).to.equal('mode-none-explain');
    expect(root.querySelector('#mode-none-explain')?.textContent).to.include('vraagt geen contactgegevens');
    expect(root.querySelector('#mode-active-explain')?.textContent).to.include('contactgegevens achterlaten');
    expect(root.querySelector('a')?.getAttribute('href')).to.equal('/console/tenants/dordrecht/configuration/texts');
    await expect(el).to.be.accessible();
  });

  it('choosing "none" by keyboard reports it', async () => {
    const { root, edits } = await render();
    root.querySelector<HTMLInputElement>('#mode-active')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(edits).to.deep.equal([{ path: ['followUp', 'mode'], value: 'none' }]);
    expect(root.querySelector<HTMLInputElement>('#mode-none')!.checked).to.equal(true);
  });

  it('read only: the mode and what it means, no inputs', async () => {
    const { el, root } = await render(
      sampleConfig({ followUp: { mode: 'none', response: { title: { nl: 'Dank' }, body: { nl: 'Ontvangen.' } } } }),
      { editable: false },
    );
    expect(root.querySelectorAll('input')).to.have.length(0);
    expect(shadowText(el)).to.include('Ingesteld: Nee, deze gemeente geeft geen actieve terugkoppeling');
    await expect(el).to.be.accessible();
  });
});
