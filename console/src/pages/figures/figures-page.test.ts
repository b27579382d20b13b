import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Me } from '@meldpunt/contracts';
import { person } from '../../test-support/fake-api.ts';
import { waitFor } from '../../test-support/wait.ts';
import { pageRoot } from '../admin/admin-test-support.ts';
import {
  analyst,
  figures,
  figuresTestSetup,
  hotspots,
  month,
  officer,
  openFiguresPage,
  rowsOf,
  text,
  type FakeFigures,
  type FakeFiguresApi,
} from './figures-test-support.ts';

describe('<meldpunt-figures-page>', () => {
  const serve = figuresTestSetup();
  let api: FakeFiguresApi;

  function open(me: Me = officer(), path = '/console/tenants/dordrecht/figures', overrides: Partial<FakeFigures> = {}) {
    api = serve(me, overrides);
    return openFiguresPage(
      path,
      'figures',
      (root) =>
        root.querySelector('[data-total]') &&
        root.querySelector('meldpunt-hot-times-grid')?.shadowRoot?.querySelector('table') &&
        root.querySelector('[data-table="hotspots"]'),
      'the figures, the hot times and the hotspots are shown',
    );
  }

  it('is accessible', async () => {
    const { el } = await open();
    await expect(el).to.be.accessible();
  });

  it('is accessible for an analyst too', async () => {
    const { el } = await open(analyst());
    await expect(el).to.be.accessible();
  });

  it('shows the total beside the previous period, and the change', async () => {
    const { root } = await open();
    expect(text(root.querySelector('[data-total]'))).to.equal('42');
    expect(text(root.querySelector('[data-previous-total]'))).to.equal('31');
    expect(text(root.querySelector('[data-change]'))).to.equal('11 meer (35%)');
    expect(text(root.querySelector('[data-period]'))).to.contain('november 2026');
    // Without `at`, the service picks the last complete period; the page asks for the month with the language.
    expect(api.requests).to.include('GET /backoffice/tenants/dordrecht/figures?period=month&lang=nl');
  });

  it('every chart has a table with the same numbers, and suppressed values never show a number', async () => {
    const { root } = await open();
    for (const id of ['category', 'role', 'part-of-day', 'delay', 'trend']) {
      const chart = root.querySelector(`[data-chart="${id}"]`);
      const table = root.querySelector(`[data-table="${id}"]`);
      expect(chart, id).to.exist;
      expect(chart?.getAttribute('aria-hidden'), id).to.equal('true');
      expect(table?.querySelector('caption'), id).to.exist;
      const chartValues = [...(chart?.querySelectorAll('.value') ?? [])].map((v) => text(v));
      if (id !== 'trend')
        expect(
          rowsOf(table).map(([, value]) => value),
          id,
        ).to.deep.equal(chartValues);
    }
    expect(rowsOf(root.querySelector('[data-table="category"]'))).to.deep.equal([
      ['Nageroepen', '30'],
      ['Achtervolgd', '9'],
      ['Aangeraakt', '< 5'],
      ['Online', 'verborgen'],
    ]);
    expect(rowsOf(root.querySelector('[data-table="part-of-day"]'))).to.deep.equal([
      ['Nacht (0–6 uur)', '6'],
      ['Ochtend (6–12 uur)', '< 5'],
      ['Middag (12–18 uur)', 'verborgen'],
      ['Avond (18–24 uur)', '22'],
    ]);
    const trend = rowsOf(root.querySelector('[data-table="trend"]'));
    expect(trend).to.have.length(12);
    expect(trend[3]?.[1]).to.equal('< 5');
    expect(trend[11]).to.deep.equal(['november 2026', '42']);
    const trendLabels = [...(root.querySelectorAll('[data-chart="trend"] text') ?? [])].map((t) => text(t));
    expect(trendLabels).to.include('< 5');
    expect(text(root)).to.contain('zodat niemand herkenbaar is');
    // The hidden bars draw no length: an outline, not a number's bar.
    expect(root.querySelectorAll('[data-chart="category"] .hidden-bar')).to.have.length(2);
  });

  it('shows the hot-times grid with the number in each cell, a legend, and the reports not in the grid', async () => {
    const { root } = await open();
    const grid = root.querySelector('meldpunt-hot-times-grid')!.shadowRoot!;
    const cell = (weekday: number, hour: number) =>
      grid.querySelector(`td[data-weekday="${weekday}"][data-hour="${hour}"]`);
    expect(grid.querySelectorAll('tbody tr')).to.have.length(7);
    expect(grid.querySelectorAll('tbody td')).to.have.length(7 * 24);
    expect(text(cell(5, 22))).to.equal('12');
    expect(cell(5, 22)?.className).to.equal('level-4');
    expect(text(cell(3, 17))).to.equal('6');
    expect(text(cell(6, 23))).to.equal('< 5');
    expect(cell(6, 23)?.className).to.equal('level-suppressed');
    expect(text(cell(6, 1))).to.equal('verborgen');
    expect(text(cell(1, 0))).to.equal('0');
    expect(text(grid.querySelector('tbody tr th'))).to.equal('maandag');
    expect(text(grid.querySelector('.legend'))).to.contain('te weinig om te tonen');
    expect(text(grid.querySelector('[data-without-time]'))).to.equal(
      'Niet in het rooster: 12 meldingen zonder precieze tijd.',
    );
  });

  it('draws the hotspot squares on the map, and lists them in a table, suppressed ones without a number', async () => {
    const { root } = await open();
    await waitFor(
      () => root.querySelector('meldpunt-hotspot-map')?.shadowRoot?.querySelectorAll('path.cell').length === 3,
      'the three squares on the map',
    );
    const map = root.querySelector('meldpunt-hotspot-map')!.shadowRoot!;
    expect(map.querySelectorAll('path.level-suppressed')).to.have.length(2);
    expect(map.querySelectorAll('path.level-4')).to.have.length(1);
    expect(map.querySelector('.leaflet-marker-icon, circle')).to.equal(null);
    expect(rowsOf(root.querySelector('[data-table="hotspots"]')).map(([, v]) => v)).to.deep.equal([
      '14',
      'verborgen',
      '< 5',
    ]);
    expect(text(root.querySelector('[data-without-location]'))).to.contain('17');
  });

  it('goes to the previous period and back by the URL; the next one only when it is complete', async () => {
    const { el, root } = await open(officer(), '/console/tenants/dordrecht/figures', {
      figures: (at) =>
        at === '2026-10-01' ? figures(month('2026-10-01'), { total: { count: 31, suppressed: null } }) : figures(),
    });
    const previous = root.querySelector<HTMLAnchorElement>('a[rel="prev"]')!;
    expect(new URL(previous.href).search).to.equal('?period=month&at=2026-10-01');
    previous.click();
    await waitFor(() => location.search === '?period=month&at=2026-10-01', 'the URL holds the period');
    await waitFor(
      () => text(pageRoot(el, 'figures')?.querySelector('[data-period]')).includes('oktober 2026'),
      'October',
    );
    expect(text(pageRoot(el, 'figures')?.querySelector('[data-total]'))).to.equal('31');
    expect(api.requests).to.include('GET /backoffice/tenants/dordrecht/figures/hot-times?period=month&at=2026-10-01');
    const next = pageRoot(el, 'figures')?.querySelector<HTMLAnchorElement>('a[rel="next"]');
    expect(new URL(next!.href).search).to.equal('?period=month&at=2026-11-01');
  });

  it('switches to weeks from the keyboard', async () => {
    const { el, root } = await open();
    root.querySelector<HTMLSelectElement>('#period')!.focus();
    await sendKeys({ press: 'ArrowUp' });
    const select = root.querySelector<HTMLSelectElement>('#period')!;
    expect(select.value).to.equal('week');
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement?.textContent?.trim()).to.equal('Toon');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => location.search === '?period=week', 'weeks in the URL');
    await waitFor(
      () => api.requests.includes('GET /backoffice/tenants/dordrecht/figures?period=week&lang=nl'),
      'the weeks asked for',
    );
    expect(pageRoot(el, 'figures')).to.exist;
  });

  it('offers the CSV of the period and the council report', async () => {
    const { root } = await open();
    const csv = [...root.querySelectorAll('a')].find((a) => text(a) === 'Cijfers downloaden (CSV)');
    expect(csv?.getAttribute('href')).to.equal(
      '/api/v1/backoffice/tenants/dordrecht/figures.csv?period=month&at=2026-11-01&lang=nl',
    );
    const council = [...root.querySelectorAll('a')].find((a) => text(a).startsWith('Rapportage voor het college'));
    expect(new URL(council!.href).pathname).to.equal('/console/tenants/dordrecht/figures/council-report');
  });

  it('says "not found" to a person without the figures role, and asks nothing', async () => {
    api = serve(person());
    const { root } = await openFiguresPage(
      '/console/tenants/dordrecht/figures',
      'figures',
      (root) => root.querySelector('h1'),
      'the page',
    );
    expect(text(root.querySelector('h1'))).to.not.equal('Cijfers');
    expect(api.requests.filter((r) => r.startsWith('GET /backoffice'))).to.deep.equal([]);
  });

  it('says so when there are no squares on the map', async () => {
    api = serve(officer(), {
      hotspots: () => ({ ...hotspots(undefined, []), locatedTotal: { count: 0, suppressed: null } }),
    });
    const { root } = await openFiguresPage(
      '/console/tenants/dordrecht/figures',
      'figures',
      (root) => text(root).includes('Niet op de kaart'),
      'the hotspots part',
    );
    expect(text(root)).to.contain('Geen meldingen met een plek op de kaart');
    expect(root.querySelector('meldpunt-hotspot-map')).to.equal(null);
  });
  describe('how was reporting (issue 15)', () => {
    /** The cells of a table's body rows as texts, the row header first. */
    const cellsOf = (table: Element | null | undefined) =>
      [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map((cell) => text(cell)));
    const feedbackShown = (root: ShadowRoot) => root.querySelector('[data-table="feedback"]');

    it('shows answers and average rating per moment beside the previous period, suppressed ones without a number', async () => {
      const { el, root } = await open();
      await waitFor(() => feedbackShown(root), 'the feedback table');
      await expect(el).to.be.accessible();
      const table = feedbackShown(root)!;
      expect(text(table.querySelector('caption'))).to.contain('oktober 2026');
      expect([...table.querySelectorAll('thead th')].map((th) => text(th))).to.deep.equal([
        'Moment',
        'Antwoorden (deze periode)',
        'Gemiddeld (deze periode)',
        'Antwoorden (vorige periode)',
        'Gemiddeld (vorige periode)',
      ]);
      expect(cellsOf(table)).to.deep.equal([
        ['Na het versturen', '24', '4,2 van 5', '18', '3,9 van 5'],
        ['Na het afsluiten', '< 5', 'verborgen', '0', '—'],
      ]);
      expect(api.requests).to.include('GET /backoffice/tenants/dordrecht/figures/feedback?period=month');
    });

    it('shows an officer the comments of the period, each linked to its report', async () => {
      const { el, root } = await open();
      await waitFor(() => root.querySelector('[data-table="feedback-comments"]'), 'the comments');
      await expect(el).to.be.accessible();
      const table = root.querySelector('[data-table="feedback-comments"]')!;
      expect(cellsOf(table).map((row) => [row[0], row[2], row[3], row[4]])).to.deep.equal([
        ['MP-2026-0031', 'Na het afsluiten', '5 van 5', 'Fijn dat jullie terugschreven.'],
        ['MP-2026-0012', 'Na het versturen', '2 van 5', 'De kaart was lastig.'],
      ]);
      expect(table.querySelector('tbody a')?.getAttribute('href')).to.equal(
        '/console/tenants/dordrecht/reports/5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
      );
      expect(api.requests).to.include('GET /backoffice/tenants/dordrecht/feedback/comments?period=month');
    });

    it('asks the comments of the period shown', async () => {
      const { root } = await open(officer(), '/console/tenants/dordrecht/figures?period=month&at=2026-10-01');
      await waitFor(() => root.querySelector('[data-table="feedback-comments"]'), 'the comments');
      expect(api.requests).to.include('GET /backoffice/tenants/dordrecht/feedback/comments?period=month&at=2026-10-01');
    });

    it('never shows an analyst the comments, nor asks for them', async () => {
      const { el, root } = await open(analyst());
      await waitFor(() => feedbackShown(root), 'the feedback table');
      await expect(el).to.be.accessible();
      expect(root.querySelector('#feedback-comments-title')).to.equal(null);
      expect(text(root)).to.not.contain('Fijn dat jullie terugschreven.');
      expect(api.requests.some((r) => r.includes('/feedback/comments'))).to.equal(false);
    });

    it('says when there are no comments in the period', async () => {
      const { root } = await open(officer(), '/console/tenants/dordrecht/figures', {
        comments: () => ({ period: month('2026-11-01'), comments: [] }),
      });
      await waitFor(() => text(root).includes('Geen toelichtingen in deze periode.'), 'no comments');
      expect(root.querySelector('[data-table="feedback-comments"]')).to.equal(null);
    });
  });
});
