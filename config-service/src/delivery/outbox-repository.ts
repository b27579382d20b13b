import { sql, type Kysely, type Transaction } from 'kysely';
import type { TenantConfig } from '@meldpunt/contracts';
import type { Database, Delivery, DeliveryStatus, Report, StoredTenantSettings } from '../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A delivery a worker has claimed; `attempts` (this attempt's number) fences its later updates. */
export type ClaimedDelivery = Pick<
  Delivery,
  | 'id'
  | 'kind'
  | 'tenant_id'
  | 'report_id'
  | 'invitation_id'
  | 'test_delivery_id'
  | 'sealed_link'
  | 'channel'
  | 'target'
  | 'attempts'
  | 'created_at'
  | 'redriven_at'
>;

/**
 * Claims up to `limit` due deliveries for one worker: queued or retrying ones whose time has come,
 * and `sending` ones whose lease ran out (their worker crashed). `FOR UPDATE SKIP LOCKED` lets
 * workers claim side by side without waiting for or taking each other's rows; the claim itself is
 * committed at once (one statement), and the lease keeps the row for this worker until it reports.
 */
export async function claimDeliveries(db: Db, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  return db
    .updateTable('delivery')
    .set((eb) => ({
      status: 'sending',
      attempts: eb('attempts', '+', 1),
      locked_until: sql<Date>`now() + ${Math.round(leaseMs)}::integer * interval '1 millisecond'`,
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('delivery')
        .select('id')
        .where((w) =>
          w.or([
            w.and([w('status', 'in', ['queued', 'retrying']), w('next_attempt_at', '<=', sql<Date>`now()`)]),
            w.and([w('status', '=', 'sending'), w('locked_until', '<=', sql<Date>`now()`)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning([
      'id',
      'kind',
      'tenant_id',
      'report_id',
      'invitation_id',
      'test_delivery_id',
      'sealed_link',
      'channel',
      'target',
      'attempts',
      'created_at',
      'redriven_at',
    ])
    .execute();
}

/** Only the claim that is still current may report: a worker whose lease ran out and was re-claimed is ignored. */
function current(db: Db, delivery: Pick<ClaimedDelivery, 'id' | 'attempts'>) {
  return db
    .updateTable('delivery')
    .where('id', '=', delivery.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', delivery.attempts);
}

/**
 * Marks a claimed delivery sent; `false` when the claim was no longer this worker's. A sent invitation
 * mail's sealed link is cleared at once: the database keeps it no longer than needed.
 */
export async function markSent(db: Db, delivery: Pick<ClaimedDelivery, 'id' | 'attempts'>): Promise<boolean> {
  const result = await current(db, delivery)
    .set({ status: 'sent', sent_at: sql<Date>`now()`, locked_until: null, last_error: null, sealed_link: null })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Forgets an invitation mail's sealed link: its invitation was used or has expired before the mail
 * went, so the link opens nothing any more and is not kept either.
 */
export async function forgetLink(db: Db, deliveryId: string): Promise<void> {
  await db.updateTable('delivery').set({ sealed_link: null }).where('id', '=', deliveryId).execute();
}

/** Schedules another attempt after `delayMs` (database time). */
export async function markRetry(
  db: Db,
  delivery: Pick<ClaimedDelivery, 'id' | 'attempts'>,
  delayMs: number,
  errorClass: string,
): Promise<boolean> {
  const result = await current(db, delivery)
    .set({
      status: 'retrying',
      next_attempt_at: sql<Date>`now() + ${Math.round(delayMs)}::integer * interval '1 millisecond'`,
      locked_until: null,
      last_error: errorClass,
    })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Stops a delivery (permanent failure or given up); it stays visible and can be re-driven. */
export async function markFailed(
  db: Db,
  delivery: Pick<ClaimedDelivery, 'id' | 'attempts'>,
  errorClass: string,
): Promise<boolean> {
  const result = await current(db, delivery)
    .set({ status: 'failed', locked_until: null, last_error: errorClass })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** What a worker needs to send a report: the report, its tenant's settings, and the config it was entered under. */
export interface DeliveryReport extends Report {
  tenant_slug: string;
  tenant_name: string;
  /** The tenant whose widget the report came from (the same as the tenant unless routed by location). */
  source_tenant_slug: string;
  source_tenant_name: string;
  /** Without the webhook's secret: that is `webhook_secret_sealed`, opened only to sign. */
  settings: StoredTenantSettings;
  webhook_secret_sealed: Uint8Array | null;
  config: TenantConfig;
}

export async function findDeliveryReports(
  db: Db,
  reportIds: readonly (string | null)[],
): Promise<Map<string, DeliveryReport>> {
  const ids = [...new Set(reportIds.filter((id) => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('report')
    .innerJoin('tenant', 'tenant.id', 'report.tenant_id')
    .innerJoin('tenant as source', 'source.id', 'report.source_tenant_id')
    // The config the reporter filled in: the source tenant's, which labels the categories and fields.
    .innerJoin('tenant_config_version as v', (join) =>
      join.onRef('v.tenant_id', '=', 'report.source_tenant_id').onRef('v.version', '=', 'report.config_version'),
    )
    .selectAll('report')
    .select([
      'tenant.slug as tenant_slug',
      'tenant.name as tenant_name',
      'source.slug as source_tenant_slug',
      'source.name as source_tenant_name',
      'tenant.settings',
      'tenant.webhook_secret_sealed',
      'v.config',
    ])
    .where('report.id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** What a worker needs to send an invitation mail (the link itself is sealed in the delivery row). */
export interface DeliveryInvitation {
  id: string;
  roles: string[];
  platform_admin: boolean;
  expires_at: Date;
  used_at: Date | null;
  tenant_name: string | null;
  inviter_name: string | null;
}

/** The invitations of claimed invitation mails, by id (a withdrawn one is absent: its mail went with it). */
export async function findDeliveryInvitations(
  db: Db,
  invitationIds: readonly (string | null)[],
): Promise<Map<string, DeliveryInvitation>> {
  const ids = [...new Set(invitationIds.filter((id) => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('invitation')
    .leftJoin('tenant', 'tenant.id', 'invitation.tenant_id')
    .leftJoin('staff as inviter', 'inviter.id', 'invitation.invited_by')
    .select([
      'invitation.id',
      'invitation.roles',
      'invitation.platform_admin',
      'invitation.expires_at',
      'invitation.used_at',
      'tenant.name as tenant_name',
      'inviter.name as inviter_name',
    ])
    .where('invitation.id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** What a worker needs to send a test delivery: its tenant (name and current settings) and when it was asked for. */
export interface DeliveryTest {
  id: string;
  created_at: Date;
  tenant_slug: string;
  tenant_name: string;
  /** Without the webhook's secret: that is `webhook_secret_sealed`, opened only to sign. */
  settings: StoredTenantSettings;
  webhook_secret_sealed: Uint8Array | null;
}

/** The test deliveries of claimed `test` rows, by id (a deleted one is absent: its rows went with it). */
export async function findDeliveryTests(
  db: Db,
  testIds: readonly (string | null)[],
): Promise<Map<string, DeliveryTest>> {
  const ids = [...new Set(testIds.filter((id) => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('test_delivery')
    .innerJoin('tenant', 'tenant.id', 'test_delivery.tenant_id')
    .select([
      'test_delivery.id',
      'test_delivery.created_at',
      'tenant.slug as tenant_slug',
      'tenant.name as tenant_name',
      'tenant.settings',
      'tenant.webhook_secret_sealed',
    ])
    .where('test_delivery.id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** One line of `pnpm deliveries:list`. */
export interface DeliveryListing {
  id: string;
  kind: Delivery['kind'];
  report_id: string | null;
  /** The report's reference; null for an invitation mail. */
  reference: string | null;
  channel: Delivery['channel'];
  target: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
}

/**
 * A tenant's deliveries — forwarded reports and invitation mails — newest first (optionally of one
 * status); `tenantSlug: null` lists the mails of invitations to the platform alone.
 */
export async function listDeliveries(
  db: Db,
  options: { tenantSlug: string | null; status?: DeliveryStatus; limit?: number },
): Promise<DeliveryListing[]> {
  let query = db
    .selectFrom('delivery')
    .leftJoin('tenant', 'tenant.id', 'delivery.tenant_id')
    .leftJoin('report', 'report.id', 'delivery.report_id')
    .select([
      'delivery.id',
      'delivery.kind',
      'delivery.report_id',
      'report.reference',
      'delivery.channel',
      'delivery.target',
      'delivery.status',
      'delivery.attempts',
      'delivery.next_attempt_at',
      'delivery.last_error',
      'delivery.sent_at',
      'delivery.created_at',
    ])
    .where((eb) =>
      options.tenantSlug === null ? eb('delivery.tenant_id', 'is', null) : eb('tenant.slug', '=', options.tenantSlug),
    )
    .orderBy('delivery.created_at', 'desc')
    .orderBy('delivery.id')
    .limit(options.limit ?? 100);
  if (options.status) query = query.where('delivery.status', '=', options.status);
  return query.execute();
}

/**
 * Re-drives deliveries: failed ones (and retrying ones, which then go at once) are queued again, due
 * now, with a fresh give-up window. Sent deliveries are left alone. Returns how many were queued.
 */
export async function redriveDeliveries(db: Db, which: { tenantSlug: string } | { id: string }): Promise<number> {
  let query = db
    .updateTable('delivery')
    .set({
      status: 'queued',
      next_attempt_at: sql<Date>`now()`,
      redriven_at: sql<Date>`now()`,
      locked_until: null,
    })
    .where('status', 'in', ['failed', 'retrying']);
  if ('id' in which) {
    query = query.where('id', '=', which.id);
  } else {
    query = query.where('tenant_id', '=', (eb) =>
      eb.selectFrom('tenant').select('id').where('slug', '=', which.tenantSlug),
    );
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
