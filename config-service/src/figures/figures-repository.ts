/**
 * The figures' queries: counts only, never a row of a report. Every query selects one tenant's reports
 * (`tenant_id`: where a report was routed to, the tenant that handles it) by `received_at` in a period,
 * so it runs on the `(tenant_id, received_at, …)` indexes; hours, weekdays and periods are read in
 * Europe/Amsterdam.
 */
import { sql, type Kysely } from 'kysely';
import { figuresTimeZone } from '@meldpunt/contracts';
import type { Database } from '../db/database.ts';

const zone = sql.lit(figuresTimeZone);
const localOccurred = sql`(occurred_at at time zone ${zone})`;

/** One group of the period's reports: by role, part of day, exact or not, delay, with a point or not. */
export interface ReportGroup {
  role: string;
  /** The part of day of an exact time's hour, else the one the reporter chose, else `unknown`. */
  part_of_day: string;
  exact: boolean;
  delay: string;
  located: boolean;
  n: number;
}

interface Range {
  tenantId: string;
  from: Date;
  to: Date;
}

const inRange = ({ tenantId, from, to }: Range) =>
  sql`tenant_id = ${tenantId} and received_at >= ${from} and received_at < ${to}`;

/** The period's reports counted by every combination the breakdowns need (at most a few hundred rows). */
export async function reportGroups(db: Kysely<Database>, range: Range): Promise<ReportGroup[]> {
  const hour = sql`extract(hour from ${localOccurred})`;
  const { rows } = await sql<ReportGroup>`
    select role,
      case when time_precision = 'exact' then
        case when ${hour} < 6 then 'night' when ${hour} < 12 then 'morning'
             when ${hour} < 18 then 'afternoon' else 'evening' end
      else coalesce(part_of_day, 'unknown') end as part_of_day,
      time_precision = 'exact' as exact,
      case when received_at - occurred_at < interval '1 hour' then 'under-1-hour'
           when received_at - occurred_at < interval '24 hours' then '1-to-24-hours'
           when received_at - occurred_at < interval '7 days' then '1-to-7-days'
           else 'over-7-days' end as delay,
      grid_e is not null as located,
      count(*)::int as n
    from report
    where ${inRange(range)}
    group by 1, 2, 3, 4, 5`.execute(db);
  return rows;
}

/** Reports with an exact time by weekday (1 Monday … 7 Sunday) and hour of the incident. */
export async function hotTimeCounts(
  db: Kysely<Database>,
  range: Range,
): Promise<{ weekday: number; hour: number; n: number }[]> {
  const { rows } = await sql<{ weekday: number; hour: number; n: number }>`
    select extract(isodow from ${localOccurred})::int as weekday, extract(hour from ${localOccurred})::int as hour,
      count(*)::int as n
    from report
    where ${inRange(range)} and time_precision = 'exact'
    group by 1, 2`.execute(db);
  return rows;
}

/** Reports with a point by 500 m square (south-west corner in RD metres). */
export async function hotspotCounts(
  db: Kysely<Database>,
  range: Range,
): Promise<{ grid_e: number; grid_n: number; n: number }[]> {
  const { rows } = await sql<{ grid_e: number; grid_n: number; n: number }>`
    select grid_e, grid_n, count(*)::int as n
    from report
    where ${inRange(range)} and grid_e is not null
    group by 1, 2`.execute(db);
  return rows;
}

/**
 * Reports by category (a report with two categories counts in both): the config's categories counted in
 * one pass (`count(*) filter`); ids outside them (from an older config) only when there are any.
 */
