import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The delivery outbox: one row per report and channel target (an e-mail recipient or the webhook),
 * written in the same statement as the report and claimed by workers with `FOR UPDATE SKIP LOCKED`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('delivery')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id'))
    .addColumn('report_id', 'uuid', (col) => col.notNull().references('report.id').onDelete('cascade'))
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel in ('email', 'webhook')`))
    // The municipality's address or webhook URL; never the reporter's.
    .addColumn('target', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'sending', 'retrying', 'sent', 'failed')`),
    )
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('redriven_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('delivery_report_channel_target', ['report_id', 'channel', 'target'])
    .execute();

  await db.schema
    .createIndex('delivery_status_next_attempt')
    .on('delivery')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('delivery_tenant_created').on('delivery').columns(['tenant_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('delivery').execute();
}
