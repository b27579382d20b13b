import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { Me, NationalFigures } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { renderError, renderLoading } from '../../components/task-states.ts';
import { meContext, textsContext, type TextsContext } from '../../context.ts';
import { readNationalFigures, type PeriodChoice } from '../../data/figures.ts';
import { loadBackofficeTexts } from '../../i18n.ts';
import { may } from '../../permissions.ts';
import { href, navigate } from '../../router.ts';
import { formStyles, pageStyles } from '../../styles/theme.ts';
import {
  choiceOf,
  countText,
  dayBefore,
  figuresStyles,
  nextComplete,
  queryOfChoice,
  renderExplanation,
  renderPeriodChooser,
} from './figures-shared.ts';

type SortKey = 'name' | 'count';
type Row = NationalFigures['tenants'][number];

/**
 * The platform operator's national overview: every municipality's total of a period (week or month, in the
 * URL as on the figures page), aggregates only under the same suppression rules ("< 5", "hidden"), in a
 * table sortable by name or count (the column headers are buttons, `aria-sort` says the order). The
 * operator reads no single report here, nor anywhere else.
 *
 * @summary The national overview of the figures.
 */
export class MeldpuntNationalFiguresPage extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    pageStyles,
    formStyles,
    figuresStyles,
    css`
      th button {
        font: inherit;
        font-weight: 700;
        background: none;
        border: none;
        padding: 0;
        min-block-size: var(--_meldpunt-target, 44px);
        color: var(--_meldpunt-link, #1a4d8f);
        text-decoration: underline;
        cursor: pointer;
      }
    `,
  ];

  /** The query string of the URL: `period=week|month&at=YYYY-MM-DD`. */
  @property({ attribute: false }) query = '';

  @consume({ context: textsContext, subscribe: true })
  @state()
  private texts!: TextsContext;

  @consume({ context: meContext, subscribe: true })
  @state()
  private me!: Me | null;

  @state() private sortKey: SortKey = 'name';
  @state() private descending = false;

  private get allowed(): boolean {
    return may(this.me, 'tenants.listAll');
  }

  private overview = new Task(this, {
    task: async ([query, locale, allowed], { signal }): Promise<NationalFigures | undefined> => {
      if (!allowed) return undefined;
      const [overview] = await Promise.all([readNationalFigures(choiceOf(query), signal), loadBackofficeTexts(locale)]);
      return overview;
    },
    args: () => [this.query, this.texts.locale, this.allowed] as const,
  });

  private go(choice: PeriodChoice) {
    navigate(href('national-figures', {}, queryOfChoice(choice)));
  }

  private sortBy(key: SortKey) {
    this.descending = this.sortKey === key ? !this.descending : key === 'count';
    this.sortKey = key;
  }

  /** Rows in the chosen order; by count, hidden ones last (their order says nothing about their size). */
  private sorted(rows: readonly Row[]): Row[] {
    const { locale } = this.texts;
    const byName = (a: Row, b: Row) => a.name.localeCompare(b.name, locale);
    return [...rows].sort((a, b) => {
      if (this.sortKey === 'name') return this.descending ? byName(b, a) : byName(a, b);
      if (a.count === null || b.count === null)
        return (a.count === null ? 1 : 0) - (b.count === null ? 1 : 0) || byName(a, b);
      return (this.descending ? b.count - a.count : a.count - b.count) || byName(a, b);
    });
  }

  override render() {
    const { t } = this.texts;
    if (!this.allowed) {
      return html`<h1>${t('notFound.title')}</h1>
        <p>${t('tenant.notFound')}</p>
        <p><a href=${href('tenants')}>${t('tenant.allTenants')}</a></p>`;
    }
    return html`<h1>${t('reports.nationalTitle')}</h1>
      ${this.overview.render({
        pending: () => renderLoading(t),
        error: (error) => renderError(t, error, () => void this.overview.run()),
        complete: (overview) => (overview ? this.renderOverview(overview) : ''),
      })}`;
  }

  private renderOverview(overview: NationalFigures): TemplateResult {
    const { t, locale } = this.texts;
    const minimum = overview.minimumCount;
    const sortState = (key: SortKey) =>
      this.sortKey === key ? (this.descending ? 'descending' : 'ascending') : 'none';
    const header = (key: SortKey, label: string, className = '') =>
      html`<th scope="col" class=${className} aria-sort=${sortState(key)}>
        <button type="button" data-sort=${key} @click=${() => this.sortBy(key)}>
          ${label}<span class="visually-hidden">, ${t('figures.national.sortBy', { column: label })}</span>
        </button>
      </th>`;
    return html`
      <p>${t('figures.national.intro')}</p>
      ${renderPeriodChooser(t, locale, {
        period: overview.period,
        previous: { period: overview.period.kind, at: dayBefore(overview.period.start) },
        next: nextComplete(overview.period),
        hrefOf: (choice) => href('national-figures', {}, queryOfChoice(choice)),
        onChoose: (period) => this.go({ period }),
      })}
      <p data-total>${t('figures.national.total', { value: countText(t, locale, overview.total, minimum) })}</p>
      ${
        overview.tenants.length === 0
          ? html`<p>${t('figures.national.empty')}</p>`
          : html`<div class="table-box">
              <table data-table="national">
                <caption>
                  ${t('figures.national.caption')}
                </caption>
                <thead>
                  <tr>
                    ${header('name', t('figures.national.municipality'))}
                    ${header('count', t('figures.national.count'), 'number')}
                  </tr>
                </thead>
                <tbody>
                  ${this.sorted(overview.tenants).map(
                    (row) =>
                      html`<tr>
                        <th scope="row">${row.name}</th>
                        <td class="number">${countText(t, locale, row, minimum)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
      ${renderExplanation(t, minimum)}
    `;
  }
}

define('meldpunt-national-figures-page', MeldpuntNationalFiguresPage);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-national-figures-page': MeldpuntNationalFiguresPage;
  }
}
