/**
 * The back office's figures (`/api/v1/backoffice/…/figures…`, issue 14): one period's counts with the
 * previous period and the trend, the hot-times grid, the hotspot squares, the platform operator's national
 * overview, and the CSV download of the figures (a plain link: the browser saves the file, and the service
 * records the export in the audit log), and (issue 15) how reporting was for reporters: their feedback's
 * counts and average ratings. Typed on the contracts (`figuresSchema`, `hotTimesSchema`, `hotspotsSchema`,
 * `nationalFiguresSchema`, `feedbackFiguresSchema`); the guards check by hand what the pages rely on, most of all
 * that every count is published as the contracts say: a number, or why it is hidden, never both.
 */
import type { FigurePeriod } from '@meldpunt/contracts/backoffice-values';
import type {
  FeedbackFigures,
  Figures,
  HotTimes,
  Hotspots,
  NationalFigures,
  Period,
  PublishedCount,
} from '@meldpunt/contracts';
import { apiBase, isRecord, isText, request } from './http.ts';

/** The period a page asks for: its kind and a day inside it (`YYYY-MM-DD`; none: the last complete one). */
export interface PeriodChoice {
  period: FigurePeriod;
  at?: string | undefined;
}

const isDay = (value: unknown): value is string => isText(value) && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A count as published: a number and no reason, or no number and why (never both). */
export const isPublishedCount = (value: unknown): value is PublishedCount =>
  isRecord(value) &&
  ((Number.isInteger(value['count']) && (value['count'] as number) >= 0 && value['suppressed'] === null) ||
    (value['count'] === null && (value['suppressed'] === 'below-minimum' || value['suppressed'] === 'complementary')));

export const isPeriod = (value: unknown): value is Period =>
  isRecord(value) &&
  (value['kind'] === 'week' || value['kind'] === 'month') &&
  isDay(value['start']) &&
  isDay(value['end']);

const isBreakdown = (value: unknown): boolean =>
  Array.isArray(value) && value.every((row) => isRecord(row) && isText(row['key']) && isPublishedCount(row));

const isMinimum = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

export const isFigures = (value: unknown): value is Figures =>
  isRecord(value) &&
  isPeriod(value['period']) &&
  isPeriod(value['previous']) &&
  isMinimum(value['minimumCount']) &&
  isPublishedCount(value['total']) &&
  isPublishedCount(value['previousTotal']) &&
  Array.isArray(value['trend']) &&
  value['trend'].every((row) => isRecord(row) && isPeriod(row['period']) && isPublishedCount(row)) &&
  ['byCategory', 'byRole', 'byPartOfDay', 'byDelay'].every((key) => isBreakdown(value[key])) &&
  isRecord(value['categoryLabels']);

export const isHotTimes = (value: unknown): value is HotTimes =>
  isRecord(value) &&
  isPeriod(value['period']) &&
  isMinimum(value['minimumCount']) &&
  Array.isArray(value['cells']) &&
  value['cells'].every(
    (cell) =>
      isRecord(cell) && Number.isInteger(cell['weekday']) && Number.isInteger(cell['hour']) && isPublishedCount(cell),
  ) &&
  isPublishedCount(value['exactTotal']) &&
  isPublishedCount(value['withoutExactTime']);

const isBounds = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length === 2 &&
  value.every((corner) => Array.isArray(corner) && corner.length === 2 && corner.every(Number.isFinite));

export const isHotspots = (value: unknown): value is Hotspots =>
  isRecord(value) &&
  isPeriod(value['period']) &&
  isMinimum(value['minimumCount']) &&
  Array.isArray(value['cells']) &&
  value['cells'].every(
    (cell) => isRecord(cell) && isText(cell['id']) && isBounds(cell['bounds']) && isPublishedCount(cell),
  ) &&
  isPublishedCount(value['locatedTotal']) &&
  isPublishedCount(value['withoutLocation']);

export const isNationalFigures = (value: unknown): value is NationalFigures =>
  isRecord(value) &&
  isPeriod(value['period']) &&
  isMinimum(value['minimumCount']) &&
  isPublishedCount(value['total']) &&
  Array.isArray(value['tenants']) &&
  value['tenants'].every((row) => isRecord(row) && isText(row['slug']) && isText(row['name']) && isPublishedCount(row));

/** A published average: a rating from 1 to 5, or null exactly when its count is hidden or zero. */
const isFeedbackFigure = (value: unknown): boolean =>
  isRecord(value) &&
  isPublishedCount(value['count']) &&
  (value['average'] === null
    ? value['count'].count === null || value['count'].count === 0
    : typeof value['average'] === 'number' &&
      value['count'].count !== null &&
      value['count'].count > 0 &&
      value['average'] >= 1 &&
      value['average'] <= 5);

export const isFeedbackFigures = (value: unknown): value is FeedbackFigures =>
  isRecord(value) &&
  isPeriod(value['period']) &&
  isPeriod(value['previous']) &&
  isMinimum(value['minimumCount']) &&
  Array.isArray(value['moments']) &&
  value['moments'].every(
    (row) =>
      isRecord(row) &&
      (row['moment'] === 'sent' || row['moment'] === 'closed') &&
      isFeedbackFigure(row['current']) &&
      isFeedbackFigure(row['previous']),
  );

const base = (slug: string) => `/backoffice/tenants/${encodeURIComponent(slug)}/figures`;

function queryOf(choice: PeriodChoice, lang?: string): Record<string, string> {
  return { period: choice.period, ...(choice.at ? { at: choice.at } : {}), ...(lang ? { lang } : {}) };
}

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** One period's counts, the previous period and the trend; category labels in `lang`. */
export function readFigures(slug: string, choice: PeriodChoice, lang: string, signal?: AbortSignal): Promise<Figures> {
  return request(base(slug), isFigures, { query: queryOf(choice, lang), ...withSignal(signal) });
}

/** The weekday × hour grid of the period (reports with an exact time). */
export function readHotTimes(slug: string, choice: PeriodChoice, signal?: AbortSignal): Promise<HotTimes> {
  return request(`${base(slug)}/hot-times`, isHotTimes, { query: queryOf(choice), ...withSignal(signal) });
}

/** The period's counts per 500 m square of the national grid. */
export function readHotspots(slug: string, choice: PeriodChoice, signal?: AbortSignal): Promise<Hotspots> {
  return request(`${base(slug)}/hotspots`, isHotspots, { query: queryOf(choice), ...withSignal(signal) });
}

/** The period's feedback of reporters: answers and average rating per moment, beside the previous period. */
export function readFeedbackFigures(
  slug: string,
  choice: PeriodChoice,
  signal?: AbortSignal,
): Promise<FeedbackFigures> {
  return request(`${base(slug)}/feedback`, isFeedbackFigures, { query: queryOf(choice), ...withSignal(signal) });
}

/** The platform operator's overview: every municipality's total of the period. */
export function readNationalFigures(choice: PeriodChoice, signal?: AbortSignal): Promise<NationalFigures> {
  return request('/backoffice/platform/figures', isNationalFigures, { query: queryOf(choice), ...withSignal(signal) });
}

/** The download URL of the period's figures as CSV (a link the browser follows; the export is audited). */
export function figuresCsvUrl(slug: string, choice: PeriodChoice, lang: string): string {
  return `${apiBase}/backoffice/tenants/${encodeURIComponent(slug)}/figures.csv?${new URLSearchParams(queryOf(choice, lang)).toString()}`;
}
