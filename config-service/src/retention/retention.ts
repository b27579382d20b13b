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

// Issue 13: the logo upload.
/**
 * Days an uploaded logo is kept while no config version of its tenant refers to it (by its id, in
 * `branding.logoUrl`): long enough for a draft to be finished and published, short enough that
 * abandoned uploads do not pile up in the database.
 */
export const unreferencedLogoDays = 30;

/**
 * Days a test delivery ("send a test delivery" in the console's settings) and its outbox rows are kept:
 * the settings page shows the latest ones while an admin checks a new address or webhook; after a month
 * their targets and outcomes (addresses, URLs, error classes) are no longer anyone's business.
 */
export const testDeliveryDays = 30;

/** What one sweep did, per tenant that had anything to do (counts only: never report data). */
export interface RetentionResult {
  contactsErased: number;
  reportsDeleted: number;
  /** Reports whose replay window was over: idempotency key and request hash cleared. */
  idempotencyKeysCleared: number;
  /** Logos older than `unreferencedLogoDays` that no config version of their tenant refers to. */
  logosDeleted: number;
  /** Test deliveries older than `testDeliveryDays`, with their outbox rows. */
  testDeliveriesDeleted: number;
  /** Issue 15: what was left of withdrawn reports (`report_withdrawal`), once the report itself would have gone. */
  withdrawalsDeleted: number;
  byTenant: { slug: string; contactsErased: number; reportsDeleted: number }[];
}

/**
 * The retention period that applies to each report, in months: that of the tenant holding it, and —
 * for a report routed in from another tenant's widget — never longer than the one the reporter was
 * shown there. From the tenants' currently published configs (`privacy.retentionMonths` and
 * `privacy.contactRetentionMonths`), so a shortened period applies to reports already stored; where
 * either has no published config, `fallbackRetentionMonths`.
 */
const retentionPeriods = sql`
  select r.id, t.slug, r.received_at, r.contact_sealed is not null as has_contact,
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
  left join tenant_config_version sv on sv.tenant_id = s.id and sv.version = s.published_version`;

/** The reports old enough that a period may be over: no period is shorter than a month (the contracts' minimum). */
const periods = (now: string) => sql`
  select * from (${retentionPeriods}) p where p.received_at < ${now}::timestamptz - interval '1 month'`;

/** When retention erases a report's contact details and when it deletes the report, by the rules of `enforceRetention`. */
export interface RetentionDates {
  /** Received + the contact period (whether or not contact details are held). */
  contactErasedBy: Date;
  /** Received + the report period. */
  deletedBy: Date;
}

/**
 * The dates `enforceRetention` acts on for one report (issue 14: the back office shows them), from the
 * same periods, counted the same way (months after receipt, in the database); undefined when there is no
 * such report. A period shortened later moves these dates, as it moves retention.
 */
export async function retentionDatesOf(db: Kysely<Database>, reportId: string): Promise<RetentionDates | undefined> {
  const { rows } = await sql<{ contact_until: Date | string; report_until: Date | string }>`
    select p.received_at + make_interval(months => p.contact_months) as contact_until,
      p.received_at + make_interval(months => p.report_months) as report_until
    from (${retentionPeriods}) p
    where p.id = ${reportId}`.execute(db);
  const row = rows[0];
  return row && { contactErasedBy: new Date(row.contact_until), deletedBy: new Date(row.report_until) };
}

/**
 * Reports per statement. Each batch is one short statement (atomic on its own), so a sweep that has a
 * large backlog to catch up on never runs into the service's statement timeout, holds no long locks,
 * and what one batch did stays done if a later one fails.
 */
export const retentionBatchSize = 1000;

/**
 * Enforces the tenants' retention periods (AVG/GDPR storage limitation): contact details are erased
 * once their period is over (the report stays, anonymous), and reports — with their deliveries — are
 * deleted once theirs is — their messages, notes, timeline and feedback with them (issue 15). Counted
 * from when the report was received; a withdrawn report's tombstone goes when the report would have. A report's idempotency key and
 * request hash are cleared once the replay window is over, and with its contact details. Works in
 * batches of `retentionBatchSize`; idempotent and safe to run from several processes at once.
 * The audit log is not touched: its entries hold no report data and are kept for the life of the
 * tenant (erased at offboarding, see `audit/audit-log.ts`).
 */
