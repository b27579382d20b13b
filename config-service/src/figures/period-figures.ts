/**
 * One period's figures, built together so one suppression covers all of them: the counts (`GET …/figures`),
 * the hot times and the hotspots are three answers of ONE set of published numbers, and no hidden
 * count can be worked out from all of them together. Every sum between them is a rule for
 * `suppress` (see `suppression.ts`):
 *
 * - total = Σ roles = Σ parts of day (unknown included) = Σ delays
 * - total = exact + without exact time; exact = Σ hot-time cells (all 168, zeros included)
 * - a part of day = its hours' hot-time cells + the reports without an exact time in it (never published)
 * - without exact time = Σ those unpublished parts
 * - total = located + without location; located = Σ hotspot squares (squares without a report are not listed)
 *
 * Categories add up to nothing (a report may have several) and are suppressed below the minimum. The
 * previous period's total and the trend's totals are checked against the minimum only: the grand total is
 * never hidden for another count's sake (`keep`), so every period shows its total the same way everywhere.
 */
import type { Kysely } from 'kysely';
import {
  defaultCategoryIds,
  defaultMinimumCount,
  figurePartsOfDay,
  localize,
  minimumCountFloor,
  reportDelays,
  reportRoleSchema,
  type Figures,
  type HotTimes,
  type Hotspots,
  type Locale,
  type Period,
  type PublishedCount,
  type TenantConfig,
} from '@meldpunt/contracts';
import { hasServerText, serverT } from '@meldpunt/texts/server';
import type { Database, StoredTenantSettings } from '../db/database.ts';
import {
  categoryCounts,
  hotspotCounts,
  hotTimeCounts,
  periodTotals,
  reportGroups,
  tenantFigureSettings,
  type ReportGroup,
  tenantTotals,
} from './figures-repository.ts';
import { periodBefore, periodRange } from './periods.ts';
import { hotspotCell } from './rd-grid.ts';
import { suppress, type SumRule } from './suppression.ts';

