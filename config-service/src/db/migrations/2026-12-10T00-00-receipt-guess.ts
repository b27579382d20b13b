import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Issue 16: failed receipt-code look-ups per client (issue 15), shared by every service instance on this
 * database like the rate limits' windows. One row per limit (`scope`), client (a keyed hash under the
 * day's client key, never an address) and UTC day: the day's failures and until when the client waits.
 * Counted up atomically by `INSERT … ON CONFLICT … DO UPDATE … WHERE blocked_until <= now`.
 *
 * Unlogged, as `rate_limit_window`: a crash that empties it gives every client a fresh day, no more.
 * Rows are deleted after their day by `expires_at` (`follow-up/guess-limiter.ts`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unlogged table receipt_guess (
    scope text not null,
    client_hash text not null,
    failures integer not null check (failures >= 0),
    blocked_until timestamptz not null,
    expires_at timestamptz not null,
    primary key (scope, client_hash)
  )`.execute(db);
  await sql`create index receipt_guess_expires_at on receipt_guess (expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table receipt_guess`.execute(db);
}
