import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Tenants' logos, in the database (service instances are stateless). A row is one re-encoded image
 * (WebP), named by the SHA-256 of its bytes; the same image uploaded twice by one tenant is one row.
 * Removed with its tenant; the retention job removes those no config version references any more.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('logo')
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id').onDelete('cascade'))
    .addColumn('hash', 'text', (col) => col.notNull())
    .addColumn('image', 'bytea', (col) => col.notNull())
    .addColumn('width', 'integer', (col) => col.notNull())
    .addColumn('height', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('logo_pkey', ['tenant_id', 'hash'])
    .execute();
  // Served by hash alone (`/api/v1/logos/:hash.webp`).
  await db.schema.createIndex('logo_hash').on('logo').column('hash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('logo').execute();
}
