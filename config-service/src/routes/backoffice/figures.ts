import { Hono, type Context } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { stringify } from 'csv-stringify/sync';
import {
  figuresQuerySchema,
  type FeedbackComments,
  type FeedbackFigures,
  type Figures,
  type NationalFigures,
  type Period,
  type PublishedCount,
} from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import {
  categoryLabels,
  nationalFigures,
  PeriodFiguresCache,
  tenantFigureContext,
  type PeriodFigures,
} from '../../figures/period-figures.ts';
import { feedbackComments, feedbackFigures } from '../../figures/feedback-figures.ts';
import { resolvePeriod } from '../../figures/periods.ts';
import { signedInOf, staffTenantOf } from '../../http/staff-access.ts';
import { ProblemError } from '../../http/problem.ts';
import { validationHook } from '../../http/validation.ts';

const noStore = { 'Cache-Control': 'no-store' };

/** The feedback's query: the period only (it has no labels to translate). */
const feedbackQuerySchema = figuresQuerySchema.omit({ lang: true });

/** The complete period asked for, or 422 `period-not-complete` naming the last complete one. */
function periodOf(query: { period: Period['kind']; at?: string | undefined }): Period {
  const resolved = resolvePeriod(query.period, query.at, new Date());
  if (resolved.ok) return resolved.period;
  const last = resolved.lastComplete;
  throw new ProblemError(422, 'period-not-complete', 'Figures are only given for complete periods', {
    detail: `This ${query.period} has not ended yet, so its figures could still change. The last complete one starts on ${last.start}.`,
    extensions: { lastComplete: last },
  });
}

type ValidQuery = { period: Period['kind']; at?: string | undefined; lang?: 'nl' | 'en' | undefined };

/** The tenant's figures of the period asked for, with the labels of its categories. */
async function figuresOf(deps: AppDeps, cache: PeriodFiguresCache, c: Context<AppEnv>, query: ValidQuery) {
  const tenant = staffTenantOf(c);
  const period = periodOf(query);
  const context = await tenantFigureContext(deps.db, tenant.id, query.lang);
  const all = await cache.get(deps.db, tenant.id, period, context);
  const labels = categoryLabels(
    context.config,
    all.figures.byCategory.map((c) => c.key),
    context.locale,
  );
  return { all, labels, slug: tenant.slug };
}

/** How the CSV writes a count: the number, `< 5` below the minimum, `x` hidden for another's sake. */
function csvCount(count: PublishedCount, minimumCount: number): string | number {
  if (count.suppressed === 'below-minimum') return `< ${minimumCount}`;
  if (count.suppressed === 'complementary') return 'x';
  return count.count ?? '';
}

/** The period's figures as rows: figure; key; label; value. */
function csvRows({ figures, hotTimes, hotspots }: PeriodFigures, labels: Figures['categoryLabels']) {
  const min = figures.minimumCount;
  const n = (count: PublishedCount) => csvCount(count, min);
  return [
    ['figure', 'key', 'label', 'value'],
    ['period', 'kind', '', figures.period.kind],
    ['period', 'start', '', figures.period.start],
    ['period', 'end', '', figures.period.end],
    ['minimum-count', '', '', min],
    ['total', '', '', n(figures.total)],
    ['previous-total', figures.previous.start, '', n(figures.previousTotal)],
    ...figures.trend.map((t) => ['trend', t.period.start, '', n(t)]),
    ...figures.byCategory.map((r) => ['category', r.key, labels[r.key] ?? r.key, n(r)]),
    ...figures.byRole.map((r) => ['role', r.key, '', n(r)]),
    ...figures.byPartOfDay.map((r) => ['part-of-day', r.key, '', n(r)]),
    ...figures.byDelay.map((r) => ['delay', r.key, '', n(r)]),
    ['hot-times', 'exact-total', '', n(hotTimes.exactTotal)],
    ['hot-times', 'without-exact-time', '', n(hotTimes.withoutExactTime)],
    ...hotTimes.cells.map((cell) => ['hot-time', `${cell.weekday}-${String(cell.hour).padStart(2, '0')}`, '', n(cell)]),
    ['hotspots', 'located-total', '', n(hotspots.locatedTotal)],
    ['hotspots', 'without-location', '', n(hotspots.withoutLocation)],
    ...hotspots.cells.map((cell) => ['hotspot', cell.id, '', n(cell)]),
    ['legend', `< ${min}`, 'below-minimum', ''],
    ['legend', 'x', 'complementary', ''],
  ];
}

