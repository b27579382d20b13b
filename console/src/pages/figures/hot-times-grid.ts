import type { HotTimes } from '@meldpunt/contracts';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { define } from '@meldpunt/ui/define';
import { tokens } from '@meldpunt/ui/tokens';
import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Translate } from '../../i18n.ts';
import { countText, figuresStyles, levelOf, maxOf } from './figures-shared.ts';

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const hours = Array.from({ length: 24 }, (_, hour) => hour);

/**
 * The hot-times grid: weekday (rows, Monday first) × hour (columns), a heat grid that is a real table —
 * every cell shows its number (or "< 5" / "hidden", hatched), so colour is never the only signal and the
 * grid is its own table alternative; a visible legend; and the reports that are not in the grid (no exact
 * time) counted beneath. Scrolls sideways on narrow screens (the scroll box takes keyboard focus).
 *
 * @summary The weekday × hour heat grid of a period.
 * @cssproperty --meldpunt-heat-1-color - The lightest shade (and `-2-`, `-3-`, `-4-`, darkest).
 */
export class MeldpuntHotTimesGrid extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    figuresStyles,
    css`
      :host {
        display: block;
      }
      .grid-box {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        font-size: 0.8125rem;
      }
      th,
      td {
        border: 1px solid var(--_meldpunt-border, #767676);
        padding: 0.125rem 0.25rem;
        text-align: center;
        min-inline-size: 1.75rem;
        font-variant-numeric: tabular-nums;
      }
      th[scope='row'] {
        text-align: start;
        white-space: nowrap;
      }
      caption {
        text-align: start;
        font-weight: 700;
        padding-block-end: 0.25rem;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        list-style: none;
        padding: 0;
        margin-block: 0.5rem;
      }
      .legend li {
        display: flex;
        gap: 0.375rem;
        align-items: center;
      }
      .swatch {
        display: inline-block;
        inline-size: 1.25rem;
        block-size: 1.25rem;
        border: 1px solid var(--_meldpunt-border, #767676);
      }
      @media print {
        table {
          font-size: 7pt;
        }
        th,
        td {
          min-inline-size: 0;
          padding: 0.0625rem;
        }
      }
    `,
  ];

  /** The period's grid as the API published it. */
  @property({ attribute: false }) data?: HotTimes;
  /** The console's translate function and language (the page's). */
  @property({ attribute: false }) t: Translate = (key: string) => key;
  @property() locale = 'nl';

  override render() {
    const { data, t, locale } = this;
    if (!data) return html``;
    const cells = new Map(data.cells.map((cell) => [`${cell.weekday}-${cell.hour}`, cell]));
    const zero = { count: 0, suppressed: null } as const;
    const max = maxOf(data.cells);
    const shown = (count: HotTimes['exactTotal']) => countText(t, locale, count, data.minimumCount);
    return html`
      <div class="grid-box" tabindex="0" role="region" aria-labelledby="hot-times-caption">
        <table>
          <caption id="hot-times-caption">
            ${t('figures.hotTimes.caption')}
          </caption>
          <thead>
            <tr>
              <td></td>
              ${hours.map(
                (hour) =>
                  html`<th scope="col">
                    <span aria-hidden="true">${t('figures.hotTimes.hourShort', { hour })}</span
                    ><span class="visually-hidden">${t('figures.hotTimes.hour', { hour })}</span>
                  </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${weekdays.map(
              (weekday) =>
                html`<tr>
                  <th scope="row">${t(`figures.hotTimes.weekdays.${weekday}`)}</th>
                  ${hours.map((hour) => {
                    const cell = cells.get(`${weekday}-${hour}`) ?? zero;
                    return html`<td class=${`level-${levelOf(cell, max)}`} data-weekday=${weekday} data-hour=${hour}>
                      ${shown(cell)}
                    </td>`;
                  })}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <ul class="legend" aria-label=${t('figures.hotTimes.legend')}>
        <li><span class="swatch level-0"></span>${t('figures.hotTimes.legendNone')}</li>
        <li>
          <span class="swatch level-suppressed"></span>${t('figures.suppressed.below-minimum', {
            minimum: data.minimumCount,
          })}
          / ${t('figures.suppressed.complementary')}: ${t('figures.hotTimes.legendSuppressed')}
        </li>
        <li><span class="swatch level-1"></span>${t('figures.hotTimes.legendLow')}</li>
        <li><span class="swatch level-2"></span><span class="swatch level-3"></span></li>
        <li>
          <span class="swatch level-4"></span>${t('figures.hotTimes.legendHigh', {
            max: new Intl.NumberFormat(locale).format(max),
          })}
        </li>
      </ul>
      <p data-exact>${t('figures.hotTimes.exactTotal', { value: shown(data.exactTotal) })}</p>
      <p data-without-time>${t('figures.hotTimes.withoutExactTime', { value: shown(data.withoutExactTime) })}</p>
    `;
  }
}

define('meldpunt-hot-times-grid', MeldpuntHotTimesGrid);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-hot-times-grid': MeldpuntHotTimesGrid;
  }
}
