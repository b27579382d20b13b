import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { FeedbackFigures, Figures, Hotspots, HotTimes, Me } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { readFeedbackFigures, readFigures, readHotspots, readHotTimes } from '../../data/figures.ts';
import { NotFoundError } from '../../data/http.ts';
import { loadBackofficeTexts } from '../../i18n.ts';
import { may } from '../../permissions.ts';
import { href } from '../../router.ts';
import { pageStyles } from '../../styles/theme.ts';
import {
  changeText,
  choiceOf,
  countText,
  dayInWords,
  figuresStyles,
  periodInWords,
  queryOfChoice,
  renderBreakdowns,
  renderExplanation,
  renderHotspotSnapshot,
  renderHotspotTable,
  renderTable,
  renderTrend,
  today,
} from './figures-shared.ts';
import { renderFeedbackTable } from './feedback-figures.ts';
import './hot-times-grid.ts';

interface Report {
  figures: Figures;
  hotTimes: HotTimes;
  hotspots: Hotspots;
  feedback: FeedbackFigures;
}

/**
 * The council report of a period: a page that prints on A4 (portrait, the console's frame hidden by its
 * own print rules, nothing here but the report), readable in black and white (every number written,
 * hidden ones hatched and named): the municipality and period, the key figures with the previous period,
 * the trend, by category, role, part of day and delay, the hot-times grid, and the hotspots as a static
 * picture of the squares (an SVG that prints, unlike map tiles) with their table, and how reporting was
 * for reporters (counts and averages; never their comments). "Print" opens the browser's print dialog.
 *
 * @summary The printable council report of a period.
 */