/**
 * `/api/v1/backoffice/tenants/:slug/figures…` for officers and analysts (issue 14): counts, hot times,
 * hotspots and their CSV, never revealing an individual. The rules are in `http/staff-access.ts`.
 * Only complete periods (`figures/periods.ts`); one suppression over the period's figures together
 * (`figures/period-figures.ts`); never a single report's point (squares only). Issue 15: the reporters'
 * feedback as figures (officers and analysts), and its comments (officers only).
 *
 * Reading the comments is not audited: they answer "how was reporting for you?", which the reporter
 * gave for the municipality's evaluation, and no report is opened by reading them (each names its
 * reference; opening that report is audited as ever). An entry per comment would also make every look
 * at a month's page cost dozens of chained audit writes.
 */
export function figuresRoutes(deps: AppDeps) {
  const cache = new PeriodFiguresCache({ ttlMs: deps.figuresCacheMs });
  return new Hono<AppEnv>()
    .get('/:slug/figures', zValidator('query', figuresQuerySchema, validationHook), async (c) => {
      const { all, labels } = await figuresOf(deps, cache, c, c.req.valid('query'));
      const body: Figures = { ...all.figures, categoryLabels: labels };
      return c.json(body, 200, noStore);
    })
    .get('/:slug/figures/hot-times', zValidator('query', figuresQuerySchema, validationHook), async (c) => {
      const { all } = await figuresOf(deps, cache, c, c.req.valid('query'));
      return c.json(all.hotTimes, 200, noStore);
    })
    .get('/:slug/figures/hotspots', zValidator('query', figuresQuerySchema, validationHook), async (c) => {
      const { all } = await figuresOf(deps, cache, c, c.req.valid('query'));
      return c.json(all.hotspots, 200, noStore);
    })
    .get('/:slug/figures/feedback', zValidator('query', feedbackQuerySchema, validationHook), async (c) => {
      const body: FeedbackFigures = await feedbackFigures(deps.db, staffTenantOf(c).id, periodOf(c.req.valid('query')));
      return c.json(body, 200, noStore);
    })
    .get('/:slug/feedback/comments', zValidator('query', feedbackQuerySchema, validationHook), async (c) => {
      const body: FeedbackComments = await feedbackComments(
        deps.db,
        staffTenantOf(c).id,
        periodOf(c.req.valid('query')),
      );
      return c.json(body, 200, noStore);
    })
    .get('/:slug/figures.csv', zValidator('query', figuresQuerySchema, validationHook), async (c) => {
      const { all, labels, slug } = await figuresOf(deps, cache, c, c.req.valid('query'));
      const rows = csvRows(all, labels);
      await deps.auditLog.append({
        tenantId: staffTenantOf(c).id,
        actor: { kind: 'staff', id: signedInOf(c).staffId },
        action: 'export.created',
        target: null,
        details: { of: 'figures', format: 'csv', rows: rows.length - 1 },
      });
      // Dutch Excel: UTF-8 with a byte order mark, `;` between cells; formula-looking cells made inert.
      const body = stringify(rows, { bom: true, delimiter: ';', escape_formulas: true, record_delimiter: 'windows' });
      const { period } = all.figures;
      return c.body(body, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="figures-${slug}-${period.kind}-${period.start}.csv"`,
        ...noStore,
      });
    });
}

/** `/api/v1/backoffice/platform/figures`: the platform operator's national overview, per municipality. */
export function platformFiguresRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', zValidator('query', figuresQuerySchema, validationHook), async (c) => {
    const body: NationalFigures = await nationalFigures(deps.db, periodOf(c.req.valid('query')));
    return c.json(body, 200, noStore);
  });
}
