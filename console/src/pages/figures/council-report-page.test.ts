import { expect } from '@open-wc/testing';
import { person } from '../../test-support/fake-api.ts';
import {
  analyst,
  figuresTestSetup,
  openFiguresPage,
  rowsOf,
  text,
  type FakeFiguresApi,
} from './figures-test-support.ts';

describe('<meldpunt-council-report-page>', () => {
  const serve = figuresTestSetup();
  let api: FakeFiguresApi;

  function open(path = '/console/tenants/dordrecht/figures/council-report?period=month&at=2026-11-01') {
    api = serve(analyst());
    return openFiguresPage(path, 'council-report', (root) => root.querySelector('[data-subtitle]'), 'the report');
  }

  it('is accessible', async () => {
    const { el } = await open();
    await expect(el).to.be.accessible();
  });

  it('names the municipality and the period, the key figures with the previous period, every part', async () => {
    const { root } = await open();
    expect(text(root.querySelector('[data-subtitle]'))).to.equal('Dordrecht — november 2026');
    expect(rowsOf(root.querySelector('[data-table="key"]'))).to.deep.equal([
      ['november 2026', '42'],
      ['oktober 2026', '31'],
      ['Verschil', '11 meer (35%)'],
    ]);
    for (const id of ['trend', 'category', 'role', 'part-of-day', 'hotspots']) {
      expect(root.querySelector(`[data-table="${id}"]`), id).to.exist;
    }
    expect(root.querySelector('meldpunt-hot-times-grid')?.shadowRoot?.querySelector('table')).to.exist;
    expect(api.requests).to.include.members([
      'GET /backoffice/tenants/dordrecht/figures?period=month&at=2026-11-01&lang=nl',
      'GET /backoffice/tenants/dordrecht/figures/hot-times?period=month&at=2026-11-01',
      'GET /backoffice/tenants/dordrecht/figures/hotspots?period=month&at=2026-11-01',
    ]);
  });

  it('draws the hotspots as a picture that prints, the same numbers as its table, no number where suppressed', async () => {
    const { root } = await open();
    const labels = [...root.querySelectorAll('svg[data-chart="hotspots"] text')].map((t) => text(t));
    expect(labels).to.deep.equal(['14', '< 5', 'verborgen']);
    expect(root.querySelectorAll('svg[data-chart="hotspots"] rect.level-suppressed')).to.have.length(2);
    expect(
      rowsOf(root.querySelector('[data-table="hotspots"]'))
        .map(([, v]) => v)
        .sort(),
    ).to.deep.equal([...labels].sort());
    // No tiles and no Leaflet in print: the picture is ours.
    expect(root.querySelector('meldpunt-hotspot-map')).to.equal(null);
  });

  it('prints on A4 without the console around it, and has a Print button', async () => {
    const { el, root } = await open();
    const rules = document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
    expect(rules.some((rule) => rule.startsWith('@page') && /size: a4/i.test(rule))).to.equal(true);
    const printButton = [...root.querySelectorAll('button')].find((b) => text(b) === 'Afdrukken');
    expect(printButton).to.exist;
    expect(printButton?.closest('.no-print')).to.exist;
    const hasPrintRules = (root: ShadowRoot | null | undefined) =>
      (root?.adoptedStyleSheets ?? []).some((sheet) =>
        [...sheet.cssRules].some(
          (rule) => rule.constructor.name === 'CSSMediaRule' && rule.cssText.startsWith('@media print'),
        ),
      );
    // The report's own print rules, and the console's: its header is left out on paper.
    expect(hasPrintRules(root), 'the report').to.equal(true);
    expect(hasPrintRules(el.shadowRoot), 'the console').to.equal(true);
    const original = window.print;
    let asked = 0;
    window.print = () => void asked++;
    try {
      printButton?.click();
      expect(asked).to.equal(1);
    } finally {
      window.print = original;
    }
  });

  it('leaves the A4 rule behind when the page closes', async () => {
    const { el } = await open();
    el.remove();
    const rules = document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
    expect(rules.some((rule) => rule.startsWith('@page'))).to.equal(false);
  });

  it('is not found for an editor, and asks nothing', async () => {
    api = serve(person());
    const { root } = await openFiguresPage(
      '/console/tenants/dordrecht/figures/council-report',
      'council-report',
      (root) => root.querySelector('h1'),
      'the page',
    );
    expect(text(root.querySelector('h1'))).to.not.contain('college');
    expect(api.requests.filter((r) => r.startsWith('GET /backoffice'))).to.deep.equal([]);
  });
  it('includes how reporting was (counts and averages), never the reporters’ comments', async () => {
    const { root } = await open();
    const table = root.querySelector('[data-table="feedback"]');
    expect(table).to.exist;
    expect(
      [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map((cell) => text(cell))),
    ).to.deep.equal([
      ['Na het versturen', '24', '4,2 van 5', '18', '3,9 van 5'],
      ['Na het afsluiten', '< 5', 'verborgen', '0', '—'],
    ]);
    expect(api.requests).to.include('GET /backoffice/tenants/dordrecht/figures/feedback?period=month&at=2026-11-01');
    expect(api.requests.some((r) => r.includes('/feedback/comments'))).to.equal(false);
    expect(text(root)).to.not.contain('Fijn dat jullie terugschreven.');
  });
});
