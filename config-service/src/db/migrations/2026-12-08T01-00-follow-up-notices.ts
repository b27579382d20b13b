import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The follow-up's notices (issue 15) share the outbox with the report's own deliveries, and the outbox
 * allowed one row per report, channel and target: a reply notice to the municipality's address would
 * collide with the report's own forwarding to that same address, and a second reporter notice (target
 * `reporter`) with the first. The rule was meant for the forwarding — a report is delivered to each of
 * its targets once — so it now holds for `kind = 'report'` only; notices may be many per report.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table delivery drop constraint delivery_report_channel_target`.execute(db);
  await sql`create unique index delivery_report_channel_target on delivery (report_id, channel, target)
    where kind = 'report'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('delivery').where('kind', 'in', ['reporter-notice', 'reply-notice']).execute();
  await sql`drop index delivery_report_channel_target`.execute(db);
  await sql`alter table delivery add constraint delivery_report_channel_target unique (report_id, channel, target)`.execute(
    db,
  );
}
