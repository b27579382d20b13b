/**
 * The `audit_entry` table: the only code that reads or writes it. Plain functions taking `db` or a
 * transaction; `audit-log.ts` composes them.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditEntryTable, Database } from '../db/database.ts';
import type { AuditEntry, AuditInput } from './audit-entry.ts';
import type { HashedFields } from './chain-hash.ts';

export type AuditRow = Selectable<AuditEntryTable>;

/**
 * Serialises appends to one chain until the transaction ends: a transaction-scoped advisory lock on
 * the chain's name (in its own key space, `meldpunt/audit:`), so two service instances never read the
 * same head. Works on PGlite too, where transactions run one at a time anyway.
 */
export async function lockChain(trx: Kysely<Database>, chain: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`meldpunt/audit:${chain}`}, 0))`.execute(trx);
}

/** The newest entry of a chain (its sequence and hash), or undefined for an empty chain. */
export async function chainHead(
  db: Kysely<Database>,
  chain: string,
): Promise<{ sequence: number; hash: string } | undefined> {
  return db
    .selectFrom('audit_entry')
    .select(['sequence', 'hash'])
    .where('chain', '=', chain)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** How many entries a chain holds. */
export async function countChain(db: Kysely<Database>, chain: string): Promise<number> {
  const row = await db
    .selectFrom('audit_entry')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('chain', '=', chain)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertEntry(trx: Kysely<Database>, fields: HashedFields, hash: string): Promise<void> {
  await trx
    .insertInto('audit_entry')
    .values({
      id: fields.id,
      tenant_id: fields.tenantId,
      sequence: fields.sequence,
      occurred_at: fields.occurredAt,
      actor_kind: fields.actorKind as AuditRow['actor_kind'],
      actor_id: fields.actorId,
      action: fields.action,
      target_kind: fields.targetKind,
      target_id: fields.targetId,
      details: JSON.stringify(fields.details),
      hash,
    })
    .execute();
}

/** A chain's entries in order of sequence, from `after` (exclusive) on, at most `limit`. */
export async function entriesAfter(
  db: Kysely<Database>,
  chain: string,
  after: number,
  limit: number,
  upTo?: number,
): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_entry')
    .selectAll()
    .where('chain', '=', chain)
    .where('sequence', '>', after)
    .$if(upTo !== undefined, (q) => q.where('sequence', '<=', upTo ?? 0))
    .orderBy('sequence', 'asc')
    .limit(limit)
    .execute();
}

/**
 * A chain's entries newest first, older than `before` (exclusive; undefined: from the newest), at most `limit`,
 * only those of `action` when given.
 */
export async function entriesBefore(
  db: Kysely<Database>,
  chain: string,
  before: number | undefined,
  limit: number,
  action?: string,
): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_entry')
    .selectAll()
    .where('chain', '=', chain)
    .$if(before !== undefined, (q) => q.where('sequence', '<', before ?? 0))
    .$if(action !== undefined, (q) => q.where('action', '=', action ?? ''))
    .orderBy('sequence', 'desc')
    .limit(limit)
    .execute();
}

/** Every chain in the database, the platform's included once it has an entry. */
export async function chains(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('audit_entry').select('chain').distinct().orderBy('chain').execute();
  return rows.map((r) => r.chain);
}

/** The platform chain's records of erased tenant chains, by tenant id. */
export async function offboardings(db: Kysely<Database>): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_entry')
    .selectAll()
    .where('tenant_id', 'is', null)
    .where('action', '=', 'tenant.offboarded')
    .orderBy('sequence', 'asc')
    .execute();
}

/**
 * Deletes a tenant's whole chain: the one path the trigger lets through, and only in this transaction
 * and only after the platform chain recorded the `tenant.offboarded` entry naming the tenant.
 */
export async function deleteTenantChain(trx: Kysely<Database>, tenantId: string): Promise<number> {
  await sql`select set_config('meldpunt.audit_erase_tenant', ${tenantId}, true)`.execute(trx);
  const result = await trx.deleteFrom('audit_entry').where('tenant_id', '=', tenantId).executeTakeFirst();
  await sql`select set_config('meldpunt.audit_erase_tenant', '', true)`.execute(trx);
  return Number(result.numDeletedRows);
}

/** The hashed fields of a stored row (the same values `chainHash` saw when it was appended). */
export function fieldsOfRow(row: AuditRow): HashedFields {
  return {
    id: row.id,
    chain: row.chain,
    sequence: row.sequence,
    occurredAt: row.occurred_at.toISOString(),
    tenantId: row.tenant_id,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    action: row.action,
    targetKind: row.target_kind,
    targetId: row.target_id,
    details: row.details,
  };
}

/** A stored row as an entry. The row's action and details are as appended (the trigger keeps them so). */
export function entryOfRow(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    chain: row.chain,
    sequence: row.sequence,
    occurredAt: row.occurred_at.toISOString(),
    tenantId: row.tenant_id,
    actor:
      row.actor_kind === 'staff'
        ? { kind: 'staff', id: row.actor_id ?? '' }
        : row.actor_kind === null
          ? null
          : { kind: row.actor_kind },
    action: row.action,
    target: row.target_kind === null ? null : { kind: row.target_kind, id: row.target_id ?? '' },
    details: row.details,
    hash: row.hash,
  } as AuditEntry;
}

/** The hashed fields of a new entry. */
export function fieldsOfInput(
  input: AuditInput,
  at: { id: string; chain: string; sequence: number; occurredAt: string },
): HashedFields {
  return {
    ...at,
    tenantId: input.tenantId,
    actorKind: input.actor?.kind ?? null,
    actorId: input.actor?.kind === 'staff' ? input.actor.id : null,
    action: input.action,
    targetKind: input.target?.kind ?? null,
    targetId: input.target?.id ?? null,
    details: input.details,
  };
}
