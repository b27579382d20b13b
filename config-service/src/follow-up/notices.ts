import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The follow-up's content-free notices (issue 15), queued in the outbox like a report's deliveries so a
 * mail server that is down delays them but never loses them. They say only that there is something
 * new — never a message, and never the receipt code. So one notice still on its way (queued, retrying
 * or being sent) says it for every later message too: no second one is queued beside it.
 */

/** Outbox states of a notice that has not gone out yet. */
const pending = ['queued', 'retrying', 'sending'] as const;

/**
 * "There is a new message about your report; use your code": to the reporter, when they left an e-mail
 * address and asked for follow-up. The address stays sealed in the report (target `reporter`); the
 * worker opens it when it sends. Returns whether a notice was queued (false too when one is on its way).
 */
export async function queueReporterNotice(db: Db, report: { id: string; tenant_id: string }): Promise<boolean> {
  const row = await db
    .insertInto('delivery')
    .columns(['kind', 'tenant_id', 'report_id', 'channel', 'target'])
    .expression((eb) =>
      eb
        .selectFrom('report')
        .select((s) => [
          s.val('reporter-notice').as('kind'),
          'tenant_id',
          'id',
          s.val('email').as('channel'),
          s.val('reporter').as('target'),
        ])
        .where('id', '=', report.id)
        .where('tenant_id', '=', report.tenant_id)
        .where('wants_follow_up', '=', true)
        .where('contact_sealed', 'is not', null)
        .where((w) =>
          w.not(
            w.exists(
              w
                .selectFrom('delivery')
                .select('delivery.id')
                .whereRef('delivery.report_id', '=', 'report.id')
                .where('delivery.kind', '=', 'reporter-notice')
                .where('delivery.status', 'in', pending),
            ),
          ),
        ),
    )
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * "The reporter replied to <reference>": to each of the receiving tenant's e-mail recipients (the
 * channels a new report goes to), naming the reference only — to those without one on its way. Returns
 * how many were queued.
 */
export async function queueReplyNotices(db: Db, report: { id: string; tenant_id: string }): Promise<number> {
  const tenant = await db
    .selectFrom('tenant')
    .select('settings')
    .where('id', '=', report.tenant_id)
    .executeTakeFirstOrThrow();
  const seen = new Set<string>();
  const waiting = await db
    .selectFrom('delivery')
    .select('target')
    .where('report_id', '=', report.id)
    .where('kind', '=', 'reply-notice')
    .where('status', 'in', pending)
    .execute();
  for (const { target } of waiting) seen.add(target.toLowerCase());
  const targets = tenant.settings.delivery.email
    .map((recipient) => recipient.address)
    .filter((address) => !seen.has(address.toLowerCase()) && seen.add(address.toLowerCase()));
  if (targets.length === 0) return 0;
  await db
    .insertInto('delivery')
    .values(
      targets.map((target) => ({
        kind: 'reply-notice' as const,
        tenant_id: report.tenant_id,
        report_id: report.id,
        channel: 'email' as const,
        target,
      })),
    )
    .execute();
  return targets.length;
}
