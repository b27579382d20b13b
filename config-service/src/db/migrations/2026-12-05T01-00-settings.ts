import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Private settings edited in the console, and the test delivery.
 *
 * `tenant.settings_revision` is the version an admin's `If-Match` names (a stale save gets 412), with
 * who saved last and when; `tenant.webhook_secret_created_at` is when the service generated the
 * current webhook secret (the secret itself is shown once and never read back through the API).
 *
 * `test_delivery`: one "send a test delivery" request of a tenant. Its outbox rows are `delivery`
 * rows of the new kind `test`: no report (so never in the inbox or the figures), sent by the same
 * worker through the same channels, with the same retries and outcome. Deleting the request (or the
 * tenant) deletes its rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('tenant')
    .addColumn('settings_revision', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('settings_updated_by', 'uuid', (col) => col.references('staff.id').onDelete('set null'))
    .addColumn('settings_updated_at', 'timestamptz')
    .addColumn('webhook_secret_created_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('test_delivery')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id').onDelete('cascade'))
    .addColumn('requested_by', 'uuid', (col) => col.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('test_delivery_tenant_created')
    .on('test_delivery')
    .columns(['tenant_id', 'created_at'])
    .execute();

  await db.schema
    .alterTable('delivery')
    .addColumn('test_delivery_id', 'uuid', (col) => col.references('test_delivery.id').onDelete('cascade'))
    .execute();
  await sql`alter table delivery drop constraint delivery_kind_check`.execute(db);
  await sql`alter table delivery add constraint delivery_kind_check check (kind in ('report', 'invitation', 'test'))`.execute(
    db,
  );
  await sql`alter table delivery drop constraint delivery_kind_subject`.execute(db);
  await sql`alter table delivery add constraint delivery_kind_subject check (
    (kind = 'report' and report_id is not null and tenant_id is not null and invitation_id is null and sealed_link is null and test_delivery_id is null)
    or (kind = 'invitation' and invitation_id is not null and report_id is null and test_delivery_id is null)
    or (kind = 'test' and test_delivery_id is not null and tenant_id is not null and report_id is null and invitation_id is null and sealed_link is null))`.execute(
    db,
  );
  await db.schema.createIndex('delivery_test_delivery').on('delivery').column('test_delivery_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('delivery').where('kind', '=', 'test').execute();
  await sql`alter table delivery drop constraint delivery_kind_subject`.execute(db);
  await sql`alter table delivery add constraint delivery_kind_subject check (
    (kind = 'report' and report_id is not null and tenant_id is not null and invitation_id is null and sealed_link is null)
    or (kind = 'invitation' and invitation_id is not null and report_id is null))`.execute(db);
  await sql`alter table delivery drop constraint delivery_kind_check`.execute(db);
  await sql`alter table delivery add constraint delivery_kind_check check (kind in ('report', 'invitation'))`.execute(
    db,
  );
  await db.schema.alterTable('delivery').dropColumn('test_delivery_id').execute();
  await db.schema.dropTable('test_delivery').execute();
  await db.schema
    .alterTable('tenant')
    .dropColumn('settings_revision')
    .dropColumn('settings_updated_by')
    .dropColumn('settings_updated_at')
    .dropColumn('webhook_secret_created_at')
    .execute();
}
