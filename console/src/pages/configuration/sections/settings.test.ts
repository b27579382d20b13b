import { expect, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Me, PgpKeyInfo, SettingsView } from '@meldpunt/contracts';
import { fakeConsoleApi, person, tenant, type FakeConsoleApi } from '../../../test-support/fake-api.ts';
import { shadowText, waitFor } from '../../../test-support/wait.ts';
import './settings.ts';
import type { MeldpuntConfigSettings } from './settings.ts';
import { mountSection } from './test-support.ts';

const admin = (): Me =>
  person({
    id: '3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
    email: 'anna@dordrecht.example',
    name: 'Anna Admin',
    memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles: ['admin'] }],
  });

const storedKey: PgpKeyInfo = {
  fingerprint: '3AA5C34371567BD2E1A5B8C9D0E1F2A3B4C5D6E7',
  userIds: ['OOV Dordrecht <oov@dordrecht.example>'],
  expiresAt: '2031-06-30T00:00:00.000Z',
};

function settingsView(): Omit<SettingsView, 'newWebhookSecret'> {
  return {
    revision: 3,
    updatedAt: '2026-11-30T09:15:00.000Z',
    updatedBy: { id: 'b0b', name: 'Bert Beheer' },
    settings: {
      allowedOrigins: ['https://www.dordrecht.nl'],
      rateLimit: { reports: 10, windowSeconds: 3600 },
      routing: { keepReportsElsewhere: false },
      delivery: {
        email: [{ address: 'oov@dordrecht.example', pgpKey: storedKey }],
        webhook: null,
      },
    },
    rateLimitBounds: { maxReports: 100, minWindowSeconds: 60, maxWindowSeconds: 86_400, maxReportsPerHour: 60 },
  };
}

const goodKey = '-----BEGIN PGP PUBLIC KEY BLOCK-----\ngoed\n-----END PGP PUBLIC KEY BLOCK-----';
const expiredKey = '-----BEGIN PGP PUBLIC KEY BLOCK-----\noud\n-----END PGP PUBLIC KEY BLOCK-----';

/** Waits until `ms` have passed (to show that something did NOT happen in that time). */
function elapsed(ms: number): Promise<void> {
  const start = performance.now();
  return waitFor(() => performance.now() - start >= ms, `${ms} ms`);
}

