import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { FeedbackComments, FeedbackFigures, Figures, Hotspots, HotTimes, Me } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { readFeedbackComments } from '../../data/feedback.ts';
import {
  figuresCsvUrl,
  readFeedbackFigures,
  readFigures,
  readHotspots,
  readHotTimes,
  type PeriodChoice,
} from '../../data/figures.ts';
import { NotFoundError } from '../../data/http.ts';
import { loadBackofficeTexts } from '../../i18n.ts';
import { may } from '../../permissions.ts';
import { href, navigate } from '../../router.ts';
import { formStyles, pageStyles } from '../../styles/theme.ts';
import {
  changeText,
  choiceOf,
  countText,
  figuresStyles,
  nextComplete,
  periodInWords,
  queryOfChoice,
  renderBreakdowns,
  renderExplanation,
  renderHotspotTable,
  renderPeriodChooser,
  renderTrend,
} from './figures-shared.ts';
import { renderFeedbackComments, renderFeedbackTable } from './feedback-figures.ts';
import './hot-times-grid.ts';

/**
 * A tenant's figures, for its officers and analysts: the period (a whole week or month; the last complete
 * one unless the URL's `period=&at=` says another, so a view can be shared), the total beside the previous
 * period's and the change, the trend of 12 periods, by category, role, part of day and delay, the hot-times
 * grid and the hotspot map — every chart with a table of the same numbers beside it. Counts below the
 * tenant's minimum come as "< 5", and those hidden so a small one cannot be worked out as "hidden", with
 * why. The CSV download and the council report link to the same period. "How was reporting?" (issue 15):
 * the reporters' ratings per moment beside the previous period, and for officers only the comments of
 * the period (an analyst's page never asks for them).
 *
 * @summary A tenant's figures: counts, hot times, hotspots.
 */
