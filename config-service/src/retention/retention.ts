import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';

/**
 * How long a report keeps its Idempotency-Key and request hash, in hours after it was received: a
 * retry within it gets the original answer; once retention has run after it, a retry is a new report.
 */
export const replayWindowHours = 48;

/**
 * The retention period, in months, of a report whose tenant or source tenant has no published config
 * (not yet, or no longer): the shortest the contracts allow (`privacy.retentionMonths` min 1). Without
 * a published config no privacy statement promises a longer one, and storage limitation asks for the
 * shortest period that can be justified — so contact details and reports are not kept for ever.
 */
export const fallbackRetentionMonths = 1;

/** What one sweep did, per tenant that had anything to do (counts only: never report data). */
export interface RetentionResult {
  contactsErased: number;
  reportsDeleted: number;
  /** Reports whose replay window was over: idempotency key and request hash cleared. */
  idempotencyKeysCleared: number;
  byTenant: { slug: string; contactsErased: number; reportsDeleted: number }[];
}

/**
 * The retention period that applies to each report, in months: that of the tenant holding it, and —
 * for a report routed in from another tenant's widget — never longer than the one the reporter was
 * shown there. From the tenants' currently published configs (`privacy.retentionMonths` and
 * `privacy.contactRetentionMonths`), so a shortened period applies to reports already stored; where
 * either has no published config, `fallbackRetentionMonths`.
 */
const periods = (now: string) => sql`
  select r.id, t.slug,
    least(
      coalesce((v.config #>> '{privacy,retentionMonths}')::int, ${sql.lit(fallbackRetentionMonths)}),
      coalesce((sv.config #>> '{privacy,retentionMonths}')::int, ${sql.lit(fallbackRetentionMonths)})
    ) as report_months,
    least(
      coalesce((v.config #>> '{privacy,contactRetentionMonths}')::int, ${sql.lit(fallbackRetentionMonths)}),
      coalesce((sv.config #>> '{privacy,contactRetentionMonths}')::int, ${sql.lit(fallbackRetentionMonths)})
    ) as contact_months
  from report r
  join tenant t on t.id = r.tenant_id
  left join tenant_config_version v on v.tenant_id = t.id and v.version = t.published_version
  join tenant s on s.id = r.source_tenant_id
  left join tenant_config_version sv on sv.tenant_id = s.id and sv.version = s.published_version
  -- No period is shorter than a month (the contracts' minimum): newer reports need no look.
  where r.received_at < ${now}::timestamptz - interval '1 month'`;

/**
 * Enforces the tenants' retention periods (AVG/GDPR storage limitation): contact details are erased
 * once their period is over (the report stays, anonymous), and reports — with their deliveries — are
 * deleted once theirs is. Counted from when the report was received. A report's idempotency key and
 * request hash are cleared once the replay window is over, and with its contact details. Idempotent and
 * safe to run from several processes at once.
 */
export async function enforceRetention(db: Kysely<Database>, now: Date = new Date()): Promise<RetentionResult> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const erased = await sql<{ slug: string }>`
      with due as (${periods(at)})
      update report set contact_sealed = null, wants_follow_up = false, idempotency_key = null, request_hash = null
      from due
      where report.id = due.id
        and report.contact_sealed is not null
        and report.received_at < ${at}::timestamptz - make_interval(months => due.contact_months)
      returning due.slug`.execute(trx);
    const deleted = await sql<{ slug: string }>`
      with due as (${periods(at)})
      delete from report
      using due
      where report.id = due.id
        and report.received_at < ${at}::timestamptz - make_interval(months => due.report_months)
      returning due.slug`.execute(trx);
    // Not per tenant: every report's are cleared two days after it came in, whatever its tenant's periods.
    const cleared = await trx
      .updateTable('report')
      .set({ idempotency_key: null, request_hash: null })
      .where((eb) => eb.or([eb('idempotency_key', 'is not', null), eb('request_hash', 'is not', null)]))
      .where('received_at', '<', new Date(now.getTime() - replayWindowHours * 3_600_000))
      .executeTakeFirst();

    const byTenant = new Map<string, { slug: string; contactsErased: number; reportsDeleted: number }>();
    const entry = (slug: string) => {
      let found = byTenant.get(slug);
      if (!found) byTenant.set(slug, (found = { slug, contactsErased: 0, reportsDeleted: 0 }));
      return found;
    };
    for (const row of erased.rows) entry(row.slug).contactsErased++;
    for (const row of deleted.rows) entry(row.slug).reportsDeleted++;
    return {
      contactsErased: erased.rows.length,
      reportsDeleted: deleted.rows.length,
      idempotencyKeysCleared: Number(cleared.numUpdatedRows),
      byTenant: [...byTenant.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
    };
  });
}

/** Runs `enforceRetention` now and then every `intervalMs`; `stop()` ends it. Errors are logged, not thrown. */
export function startRetention(db: Kysely<Database>, logger: Logger, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= enforceRetention(db)
      .then((result) => {
        if (result.contactsErased || result.reportsDeleted || result.idempotencyKeysCleared) {
          logger.info({ retention: result }, 'retention enforced');
        }
      })
      .catch((error: unknown) => {
        logger.error(
          { err: { name: (error as Error).name, code: (error as { code?: string }).code } },
          'retention failed',
        );
      })
      .finally(() => {
        running = undefined;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
