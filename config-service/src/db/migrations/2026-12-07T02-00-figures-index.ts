import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The figures (issue 14) count one tenant's reports of a period by role, part of day, delay, hour and
 * 500 m square: with these columns in the index on (tenant_id, received_at) the counts are read from the
 * index alone (an index-only scan), not from the report rows — a month of a 200,000-report tenant is
 * tens of thousands of rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index report_figures on report (tenant_id, received_at)
    include (occurred_at, time_precision, part_of_day, role, grid_e, grid_n, categories)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('report_figures').execute();
}