export class MeldpuntCouncilReportPage extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    figuresStyles,
    css`
      .key {
        border-collapse: collapse;
      }
      .snapshot {
        inline-size: 100%;
        max-block-size: 18cm;
        border: 1px solid #767676;
      }
      .snapshot .square {
        stroke: #1a1a1a;
        stroke-width: 0.3;
      }
      .snapshot .square.level-0 {
        fill: #ffffff;
      }
      .snapshot .square.level-1 {
        fill: var(--_meldpunt-heat-1);
      }
      .snapshot .square.level-2 {
        fill: var(--_meldpunt-heat-2);
      }
      .snapshot .square.level-3 {
        fill: var(--_meldpunt-heat-3);
      }
      .snapshot .square.level-4 {
        fill: var(--_meldpunt-heat-4);
      }
      .snapshot .square.level-suppressed {
        fill: #f2f2f2;
        stroke-dasharray: 1 0.6;
      }
      .snapshot .label {
        fill: #1a1a1a;
        background: none;
      }
      .snapshot .label.level-3,
      .snapshot .label.level-4 {
        fill: #ffffff;
      }
      section {
        break-inside: avoid;
      }
      @media print {
        :host {
          font-size: 10pt;
          color: #000000;
        }
        .no-print {
          display: none;
        }
        .table-box {
          overflow: visible;
        }
        .chart {
          grid-template-columns: 1fr 1fr;
        }
        h2 {
          break-after: avoid;
        }
      }
    `,
  ];

  /** The tenant's slug (from the URL). */
  @property({ attribute: 'slug' }) slug = '';
  /** The query string of the URL: `period=week|month&at=YYYY-MM-DD`. */
  @property({ attribute: false }) query = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  /** `@page` rules work on the document only (not in a shadow root): A4 while this page is shown. */
  private static readonly pageSheet = (() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('@page { size: A4 portrait; margin: 15mm; }');
    return sheet;
  })();

  override connectedCallback(): void {
    super.connectedCallback();
    const sheet = MeldpuntCouncilReportPage.pageSheet;
    if (!document.adoptedStyleSheets.includes(sheet))
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const sheet = MeldpuntCouncilReportPage.pageSheet;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  }

  private get allowed(): boolean {
    return may(this.me, 'figures.view', this.slug);
  }

  private report = new Task(this, {
    task: async ([slug, query, locale, allowed], { signal }): Promise<Report | undefined> => {
      if (!allowed) return undefined;
      const choice = choiceOf(query);
      const [figures, hotTimes, hotspots, feedback] = await Promise.all([
        readFigures(slug, choice, locale, signal),
        readHotTimes(slug, choice, signal),
        readHotspots(slug, choice, signal),
        readFeedbackFigures(slug, choice, signal),
        loadBackofficeTexts(locale),
      ]);
      return { figures, hotTimes, hotspots, feedback };
    },
    args: () => [this.slug, this.query, this.texts.locale, this.allowed] as const,
  });

  override render() {
    const { t } = this.texts;
    if (!this.allowed) return this.renderNotFound();
    return this.report.render({
      pending: () =>
        html`<h1>${t('reports.councilReportTitle')}</h1>
          ${renderLoading(t)}`,
      error: (error) =>
        error instanceof NotFoundError
          ? this.renderNotFound()
          : html`<h1>${t('reports.councilReportTitle')}</h1>
              ${renderError(t, error, () => void this.report.run())}`,
      complete: (report) => (report ? this.renderReport(report) : this.renderNotFound()),
    });
  }

  private renderNotFound(): TemplateResult {
    const { t } = this.texts;
    return html`<h1>${t('notFound.title')}</h1>
      <p>${t('tenant.notFound')}</p>
      <p><a href=${href('tenants')}>${t('tenant.allTenants')}</a></p>`;
  }

  private renderReport({ figures, hotTimes, hotspots, feedback }: Report): TemplateResult {
    const { t, locale } = this.texts;
    const tenant = this.me?.memberships.find((m) => m.tenant === this.slug)?.tenantName ?? this.slug;
    const minimum = figures.minimumCount;
    const shown = (count: Figures['total']) => countText(t, locale, count, minimum);
    const period = periodInWords(t, locale, figures.period);
    const choice = { period: figures.period.kind, at: figures.period.start };
    return html`
      <p class="no-print toolbar">
        <button class="button" type="button" @click=${() => window.print()}>${t('figures.council.print')}</button>
        <a class="button secondary" href=${href('figures', { slug: this.slug }, queryOfChoice(choice))}
          >${t('figures.backToFigures')}</a
        >
      </p>
      <h1>${t('reports.councilReportTitle')}</h1>
      <p class="subtitle" data-subtitle>${t('figures.council.subtitle', { tenant, period })}</p>
      <section aria-labelledby="key-title">
        <h2 id="key-title">${t('figures.council.keyFigures')}</h2>
        ${renderTable({
          id: 'key',
          className: 'key',
          caption: t('figures.total.caption'),
          column: t('figures.total.period'),
          countColumn: t('figures.total.count'),
          rows: [
            { label: period, value: shown(figures.total) },
            { label: periodInWords(t, locale, figures.previous), value: shown(figures.previousTotal) },
            { label: t('figures.total.change'), value: changeText(t, locale, figures.total, figures.previousTotal) },
          ],
        })}
        ${renderExplanation(t, minimum)}
      </section>
      <section aria-labelledby="trend-title">
        <h2 id="trend-title">${t('figures.trend.title')}</h2>
        ${renderTrend(t, locale, figures.trend, minimum)}
      </section>
      <section aria-labelledby="breakdowns-title">
        <h2 id="breakdowns-title">${t('figures.breakdown.title')}</h2>
        ${renderBreakdowns(t, locale, figures)}
      </section>
      <section aria-labelledby="hot-times-title">
        <h2 id="hot-times-title">${t('figures.hotTimes.title')}</h2>
        <p>${t('figures.hotTimes.intro')}</p>
        <meldpunt-hot-times-grid .data=${hotTimes} .t=${t} locale=${locale}></meldpunt-hot-times-grid>
      </section>
      <section aria-labelledby="hotspots-title">
        <h2 id="hotspots-title">${t('figures.hotspots.title')}</h2>
        <p>${t('figures.hotspots.intro')}</p>
        ${
          hotspots.cells.length === 0
            ? html`<p>${t('figures.hotspots.none')}</p>`
            : html`<div class="chart">
                ${renderHotspotSnapshot(t, locale, hotspots)} ${renderHotspotTable(t, locale, hotspots)}
              </div>`
        }
        <p>
          ${t('figures.hotspots.located', { value: countText(t, locale, hotspots.locatedTotal, minimum) })}
          ${t('figures.hotspots.withoutLocation', { value: countText(t, locale, hotspots.withoutLocation, minimum) })}
        </p>
      </section>
      <section aria-labelledby="feedback-title">
        <h2 id="feedback-title">${t('figures.feedback.title')}</h2>
        <p>${t('figures.feedback.intro')}</p>
        ${renderFeedbackTable(t, locale, feedback)}
      </section>
      <p class="explanation">${t('figures.council.madeOn', { date: dayInWords(locale, today(), 'long') })}</p>
    `;
  }
}

define('meldpunt-council-report-page', MeldpuntCouncilReportPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-council-report-page': MeldpuntCouncilReportPage;
  }
}
