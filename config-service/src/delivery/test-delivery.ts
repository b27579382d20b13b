/**
 * "Send a test delivery": a clearly marked test message to every target of a tenant's settings,
 * through the real outbox and worker (SMTP, PGP, webhook signing, retries, classified failures), so an
 * admin sees that reports will arrive. It is no report: its outbox rows are of kind `test` with no
 * `report_id`, so it never shows in the inbox or the figures, and nothing of a reporter is in it.
 * At most `testDeliveryLimit` per tenant per window (counted in the database: every instance agrees).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { testDeliveryLimit, type TestDelivery } from '@meldpunt/contracts';
import type { AuditActor } from '../audit/audit-entry.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database, DeliveryStatus } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';
import { deliveryTargets } from './targets.ts';

export interface TestDeliveryDeps {
  db: Kysely<Database>;
  auditLog: AuditLog;
  /** Wakes the in-process delivery worker once the rows are committed. */
  nudgeDelivery?: () => void;
}

/** Queues a test delivery to every target of the tenant's settings (audited `delivery.tested`); returns it. */
export async function sendTestDelivery(
  deps: TestDeliveryDeps,
  tenantId: string,
  actor: AuditActor,
): Promise<TestDelivery> {
  const id = randomUUID();
  await deps.auditLog.transaction(async (trx, append) => {
    // One request at a time per tenant, so two at once cannot both slip under the limit.
    const tenant = await trx
      .selectFrom('tenant')
      .select('settings')
      .where('id', '=', tenantId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const recent = await trx
      .selectFrom('test_delivery')
      .select([
        sql<number>`count(*)::integer`.as('count'),
        sql<number>`ceil(extract(epoch from (min(created_at) + ${testDeliveryLimit.windowSeconds}::integer * interval '1 second' - now())))::integer`.as(
          'retry_after',
        ),
      ])
      .where('tenant_id', '=', tenantId)
      .where('created_at', '>', sql<Date>`now() - ${testDeliveryLimit.windowSeconds}::integer * interval '1 second'`)
      .executeTakeFirstOrThrow();
    if (recent.count >= testDeliveryLimit.deliveries) {
      throw new DomainError(
        { code: 'too-many-test-deliveries', retryAfterSeconds: Math.max(1, recent.retry_after) },
        'test delivery rate limit',
      );
    }
    const targets = deliveryTargets(tenant.settings);
    if (targets.length === 0) throw new DomainError({ code: 'no-delivery-targets' }, 'no delivery targets');
    await trx
      .insertInto('test_delivery')
      .values({ id, tenant_id: tenantId, requested_by: actor.kind === 'staff' ? actor.id : null })
      .execute();
    await trx
      .insertInto('delivery')
      .values(
        targets.map((t) => ({
          kind: 'test' as const,
          tenant_id: tenantId,
          report_id: null,
          test_delivery_id: id,
          channel: t.channel,
          target: t.target,
        })),
      )
      .execute();
    await append({
      tenantId,
      actor,
      action: 'delivery.tested',
      target: { kind: 'tenant', id: tenantId },
      details: {
        emails: targets.filter((t) => t.channel === 'email').length,
        webhooks: targets.filter((t) => t.channel === 'webhook').length,
      },
    });
  });
  deps.nudgeDelivery?.();
  const [created] = await listTestDeliveries(deps.db, tenantId, { id });
  if (!created) throw new Error('test delivery vanished');
  return created;
}

/** The tenant's latest test deliveries (or the one `id`), newest first, with each target's outcome. */
export async function listTestDeliveries(
  db: Kysely<Database>,
  tenantId: string,
  options: { id?: string; limit?: number } = {},
): Promise<TestDelivery[]> {
  let requests = db
    .selectFrom('test_delivery')
    .select(['id', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(options.limit ?? 10);
  if (options.id) requests = requests.where('id', '=', options.id);
  const rows = await requests.execute();
  if (rows.length === 0) return [];
  const deliveries = await db
    .selectFrom('delivery')
    .select(['test_delivery_id', 'channel', 'target', 'status', 'attempts', 'last_error', 'sent_at'])
    .where(
      'test_delivery_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('channel')
    .orderBy('target')
    .execute();
  return rows.map((row) => {
    const targets = deliveries
      .filter((d) => d.test_delivery_id === row.id)
      .map((d) => ({
        channel: d.channel,
        target: d.target,
        status: d.status,
        attempts: d.attempts,
        error: d.last_error,
        sentAt: d.sent_at?.toISOString() ?? null,
      }));
    return { id: row.id, createdAt: row.created_at.toISOString(), status: overall(targets), targets };
  });
}

/** Failed when one target failed for good, sent when all were sent, else the least advanced state. */
function overall(targets: { status: DeliveryStatus }[]): DeliveryStatus {
  const statuses = new Set(targets.map((t) => t.status));
  if (statuses.has('failed')) return 'failed';
  if (targets.length > 0 && statuses.size === 1 && statuses.has('sent')) return 'sent';
  for (const status of ['retrying', 'sending', 'queued'] as const) if (statuses.has(status)) return status;
  return 'queued';
}
