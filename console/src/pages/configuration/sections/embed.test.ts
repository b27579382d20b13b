import { expect, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Me } from '@meldpunt/contracts';
import { fakeConsoleApi, person, tenant, type FakeConsoleApi } from '../../../test-support/fake-api.ts';
import { shadowText, waitFor } from '../../../test-support/wait.ts';
import './embed.ts';
import type { MeldpuntConfigEmbed } from './embed.ts';
import { mountSection } from './test-support.ts';

const admin = (): Me =>
  person({ name: 'Anna Admin', memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles: ['admin'] }] });

/** The parts of Dordrecht's published config the embed page reads (and more, as the service sends). */
const published = {
  slug: 'dordrecht',
  name: 'Dordrecht',
  defaultLocale: 'nl',
  locales: ['nl', 'en'],
  branding: { primaryColor: '#00543c', logoUrl: 'https://cdn.dordrecht.example/logo.webp' },
  map: {
    center: { lat: 51.8, lng: 4.67 },
    zoom: 13,
    tileUrl: 'https://tiles.dordrecht.example/{z}/{x}/{y}.png',
  },
  geocoding: { baseUrl: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1' },
};

/** The button inside a `<wa-copy-button>` (its label is the accessible name). */
function copyButton(root: ShadowRoot, id: string): HTMLButtonElement {
  return root.querySelector(`#${id}`)!.shadowRoot!.querySelector('button')!;
}

describe('<meldpunt-config-embed>', () => {
  let api: FakeConsoleApi;
  let copied: string[];
  let restoreClipboard: () => void;

  beforeEach(() => {
    // The copy buttons write to the clipboard; record what they write.
    copied = [];
    const own = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) },
    });
    restoreClipboard = () => {
      delete (navigator as unknown as Record<string, unknown>)['clipboard'];
      if (own) Object.defineProperty(Navigator.prototype, 'clipboard', own);
    };
  });
  afterEach(() => {
    api.restore();
    restoreClipboard();
  });

  async function open(me: Me, publicConfig: unknown = published) {
    api = fakeConsoleApi({
      me,
      tenants: [tenant()],
      publicConfigs: publicConfig ? { dordrecht: publicConfig } : {},
    });
    const host = await mountSection(html`<meldpunt-config-embed slug="dordrecht"></meldpunt-config-embed>`, me);
    const el = host.querySelector<MeldpuntConfigEmbed>('meldpunt-config-embed')!;
    await waitFor(() => el.shadowRoot!.querySelector('#module'), 'the snippets');
    return { host, el, root: el.shadowRoot! };
  }

  it('shows both snippets for this tenant from the service’s origin, each with a working copy button; accessible', async () => {
    const { host, root } = await open(person());
    const module = `<script type="module" src="${location.origin}/widget/meldpunt-widget.js"></script>\n<meldpunt-widget tenant="dordrecht"></meldpunt-widget>`;
    const classic = `<script src="${location.origin}/widget/meldpunt-widget.classic.js" defer></script>\n<meldpunt-widget tenant="dordrecht"></meldpunt-widget>`;
    expect(root.querySelector('#module')?.textContent).to.equal(module);
    expect(root.querySelector('#classic')?.textContent).to.equal(classic);
    expect(api.requests).to.include('GET /tenants/dordrecht/config');

    // By keyboard: focus the copy button of the module snippet (named for what it copies), Enter.
    expect(copyButton(root, 'module-copy').getAttribute('aria-label')).to.equal('Code voor moderne websites kopiëren');
    copyButton(root, 'module-copy').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => copied.length === 1, 'copied');
    expect(copied[0]).to.equal(module);
    await waitFor(() => copyButton(root, 'module-copy').getAttribute('aria-label') === 'Gekopieerd', 'the feedback');
    copyButton(root, 'classic-copy').click();
    await waitFor(() => copied.length === 2, 'copied again');
    expect(copied[1]).to.equal(classic);
    await expect(host).to.be.accessible();
  });

  it('the CSP lines for this tenant’s sources: script and API from the service, the address search, logo and tiles', async () => {
    const { el, root } = await open(person());
    const origin = location.origin;
    expect(root.querySelector('#csp-code')?.textContent).to.equal(
      [
        `script-src ${origin}`,
        `connect-src ${origin} https://api.pdok.nl`,
        `img-src ${origin} https://cdn.dordrecht.example https://tiles.dordrecht.example`,
      ].join(';\n'),
    );
    const text = shadowText(el);
    expect(text).to.include('trusted-types lit-html');
    expect(text).to.include("style-src 'self' is genoeg");
    copyButton(root, 'csp-code-copy').click();
    await waitFor(() => copied.length === 1, 'copied');
    expect(copied[0]).to.equal(root.querySelector('#csp-code')?.textContent);
  });

  it('the hosted page opens in a new tab and says so; the QR code with its alt text and both downloads', async () => {
    const { host, root } = await open(person());
    const hosted = `${location.origin}/m/dordrecht`;
    const link = root.querySelector<HTMLAnchorElement>('#hosted-link')!;
    expect(link.href).to.equal(hosted);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener');
    expect(link.textContent).to.equal(`${hosted} (opent in een nieuw tabblad)`);
    const qr = root.querySelector<HTMLImageElement>('#qr')!;
    expect(qr.getAttribute('src')).to.equal('/api/v1/tenants/dordrecht/qr.svg');
    expect(qr.alt).to.equal(`QR-code naar de meldpagina ${hosted}`);
    expect(root.querySelector('#qr-svg')?.getAttribute('href')).to.equal('/api/v1/tenants/dordrecht/qr.svg');
    expect(root.querySelector('#qr-png')?.getAttribute('href')).to.equal('/api/v1/tenants/dordrecht/qr.png');
    expect(root.querySelector('#qr-png')?.hasAttribute('download')).to.equal(true);
    await expect(host).to.be.accessible();
  });

  it('an admin is sent to the settings for the allowed websites; an editor is told to ask the admin', async () => {
    const asAdmin = await open(admin());
    expect(asAdmin.root.querySelector<HTMLAnchorElement>('#settings-link')?.getAttribute('href')).to.equal(
      '/console/tenants/dordrecht/configuration/settings',
    );
    api.restore();
    const asEditor = await open(person());
    expect(asEditor.root.querySelector('#settings-link')).to.equal(null);
    expect(shadowText(asEditor.el)).to.include('Vraag de beheerder');
  });

  it('not published yet: says so, the snippet with the default sources, no QR code', async () => {
    const { host, root } = await open(person(), null);
    expect(root.querySelector('#not-published')?.textContent).to.include('nog niet gepubliceerd');
    expect(root.querySelector('#module')?.textContent).to.include('tenant="dordrecht"');
    expect(root.querySelector('#csp-code')?.textContent).to.include(
      `img-src ${location.origin} https://service.pdok.nl`,
    );
    expect(root.querySelector('#qr')).to.equal(null);
    await expect(host).to.be.accessible();
  });

  it('reflows at 320 px: nothing wider than the screen', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      await open(person());
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
