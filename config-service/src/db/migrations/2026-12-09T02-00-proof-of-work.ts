import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Issue 16, proof of work. `proof_redemption`: the challenges already used for a report, so each is
 * good for one (keyed by a hash of the challenge's signature — nothing about the reporter), kept until
 * the challenge has expired anyway. `report_source_received`: a tenant's intake by hour through its
 * own widget, read to raise the difficulty during a flood.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('proof_redemption')
    .addColumn('challenge_hash', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proof_redemption_expires').on('proof_redemption').column('expires_at').execute();
  await sql`create index report_source_received on report (source_tenant_id, received_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index report_source_received`.execute(db);
  await db.schema.dropTable('proof_redemption').execute();
}
