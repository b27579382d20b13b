import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Onboarding and offboarding.
 *
 * The outbox (`delivery`) carries staff mail too: a row is now of a `kind` — `report` (the forwarded
 * report, as before) or `invitation` (the mail with an invitation link). One table, so the same
 * worker claims, retries, backs off and gives up on both, and `pnpm deliveries:list` / `:retry` show
 * and re-drive both. An invitation mail has no report (and, for an invitation of the platform only,
 * no tenant); it names its invitation, and withdrawing the invitation takes its unsent mail with it.
 * Its link is a secret: `sealed_link` holds it sealed with the contact key ring, bound to the row, and
 * only until the mail is sent (then it is cleared).
 *
 * `tenant_export`: every complete export of a tenant (offboarding's first step); deleting a tenant
 * needs one finished in the last 24 hours. The audit log records when an export starts; this row
 * records that the whole document was written.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('delivery')
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .defaultTo('report')
        .check(sql`kind in ('report', 'invitation')`),
    )
    .execute();
  await db.schema
    .alterTable('delivery')
    .alterColumn('report_id', (col) => col.dropNotNull())
    .execute();
  await db.schema
    .alterTable('delivery')
    .alterColumn('tenant_id', (col) => col.dropNotNull())
    .execute();
  await db.schema
    .alterTable('delivery')
    .addColumn('invitation_id', 'uuid', (col) => col.references('invitation.id').onDelete('cascade'))
    .execute();
  await db.schema.alterTable('delivery').addColumn('sealed_link', 'bytea').execute();
  await sql`alter table delivery add constraint delivery_kind_subject check (
    (kind = 'report' and report_id is not null and tenant_id is not null and invitation_id is null and sealed_link is null)
    or (kind = 'invitation' and invitation_id is not null and report_id is null))`.execute(db);
  await db.schema.createIndex('delivery_invitation').on('delivery').column('invitation_id').execute();

  await db.schema
    .createTable('tenant_export')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id').onDelete('cascade'))
    .addColumn('staff_id', 'uuid', (col) => col.references('staff.id').onDelete('set null'))
    .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('tenant_export_tenant').on('tenant_export').column('tenant_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tenant_export').execute();
  await db.deleteFrom('delivery').where('kind', '<>', 'report').execute();
  await sql`alter table delivery drop constraint delivery_kind_subject`.execute(db);
  await db.schema
    .alterTable('delivery')
    .dropColumn('sealed_link')
    .dropColumn('invitation_id')
    .dropColumn('kind')
    .execute();
  await db.schema
    .alterTable('delivery')
    .alterColumn('tenant_id', (col) => col.setNotNull())
    .execute();
  await db.schema
    .alterTable('delivery')
    .alterColumn('report_id', (col) => col.setNotNull())
    .execute();
}