describe('<meldpunt-config-settings>', () => {
  let api: FakeConsoleApi;

  afterEach(() => api.restore());

  function fake(me: Me = admin()) {
    api = fakeConsoleApi({
      me,
      tenants: [tenant({ roles: ['admin'] })],
      settings: { dordrecht: settingsView() },
      pgpKeys: {
        [goodKey]: { fingerprint: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01', userIds: ['Team'], expiresAt: null },
        [expiredKey]: {
          fingerprint: '0000111122223333444455556666777788889999',
          userIds: ['Oud'],
          expiresAt: '2024-01-01T00:00:00.000Z',
        },
      },
    });
    return api;
  }

  async function open(me: Me = admin()) {
    const host = await mountSection(html`<meldpunt-config-settings slug="dordrecht"></meldpunt-config-settings>`, me);
    const el = host.querySelector<MeldpuntConfigSettings>('meldpunt-config-settings')!;
    el.pollInterval = 20;
    await waitFor(
      () => el.shadowRoot!.querySelector('form') ?? el.shadowRoot!.querySelector('#not-available'),
      'the form',
    );
    return { host, el, root: el.shadowRoot! };
  }

  /** Types into a field by keyboard, as a person does (replacing what is there when `replace`). */
  async function type(root: ShadowRoot, id: string, text: string, replace = false) {
    const control = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
    control.focus();
    if (replace) control.select();
    await sendKeys({ type: text });
  }

  async function submit(root: ShadowRoot) {
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
  }

  it('shows the saved settings: origins, the key’s fingerprint grouped with user ids and expiry, the rate limit in words; accessible', async () => {
    fake();
    const { host, el, root } = await open();
    expect(root.querySelector<HTMLTextAreaElement>('#allowedOrigins')!.value).to.equal('https://www.dordrecht.nl');
    expect(root.querySelector<HTMLInputElement>('#recipient-0-address')!.value).to.equal('oov@dordrecht.example');
    expect(root.querySelector('#recipient-0-stored .fingerprint')?.textContent).to.equal(
      '3AA5 C343 7156 7BD2 E1A5 B8C9 D0E1 F2A3 B4C5 D6E7',
    );
    const text = shadowText(el);
    expect(text).to.include('OOV Dordrecht <oov@dordrecht.example>');
    expect(text).to.include('2031');
    expect(text).to.include('Laatst opgeslagen door Bert Beheer');
    expect(root.querySelector('#rate-explained')?.textContent?.trim()).to.equal(
      'Hoogstens 10 meldingen per verbinding per 60 minuten.',
    );
    expect(api.requests).to.include('GET /console/tenants/dordrecht/settings');
    await expect(host).to.be.accessible();
  });

  it('reflows at 320 px: nothing wider than the screen', async () => {
    fake();
    await setViewport({ width: 320, height: 640 });
    try {
      await open();
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });

  it('saves the whole settings with If-Match on their revision, keeps the stored key, then saves the next with the new revision', async () => {
    fake();
    const { host, root } = await open();
    await type(root, 'allowedOrigins', '\nhttps://Melden.Dordrecht.nl/');
    await type(root, 'reports', '5', true);
    await type(root, 'minutes', '30', true);
    expect(root.querySelector('#rate-explained')?.textContent?.trim()).to.equal(
      'Hoogstens 5 meldingen per verbinding per 30 minuten.',
    );
    root.querySelector<HTMLInputElement>('#routing')!.focus();
    await sendKeys({ press: 'Space' });
    await submit(root);
    await waitFor(() => root.querySelector('[role="status"]#outcome'), 'saved');
    expect(root.querySelector('#outcome')?.textContent).to.include('opgeslagen');
    expect(root.activeElement?.id).to.equal('outcome');
    expect(api.settingsSent).to.deep.equal({
      ifMatch: '"settings-3"',
      body: {
        allowedOrigins: ['https://www.dordrecht.nl', 'https://melden.dordrecht.nl'],
        rateLimit: { reports: 5, windowSeconds: 1800 },
        routing: { keepReportsElsewhere: true },
        figures: { minimumCount: 5 },
        delivery: { email: [{ address: 'oov@dordrecht.example' }], webhook: null },
      },
    });
    // The stored key is still shown; the next save carries the new revision.
    expect(root.querySelector('#recipient-0-stored .fingerprint')).to.exist;
    expect(shadowText(root.host)).to.include('Laatst opgeslagen door Anna Admin');
    await submit(root);
    await waitFor(() => api.settingsSent?.ifMatch === '"settings-4"', 'the second save');
    await expect(host).to.be.accessible();
  });

  it('a key the service refuses: its message beside that recipient’s key, a summary that takes the focus, nothing typed lost', async () => {
    fake();
    const { host, root } = await open();
    root.querySelector<HTMLButtonElement>('#recipients')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root.activeElement?.id === 'recipient-1-address', 'the new address field focused');
    await sendKeys({ type: 'meldingen@dordrecht.example' });
    await type(root, 'recipient-1-key', expiredKey);
    await submit(root);
    await waitFor(() => root.querySelector('[role="alert"]#outcome'), 'the summary');
    expect(root.activeElement?.id).to.equal('outcome');
    const key = root.querySelector('#recipient-1-key')!;
    expect(key.getAttribute('aria-invalid')).to.equal('true');
    expect(key.getAttribute('aria-describedby')).to.include('recipient-1-key-error');
    expect(root.querySelector('#recipient-1-key-error')?.textContent).to.include('expired on 2024-01-01');
    expect(root.querySelector('#outcome')?.textContent).to.include('1 veld');
    expect(root.querySelector('#recipient-0-key')!.getAttribute('aria-invalid')).to.equal('false');
    expect(root.querySelector<HTMLInputElement>('#recipient-1-address')!.value).to.equal('meldingen@dordrecht.example');
    expect(root.querySelector<HTMLTextAreaElement>('#recipient-1-key')!.value).to.equal(expiredKey);
    expect(api.settings['dordrecht']?.revision).to.equal(3);
    await expect(host).to.be.accessible();

    // The summary's entry takes the person to the field; a good key then saves and shows its fingerprint.
    root.querySelector<HTMLButtonElement>('#outcome li button')!.click();
    expect(root.activeElement?.id).to.equal('recipient-1-key');
    root.querySelector<HTMLTextAreaElement>('#recipient-1-key')!.select();
    await sendKeys({ type: goodKey });
    await submit(root);
    await waitFor(() => root.querySelector('[role="status"]#outcome'), 'saved');
    expect(api.settingsSent?.body.delivery.email).to.deep.equal([
      { address: 'oov@dordrecht.example' },
      { address: 'meldingen@dordrecht.example', pgpPublicKey: goodKey },
    ]);
    expect(root.querySelector('#recipient-1-stored .fingerprint')?.textContent).to.equal(
      'ABCD EF01 2345 6789 ABCD EF01 2345 6789 ABCD EF01',
    );
  });

  it('the smallest count the figures show: 5 unless set, sent as figures.minimumCount, 3 to 50 only', async () => {
    fake();
    const { root } = await open();
    const input = root.querySelector<HTMLInputElement>('#minimumCount')!;
    expect(input.value).to.equal('5');
    expect(root.querySelector('label[for="minimumCount"]')?.textContent?.trim()).to.equal(
      'Kleinste aantal dat de cijfers tonen',
    );
    await type(root, 'minimumCount', '2', true);
    await submit(root);
    await waitFor(() => root.querySelector('[role="alert"]#outcome'), 'the summary');
    expect(root.querySelector('#minimumCount-error')?.textContent).to.include('van 3 tot 50');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(api.settingsSent).to.equal(undefined);
    await type(root, 'minimumCount', '8', true);
    expect(shadowText(root.host)).to.include('“< 8”');
    await submit(root);
    await waitFor(() => api.settingsSent, 'the save');
    expect(api.settingsSent?.body.figures).to.deep.equal({ minimumCount: 8 });
    await waitFor(() => root.querySelector('[role="status"]#outcome'), 'saved');
    expect(root.querySelector<HTMLInputElement>('#minimumCount')!.value).to.equal('8');
  });

  it('checks the form before asking the service: a bad address and an impossible rate limit beside their fields', async () => {
    fake();
    const { root } = await open();
    await type(root, 'recipient-0-address', 'geen-adres', true);
    await type(root, 'reports', '100', true);
    await type(root, 'minutes', '10', true);
    await submit(root);
    await waitFor(() => root.querySelector('[role="alert"]#outcome'), 'the summary');
    expect(root.querySelector('#recipient-0-address-error')?.textContent).to.include('e-mailadres');
    expect(root.querySelector('#reports-error')?.textContent).to.include('60 meldingen per uur');
    expect(api.settingsSent).to.equal(undefined);
  });

  it('removing a stored key sends null; a new webhook’s secret is shown once, with a copy button, and is gone after a reload', async () => {
    fake();
    const { root } = await open();
    root.querySelector<HTMLInputElement>('#recipient-0-remove-key')!.focus();
    await sendKeys({ press: 'Space' });
    await type(root, 'webhookUrl', 'https://systeem.dordrecht.example/meldpunt');
    await submit(root);
    await waitFor(() => root.querySelector('#new-secret'), 'the new secret');
    const secret = root.querySelector('#new-secret')!.textContent!;
    expect(secret).to.match(/^whsec_/);
    expect(root.querySelector('wa-copy-button')?.getAttribute('value')).to.equal(secret);
    expect(root.querySelector('#outcome')?.textContent).to.include('niet meer getoond');
    expect(root.activeElement?.id).to.equal('outcome');
    expect(api.settingsSent?.body.delivery).to.deep.equal({
      email: [{ address: 'oov@dordrecht.example', pgpPublicKey: null }],
      webhook: { url: 'https://systeem.dordrecht.example/meldpunt' },
    });
    expect(root.querySelector('#recipient-0-stored')).to.equal(null);

    // A reload (the page opened again): the secret is not there, only that one is set.
    const again = await open();
    expect(again.root.querySelector('#new-secret')).to.equal(null);
    expect(shadowText(again.el)).to.not.include(secret);
    expect(again.root.querySelector('#webhook-secret')?.textContent).to.include('Er is een geheim ingesteld sinds');
  });

  it('a new webhook secret only after confirming; the old one is replaced', async () => {
    fake();
    api.settings['dordrecht']!.settings.delivery.webhook = {
      url: 'https://systeem.dordrecht.example/meldpunt',
      secretSet: true,
      secretCreatedAt: '2026-10-01T08:00:00.000Z',
    };
    const { host, root } = await open();
    root.querySelector<HTMLButtonElement>('#rotate')!.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = root.querySelector('wa-dialog')!;
    await waitFor(() => dialog.hasAttribute('open'), 'the dialog');
    expect(api.settingsSent).to.equal(undefined);
    root.querySelector<HTMLButtonElement>('#rotate-confirm')!.click();
    await waitFor(() => root.querySelector('#new-secret'), 'the new secret');
    expect(api.settingsSent?.body.rotateWebhookSecret).to.equal(true);
    await waitFor(() => !dialog.hasAttribute('open'), 'the dialog closed');
    await expect(host).to.be.accessible();
  });

  it('answers the origin check in words: allowed, not listed, http, a path, not an address', async () => {
    fake();
    const { root } = await open();
    const answer = () => root.querySelector('#originAnswer')?.textContent?.trim() ?? '';
    const check = async (value: string) => {
      const before = api.requests.length;
      await type(root, 'originCheck', value, true);
      await sendKeys({ press: 'Enter' });
      await waitFor(
        () => api.requests.length > before && !root.querySelector('#originCheckButton[disabled]'),
        'an answer',
      );
      await waitFor(() => answer() !== '', 'the words');
    };
    expect(root.querySelector('#originAnswer')?.getAttribute('role')).to.equal('status');
    await check('https://www.dordrecht.nl');
    expect(answer()).to.equal(
      'Ja: https://www.dordrecht.nl staat in de lijst. Een pagina op deze website mag meldingen versturen.',
    );
    await check('https://www.zwijndrecht.nl');
    expect(answer()).to.include('Nee: https://www.zwijndrecht.nl staat niet in de opgeslagen lijst');
    await check('http://www.dordrecht.nl');
    expect(answer()).to.include('gebruikt http');
    await check('https://www.dordrecht.nl/melden');
    expect(answer()).to.include('De lijst bevat alleen de herkomst: https://www.dordrecht.nl');
    await check('dordrecht');
    expect(answer()).to.equal('Dit is geen webadres. Typ het zoals https://www.gemeente.nl.');
    expect(api.requests.filter((r) => r === 'POST /console/tenants/dordrecht/settings/origin-check')).to.have.length(5);
  });

  it('a test delivery: each target’s progress to sent, announced politely; a failure with its reason in words', async () => {
    fake();
    api.settings['dordrecht']!.settings.delivery.webhook = {
      url: 'https://systeem.dordrecht.example/meldpunt',
      secretSet: true,
      secretCreatedAt: null,
    };
    api.testDeliveryCourse = {
      'oov@dordrecht.example': [
        { status: 'sending', attempts: 1, error: null },
        { status: 'sent', attempts: 1, error: null },
      ],
      'https://systeem.dordrecht.example/meldpunt': [
        { status: 'retrying', attempts: 1, error: 'http-503' },
        { status: 'sent', attempts: 2, error: null },
      ],
    };
    const { host, el, root } = await open();
    const status = () => root.querySelector('#test-status')!;
    expect(status().getAttribute('role')).to.equal('status');
    // Every text the live region takes, as a screen reader would hear it change.
    const heard: string[] = [];
    const observer = new MutationObserver(() => heard.push(status().textContent ?? ''));
    observer.observe(status(), { subtree: true, childList: true, characterData: true });
    root.querySelector<HTMLButtonElement>('#test-send')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => heard.some((text) => text.includes('poging 1')), 'retrying');
    expect(heard.some((text) => text.includes('In de wachtrij'))).to.equal(true);
    expect(heard.find((text) => text.includes('poging 1'))).to.include('HTTP-status 503');
    await waitFor(
      () => status().textContent?.includes('Klaar: het testbericht is bij alle ontvangers aangekomen.'),
      'sent',
    );
    observer.disconnect();
    expect(status().querySelectorAll('li.sent')).to.have.length(2);
    const polls = api.requests.filter((r) => r === 'GET /console/tenants/dordrecht/settings/test-delivery').length;
    expect(polls).to.be.at.least(2);
    await expect(host).to.be.accessible();

    // Final: no more asking (for ten poll intervals). Then one that fails for good.
    await elapsed(10 * el.pollInterval);
    expect(api.requests.filter((r) => r === 'GET /console/tenants/dordrecht/settings/test-delivery')).to.have.length(
      polls,
    );
    api.testDeliveryCourse = {
      'oov@dordrecht.example': [{ status: 'failed', attempts: 1, error: 'smtp-550' }],
      'https://systeem.dordrecht.example/meldpunt': [{ status: 'sent', attempts: 1, error: null }],
    };
    root.querySelector<HTMLButtonElement>('#test-send')!.click();
    await waitFor(() => status().textContent?.includes('kwam niet overal aan'), 'failed');
    expect(status().querySelector('li.failed')?.textContent).to.include(
      'de mailserver weigerde het bericht (code 550). Controleer het adres.',
    );
  });

  it('stops asking for the test delivery’s outcome once the page is left', async () => {
    fake();
    api.testDeliveryCourse = { 'oov@dordrecht.example': [{ status: 'sending', attempts: 1, error: null }] };
    const { host, el, root } = await open();
    root.querySelector<HTMLButtonElement>('#test-send')!.click();
    await waitFor(() => root.querySelector('#test-status')?.textContent?.includes('Wordt verstuurd'), 'sending');
    host.remove();
    const asked = api.requests.length;
    // Ten poll intervals later, nobody asked again.
    await elapsed(10 * el.pollInterval);
    expect(api.requests.length).to.equal(asked);
  });

  it('nothing to send to: says so', async () => {
    fake();
    api.settings['dordrecht']!.settings.delivery.email = [];
    const { root } = await open();
    root.querySelector<HTMLButtonElement>('#test-send')!.click();
    await waitFor(() => root.querySelector('#test-status')?.textContent?.includes('nog geen ontvanger'), 'no targets');
  });

  it('someone else saved meanwhile (412): says who, keeps every typed value; saving mine over theirs uses their revision', async () => {
    fake();
    const { host, root } = await open();
    await type(root, 'mailIntro', 'Meldingen gaan naar team OOV.');
    // Bert saves from another browser.
    api.settings['dordrecht'] = {
      ...api.settings['dordrecht']!,
      revision: 4,
      updatedAt: '2026-12-02T10:00:00.000Z',
      updatedBy: { id: 'b0b', name: 'Bert Beheer' },
    };
    await submit(root);
    await waitFor(() => root.querySelector('[role="alert"]#outcome'), 'the conflict');
    expect(root.activeElement?.id).to.equal('outcome');
    expect(root.querySelector('#outcome')?.textContent).to.include(
      'Bert Beheer heeft deze instellingen intussen opgeslagen',
    );
    expect(root.querySelector<HTMLTextAreaElement>('#mailIntro')!.value).to.equal('Meldingen gaan naar team OOV.');
    await expect(host).to.be.accessible();
    root.querySelector<HTMLButtonElement>('#stale-keep')!.click();
    await waitFor(() => root.querySelector('[role="status"]#outcome'), 'saved');
    expect(api.settingsSent?.ifMatch).to.equal('"settings-4"');
    expect(api.settingsSent?.body.delivery.mail).to.deep.equal({ intro: 'Meldingen gaan naar team OOV.' });
  });

  it('loading their version instead replaces the form with it', async () => {
    fake();
    const { root } = await open();
    await type(root, 'mailIntro', 'Mijn tekst');
    api.settings['dordrecht'] = {
      ...api.settings['dordrecht']!,
      revision: 4,
      settings: {
        ...api.settings['dordrecht']!.settings,
        allowedOrigins: ['https://www.dordrecht.nl', 'https://nieuw.dordrecht.nl'],
      },
    };
    await submit(root);
    await waitFor(() => root.querySelector('#stale-reload'), 'the conflict');
    root.querySelector<HTMLButtonElement>('#stale-reload')!.click();
    await waitFor(() => !root.querySelector('#outcome'), 'the conflict gone');
    expect(root.querySelector<HTMLTextAreaElement>('#allowedOrigins')!.value).to.equal(
      'https://www.dordrecht.nl\nhttps://nieuw.dordrecht.nl',
    );
    expect(root.querySelector<HTMLTextAreaElement>('#mailIntro')!.value).to.equal('');
  });

  it('not available to an editor (the service answers 403)', async () => {
    fake(person());
    api.tenants = [tenant()];
    const { host, root } = await open(person());
    expect(root.querySelector('#not-available')?.textContent).to.include('alleen voor de beheerder');
    expect(root.querySelector('form')).to.equal(null);
    await expect(host).to.be.accessible();
  });
});