export async function categoryCounts(
  db: Kysely<Database>,
  range: Range,
  known: readonly string[],
): Promise<{ category: string; n: number }[]> {
  const ids = sql`${[...known]}::text[]`;
  const counts = known.map(
    (id, i) => sql`count(*) filter (where categories @> array[${id}::text])::int as ${sql.ref(`c${i}`)}`,
  );
  const { rows } = await sql<Record<string, number>>`
    select ${sql.join([...counts, sql`count(*) filter (where not categories <@ ${ids})::int as other`])}
    from report
    where ${inRange(range)}`.execute(db);
  const row = rows[0] ?? {};
  const result = known.map((category, i) => ({ category, n: row[`c${i}`] ?? 0 }));
  if (!row['other']) return result;
  const { rows: others } = await sql<{ category: string; n: number }>`
    select c as category, count(*)::int as n
    from report, unnest(categories) as c
    where ${inRange(range)} and not categories <@ ${ids} and not c = any(${ids})
    group by 1`.execute(db);
  return [...result, ...others];
}

/**
 * The number of reports in each of consecutive periods, given by their boundaries (`bounds[i]` to
 * `bounds[i + 1]`): one count per period on `(tenant_id, received_at)`, which the index answers alone.
 */
export async function periodTotals(db: Kysely<Database>, tenantId: string, bounds: readonly Date[]): Promise<number[]> {
  const periods = bounds.slice(1).map((to, i) => ({ from: bounds[i] ?? to, to }));
  if (periods.length === 0) return [];
  const counts = periods.map(
    (p, i) => sql`(select count(*)::int from report where ${inRange({ tenantId, ...p })}) as ${sql.ref(`p${i}`)}`,
  );
  const { rows } = await sql<Record<string, number>>`select ${sql.join(counts)}`.execute(db);
  const row = rows[0] ?? {};
  return periods.map((_, i) => row[`p${i}`] ?? 0);
}

/** Every tenant's number of reports received in `from` … `to` (tenants without one included). */
export async function tenantTotals(
  db: Kysely<Database>,
  from: Date,
  to: Date,
): Promise<{ slug: string; name: string; n: number }[]> {
  const { rows } = await sql<{ slug: string; name: string; n: number }>`
    select t.slug, t.name, coalesce(r.n, 0)::int as n
    from tenant t
    left join (
      select tenant_id, count(*)::int as n from report
      where received_at >= ${from} and received_at < ${to}
      group by tenant_id
    ) r on r.tenant_id = t.id
    order by t.name, t.slug`.execute(db);
  return rows;
}

/** The tenant's minimum count and its published config's categories and languages. */
export async function tenantFigureSettings(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('tenant')
    .leftJoin('tenant_config_version as v', (join) =>
      join.onRef('v.tenant_id', '=', 'tenant.id').onRef('v.version', '=', 'tenant.published_version'),
    )
    .select(['tenant.settings', 'v.config'])
    .where('tenant.id', '=', tenantId)
    .executeTakeFirstOrThrow();
}

/**
 * The reporters' feedback (issue 15) given in `from` … `to`, per moment: how many answers and the sum
 * of their ratings (the average follows; the rows themselves never leave this query).
 */
export async function feedbackTotals(
  db: Kysely<Database>,
  range: Range,
): Promise<{ moment: 'sent' | 'closed'; n: number; sum: number }[]> {
  const { tenantId, from, to } = range;
  const { rows } = await sql<{ moment: 'sent' | 'closed'; n: number; sum: number }>`
    select moment, count(*)::int as n, coalesce(sum(rating), 0)::int as sum
    from report_feedback
    where tenant_id = ${tenantId} and created_at >= ${from} and created_at < ${to}
    group by moment`.execute(db);
  return rows;
}

/** The comments of the feedback given in `from` … `to`, newest first, with their report's reference. */
export async function feedbackCommentRows(db: Kysely<Database>, range: Range) {
  return db
    .selectFrom('report_feedback as f')
    .innerJoin('report as r', 'r.id', 'f.report_id')
    .select(['f.report_id', 'r.reference', 'f.moment', 'f.rating', 'f.comment', 'f.created_at'])
    .where('f.tenant_id', '=', range.tenantId)
    .where('f.created_at', '>=', range.from)
    .where('f.created_at', '<', range.to)
    .where('f.comment', 'is not', null)
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id', 'desc')
    .execute();
}
