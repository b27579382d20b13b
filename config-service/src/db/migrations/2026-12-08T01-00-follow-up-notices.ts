import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Issue 15: the follow-up's notices share the outbox with the report's own deliveries, so "one row per
 * report, channel and target" holds for the forwarded report only. A reply notice goes to the same
 * addresses the report went to, and every message or reply makes a new notice — under the old
 * constraint the first reply notice already collided with the report's own delivery.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table delivery drop constraint delivery_report_channel_target`.execute(db);
  await db.schema
    .createIndex('delivery_report_channel_target')
    .unique()
    .on('delivery')
    .columns(['report_id', 'channel', 'target'])
    .where(sql.ref('kind'), '=', 'report')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('delivery').where('kind', 'in', ['reporter-notice', 'reply-notice']).execute();
  await db.schema.dropIndex('delivery_report_channel_target').execute();
  await sql`alter table delivery add constraint delivery_report_channel_target unique (report_id, channel, target)`.execute(
    db,
  );
}
