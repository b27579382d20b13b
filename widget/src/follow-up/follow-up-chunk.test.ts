import { expect, fixture, html } from '@open-wc/testing';
import '../meldpunt-widget.ts';
import type { MeldpuntWidget } from '../meldpunt-widget.ts';
import { fakeApi, testConfig } from '../test-support/fixtures.ts';
import { waitFor } from '../test-support/wait.ts';

/** The modules this page has fetched whose path contains `part` (the test server serves the sources as such). */
const fetched = (part: string) =>
  performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.includes(part));

// A file of its own: a page of its own, so nothing else loaded the follow-up before.
describe('the follow-up chunk', () => {
  it('is not loaded with the form, only when "Follow up on my report" is opened', async () => {
    const api = fakeApi(testConfig());
    try {
      const el = await fixture<MeldpuntWidget>(
        html`<meldpunt-widget tenant="testgemeente" api-base="https://api.test" locale="nl"></meldpunt-widget>`,
      );
      await waitFor(() => el.shadowRoot!.querySelector('#step-heading'), 'the first step renders');
      const followUpModules = () =>
        [...fetched('/src/follow-up.ts'), ...fetched('/src/follow-up/'), ...fetched('follow-up.ts')]
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => !path.endsWith('.test.ts'));
      expect(followUpModules()).to.deep.equal([]);
      expect(customElements.get('meldpunt-follow-up')).to.equal(undefined);
      el.shadowRoot!.querySelector<HTMLButtonElement>('.intro button')!.click();
      await waitFor(() => customElements.get('meldpunt-follow-up'), 'the chunk defines the view');
      // The view shows in the widget's shell: the 112 banner and quick exit stay.
      await waitFor(() => el.shadowRoot!.querySelector('meldpunt-follow-up'), 'the view');
      expect(el.shadowRoot!.querySelector('.emergency a[href="tel:112"]')).to.exist;
      expect(el.shadowRoot!.querySelector('button.exit')).to.exist;
      expect(fetched('/src/follow-up.ts')).not.to.be.empty;
      await waitFor(
        () => el.shadowRoot!.querySelector('meldpunt-follow-up')?.shadowRoot?.querySelector('#receipt-code'),
        'the view with its texts',
      );
      expect(fetched('/texts/src/nl/follow-up.ts')).not.to.be.empty;
    } finally {
      api.restore();
    }
  });
});
