/**
 * What the figures pages share (the figures, the council report, the national overview): the period in the
 * URL and its neighbours, a period and a count in words (a suppressed count as "< 5" or "hidden", never a
 * number), the shading level of a count, and the charts with the table beside each that holds the same
 * numbers (the chart is a picture for the eye, `aria-hidden`; the table is what screen readers read).
 */
import type { Figures, Hotspots, Period, PublishedCount } from '@meldpunt/contracts';
import { figurePeriods, type FigurePeriod } from '@meldpunt/contracts/backoffice-values';
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import type { PeriodChoice } from '../../data/figures.ts';
import type { Translate } from '../../i18n.ts';

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The period chosen in a URL's query (`period=week|month&at=YYYY-MM-DD`); month and the last complete one by default. */
export function choiceOf(query: string): PeriodChoice {
  const params = new URLSearchParams(query);
  const kind = params.get('period');
  const at = params.get('at') ?? '';
  return {
    period: figurePeriods.includes(kind as FigurePeriod) ? (kind as FigurePeriod) : 'month',
    at: dayPattern.test(at) ? at : undefined,
  };
}

/** The query of a choice, for links and `navigate` (no `at`: the last complete period). */
export function queryOfChoice(choice: PeriodChoice): Record<string, string> {
  return { period: choice.period, ...(choice.at ? { at: choice.at } : {}) };
}

/** A day as a UTC date (the periods are calendar days; their time zone does not matter here). */
const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The day before `day`. */
export function dayBefore(day: string): string {
  const date = dateOf(day);
  date.setUTCDate(date.getUTCDate() - 1);
  return dayOf(date);
}

/** The day after the period that follows `period` (its `end`), to tell whether that one is complete. */
function endOfNext(period: Period): string {
  const date = dateOf(period.end);
  if (period.kind === 'week') date.setUTCDate(date.getUTCDate() + 7);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return dayOf(date);
}

/** Today as the calendar shows it here (`YYYY-MM-DD`). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The period after `period` when it is complete by `day` (today), else undefined: no figures of an unfinished period. */
export function nextComplete(period: Period, day = today()): PeriodChoice | undefined {
  return endOfNext(period) <= day ? { period: period.kind, at: period.end } : undefined;
}

/** The ISO week number of a day, and the year that week belongs to (its Thursday's). */
function isoWeek(day: string): { week: number; year: number } {
  const thursday = dateOf(day);
  thursday.setUTCDate(thursday.getUTCDate() - ((thursday.getUTCDay() + 6) % 7) + 3);
  const year = thursday.getUTCFullYear();
  const january4 = new Date(Date.UTC(year, 0, 4));
  const days = (thursday.getTime() - january4.getTime()) / 86_400_000;
  const week = 1 + Math.round((days - 3 + ((january4.getUTCDay() + 6) % 7)) / 7);
  return { week, year };
}

/** A day in words (`3 dec. 2026`). */
export function dayInWords(locale: string, day: string, month: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }).format(
    dateOf(day),
  );
}

/** A period in words: `december 2026`, or `week 49 van 2026 (30 nov. 2026 t/m 6 dec. 2026)`. */
export function periodInWords(t: Translate, locale: string, period: Period): string {
  if (period.kind === 'month') {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      dateOf(period.start),
    );
  }
  const range = t('figures.period.range', {
    start: dayInWords(locale, period.start),
    end: dayInWords(locale, dayBefore(period.end)),
  });
  return t('figures.period.weekName', { ...isoWeek(period.start), range });
}

/** A short label of a period for a chart's axis (`dec.`, `wk 49`). */
export function periodShort(locale: string, period: Period): string {
  if (period.kind === 'month') {
    return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(dateOf(period.start));
  }
  return String(isoWeek(period.start).week);
}

/** A published count as shown: the number, "< 5" (below the minimum) or "hidden" (complementary). */
export function countText(t: Translate, locale: string, count: PublishedCount, minimum: number): string {
  if (count.suppressed === 'below-minimum') return t('figures.suppressed.below-minimum', { minimum });
  if (count.suppressed === 'complementary' || count.count === null) return t('figures.suppressed.complementary');
  return new Intl.NumberFormat(locale).format(count.count);
}

/** The change from the previous period in words, when both are published. */
export function changeText(t: Translate, locale: string, now: PublishedCount, before: PublishedCount): string {
  if (now.count === null || before.count === null) return t('figures.total.changeUnknown');
  const difference = now.count - before.count;
  if (difference === 0) return t('figures.total.same');
  const percent =
    before.count === 0
      ? '—'
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
          Math.abs(difference) / before.count,
        );
  const count = new Intl.NumberFormat(locale).format(Math.abs(difference));
  return t(difference > 0 ? 'figures.total.up' : 'figures.total.down', { count, percent });
}

