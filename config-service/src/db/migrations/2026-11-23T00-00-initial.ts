import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenant')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('municipality', 'national')`))
    .addColumn('is_demo', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('settings', 'jsonb', (col) => col.notNull())
    .addColumn('published_version', 'integer')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('tenant_config_version')
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id').onDelete('cascade'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('config', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .addPrimaryKeyConstraint('tenant_config_version_pkey', ['tenant_id', 'version'])
    .execute();

  await db.schema
    .createTable('report')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id'))
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('categories', sql`text[]`, (col) => col.notNull())
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('time_precision', 'text', (col) => col.notNull())
    .addColumn('part_of_day', 'text')
    .addColumn('location_lat', 'double precision')
    .addColumn('location_lng', 'double precision')
    .addColumn('location_text', 'text')
    .addColumn('location_source', 'text')
    .addColumn('location_accuracy', 'double precision')
    .addColumn('description', 'text')
    .addColumn('intervened', 'text')
    .addColumn('extra', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('contact_sealed', 'bytea')
    .addColumn('wants_follow_up', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('config_version', 'integer', (col) => col.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('request_hash', 'text')
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('report_tenant_idempotency_key', ['tenant_id', 'idempotency_key'])
    .execute();

  await db.schema.createIndex('report_tenant_received').on('report').columns(['tenant_id', 'received_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report').execute();
  await db.schema.dropTable('tenant_config_version').execute();
  await db.schema.dropTable('tenant').execute();
}
