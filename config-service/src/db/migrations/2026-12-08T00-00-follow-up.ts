import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Anonymous follow-up by receipt code (issue 15).
 * - `report.receipt_hash`: HMAC-SHA256 of the receipt code under the receipt key `receipt_key_id`
 *   (keys are never in the database), so a dump can neither find a report by its code nor give a code.
 * - Status `waiting` (for the reporter).
 * - `report_message`: the thread between the municipality and the reporter (apart from internal notes).
 * - `report_feedback`: "how was reporting for you?" after sending and after closing, one of each.
 * - `report_withdrawal`: what is left of a report its reporter withdrew — its reference and dates only.
 * - Outbox kinds `reporter-notice` (content-free "there is a new message", to the reporter's sealed
 *   address) and `reply-notice` (content-free "the reporter replied to <reference>", to the tenant).
 * Messages, feedback and notices go with their report (on delete cascade): retention deletes them with it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('report')
    .addColumn('receipt_key_id', 'smallint')
    .addColumn('receipt_hash', 'text')
    .execute();
  await sql`alter table report add constraint report_receipt check ((receipt_key_id is null) = (receipt_hash is null))`.execute(
    db,
  );
  await db.schema.createIndex('report_receipt_hash').unique().on('report').column('receipt_hash').execute();

  await sql`alter table report drop constraint report_status_check`.execute(db);
  await sql`alter table report add constraint report_status_check
    check (status in ('new', 'in-progress', 'waiting', 'referred', 'closed'))`.execute(db);

  await sql`alter table report_event drop constraint report_event_kind_check`.execute(db);
  await sql`alter table report_event add constraint report_event_kind_check check (kind in (
    'status-changed', 'assigned', 'note-added', 'contact-revealed', 'delivery-retried',
    'message-sent', 'reporter-replied', 'contact-erased-by-reporter'))`.execute(db);

  await db.schema
    .createTable('report_message')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id').onDelete('cascade'))
    .addColumn('report_id', 'uuid', (col) => col.notNull().references('report.id').onDelete('cascade'))
    .addColumn('sender', 'text', (col) => col.notNull().check(sql`sender in ('municipality', 'reporter')`))
    .addColumn('author_id', 'uuid', (col) => col.references('staff.id').onDelete('set null'))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('report_message_report')
    .on('report_message')
    .columns(['report_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('report_feedback')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id').onDelete('cascade'))
    .addColumn('report_id', 'uuid', (col) => col.notNull().references('report.id').onDelete('cascade'))
    .addColumn('moment', 'text', (col) => col.notNull().check(sql`moment in ('sent', 'closed')`))
    .addColumn('rating', 'smallint', (col) => col.notNull().check(sql`rating between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('report_feedback_report_moment', ['report_id', 'moment'])
    .execute();
  await db.schema
    .createIndex('report_feedback_tenant')
    .on('report_feedback')
    .columns(['tenant_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('report_withdrawal')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id').onDelete('cascade'))
    /** The withdrawn report's id, so its old link answers "withdrawn" rather than "not found". */
    .addColumn('report_id', 'uuid', (col) => col.notNull().unique())
    .addColumn('reference', 'text', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    .addColumn('withdrawn_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('report_withdrawal_tenant')
    .on('report_withdrawal')
    .columns(['tenant_id', 'withdrawn_at'])
    .execute();

  await sql`alter table delivery drop constraint delivery_kind_check`.execute(db);
  await sql`alter table delivery add constraint delivery_kind_check
    check (kind in ('report', 'invitation', 'test', 'reporter-notice', 'reply-notice'))`.execute(db);
  await sql`alter table delivery drop constraint delivery_kind_subject`.execute(db);
  await sql`alter table delivery add constraint delivery_kind_subject check (
    (kind in ('report', 'reporter-notice', 'reply-notice') and report_id is not null and tenant_id is not null and invitation_id is null and sealed_link is null and test_delivery_id is null)
    or (kind = 'invitation' and invitation_id is not null and report_id is null and test_delivery_id is null)
    or (kind = 'test' and test_delivery_id is not null and tenant_id is not null and report_id is null and invitation_id is null and sealed_link is null))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('delivery').where('kind', 'in', ['reporter-notice', 'reply-notice']).execute();
  await sql`alter table delivery drop constraint delivery_kind_subject`.execute(db);
  await sql`alter table delivery add constraint delivery_kind_subject check (
    (kind = 'report' and report_id is not null and tenant_id is not null and invitation_id is null and sealed_link is null and test_delivery_id is null)
    or (kind = 'invitation' and invitation_id is not null and report_id is null and test_delivery_id is null)
    or (kind = 'test' and test_delivery_id is not null and tenant_id is not null and report_id is null and invitation_id is null and sealed_link is null))`.execute(
    db,
  );
  await sql`alter table delivery drop constraint delivery_kind_check`.execute(db);
  await sql`alter table delivery add constraint delivery_kind_check check (kind in ('report', 'invitation', 'test'))`.execute(
    db,
  );
  await db.schema.dropTable('report_withdrawal').execute();
  await db.schema.dropTable('report_feedback').execute();
  await db.schema.dropTable('report_message').execute();
  await db
    .deleteFrom('report_event')
    .where('kind', 'in', ['message-sent', 'reporter-replied', 'contact-erased-by-reporter'])
    .execute();
  await sql`alter table report_event drop constraint report_event_kind_check`.execute(db);
  await sql`alter table report_event add constraint report_event_kind_check check (kind in (
    'status-changed', 'assigned', 'note-added', 'contact-revealed', 'delivery-retried'))`.execute(db);
  await db.updateTable('report').set({ status: 'in-progress' }).where('status', '=', 'waiting').execute();
  await sql`alter table report drop constraint report_status_check`.execute(db);
  await sql`alter table report add constraint report_status_check
    check (status in ('new', 'in-progress', 'referred', 'closed'))`.execute(db);
  await db.schema.dropIndex('report_receipt_hash').execute();
  await sql`alter table report drop constraint report_receipt`.execute(db);
  await db.schema.alterTable('report').dropColumn('receipt_hash').dropColumn('receipt_key_id').execute();
}
