import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Issue 16: the rate limits' counts, shared by every service instance on this database. One row per
 * limit (`scope`: whose limit, e.g. reports sent through one tenant's widget), client (a keyed hash
 * under the day's client key, never an address) and window, counted up atomically by
 * `INSERT … ON CONFLICT … DO UPDATE … WHERE count < limit`.
 *
 * Unlogged: counts that last an hour are not worth a write-ahead-log entry per report, and a crash or
 * failover that empties the table only gives every client a fresh window. Expired windows are deleted
 * by `expires_at` (`limits/limit-store.ts`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unlogged table rate_limit_window (
    scope text not null,
    client_hash text not null,
    window_start timestamptz not null,
    count integer not null check (count >= 0),
    expires_at timestamptz not null,
    primary key (scope, client_hash, window_start)
  )`.execute(db);
  await sql`create index rate_limit_window_expires_at on rate_limit_window (expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table rate_limit_window`.execute(db);
}
