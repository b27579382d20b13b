import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Municipal areas for routing reports by location, versioned by the date they take effect (municipalities
 * merge on 1 January): `area_set` is one imported boundary file, `area` its municipalities. A tenant is
 * linked to its municipality by code; a report remembers the tenant it was entered at (`source_tenant_id`)
 * and the municipality its point lies in (`area_code`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('area_set')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // The areas of the newest set whose valid_from is on or before a report's date apply to it.
    .addColumn('valid_from', 'date', (col) => col.notNull().unique())
    // Where the file came from (its name) and a hash of what was imported, so a re-import can be a no-op.
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('content_hash', 'text', (col) => col.notNull())
    .addColumn('imported_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('area')
    .addColumn('set_id', 'uuid', (col) => col.notNull().references('area_set.id').onDelete('cascade'))
    // CBS municipality code, `GM0505`.
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    // GeoJSON MultiPolygon coordinates, WGS84 [lng, lat].
    .addColumn('geometry', 'jsonb', (col) => col.notNull())
    .addPrimaryKeyConstraint('area_pkey', ['set_id', 'code'])
    .execute();

  await db.schema
    .alterTable('tenant')
    .addColumn('municipality_code', 'text', (col) => col.unique())
    .execute();

  await db.schema.alterTable('report').addColumn('source_tenant_id', 'uuid').execute();
  await db.schema.alterTable('report').addColumn('area_code', 'text').execute();
  await sql`update report set source_tenant_id = tenant_id`.execute(db);
  await sql`alter table report alter column source_tenant_id set not null`.execute(db);
  await sql`alter table report add constraint report_source_tenant_fk foreign key (source_tenant_id) references tenant (id)`.execute(
    db,
  );
  // An idempotency key belongs to the widget it came from, wherever the report was routed.
  await sql`alter table report drop constraint report_tenant_idempotency_key`.execute(db);
  await sql`alter table report add constraint report_source_tenant_idempotency_key unique (source_tenant_id, idempotency_key)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table report drop constraint report_source_tenant_idempotency_key`.execute(db);
  await sql`alter table report add constraint report_tenant_idempotency_key unique (tenant_id, idempotency_key)`.execute(
    db,
  );
  await db.schema.alterTable('report').dropColumn('area_code').dropColumn('source_tenant_id').execute();
  await db.schema.alterTable('tenant').dropColumn('municipality_code').execute();
  await db.schema.dropTable('area').execute();
  await db.schema.dropTable('area_set').execute();
}
