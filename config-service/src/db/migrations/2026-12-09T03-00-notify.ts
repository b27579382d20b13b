import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Issue 16: several service instances and workers on one PostgreSQL tell each other what changed, through
 * `NOTIFY` (delivered on commit, only if the transaction commits; identical notices within one
 * transaction are folded into one):
 * - `meldpunt_delivery` (no payload): a delivery became due now — an outbox row was written (a report,
 *   invitation, notice or test delivery, by any instance) or re-driven. Workers `LISTEN` and look at once
 *   instead of at their next poll.
 * - `meldpunt_tenant` (the slug, never anything else): a tenant row changed — a config published or
 *   restored, private settings saved, a tenant onboarded or offboarded. Every instance forgets its cached
 *   copy, so a publish through one instance is served by all within moments.
 * Triggers, so that every path that writes these rows (the service, `pnpm tenant:import`, a re-drive)
 * notifies without each having to remember it. PGlite runs them too; there only the one process listens.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function meldpunt_notify_delivery() returns trigger language plpgsql as $$
    begin
      perform pg_notify('meldpunt_delivery', '');
      return null;
    end $$`.execute(db);
  await sql`create trigger delivery_notify_insert after insert on delivery
    for each statement execute function meldpunt_notify_delivery()`.execute(db);
  // A re-drive (or anything else) making a row due now; a retry scheduled for later stays with the poll.
  await sql`create trigger delivery_notify_due after update of status on delivery
    for each row when (new.status = 'queued' and old.status <> 'queued' and new.next_attempt_at <= now())
    execute function meldpunt_notify_delivery()`.execute(db);
  await sql`
    create function meldpunt_notify_tenant() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        perform pg_notify('meldpunt_tenant', old.slug);
      else
        perform pg_notify('meldpunt_tenant', new.slug);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger tenant_notify after insert or update or delete on tenant
    for each row execute function meldpunt_notify_tenant()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger tenant_notify on tenant`.execute(db);
  await sql`drop function meldpunt_notify_tenant()`.execute(db);
  await sql`drop trigger delivery_notify_due on delivery`.execute(db);
  await sql`drop trigger delivery_notify_insert on delivery`.execute(db);
  await sql`drop function meldpunt_notify_delivery()`.execute(db);
}
