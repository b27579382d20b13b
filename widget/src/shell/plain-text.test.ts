import { expect, fixture, html } from '@open-wc/testing';
import '../meldpunt-widget.ts';
import type { MeldpuntWidget } from '../meldpunt-widget.ts';
import { fakeApi, testConfig, type FakeApi } from '../test-support/fixtures.ts';
import { waitFor } from '../test-support/wait.ts';

const attack = '<img src=x onerror=alert(1)>';
let api: FakeApi | undefined;
afterEach(() => {
  api?.restore();
  api = undefined;
});

const $ = <T extends Element = HTMLElement>(el: MeldpuntWidget, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;

/** Images in the widget other than the tenant's logo. */
const strayImages = (el: MeldpuntWidget) =>
  [...el.shadowRoot!.querySelectorAll('img')].filter(
    (img) => !img.classList.contains('logo') && !img.classList.contains('done-logo'),
  );

async function next(el: MeldpuntWidget) {
  await waitFor(() => !el.shadowRoot!.querySelector('form[aria-busy]'), 'the step renders');
  $(el, 'button[type=submit]').click();
  await el.updateComplete;
}

describe('tenant texts: plain text with paragraphs and https links, never HTML', () => {
  it('the intro and a referral: paragraphs and links as elements, markup shown literally', async () => {
    const config = testConfig({
      texts: { nl: { 'intro.body': `${attack}\n\nLees meer op https://www.test.example/melden. Dank je.` } },
      referrals: [
        {
          id: 'wijkteam',
          name: { nl: 'Wijkteam Test' },
          description: { nl: `Bel ons.\n\n${attack} Of kijk op https://wijkteam.test.example/` },
          phone: '14 078',
        },
      ],
    });
    api = fakeApi(config);
    const el = await fixture<MeldpuntWidget>(
      html`<meldpunt-widget tenant=${config.slug} api-base="https://api.test" locale="nl"></meldpunt-widget>`,
    );
    await waitFor(() => el.shadowRoot!.querySelector('#step-heading'), 'the first step');
    const paragraphs = [...el.shadowRoot!.querySelectorAll('.intro p')];
    expect(paragraphs.map((p) => p.textContent)).to.have.length(2);
    expect(paragraphs[0]!.textContent).to.equal(attack);
    expect(paragraphs[1]!.textContent).to.match(/^Lees meer op https:\/\/www\.test\.example\/melden\. Dank je\. /);
    const link = paragraphs[1]!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://www.test.example/melden');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');

    $(el, 'button[aria-controls=help]').click();
    await el.updateComplete;
    const help = $(el, '#help').textContent!;
    expect(help).to.contain(attack);
    expect($<HTMLAnchorElement>(el, '#help a[href="https://wijkteam.test.example/"]').textContent).to.equal(
      'https://wijkteam.test.example/',
    );
    expect(strayImages(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('the response after sending shows markup literally, with its paragraphs', async () => {
    const body = `${attack}\n\nWe lezen elke melding.`;
    const config = testConfig({
      followUp: { mode: 'active', response: { title: { nl: attack }, body: { nl: body } } },
    });
    api = fakeApi(config);
    const el = await fixture<MeldpuntWidget>(
      html`<meldpunt-widget tenant=${config.slug} api-base="https://api.test" locale="nl"></meldpunt-widget>`,
    );
    await waitFor(() => el.shadowRoot!.querySelector('#step-heading'), 'the first step');
    $(el, '#role-bystander').click();
    await next(el);
    $(el, '#category-following').click();
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
    for (let i = 0; i < 3; i++) await next(el);
    await next(el);
    await waitFor(() => el.shadowRoot!.querySelector('.reference-code'), 'the confirmation');
    expect($(el, '#step-heading').textContent).to.equal(attack);
    const paragraphs = [...el.shadowRoot!.querySelectorAll('.response-body p')].map((p) => p.textContent);
    expect(paragraphs).to.deep.equal([attack, 'We lezen elke melding.']);
    expect(strayImages(el)).to.have.length(0);
  });
});