/** The shading of a count among counts up to `max`: 0 (none) … 4 (most); `suppressed` when hidden. */
export function levelOf(count: PublishedCount, max: number): 'suppressed' | 0 | 1 | 2 | 3 | 4 {
  if (count.count === null) return 'suppressed';
  if (count.count === 0 || max <= 0) return 0;
  return Math.max(1, Math.min(4, Math.ceil((count.count / max) * 4))) as 1 | 2 | 3 | 4;
}

/** The largest published number among `counts` (0 when none). */
export const maxOf = (counts: readonly PublishedCount[]) => Math.max(0, ...counts.map((c) => c.count ?? 0));

/** The shades of the heat grid and the hotspot squares, light to dark; hidden ones hatched (black and white too). */
export const figuresStyles = css`
  :host {
    --_meldpunt-heat-1: var(--meldpunt-heat-1-color, #dce6f4);
    --_meldpunt-heat-2: var(--meldpunt-heat-2-color, #a9c1e4);
    --_meldpunt-heat-3: var(--meldpunt-heat-3-color, #2f5f9e);
    --_meldpunt-heat-4: var(--meldpunt-heat-4-color, #16365f);
    --_meldpunt-bar: var(--meldpunt-bar-color, var(--_meldpunt-primary, #1a4d8f));
  }
  .level-0 {
    background: var(--_meldpunt-background, #ffffff);
  }
  .level-1 {
    background: var(--_meldpunt-heat-1);
    color: #1a1a1a;
  }
  .level-2 {
    background: var(--_meldpunt-heat-2);
    color: #1a1a1a;
  }
  .level-3 {
    background: var(--_meldpunt-heat-3);
    color: #ffffff;
  }
  .level-4 {
    background: var(--_meldpunt-heat-4);
    color: #ffffff;
  }
  .level-suppressed {
    background: repeating-linear-gradient(45deg, #ffffff 0 4px, #d9d9d9 4px 6px);
    color: #1a1a1a;
    font-style: italic;
  }
  .chart {
    display: grid;
    gap: 1rem;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    align-items: start;
  }
  .bars {
    display: grid;
    grid-template-columns: minmax(6rem, max-content) 1fr minmax(3rem, max-content);
    gap: 0.25rem 0.5rem;
    align-items: center;
    margin: 0;
  }
  .bars svg {
    inline-size: 100%;
    block-size: 1.25rem;
  }
  .bars rect {
    fill: var(--_meldpunt-bar);
  }
  .bars .hidden-bar {
    fill: none;
    stroke: var(--_meldpunt-muted, #555555);
    stroke-dasharray: 3 2;
  }
  .bars .value {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .trend svg {
    inline-size: 100%;
    max-block-size: 14rem;
  }
  .trend rect {
    fill: var(--_meldpunt-bar);
  }
  .trend .hidden-bar {
    fill: none;
    stroke: currentColor;
    stroke-dasharray: 3 2;
  }
  .trend text {
    font-size: 7px;
    fill: currentColor;
  }
  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .table-box {
    overflow-x: auto;
    max-inline-size: 100%;
  }
  table {
    border-collapse: collapse;
  }
  th,
  td {
    padding: 0.25rem 0.5rem;
    border-block-end: 1px solid var(--_meldpunt-border, #767676);
    text-align: start;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: 0.25rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .explanation {
    color: var(--_meldpunt-muted, #555555);
  }
  .periods {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
  }
`;

/** One row of a breakdown: its label and its published count. */
export interface Row {
  label: string;
  count: PublishedCount;
}

/**
 * A table of counts as the charts have beside them: a caption, a column of labels (row headers) and one of
 * values (already in words: a count, "< 5", "hidden", a change).
 */