const roles = reportRoleSchema.options;
const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const hours = Array.from({ length: 24 }, (_, h) => h);
/** The part of day an hour falls in (night 0–6, morning 6–12, afternoon 12–18, evening 18–24). */
const partOfHour = (hour: number) => (hour < 6 ? 'night' : hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening');

/** The minimum count in force: the tenant's, never below the floor; the default when unset. */
export function minimumCountOf(settings: Pick<StoredTenantSettings, 'figures'> | undefined): number {
  return Math.max(minimumCountFloor, settings?.figures?.minimumCount ?? defaultMinimumCount);
}

export interface PeriodFigures {
  figures: Omit<Figures, 'categoryLabels'>;
  hotTimes: HotTimes;
  hotspots: Hotspots;
}

export const key = {
  role: (r: string) => `role:${r}`,
  part: (p: string) => `part:${p}`,
  delay: (d: string) => `delay:${d}`,
  category: (c: string) => `category:${c}`,
  hour: (weekday: number, hour: number) => `hour:${weekday}:${hour}`,
  cell: (id: string) => `cell:${id}`,
  /** Reports without an exact time in a part of day: in the sums, never published. */
  inexact: (p: string) => `inexact:${p}`,
};

/** A cell's published form (every key asked for was a cell of the suppression). */
function publishedOf(published: ReadonlyMap<string, PublishedCount>, key: string): PublishedCount {
  const value = published.get(key);
  if (!value) throw new Error(`no figure ${key}`);
  return value;
}

/** Counts checked against the minimum only (figures that stand alone). */
function primary(count: number, minimumCount: number): PublishedCount {
  return count < minimumCount ? { count: null, suppressed: 'below-minimum' } : { count, suppressed: null };
}

/** A period's counts as the queries give them. */
export interface PeriodCounts {
  groups: readonly ReportGroup[];
  hotTimes: readonly { weekday: number; hour: number; n: number }[];
  squares: readonly { id: string; n: number }[];
  categories: readonly { category: string; n: number }[];
  /** The config's categories (listed with 0 too). */
  categoryIds: readonly string[];
}

/**
 * The period's published numbers: every count a cell (keys as `key` makes them), every sum between them
 * a rule, one suppression over all of them. Pure (the property tests build random periods).
 */
export function suppressPeriod(counts: PeriodCounts, minimumCount: number) {
  const { groups, hotTimes, squares, categories } = counts;
  const cells = new Map<string, number>();
  const bump = (k: string, n: number) => cells.set(k, (cells.get(k) ?? 0) + n);
  for (const k of [
    'total',
    'exact',
    'withoutExact',
    'located',
    'withoutLocation',
    ...roles.map(key.role),
    ...figurePartsOfDay.map(key.part),
    ...reportDelays.map(key.delay),
    ...weekdays.flatMap((w) => hours.map((h) => key.hour(w, h))),
  ]) {
    cells.set(k, 0);
  }
  const inexact = new Map<string, number>(figurePartsOfDay.map((p) => [key.inexact(p), 0]));
  for (const g of groups) {
    bump('total', g.n);
    bump(key.role(g.role), g.n);
    bump(key.part(g.part_of_day), g.n);
    bump(key.delay(g.delay), g.n);
    bump(g.exact ? 'exact' : 'withoutExact', g.n);
    bump(g.located ? 'located' : 'withoutLocation', g.n);
    if (!g.exact) inexact.set(key.inexact(g.part_of_day), (inexact.get(key.inexact(g.part_of_day)) ?? 0) + g.n);
  }
  for (const t of hotTimes) cells.set(key.hour(t.weekday, t.hour), t.n);
  for (const s of squares) cells.set(key.cell(s.id), s.n);
  const categoryIds = [...new Set([...counts.categoryIds, ...categories.map((c) => c.category)])];
  for (const id of categoryIds) cells.set(key.category(id), 0);
  for (const c of categories) cells.set(key.category(c.category), c.n);

  const hourKeys = (part: string) =>
    weekdays.flatMap((w) => hours.filter((h) => partOfHour(h) === part).map((h) => key.hour(w, h)));
  const rules: SumRule[] = [
    { total: 'total', parts: roles.map(key.role) },
    { total: 'total', parts: figurePartsOfDay.map(key.part) },
    { total: 'total', parts: reportDelays.map(key.delay) },
    { total: 'total', parts: ['exact', 'withoutExact'] },
    { total: 'exact', parts: weekdays.flatMap((w) => hours.map((h) => key.hour(w, h))) },
    ...figurePartsOfDay.map((p) => ({ total: key.part(p), parts: [...hourKeys(p), key.inexact(p)] })),
    { total: 'withoutExact', parts: figurePartsOfDay.map(key.inexact) },
    { total: 'total', parts: ['located', 'withoutLocation'] },
    { total: 'located', parts: squares.map((s) => key.cell(s.id)) },
  ];
  const hidden = [...inexact.keys()];
  const published = suppress({ cells, hidden, rules, minimumCount, keep: ['total'] });
  return { published, categoryIds, cells, hidden, rules };
}

/** Everything published about `period` for one tenant, suppressed as one set. */
export async function periodFigures(
  db: Kysely<Database>,
  tenantId: string,
  period: Period,
  options: { minimumCount: number; categoryIds: readonly string[] },
): Promise<PeriodFigures> {
  const { minimumCount } = options;
  const range = { tenantId, ...periodRange(period) };
  const trendPeriods = Array.from({ length: 12 }, (_, i) => periodBefore(period, 11 - i));
  const bounds = [...trendPeriods.map((p) => periodRange(p).from), range.to];
  const [groups, hotTimes, squares, categories, trendCounts] = await Promise.all([
    reportGroups(db, range),
    hotTimeCounts(db, range),
    hotspotCounts(db, range),
    categoryCounts(db, range, options.categoryIds),
    periodTotals(db, tenantId, bounds),
  ]);
  const totals = new Map(trendPeriods.map((p, i) => [p.start, trendCounts[i] ?? 0]));

  const squareCells = squares
    .map((sq) => ({ ...hotspotCell(sq.grid_e, sq.grid_n), n: sq.n }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const { published, categoryIds } = suppressPeriod(
    { groups, hotTimes, squares: squareCells, categories, categoryIds: options.categoryIds },
    minimumCount,
  );
  const get = (k: string) => publishedOf(published, k);

  const previous = periodBefore(period);
  const trend = trendPeriods.map((p) => ({
    period: p,
    ...(p.start === period.start ? get('total') : primary(totals.get(p.start) ?? 0, minimumCount)),
  }));
  return {
    figures: {
      period,
      previous,
      minimumCount,
      total: get('total'),
      previousTotal: primary(totals.get(previous.start) ?? 0, minimumCount),
      trend,
      byCategory: categoryIds.map((id) => ({ key: id, ...get(key.category(id)) })),
      byRole: roles.map((r) => ({ key: r, ...get(key.role(r)) })),
      byPartOfDay: figurePartsOfDay.map((p) => ({ key: p, ...get(key.part(p)) })),
      byDelay: reportDelays.map((d) => ({ key: d, ...get(key.delay(d)) })),
    },
    hotTimes: {
      period,
      minimumCount,
      cells: weekdays.flatMap((weekday) => hours.map((hour) => ({ weekday, hour, ...get(key.hour(weekday, hour)) }))),
      exactTotal: get('exact'),
      withoutExactTime: get('withoutExact'),
    },
    hotspots: {
      period,
      minimumCount,
      grid: 'rd-500m',
      cells: squareCells.map((s) => ({ id: s.id, bounds: s.bounds, ...get(key.cell(s.id)) })),
      locatedTotal: get('located'),
      withoutLocation: get('withoutLocation'),
    },
  };
}

/** A tenant's minimum count, category ids and labels (in `lang`, else the config's default language). */
export async function tenantFigureContext(db: Kysely<Database>, tenantId: string, lang: Locale | undefined) {
  const row = await tenantFigureSettings(db, tenantId);
  const config = row.config as TenantConfig | null;
  const categoryIds = config?.categories.map((c) => c.id) ?? [...defaultCategoryIds];
  const locale: Locale = lang && (!config || config.locales.includes(lang)) ? lang : (config?.defaultLocale ?? 'nl');
  return { minimumCount: minimumCountOf(row.settings), categoryIds, locale, config };
}

/** The label of each category id: the tenant's own, else the default one, else the id. */
export function categoryLabels(
  config: TenantConfig | null,
  ids: readonly string[],
  locale: Locale,
): Record<string, string> {
  const defaults = serverT(locale, 'categories');
  return Object.fromEntries(
    ids.map((id) => {
      const own = localize(config?.categories.find((c) => c.id === id)?.label, locale, config?.defaultLocale ?? locale);
      const fallback =
        /^[\w-]+$/.test(id) && hasServerText(locale, 'categories', `${id}.label`) ? defaults(`${id}.label`) : id;
      return [id, own ?? fallback];
    }),
  );
}

/** The national overview: every tenant's total of the period, suppressed with the platform's minimum. */
export async function nationalFigures(db: Kysely<Database>, period: Period) {
  const { from, to } = periodRange(period);
  const rows = await tenantTotals(db, from, to);
  const minimumCount = defaultMinimumCount;
  const cells = new Map<string, number>([['total', rows.reduce((a, r) => a + r.n, 0)]]);
  for (const r of rows) cells.set(`tenant:${r.slug}`, r.n);
  const published = suppress({
    cells,
    rules: [{ total: 'total', parts: rows.map((r) => `tenant:${r.slug}`) }],
    minimumCount,
    keep: ['total'],
  });
  return {
    period,
    minimumCount,
    total: publishedOf(published, 'total'),
    tenants: rows.map((r) => ({ slug: r.slug, name: r.name, ...publishedOf(published, `tenant:${r.slug}`) })),
  };
}

/**
 * The figures of complete periods for a short while: the console asks for a period's counts, hot times
 * and hotspots at once, and they are one computation (`periodFigures`). A complete period's figures do
 * not change as reports arrive (they are selected by receipt); only retention's deletions change them,
 * so `ttlMs` bounds how stale an answer can be.
 */
export class PeriodFiguresCache {
  readonly #entries = new Map<string, { at: number; figures: Promise<PeriodFigures> }>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(options: { ttlMs?: number; maxEntries?: number } = {}) {
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#maxEntries = options.maxEntries ?? 200;
  }

  get(
    db: Kysely<Database>,
    tenantId: string,
    period: Period,
    options: { minimumCount: number; categoryIds: readonly string[] },
  ): Promise<PeriodFigures> {
    const key = JSON.stringify([tenantId, period, options.minimumCount, options.categoryIds]);
    const now = Date.now();
    const cached = this.#entries.get(key);
    if (cached && now - cached.at < this.#ttlMs) return cached.figures;
    const figures = periodFigures(db, tenantId, period, options);
    this.#entries.delete(key);
    this.#entries.set(key, { at: now, figures });
    // A failed computation is not kept.
    figures.catch(() => this.#entries.delete(key));
    for (const [old, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && now - entry.at < this.#ttlMs) break;
      this.#entries.delete(old);
    }
    return figures;
  }
}
