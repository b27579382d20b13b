import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The back office (issue 14): a report's handling (status, referral, closing reason, assignee, a
 * revision for `If-Match`), when retention erased its contact details, whether it was seeded for the
 * demo, and the hotspot grid's cell it lies in; internal notes, the handling's timeline, and the
 * officers' saved inbox views.
 *
 * The grid cell is computed by the database from the point (a stored generated column, so every report
 * — old, new, imported — has it, and figures group by it with an index): the point in the Dutch national
 * grid (RD New, EPSG:28992) by the published approximation formulas of Schreutelaar (accurate to about a
 * metre inside the Netherlands), floored to the 500 m square CBS publishes statistics on; the south-west
 * corner's easting and northing in metres.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // dφ = 0.36 (φ − 52.15517440), dλ = 0.36 (λ − 5.38720621)
  const p = sql`(0.36 * (location_lat - 52.15517440))`;
  const l = sql`(0.36 * (location_lng - 5.38720621))`;
  const easting = sql`(155000 + 190094.945 * ${l} - 11832.228 * ${p} * ${l} - 114.221 * ${p} ^ 2 * ${l}
    - 32.391 * ${l} ^ 3 - 0.705 * ${p} - 2.340 * ${p} ^ 3 * ${l} - 0.608 * ${p} * ${l} ^ 3
    - 0.008 * ${l} ^ 2 + 0.148 * ${p} ^ 2 * ${l} ^ 3)`;
  const northing = sql`(463000 + 309056.544 * ${p} + 3638.893 * ${l} ^ 2 + 73.077 * ${p} ^ 2
    - 157.984 * ${p} * ${l} ^ 2 + 59.788 * ${p} ^ 3 + 0.433 * ${l} - 6.439 * ${p} ^ 2 * ${l} ^ 2
    - 0.032 * ${p} * ${l} + 0.092 * ${l} ^ 4 - 0.054 * ${p} * ${l} ^ 4)`;

  await db.schema
    .alterTable('report')
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('new')
        .check(sql`status in ('new', 'in-progress', 'referred', 'closed')`),
    )
    .addColumn('referred_to', 'text')
    .addColumn('closing_reason', 'text')
    .addColumn('assignee_id', 'uuid', (col) => col.references('staff.id').onDelete('set null'))
    .addColumn('revision', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('status_changed_at', 'timestamptz')
    .addColumn('contact_erased_at', 'timestamptz')
    .addColumn('demo', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('grid_e', 'integer', (col) =>
      col.generatedAlwaysAs(sql`(floor(${easting} / 500) * 500)::integer`).stored(),
    )
    .addColumn('grid_n', 'integer', (col) =>
      col.generatedAlwaysAs(sql`(floor(${northing} / 500) * 500)::integer`).stored(),
    )
    .execute();

  // The inbox: newest first per tenant, keyset on (received_at, id); by status too.
  await db.schema
    .createIndex('report_tenant_received_id')
    .on('report')
    .columns(['tenant_id', 'received_at', 'id'])
    .execute();
  await db.schema
    .createIndex('report_tenant_status_received')
    .on('report')
    .columns(['tenant_id', 'status', 'received_at', 'id'])
    .execute();

  await db.schema
    .createTable('report_note')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id').onDelete('cascade'))
    .addColumn('report_id', 'uuid', (col) => col.notNull().references('report.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (col) => col.references('staff.id').onDelete('set null'))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('report_note_report').on('report_note').columns(['report_id', 'created_at']).execute();

  // The handling's timeline as the detail page shows it: deleted with the report (the audit log keeps
  // who did what, without content).
  await db.schema
    .createTable('report_event')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id').onDelete('cascade'))
    .addColumn('report_id', 'uuid', (col) => col.notNull().references('report.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (col) => col.references('staff.id').onDelete('set null'))
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .check(sql`kind in ('status-changed', 'assigned', 'note-added', 'contact-revealed', 'delivery-retried')`),
    )
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('report_event_report').on('report_event').columns(['report_id', 'created_at']).execute();

  await db.schema
    .createTable('saved_view')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('query', 'text', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('saved_view_tenant_name', ['tenant_id', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saved_view').execute();
  await db.schema.dropTable('report_event').execute();
  await db.schema.dropTable('report_note').execute();
  await db.schema.dropIndex('report_tenant_status_received').execute();
  await db.schema.dropIndex('report_tenant_received_id').execute();
  await db.schema
    .alterTable('report')
    .dropColumn('grid_n')
    .dropColumn('grid_e')
    .dropColumn('demo')
    .dropColumn('contact_erased_at')
    .dropColumn('status_changed_at')
    .dropColumn('revision')
    .dropColumn('assignee_id')
    .dropColumn('closing_reason')
    .dropColumn('referred_to')
    .dropColumn('status')
    .execute();
}
