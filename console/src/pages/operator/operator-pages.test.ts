import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Municipality } from '@meldpunt/contracts';
import '../../meldpunt-console.ts';
import type { MeldpuntConsole } from '../../meldpunt-console.ts';
import { fakeConsoleApi, person, tenant, type FakeConsoleApi } from '../../test-support/fake-api.ts';
import { shadowText, waitFor } from '../../test-support/wait.ts';

const municipalities: Municipality[] = [
  { code: 'GM0505', name: 'Dordrecht', slug: 'dordrecht', tenant: 'dordrecht' },
  { code: 'GM0796', name: "'s-Hertogenbosch", slug: 's-hertogenbosch', tenant: null },
  { code: 'GM1900', name: 'Súdwest-Fryslân', slug: 'sudwest-fryslan', tenant: null },
];

const problem = (status: number, type: string, title: string) =>
  Response.json(
    { type: `https://meldpunt.dev/problems/${type}`, title, status },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

interface OperatorApi {
  /** Bodies sent, by `METHOD /path`. */
  bodies: Record<string, unknown[]>;
  /** Answer onboarding with 409 `tenant-exists`. */
  exists: boolean;
  /** Whether an export of the tenant was downloaded (the service's rule, faked). */
  exported: boolean;
}

/**
 * The operator's routes on top of the fake console API (which records every request): the
 * municipality search, onboarding, the demo mark, the export and the offboarding, with the service's
 * refusals (`tenant-exists`, `export-required`).
 */
function fakeOperatorApi(api: FakeConsoleApi): OperatorApi {
  const operator: OperatorApi = { bodies: {}, exists: false, exported: false };
  const inner = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      location.href,
    );
    const method = init?.method ?? 'GET';
    const path = url.pathname.slice('/api/v1'.length);
    const key = `${method} ${path}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const record = () => {
      api.requests.push(`${key}${url.search}`);
      (operator.bodies[key] ??= []).push(body);
    };
    if (key === 'GET /console/municipalities') {
      record();
      const q = (url.searchParams.get('q') ?? '').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
      return Response.json(municipalities.filter((m) => m.slug.includes(q.replaceAll(' ', '-'))));
    }
    if (key === 'POST /console/tenants') {
      record();
      if (operator.exists) return problem(409, 'tenant-exists', 'This municipality is already onboarded');
      const found = municipalities.find((m) => m.code === (body as { municipalityCode: string }).municipalityCode)!;
      return Response.json(
        {
          slug: found.slug,
          name: `Gemeente ${found.name}`,
          municipalityCode: found.code,
          isDemo: false,
          invitationId: '7f1d2f0e-1b7a-4a55-8a8a-2c1c5b7e9d01',
          invitationExpiresAt: new Date(Date.now() + 72 * 3600_000).toISOString(),
        },
        { status: 201 },
      );
    }
    if (key === 'PUT /console/tenants/almere/demo') {
      record();
      return Response.json({ slug: 'almere', isDemo: (body as { demo: boolean }).demo });
    }
    if (key === 'GET /console/tenants/almere/export') {
      record();
      operator.exported = true;
      return new Response('{"format":"meldpunt-tenant-export"}', {
        headers: {
          'content-type': 'application/json',
          'content-disposition': 'attachment; filename="tenant-almere-2026-12-02.json"',
        },
      });
    }
    if (key === 'DELETE /console/tenants/almere') {
      record();
      if (!operator.exported) return problem(409, 'export-required', 'Export the tenant first');
      api.tenants = api.tenants.filter((t) => t.slug !== 'almere');
      return new Response(null, { status: 204 });
    }
    return inner(input, init);
  };
  return operator;
}

/** The element that has the focus, through every shadow root. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function type(text: string) {
  await sendKeys({ type: text });
}

describe('the platform operator’s pages', () => {
  const startUrl = location.pathname + location.search;
  let api: FakeConsoleApi;
  let operator: OperatorApi;

  beforeEach(() => {
    localStorage.setItem('meldpunt-console-language', 'nl');
    api = fakeConsoleApi({
      me: person({ platformAdmin: true, memberships: [], name: 'Olga Operator' }),
      tenants: [
        tenant({ roles: [] }),
        tenant({ slug: 'almere', name: 'Almere', isDemo: true, roles: [], deliveryTargets: 0 }),
      ],
    });
    operator = fakeOperatorApi(api);
  });
  afterEach(() => {
    api.restore();
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });

  async function open(path: string): Promise<MeldpuntConsole> {
    history.replaceState(null, '', path);
    return fixture<MeldpuntConsole>(html`<meldpunt-console></meldpunt-console>`);
  }
  const page = (el: MeldpuntConsole, tag: string) => el.shadowRoot!.querySelector(tag);
  const inPage = <T extends Element>(el: MeldpuntConsole, tag: string, selector: string) =>
    page(el, tag)?.shadowRoot?.querySelector<T>(selector) ?? null;

  it('the overview offers onboarding, each tenant’s page, and says where reports go nowhere yet', async () => {
    const el = await open('/console/tenants');
    await waitFor(() => shadowText(page(el, 'meldpunt-tenants-page')).includes('Almere'), 'the tenants');
    await expect(el).to.be.accessible();
    const text = shadowText(page(el, 'meldpunt-tenants-page'));
    expect(text).to.include('Gemeente aansluiten');
    expect(text).to.include('Beheer van Almere');
    expect(text.match(/Nog geen afleveradres/g)?.length).to.equal(1, 'only Almere has no delivery address');
  });

  it('onboards by keyboard only: search, choose, address, one confirmation, then the invitation is sent', async () => {
    const el = await open('/console/operator/onboard');
    const input = () => inPage<HTMLInputElement>(el, 'meldpunt-onboard-page', '#municipality');
    await waitFor(() => input(), 'the form');
    await expect(el).to.be.accessible();
    input()!.focus();
    await type('bosch');
    await waitFor(() => inPage(el, 'meldpunt-onboard-page', '[role="option"]'), 'the options');
    expect(input()!.getAttribute('aria-expanded')).to.equal('true');
    await waitFor(
      () => shadowText(page(el, 'meldpunt-onboard-page')).includes('1 gemeente gevonden'),
      'the count announced',
    );
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    expect(input()!.getAttribute('aria-activedescendant')).to.equal('option-GM0796');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => input()!.value === "'s-Hertogenbosch", 'the choice');
    const text = () => shadowText(page(el, 'meldpunt-onboard-page'));
    expect(text()).to.include('code GM0796');
    expect(text()).to.include('s-hertogenbosch');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('admin-email');
    await type('eerste@den-bosch.example');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('demo');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text().includes('Controleer wat er gebeurt'), 'the confirmation');
    expect(deepActive()?.id).to.equal('confirm-title');
    expect(text()).to.include(
      "De gemeente 's-Hertogenbosch (code GM0796) wordt aangesloten met het adres s-hertogenbosch",
    );
    expect(text()).to.include('eerste@den-bosch.example');
    expect(text()).to.include('demogemeente');
    await expect(el).to.be.accessible();
    expect(operator.bodies['POST /console/tenants']).to.equal(undefined, 'nothing sent before the confirmation');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text().includes('De uitnodiging is verstuurd naar eerste@den-bosch.example'), 'success');
    expect(operator.bodies['POST /console/tenants']).to.deep.equal([
      { municipalityCode: 'GM0796', adminEmail: 'eerste@den-bosch.example', demo: true },
    ]);
    expect(deepActive()?.id).to.equal('done');
    await expect(el).to.be.accessible();
  });

  it('says what is missing without losing what was typed, and shows a refusal of the service', async () => {
    const el = await open('/console/operator/onboard');
    const input = (selector: string) => inPage<HTMLInputElement>(el, 'meldpunt-onboard-page', selector);
    await waitFor(() => input('#admin-email'), 'the form');
    input('#admin-email')!.focus();
    await type('niet-een-adres');
    input('#demo')!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const text = () => shadowText(page(el, 'meldpunt-onboard-page'));
    await waitFor(() => text().includes('Kies een gemeente uit de lijst.'), 'the errors');
    expect(text()).to.include('Vul een e-mailadres in');
    expect(input('#municipality')!.getAttribute('aria-invalid')).to.equal('true');
    expect(input('#municipality')!.getAttribute('aria-describedby')).to.include('municipality-error');
    expect(deepActive()?.id).to.equal('municipality');
    expect(input('#admin-email')!.value).to.equal('niet-een-adres');
    await expect(el).to.be.accessible();

    // An onboarded municipality cannot be chosen; a free one can.
    await type('dord');
    await waitFor(() => input('[role="option"]'), 'the options');
    expect(input('#option-GM0505')!.getAttribute('aria-disabled')).to.equal('true');
    expect(text()).to.include('al aangesloten');
    await sendKeys({ press: 'Escape' });
    input('#municipality')!.select();
    await type('sudwest');
    await waitFor(() => input('#option-GM1900'), 'Súdwest-Fryslân');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    input('#admin-email')!.select();
    await type('beheer@sudwest.example');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text().includes('Controleer wat er gebeurt'), 'the confirmation');

    operator.exists = true;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text().includes('Deze gemeente is al aangesloten.'), 'the refusal');
    expect(inPage(el, 'meldpunt-onboard-page', '[role="alert"]')).to.exist;
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => input('#municipality'), 'back to the form');
    expect(input('#municipality')!.value).to.equal('Súdwest-Fryslân');
    expect(input('#admin-email')!.value).to.equal('beheer@sudwest.example');
  });

  it('offboards: the export first, then a dialog where the slug is typed; refusals are shown', async () => {
    const el = await open('/console/operator/tenants/almere');
    const q = <T extends Element>(selector: string) => inPage<T>(el, 'meldpunt-tenant-admin-page', selector);
    const text = () => shadowText(page(el, 'meldpunt-tenant-admin-page'));
    await waitFor(() => text().includes('Beheer van Almere'), 'the page');
    await expect(el).to.be.accessible();

    // Mark it as no demo tenant.
    q<HTMLInputElement>('#demo')!.focus();
    expect(q<HTMLInputElement>('#demo')!.checked).to.equal(true);
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text().includes('Opgeslagen.'), 'saved');
    expect(operator.bodies['PUT /console/tenants/almere/demo']).to.deep.equal([{ demo: false }]);

    // Deleting before the export: the service refuses, and the dialog says why.
    const buttons = () => [...page(el, 'meldpunt-tenant-admin-page')!.shadowRoot!.querySelectorAll('button')];
    const button = (label: string) => buttons().find((b) => b.textContent?.includes(label))!;
    button('Gemeente verwijderen').focus();
    await sendKeys({ press: 'Enter' });
    const dialog = () => q<HTMLElement & { open: boolean }>('wa-dialog');
    await waitFor(() => dialog()?.open, 'the dialog');
    await waitFor(() => deepActive()?.id === 'confirm-slug', 'focus in the slug field');
    await type('almere-verkeerd');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text().includes('Dit is niet het adres van de gemeente'), 'the mismatch');
    expect(q('#confirm-slug')!.getAttribute('aria-invalid')).to.equal('true');
    expect(api.requests.some((r) => r.startsWith('DELETE'))).to.equal(false);
    q<HTMLInputElement>('#confirm-slug')!.select();
    await type('almere');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text().includes('Download eerst de export'), 'export-required');
    await expect(el).to.be.accessible();
    button('Annuleren').click();
    await waitFor(() => !dialog()?.open, 'the dialog closes');

    // The export, then the deletion.
    button('Export downloaden').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text().includes('De export is gedownload (tenant-almere-2026-12-02.json)'), 'exported');
    button('Gemeente verwijderen').click();
    await waitFor(() => dialog()?.open, 'the dialog again');
    expect(q<HTMLInputElement>('#confirm-slug')!.value).to.equal('almere', 'what was typed stays');
    button('Definitief verwijderen').click();
    await waitFor(() => text().includes('Almere is verwijderd.'), 'removed');
    expect(operator.bodies['DELETE /console/tenants/almere']).to.deep.equal([
      { confirmSlug: 'almere' },
      { confirmSlug: 'almere' },
    ]);
    await expect(el).to.be.accessible();
  });

  it('is not there for anyone but the operator', async () => {
    api.me = person();
    const el = await open('/console/operator/onboard');
    await waitFor(() => shadowText(page(el, 'meldpunt-onboard-page')).includes('Pagina niet gevonden'), 'not found');
    expect(api.requests.some((r) => r.includes('municipalities'))).to.equal(false);
  });
});