export class MeldpuntFiguresPage extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    formStyles,
    figuresStyles,
    css`
      .key {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 1rem;
        margin: 0;
      }
      .key div {
        border: 1px solid var(--_meldpunt-border);
        border-radius: var(--_meldpunt-radius);
        padding: var(--_meldpunt-space, 1rem);
      }
      .key dt {
        font-weight: 700;
      }
      .key dd {
        margin: 0;
        font-size: 1.5rem;
      }
      .breakdowns {
        display: grid;
        gap: 1.5rem;
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

  /** The hotspot map's element, loaded (a chunk of its own, with Leaflet) when the squares are there. */
  @state() private mapLoaded = false;

  private get choice(): PeriodChoice {
    return choiceOf(this.query);
  }

  private get allowed(): boolean {
    return may(this.me, 'figures.view', this.slug);
  }

  private figures = new Task(this, {
    task: async ([slug, period, at, locale, allowed], { signal }): Promise<Figures | undefined> => {
      if (!allowed) return undefined;
      const [figures] = await Promise.all([
        readFigures(slug, { period, at }, locale, signal),
        loadBackofficeTexts(locale),
      ]);
      return figures;
    },
    args: () => [this.slug, this.choice.period, this.choice.at, this.texts.locale, this.allowed] as const,
  });

  private hotTimes = new Task(this, {
    task: async ([slug, period, at, allowed], { signal }): Promise<HotTimes | undefined> =>
      allowed ? readHotTimes(slug, { period, at }, signal) : undefined,
    args: () => [this.slug, this.choice.period, this.choice.at, this.allowed] as const,
  });

  private hotspots = new Task(this, {
    task: async ([slug, period, at, allowed], { signal }): Promise<Hotspots | undefined> => {
      if (!allowed) return undefined;
      const hotspots = await readHotspots(slug, { period, at }, signal);
      if (hotspots.cells.length > 0 && !this.mapLoaded) {
        await import('./hotspot-map.ts');
        this.mapLoaded = true;
      }
      return hotspots;
    },
    args: () => [this.slug, this.choice.period, this.choice.at, this.allowed] as const,
  });

  private feedback = new Task(this, {
    task: async ([slug, period, at, allowed], { signal }): Promise<FeedbackFigures | undefined> =>
      allowed ? readFeedbackFigures(slug, { period, at }, signal) : undefined,
    args: () => [this.slug, this.choice.period, this.choice.at, this.allowed] as const,
  });

  /** The reporters' own words: officers only (the server's rule too). */
  private comments = new Task(this, {
    task: async ([slug, period, at, allowed], { signal }): Promise<FeedbackComments | undefined> =>
      allowed ? readFeedbackComments(slug, { period, at }, signal) : undefined,
    args: () => [this.slug, this.choice.period, this.choice.at, may(this.me, 'feedback.comments', this.slug)] as const,
  });

  private go(choice: PeriodChoice) {
    navigate(href('figures', { slug: this.slug }, queryOfChoice(choice)));
  }

  override render() {
    const { t } = this.texts;
    if (!this.allowed) return this.renderNotFound();
    return html`
      <h1>${t('reports.figuresTitle')}</h1>
      ${this.figures.render({
        pending: () => renderLoading(t),
        error: (error) =>
          error instanceof NotFoundError ? this.renderNotFound() : renderError(t, error, () => void this.figures.run()),
        complete: (figures) => (figures ? this.renderFigures(figures) : this.renderNotFound()),
      })}
    `;
  }

  private renderNotFound(): TemplateResult {
    const { t } = this.texts;
    return html`<h1>${t('notFound.title')}</h1>
      <p>${t('tenant.notFound')}</p>
      <p><a href=${href('tenants')}>${t('tenant.allTenants')}</a></p>`;
  }

  private renderFigures(figures: Figures): TemplateResult {
    const { t, locale } = this.texts;
    const tenant = this.me?.memberships.find((m) => m.tenant === this.slug)?.tenantName ?? this.slug;
    const minimum = figures.minimumCount;
    const shown = (count: Figures['total']) => countText(t, locale, count, minimum);
    const choice = { period: figures.period.kind, at: figures.period.start };
    return html`
      <p>${t('figures.intro', { tenant })}</p>
      <section aria-labelledby="period-title">
        <h2 id="period-title" class="visually-hidden">${t('figures.period.legend')}</h2>
        ${renderPeriodChooser(t, locale, {
          period: figures.period,
          previous: { period: figures.previous.kind, at: figures.previous.start },
          next: nextComplete(figures.period),
          hrefOf: (choice) => href('figures', { slug: this.slug }, queryOfChoice(choice)),
          onChoose: (period) => this.go({ period }),
        })}
      </section>
      <section aria-labelledby="total-title">
        <h2 id="total-title">${t('figures.total.title')}</h2>
        <dl class="key">
          <div>
            <dt>${t('figures.total.thisPeriod')}</dt>
            <dd data-total>${shown(figures.total)}</dd>
          </div>
          <div>
            <dt>${t('figures.total.previousPeriod')} (${periodInWords(t, locale, figures.previous)})</dt>
            <dd data-previous-total>${shown(figures.previousTotal)}</dd>
          </div>
          <div>
            <dt>${t('figures.total.change')}</dt>
            <dd data-change>${changeText(t, locale, figures.total, figures.previousTotal)}</dd>
          </div>
        </dl>
        ${renderExplanation(t, minimum)}
      </section>
      <section aria-labelledby="trend-title">
        <h2 id="trend-title">${t('figures.trend.title')}</h2>
        ${renderTrend(t, locale, figures.trend, minimum)}
      </section>
      <section aria-labelledby="breakdowns-title" class="breakdowns">
        <h2 id="breakdowns-title">${t('figures.breakdown.title')}</h2>
        ${renderBreakdowns(t, locale, figures)}
      </section>
      <section aria-labelledby="hot-times-title">
        <h2 id="hot-times-title">${t('figures.hotTimes.title')}</h2>
        <p>${t('figures.hotTimes.intro')}</p>
        ${this.hotTimes.render({
          pending: () => renderLoading(t),
          error: (error) => renderError(t, error, () => void this.hotTimes.run()),
          complete: (data) =>
            data
              ? html`<meldpunt-hot-times-grid .data=${data} .t=${t} locale=${locale}></meldpunt-hot-times-grid>`
              : '',
        })}
      </section>
      <section aria-labelledby="hotspots-title">
        <h2 id="hotspots-title">${t('figures.hotspots.title')}</h2>
        <p>${t('figures.hotspots.intro')}</p>
        ${this.hotspots.render({
          pending: () => renderLoading(t),
          error: (error) => renderError(t, error, () => void this.hotspots.run()),
          complete: (data) => (data ? this.renderHotspots(data) : ''),
        })}
      </section>
      ${this.renderFeedback()}
      <section aria-labelledby="export-title">
        <h2 id="export-title">${t('figures.export.title')}</h2>
        <p>${t('figures.export.hint')}</p>
        <p class="toolbar">
          <a class="button secondary" href=${figuresCsvUrl(this.slug, choice, locale)} download
            >${t('figures.export.csv')}</a
          >
          <a class="button secondary" href=${href('council-report', { slug: this.slug }, queryOfChoice(choice))}
            >${t('figures.councilLink')}</a
          >
        </p>
      </section>
    `;
  }

  private renderFeedback(): TemplateResult {
    const { t, locale } = this.texts;
    return html`<section aria-labelledby="feedback-title" class="feedback">
      <h2 id="feedback-title">${t('figures.feedback.title')}</h2>
      <p>${t('figures.feedback.intro')}</p>
      ${this.feedback.render({
        pending: () => renderLoading(t),
        error: (error) => renderError(t, error, () => void this.feedback.run()),
        complete: (data) => (data ? renderFeedbackTable(t, locale, data) : ''),
      })}
      ${
        may(this.me, 'feedback.comments', this.slug)
          ? html`<section aria-labelledby="feedback-comments-title">
              <h3 id="feedback-comments-title">${t('figures.feedback.comments.title')}</h3>
              <p>${t('figures.feedback.comments.intro')}</p>
              ${this.comments.render({
                pending: () => renderLoading(t),
                error: (error) => renderError(t, error, () => void this.comments.run()),
                complete: (data) => (data ? renderFeedbackComments(t, locale, this.slug, data) : ''),
              })}
            </section>`
          : ''
      }
    </section>`;
  }

  private renderHotspots(data: Hotspots): TemplateResult {
    const { t, locale } = this.texts;
    const shown = (count: Hotspots['locatedTotal']) => countText(t, locale, count, data.minimumCount);
    return html`
      ${
        data.cells.length === 0
          ? html`<p>${t('figures.hotspots.none')}</p>`
          : html`<div class="chart">
              ${this.mapLoaded ? html`<meldpunt-hotspot-map .cells=${data.cells} .t=${t}></meldpunt-hotspot-map>` : ''}
              ${renderHotspotTable(t, locale, data)}
            </div>`
      }
      <p data-located>${t('figures.hotspots.located', { value: shown(data.locatedTotal) })}</p>
      <p data-without-location>${t('figures.hotspots.withoutLocation', { value: shown(data.withoutLocation) })}</p>
    `;
  }
}

define('meldpunt-figures-page', MeldpuntFiguresPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-figures-page': MeldpuntFiguresPage;
  }
}
