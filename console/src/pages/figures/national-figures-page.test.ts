import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitFor } from '../../test-support/wait.ts';
import { openConsole } from '../admin/admin-test-support.ts';
import {
  figuresTestSetup,
  officer,
  openFiguresPage,
  operator,
  rowsOf,
  text,
  type FakeFiguresApi,
} from './figures-test-support.ts';

describe('<meldpunt-national-figures-page>', () => {
  const serve = figuresTestSetup();
  let api: FakeFiguresApi;

  function open(path = '/console/operator/figures') {
    api = serve(operator());
    return openFiguresPage(path, 'national-figures', (root) => root.querySelector('table'), 'the overview');
  }

  it('is accessible', async () => {
    const { el } = await open();
    await expect(el).to.be.accessible();
  });

  it('lists every municipality’s total, suppressed ones without a number', async () => {
    const { root } = await open();
    expect(rowsOf(root.querySelector('table'))).to.deep.equal([
      ['Almere', '71'],
      ['Baarn', 'verborgen'],
      ['Dordrecht', '42'],
      ['Zwolle', '< 5'],
    ]);
    expect(text(root.querySelector('[data-total]'))).to.contain('120');
    expect(text(root)).to.contain('Zo is niemand herkenbaar');
    expect(api.requests).to.include('GET /backoffice/platform/figures?period=month');
  });

  it('sorts by count from the keyboard, the hidden ones last, and says the order', async () => {
    const { root } = await open();
    root.querySelector<HTMLButtonElement>('button[data-sort="count"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => text(root.querySelector('tbody th')) === 'Almere' && root.querySelector('th[aria-sort="descending"]'),
      'sorted',
    );
    expect(rowsOf(root.querySelector('table')).map(([name]) => name)).to.deep.equal([
      'Almere',
      'Dordrecht',
      'Baarn',
      'Zwolle',
    ]);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root.querySelector('th[aria-sort="ascending"] button[data-sort="count"]'), 'ascending');
    expect(rowsOf(root.querySelector('table')).map(([name]) => name)).to.deep.equal([
      'Dordrecht',
      'Almere',
      'Baarn',
      'Zwolle',
    ]);
    expect(root.querySelector('th[aria-sort="none"] button[data-sort="name"]')).to.exist;
  });

  it('keeps the period in the URL', async () => {
    const { root } = await open('/console/operator/figures?period=month&at=2026-11-01');
    expect(api.requests).to.include('GET /backoffice/platform/figures?period=month&at=2026-11-01');
    const previous = root.querySelector<HTMLAnchorElement>('a[rel="prev"]')!;
    expect(new URL(previous.href).search).to.equal('?period=month&at=2026-10-31');
  });

  it('is linked from the operator’s tenants page', async () => {
    api = serve(operator());
    const el = await openConsole('/console/');
    await waitFor(
      () => el.shadowRoot?.querySelector('meldpunt-tenants-page')?.shadowRoot?.querySelector('.cards, p'),
      'the tenants',
    );
    await waitFor(
      () =>
        el.shadowRoot
          ?.querySelector('meldpunt-tenants-page')
          ?.shadowRoot?.querySelector('a[href="/console/operator/figures"]'),
      'the link to the overview',
    );
  });

  it('is not found for a municipality’s officer, and asks nothing', async () => {
    api = serve(officer());
    const { root } = await openFiguresPage(
      '/console/operator/figures',
      'national-figures',
      (root) => root.querySelector('h1'),
      'the page',
    );
    expect(text(root.querySelector('h1'))).to.not.equal('Landelijk overzicht');
    expect(api.requests.filter((r) => r.startsWith('GET /backoffice'))).to.deep.equal([]);
  });
});
