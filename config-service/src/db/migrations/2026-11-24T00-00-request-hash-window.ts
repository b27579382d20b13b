import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * `report.request_hash` was an unkeyed SHA-256 of the whole body, contact details included, so a guess
 * at a reporter's phone number or e-mail address could be checked against a database dump. From now on
 * it is keyed (HMAC with a key from SERVER_SECRET) and kept only for the 48-hour replay window. The old
 * hashes cannot be turned into keyed ones, so they go now, with their idempotency keys (a retry of a
 * report sent before the upgrade is stored as a new report). The partial index lets retention find the
 * few rows still inside the window without reading the whole table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update report set idempotency_key = null, request_hash = null
    where idempotency_key is not null or request_hash is not null`.execute(db);
  await sql`create index report_replay_window on report (received_at)
    where idempotency_key is not null or request_hash is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index report_replay_window`.execute(db);
}
