import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/** The configuration console: one draft per tenant, and who published each version with which note. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenant_config_draft')
    .addColumn('tenant_id', 'uuid', (col) => col.primaryKey().references('tenant.id').onDelete('cascade'))
    .addColumn('config', 'jsonb', (col) => col.notNull())
    .addColumn('revision', 'integer', (col) => col.notNull().check(sql`revision > 0`))
    .addColumn('based_on_version', 'integer')
    .addColumn('updated_by', 'uuid', (col) => col.references('staff.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .alterTable('tenant_config_version')
    .addColumn('note', 'text')
    .addColumn('published_by', 'uuid', (col) => col.references('staff.id').onDelete('set null'))
    .addColumn('restored_from', 'integer')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('tenant_config_version')
    .dropColumn('restored_from')
    .dropColumn('published_by')
    .dropColumn('note')
    .execute();
  await db.schema.dropTable('tenant_config_draft').execute();
}
