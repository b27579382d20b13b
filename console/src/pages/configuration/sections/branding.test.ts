import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { shadowText, waitFor } from '../../../test-support/wait.ts';
import './branding.ts';
import type { MeldpuntConfigBranding } from './branding.ts';
import { renderSection, sampleConfig } from './section-test-support.ts';

const render = (config = sampleConfig(), options: Parameters<typeof renderSection>[2] = {}) =>
  renderSection<MeldpuntConfigBranding>('meldpunt-config-branding', config, options);

/** Empties a field and types `text` into it by keyboard. */
async function retype(root: ShadowRoot, id: string, text: string) {
  const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
}

/** Chooses `file` in the logo's file input, as a person choosing a file does. */
function chooseFile(root: ShadowRoot, file: File) {
  const input = root.querySelector<HTMLInputElement>('#logo-file')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<meldpunt-config-branding>', () => {
  const originalFetch = window.fetch;
  afterEach(() => {
    window.fetch = originalFetch;
  });

  it('shows the colours, their contrast checks, the sample, font and logo, accessible', async () => {
    const { el, root } = await render();
    expect(root.querySelector<HTMLInputElement>('#primaryColor-hex')!.value).to.equal('#00543c');
    expect(root.querySelector<HTMLInputElement>('#primaryColor-picker')!.value).to.equal('#00543c');
    expect(root.querySelector('label[for="primaryColor-picker"]')?.textContent).to.include('Hoofdkleur');
    expect(root.querySelector('label[for="primaryColor-hex"]')?.textContent).to.include('Hoofdkleur');
    // Unset optional colours say what the form uses instead.
    expect(shadowText(el)).to.include('Niet ingesteld: het formulier gebruikt #ffffff');
    const checks = [...root.querySelectorAll('[data-check]')].map((li) => li.getAttribute('data-check'));
    expect(checks).to.deep.equal(['text-on-primary', 'text', 'primary']);
    expect(root.querySelector('#contrast-outcome')?.textContent).to.include('Alle contrasten voldoen');
    // The sample is in the chosen colours (custom properties, no style attribute).
    const sample = root.querySelector<HTMLElement>('#sample')!;
    expect(sample.getAttribute('style') ?? '').to.not.include('style=');
    expect(getComputedStyle(sample.querySelector('.sample-button')!).backgroundColor).to.equal('rgb(0, 84, 60)');
    expect(root.querySelector<HTMLImageElement>('.logo-preview img')).to.equal(null);
    expect(root.querySelector<HTMLInputElement>('#branding-logoAlt-nl')!.value).to.equal('Gemeente Dordrecht');
    await expect(el).to.be.accessible();
  });

  it('a hex code that is not a colour: a message beside it, kept as typed, nothing reported; once valid it is', async () => {
    const { el, root, edits } = await render();
    await retype(root, 'primaryColor-hex', '#12ab');
    const input = root.querySelector<HTMLInputElement>('#primaryColor-hex')!;
    expect(input.value).to.equal('#12ab');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.include('primaryColor-hex-error');
    expect(root.querySelector('#primaryColor-hex-error')?.textContent).to.include('geen kleurcode');
    expect(edits).to.deep.equal([]);
    await expect(el).to.be.accessible();

    await sendKeys({ type: '3c' });
    await waitFor(() => edits.length === 1, 'the edit');
    expect(edits[0]).to.deep.equal({ path: ['branding', 'primaryColor'], value: '#12ab3c' });
    await el.updateComplete;
    expect(root.querySelector('#primaryColor-hex-error')).to.equal(null);
    expect(root.querySelector<HTMLInputElement>('#primaryColor-picker')!.value).to.equal('#12ab3c');
  });

  it('the colour picker reports its colour and the hex field follows', async () => {
    const { el, root, edits } = await render();
    const picker = root.querySelector<HTMLInputElement>('#accentColor-picker')!;
    picker.value = '#0a4a8f';
    picker.dispatchEvent(new Event('input', { bubbles: true }));
    expect(edits).to.deep.equal([{ path: ['branding', 'accentColor'], value: '#0a4a8f' }]);
    await el.updateComplete;
    expect(root.querySelector<HTMLInputElement>('#accentColor-hex')!.value).to.equal('#0a4a8f');
    // A fourth check now: the accent against the background.
    expect(root.querySelector('[data-check="accent"]')).to.not.equal(null);
    // Back to the default: the key is removed.
    const reset = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Standaardkleur'))!;
    reset.click();
    expect(edits.at(-1)).to.deep.equal({ path: ['branding', 'accentColor'], value: undefined });
    await el.updateComplete;
    expect(root.querySelector('[data-check="accent"]')).to.equal(null);
  });

  it('checks contrast live on every change: ratio, minimum, fails in words and icon, publishing blocked', async () => {
    const { el, root } = await render();
    await retype(root, 'primaryColor-hex', '#949494');
    await waitFor(() => root.querySelector('[data-check="text-on-primary"].fails'), 'the failing check');
    const failing = root.querySelector('[data-check="text-on-primary"]')!;
    expect(failing.textContent).to.include('Voldoet niet');
    expect(failing.textContent).to.include('Contrast 3,03:1; minimaal 4,5:1 nodig.');
    expect(failing.querySelector('.icon')?.textContent).to.equal('✗');
    const component = root.querySelector('[data-check="primary"]')!;
    expect(component.classList.contains('passes')).to.equal(true);
    expect(component.textContent).to.include('minimaal 3:1');
    const outcome = root.querySelector('#contrast-outcome')!;
    expect(outcome.getAttribute('aria-live')).to.equal('polite');
    expect(outcome.textContent).to.include('Publiceren kan niet zolang een contrast niet voldoet');
    // The sample shows the failing colours on purpose (a picture of the widget, hidden from screen
    // readers); everything else must still pass, contrast of the console's own text included.
    await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });
    expect(root.querySelector('#sample')?.getAttribute('aria-hidden')).to.equal('true');

    // A dark background with the default dark text: body text fails too.
    await retype(root, 'backgroundColor-hex', '#222222');
    await waitFor(() => root.querySelector('[data-check="text"].fails'), 'the text check failing');
  });

  it('a font list with characters a CSS font list cannot have: a message, nothing reported', async () => {
    const { root, edits } = await render();
    await retype(root, 'fontFamily', 'Arial; color: red');
    expect(root.querySelector('#fontFamily-error')?.textContent).to.include('Dit lettertype kan niet');
    expect(root.querySelector<HTMLInputElement>('#fontFamily')!.value).to.equal('Arial; color: red');
    // "Arial" was a valid list while typing; from the semicolon on nothing more was reported.
    expect(edits.at(-1)).to.deep.equal({ path: ['branding', 'fontFamily'], value: 'Arial' });
    expect(edits.some((edit) => String(edit.value).includes(';'))).to.equal(false);
    await retype(root, 'fontFamily', '"Open Sans", Arial');
    expect(edits.at(-1)).to.deep.equal({ path: ['branding', 'fontFamily'], value: '"Open Sans", Arial' });
  });

  it('the alt text per language, the default language first and marked', async () => {
    const { root, edits } = await render();
    const labels = [...root.querySelectorAll('label[for^="branding-logoAlt-"]')].map((l) => l.textContent?.trim());
    expect(labels).to.deep.equal(['Nederlands (standaardtaal)', 'English']);
    root.querySelector<HTMLInputElement>('#branding-logoAlt-en')!.focus();
    await sendKeys({ type: 'Municipality of Dordrecht' });
    expect(edits.at(-1)).to.deep.equal({ path: ['branding', 'logoAlt', 'en'], value: 'Municipality of Dordrecht' });
  });

  it('uploads a logo as the raw file, puts its URL in the draft, previews it, and removes it', async () => {
    const url = `/api/v1/logos/${'a'.repeat(64)}.webp`;
    const sent: { url: string; init: RequestInit | undefined }[] = [];
    window.fetch = async (input, init) => {
      sent.push({ url: String(input), init });
      return Response.json({ id: 'a'.repeat(64), url, width: 200, height: 80 }, { status: 201 });
    };
    const { el, root, edits } = await render();
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', { type: 'image/png' });
    chooseFile(root, file);
    await waitFor(() => edits.length === 1, 'the logo in the draft');
    expect(edits[0]).to.deep.equal({ path: ['branding', 'logoUrl'], value: url });
    expect(sent).to.have.length(1);
    expect(sent[0]!.url).to.equal('/api/v1/console/tenants/dordrecht/logo');
    expect(sent[0]!.init?.method).to.equal('POST');
    expect((sent[0]!.init?.headers as Record<string, string>)['Content-Type']).to.equal('image/png');
    expect(sent[0]!.init?.body).to.equal(file);
    await el.updateComplete;
    const img = root.querySelector<HTMLImageElement>('.logo-preview img')!;
    expect(img.getAttribute('src')).to.equal(url);
    expect(img.alt).to.equal('Gemeente Dordrecht');
    expect(root.querySelector('#logo-status')?.textContent).to.include('Het nieuwe logo staat in het concept');

    root.querySelector<HTMLButtonElement>('#logo-remove')!.click();
    expect(edits.at(-1)).to.deep.equal({ path: ['branding', 'logoUrl'], value: undefined });
    await el.updateComplete;
    expect(root.querySelector('.logo-preview img')).to.equal(null);
    // The alt texts stay.
    expect(el.config.branding.logoAlt).to.deep.equal({ nl: 'Gemeente Dordrecht' });
  });

  it('a file over 2 MB or of another type is refused here at once, nothing sent', async () => {
    let requests = 0;
    window.fetch = async () => {
      requests += 1;
      return new Response(null, { status: 500 });
    };
    const { el, root, edits } = await render();
    chooseFile(root, new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' }));
    await el.updateComplete;
    expect(root.querySelector('#logo-file-error')?.textContent).to.include('hoogstens 2 MB');
    expect(root.querySelector('#logo-file')?.getAttribute('aria-invalid')).to.equal('true');
    chooseFile(root, new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    await el.updateComplete;
    expect(root.querySelector('#logo-file-error')?.textContent).to.include('geen PNG-, JPEG- of WebP-bestand');
    expect(shadowText(el)).to.include('Er is niets verstuurd');
    expect(requests).to.equal(0);
    expect(edits).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it("the service's refusal (problem+json) shows beside the field; the draft keeps its logo", async () => {
    window.fetch = async () =>
      Response.json(
        {
          type: 'https://meldpunt.example/problems/unsupported-media-type',
          title: 'The logo must be a PNG, JPEG or WebP image',
          status: 415,
          detail: 'This file is not an image.',
        },
        { status: 415, headers: { 'content-type': 'application/problem+json' } },
      );
    const { el, root, edits } = await render(
      sampleConfig({ branding: { primaryColor: '#00543c', logoUrl: '/demo/logo.png' } }),
    );
    chooseFile(root, new File(['not an image'], 'fake.png', { type: 'image/png' }));
    await waitFor(() => root.querySelector('#logo-file-error'), 'the refusal');
    expect(root.querySelector('#logo-file-error')?.textContent).to.include(
      'Het logo is niet opgeslagen: This file is not an image.',
    );
    expect(edits).to.deep.equal([]);
    expect(root.querySelector('.logo-preview img')?.getAttribute('src')).to.equal('/demo/logo.png');
    await expect(el).to.be.accessible();
  });

  it("shows the service's field errors beside the field", async () => {
    const { root } = await render(sampleConfig(), {
      errors: new Map([['/branding/primaryColor', 'Use a colour like #1a4d8f']]),
    });
    expect(root.querySelector('#primaryColor-hex-error')?.textContent).to.equal('Use a colour like #1a4d8f');
  });

  it('read only: the same information, no inputs', async () => {
    const { el, root } = await render(
      sampleConfig({
        branding: {
          primaryColor: '#00543c',
          fontFamily: 'Arial',
          logoUrl: '/demo/logo.png',
          logoAlt: { nl: 'Gemeente Dordrecht' },
        },
      }),
      { editable: false },
    );
    expect(root.querySelectorAll('input, textarea, select')).to.have.length(0);
    expect(root.querySelectorAll('button')).to.have.length(0);
    const text = shadowText(el);
    expect(text).to.include('#00543c');
    expect(text).to.include('Arial');
    expect(text).to.include('Gemeente Dordrecht');
    expect(text).to.include('Alle contrasten voldoen');
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