export function renderTable(options: {
  id: string;
  caption: string;
  column: string | TemplateResult;
  countColumn: string;
  rows: readonly { label: string; value: string }[];
  className?: string;
}): TemplateResult {
  const { id, caption, column, countColumn, rows, className } = options;
  return html`<table class=${className ?? nothing} data-table=${id}>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${column}</th>
        <th scope="col" class="number">${countColumn}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            <th scope="row">${row.label}</th>
            <td class="number">${row.value}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** A horizontal bar chart (for the eye) and the table with the same numbers (for everyone). */
export function renderBreakdown(
  t: Translate,
  locale: string,
  options: { id: string; title: string; caption: string; column: string; rows: readonly Row[]; minimum: number },
): TemplateResult {
  const { id, title, caption, column, rows, minimum } = options;
  const max = maxOf(rows.map((row) => row.count));
  return html`<section aria-labelledby=${`${id}-title`}>
    <h3 id=${`${id}-title`}>${title}</h3>
    ${
      rows.length === 0
        ? html`<p>${t('figures.breakdown.empty')}</p>`
        : html`<div class="chart">
            <div class="bars" aria-hidden="true" data-chart=${id}>
              ${rows.map(
                (row) =>
                  html`<span>${row.label}</span>
                    <svg viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                      ${
                        row.count.count === null
                          ? svg`<rect class="hidden-bar" x="0.5" y="0.5" width="99" height="9"></rect>`
                          : svg`<rect x="0" y="0" height="10" width=${max > 0 ? (row.count.count / max) * 100 : 0}></rect>`
                      }
                    </svg>
                    <span class="value">${countText(t, locale, row.count, minimum)}</span>`,
              )}
            </div>
            <div class="table-box">
              ${renderTable({
                id,
                caption,
                column,
                countColumn: t('figures.breakdown.count'),
                rows: rows.map((row) => ({ label: row.label, value: countText(t, locale, row.count, minimum) })),
              })}
            </div>
          </div>`
    }
  </section>`;
}

/** The breakdowns of a tenant's figures, in this order; a page may show fewer. */
export const breakdownIds = ['category', 'role', 'part-of-day', 'delay'] as const;
export type BreakdownId = (typeof breakdownIds)[number];

/** The breakdowns of `figures` by category, role, part of day and delay (those in `ids`), each a chart with its table. */
export function renderBreakdowns(
  t: Translate,
  locale: string,
  figures: Figures,
  ids: readonly BreakdownId[] = breakdownIds,
): TemplateResult {
  const minimum = figures.minimumCount;
  const breakdowns: Record<BreakdownId, () => TemplateResult> = {
    category: () =>
      renderBreakdown(t, locale, {
        id: 'category',
        title: t('figures.breakdown.byCategory'),
        caption: t('figures.breakdown.byCategoryCaption'),
        column: t('figures.breakdown.category'),
        rows: figures.byCategory.map((row) => ({ label: figures.categoryLabels[row.key] ?? row.key, count: row })),
        minimum,
      }),
    role: () =>
      renderBreakdown(t, locale, {
        id: 'role',
        title: t('figures.breakdown.byRole'),
        caption: t('figures.breakdown.byRoleCaption'),
        column: t('figures.breakdown.role'),
        rows: figures.byRole.map((row) => ({ label: t(`figures.roles.${row.key}`), count: row })),
        minimum,
      }),
    'part-of-day': () =>
      renderBreakdown(t, locale, {
        id: 'part-of-day',
        title: t('figures.breakdown.byPartOfDay'),
        caption: t('figures.breakdown.byPartOfDayCaption'),
        column: t('figures.breakdown.partOfDay'),
        rows: figures.byPartOfDay.map((row) => ({ label: t(`figures.partsOfDay.${row.key}`), count: row })),
        minimum,
      }),
    delay: () =>
      renderBreakdown(t, locale, {
        id: 'delay',
        title: t('figures.breakdown.byDelay'),
        caption: t('figures.breakdown.byDelayCaption'),
        column: t('figures.breakdown.delay'),
        rows: figures.byDelay.map((row) => ({ label: t(`figures.delays.${row.key}`), count: row })),
        minimum,
      }),
  };
  return html`${ids.map((id) => breakdowns[id]())}`;
}

/**
 * The period chooser of the figures pages: the period shown (announced when it changes), a form to switch
 * between week and month (the last complete one), and links to the previous and — once complete — the next
 * period. `hrefOf` makes a page's link of a choice; `onChoose` gets the kind chosen in the form.
 */
export function renderPeriodChooser(
  t: Translate,
  locale: string,
  options: {
    period: Period;
    previous: PeriodChoice;
    next: PeriodChoice | undefined;
    hrefOf: (choice: PeriodChoice) => string;
    onChoose: (period: FigurePeriod) => void;
  },
): TemplateResult {
  const { period, previous, next, hrefOf, onChoose } = options;
  const choose = (event: SubmitEvent) => {
    event.preventDefault();
    const kind = new FormData(event.target as HTMLFormElement).get('period');
    if (figurePeriods.includes(kind as FigurePeriod)) onChoose(kind as FigurePeriod);
  };
  return html`<p role="status" data-period>
      ${t('figures.period.current', { period: periodInWords(t, locale, period) })}
    </p>
    <div class="periods">
      <form class="periods" @submit=${choose}>
        <div class="field">
          <label for="period">${t('figures.period.kind')}</label>
          <select id="period" name="period">
            ${figurePeriods.map(
              (kind) =>
                html`<option value=${kind} ?selected=${kind === period.kind}>${t(`figures.period.${kind}`)}</option>`,
            )}
          </select>
        </div>
        <div class="field"><button class="button secondary" type="submit">${t('figures.period.show')}</button></div>
      </form>
      <a class="button secondary" rel="prev" href=${hrefOf(previous)}>${t('figures.period.previous')}</a>
      ${
        next
          ? html`<a class="button secondary" rel="next" href=${hrefOf(next)}>${t('figures.period.next')}</a>`
          : html`<button class="button secondary" type="button" disabled>${t('figures.period.next')}</button>`
      }
    </div>`;
}

/** The trend: a column per period (oldest first) and the table with the same numbers. */
export function renderTrend(
  t: Translate,
  locale: string,
  trend: readonly ({ period: Period } & PublishedCount)[],
  minimum: number,
): TemplateResult {
  const max = maxOf(trend);
  const width = 12;
  return html`<div class="chart">
    <div class="trend" aria-hidden="true" data-chart="trend">
      <svg viewBox=${`0 0 ${Math.max(1, trend.length) * width} 80`} focusable="false">
        ${trend.map((row, i) => {
          const x = i * width + 2;
          const h = row.count === null || max === 0 ? 0 : (row.count / max) * 56;
          return svg`${
            row.count === null
              ? svg`<rect class="hidden-bar" x=${x} y="8" width=${width - 4} height="56"></rect>`
              : svg`<rect x=${x} y=${64 - h} width=${width - 4} height=${h}></rect>`
          }<text x=${x + (width - 4) / 2} y=${row.count === null ? 36 : 62 - h} text-anchor="middle">${countText(
            t,
            locale,
            row,
            minimum,
          )}</text><text x=${x + (width - 4) / 2} y="75" text-anchor="middle">${periodShort(locale, row.period)}</text>`;
        })}
      </svg>
    </div>
    <div class="table-box">
      ${renderTable({
        id: 'trend',
        caption: t('figures.trend.caption'),
        column: t('figures.total.period'),
        countColumn: t('figures.total.count'),
        rows: trend.map((row) => ({
          label: periodInWords(t, locale, row.period),
          value: countText(t, locale, row, minimum),
        })),
      })}
    </div>
  </div>`;
}

/** Why some figures show "< 5" or "hidden": once per page, near the figures. */
export function renderExplanation(t: Translate, minimum: number): TemplateResult {
  return html`<p class="explanation">${t('figures.suppressed.explanation', { minimum })}</p>`;
}

/** The hotspot squares as a table (the map's alternative): busiest first, the hidden ones last. */
export function renderHotspotTable(t: Translate, locale: string, data: Hotspots): TemplateResult {
  const rows = [...data.cells].sort(
    (a, b) => (b.count ?? -1) - (a.count ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return html`<div class="table-box">
    ${renderTable({
      id: 'hotspots',
      caption: t('figures.hotspots.caption'),
      column: html`${t('figures.hotspots.cell')} <small>(${t('figures.hotspots.cellHint')})</small>`,
      countColumn: t('figures.breakdown.count'),
      rows: rows.map((cell) => ({ label: cell.id, value: countText(t, locale, cell, data.minimumCount) })),
    })}
  </div>`;
}

/**
 * The hotspot squares as a static SVG (the council report: it prints, in black and white too): each square
 * where it lies (a flat projection, fine for a municipality), shaded, with its count written in it.
 */
export function renderHotspotSnapshot(t: Translate, locale: string, data: Hotspots): TemplateResult {
  if (data.cells.length === 0) return html``;
  const south = Math.min(...data.cells.map((c) => c.bounds[0][0]));
  const north = Math.max(...data.cells.map((c) => c.bounds[1][0]));
  const west = Math.min(...data.cells.map((c) => c.bounds[0][1]));
  const east = Math.max(...data.cells.map((c) => c.bounds[1][1]));
  const squeeze = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = 1000;
  const width = Math.max(1, (east - west) * squeeze * scale);
  const height = Math.max(1, (north - south) * scale);
  const max = maxOf(data.cells);
  const fontSize = Math.min(...data.cells.map((c) => (c.bounds[1][0] - c.bounds[0][0]) * scale)) / 3;
  return html`<svg
    class="snapshot"
    viewBox=${`-1 -1 ${width + 2} ${height + 2}`}
    aria-hidden="true"
    focusable="false"
    data-chart="hotspots"
  >
    ${data.cells.map((cell) => {
      const [[s, w], [n, e]] = cell.bounds;
      const x = (w - west) * squeeze * scale;
      const y = (north - n) * scale;
      const cw = (e - w) * squeeze * scale;
      const ch = (n - s) * scale;
      const level = levelOf(cell, max);
      return svg`<rect class=${`square level-${level}`} x=${x} y=${y} width=${cw} height=${ch}></rect>
        <text class=${`label level-${level}`} x=${x + cw / 2} y=${y + ch / 2} font-size=${fontSize}
          text-anchor="middle" dominant-baseline="central">${countText(t, locale, cell, data.minimumCount)}</text>`;
    })}
  </svg>`;
}
