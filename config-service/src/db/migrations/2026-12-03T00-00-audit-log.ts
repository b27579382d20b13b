import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The audit log (`audit/`): who did what, when — one hash chain per tenant and one for the platform
 * (`tenant_id` null), told apart by `chain` (the tenant's id, or `platform`). An entry's `sequence`
 * counts from 1 in its chain; (chain, sequence) is unique, so two appenders that both read the same
 * head cannot both write the next entry (the advisory lock of the append already keeps them apart).
 *
 * Append-only: a trigger refuses UPDATE and TRUNCATE always, and DELETE except on one narrow path —
 * offboarding erases a whole tenant chain, and only in a transaction that has named that tenant in
 * `meldpunt.audit_erase_tenant` and whose platform chain already records its `tenant.offboarded`
 * entry (so the erasure is itself audited). The platform chain is never deleted. The foreign key to
 * `tenant` (no cascade) keeps a tenant from being deleted while its chain remains.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_entry')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('tenant_id', 'uuid', (col) => col.references('tenant.id'))
    .addColumn('chain', 'text', (col) =>
      col
        .notNull()
        .generatedAlwaysAs(sql`coalesce(tenant_id::text, 'platform')`)
        .stored(),
    )
    .addColumn('sequence', 'integer', (col) => col.notNull().check(sql`sequence >= 1`))
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('actor_kind', 'text', (col) => col.check(sql`actor_kind in ('staff', 'system', 'cli')`))
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('target_kind', 'text')
    .addColumn('target_id', 'text')
    .addColumn('details', 'jsonb', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addUniqueConstraint('audit_entry_chain_sequence', ['chain', 'sequence'])
    .addCheckConstraint('audit_entry_actor', sql`(actor_kind = 'staff') = (actor_id is not null)`)
    .addCheckConstraint('audit_entry_target', sql`(target_kind is null) = (target_id is null)`)
    .execute();

  // The offboarding path looks up the platform chain's record of an erasure per deleted row.
  await sql`create index audit_entry_offboarded on audit_entry (target_id)
    where tenant_id is null and action = 'tenant.offboarded'`.execute(db);

  await sql`
    create function audit_entry_refuse_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and old.tenant_id is not null
        and current_setting('meldpunt.audit_erase_tenant', true) = old.tenant_id::text then
        if exists (
          select 1 from audit_entry p
          where p.tenant_id is null and p.action = 'tenant.offboarded'
            and p.target_kind = 'tenant' and p.target_id = old.tenant_id::text
        ) then
          return old;
        end if;
      end if;
      raise exception 'audit_entry is append-only: % refused', tg_op;
    end
    $$`.execute(db);
  await sql`
    create function audit_entry_refuse_truncate() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_entry is append-only: TRUNCATE refused';
    end
    $$`.execute(db);
  await sql`create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change()`.execute(db);
  await sql`create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_refuse_truncate()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_entry').execute();
  await sql`drop function audit_entry_refuse_truncate()`.execute(db);
  await sql`drop function audit_entry_refuse_change()`.execute(db);
}