export async function enforceRetention(
  db: Kysely<Database>,
  now: Date = new Date(),
  batchSize: number = retentionBatchSize,
): Promise<RetentionResult> {
  const at = now.toISOString();
  const byTenant = new Map<string, { slug: string; contactsErased: number; reportsDeleted: number }>();
  const entry = (slug: string) => {
    let found = byTenant.get(slug);
    if (!found) byTenant.set(slug, (found = { slug, contactsErased: 0, reportsDeleted: 0 }));
    return found;
  };
  /** Runs one batch statement until it finds less than a full batch; calls `count` for each row. */
  const untilDone = async (statement: () => Promise<{ rows: { slug: string }[] }>, count: (slug: string) => void) => {
    let total = 0;
    for (;;) {
      const { rows } = await statement();
      for (const row of rows) count(row.slug);
      total += rows.length;
      if (rows.length < batchSize) return total;
    }
  };

  const contactsErased = await untilDone(
    () =>
      sql<{ slug: string }>`
      with due as (
        select id, slug from (${periods(at)}) p
        where p.has_contact and p.received_at < ${at}::timestamptz - make_interval(months => p.contact_months)
        limit ${batchSize}
      )
      update report set contact_sealed = null, wants_follow_up = false, idempotency_key = null, request_hash = null,
        contact_erased_at = ${at}::timestamptz
      from due
      where report.id = due.id
      returning due.slug`.execute(db),
    (slug) => entry(slug).contactsErased++,
  );
  const reportsDeleted = await untilDone(
    () =>
      sql<{ slug: string }>`
      with due as (
        select id, slug from (${periods(at)}) p
        where p.received_at < ${at}::timestamptz - make_interval(months => p.report_months)
        limit ${batchSize}
      )
      delete from report
      using due
      where report.id = due.id
      returning due.slug`.execute(db),
    (slug) => entry(slug).reportsDeleted++,
  );
  // Not per tenant: every report's are cleared two days after it came in, whatever its tenant's periods.
  const windowEnd = new Date(now.getTime() - replayWindowHours * 3_600_000).toISOString();
  const idempotencyKeysCleared = await untilDone(
    () =>
      sql<{ slug: string }>`
      update report set idempotency_key = null, request_hash = null
      where id in (
        select id from report
        where (idempotency_key is not null or request_hash is not null) and received_at < ${windowEnd}::timestamptz
        limit ${batchSize}
      )
      returning '' as slug`.execute(db),
    () => {},
  );

  // Issue 13: uploaded logos that no version (published or not) of their tenant's config names.
  const logosBefore = new Date(now.getTime() - unreferencedLogoDays * 86_400_000).toISOString();
  const logosDeleted = await untilDone(
    () =>
      sql<{ slug: string }>`
      delete from logo
      where (tenant_id, hash) in (
        select l.tenant_id, l.hash from logo l
        where l.created_at < ${logosBefore}::timestamptz
          and not exists (
            select 1 from tenant_config_version v
            where v.tenant_id = l.tenant_id and strpos(v.config::text, l.hash) > 0
          )
        limit ${batchSize}
      )
      returning '' as slug`.execute(db),
    () => {},
  );

  // Issue 13: test deliveries (their outbox rows go with them: `delivery.test_delivery_id` cascades).
  const testsBefore = new Date(now.getTime() - testDeliveryDays * 86_400_000).toISOString();
  const testDeliveriesDeleted = await untilDone(
    () =>
      sql<{ slug: string }>`
      delete from test_delivery
      where id in (
        select id from test_delivery where created_at < ${testsBefore}::timestamptz limit ${batchSize}
      )
      returning '' as slug`.execute(db),
    () => {},
  );

  // Issue 15: a withdrawn report's tombstone (reference and dates) goes when the report would have gone:
  // received + the receiving tenant's report period. (Its source tenant is not kept with it, so the
  // shorter of the two periods that applies to reports cannot apply here; a tombstone holds nothing of
  // the report.) The report's messages and feedback went with the report itself (on delete cascade).
  const withdrawalsDeleted = await untilDone(
    () =>
      sql<{ slug: string }>`
      delete from report_withdrawal
      where id in (
        select w.id from report_withdrawal w
        join tenant t on t.id = w.tenant_id
        left join tenant_config_version v on v.tenant_id = t.id and v.version = t.published_version
        where w.received_at < ${at}::timestamptz - make_interval(months =>
          coalesce((v.config #>> '{privacy,retentionMonths}')::int, ${sql.lit(fallbackRetentionMonths)}))
        limit ${batchSize}
      )
      returning '' as slug`.execute(db),
    () => {},
  );

  return {
    contactsErased,
    reportsDeleted,
    idempotencyKeysCleared,
    logosDeleted,
    testDeliveriesDeleted,
    withdrawalsDeleted,
    byTenant: [...byTenant.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
  };
}

/** Runs `enforceRetention` now and then every `intervalMs`; `stop()` ends it. Errors are logged, not thrown. */
export function startRetention(db: Kysely<Database>, logger: Logger, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= enforceRetention(db)
      .then((result) => {
        if (
          result.contactsErased ||
          result.reportsDeleted ||
          result.idempotencyKeysCleared ||
          result.logosDeleted ||
          result.testDeliveriesDeleted ||
          result.withdrawalsDeleted
        ) {
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
