/** The tables of the configuration console: `tenant_config_draft` and the history of `tenant_config_version`. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { TenantConfig } from '@meldpunt/contracts';
import type { Database } from '../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface DraftRow {
  config: TenantConfig;
  revision: number;
  based_on_version: number | null;
  updated_at: Date;
  updated_by: string | null;
  updated_by_name: string | null;
}

export interface VersionRow {
  version: number;
  published_at: Date | null;
  published_by: string | null;
  published_by_name: string | null;
  note: string | null;
  restored_from: number | null;
}

/**
 * The tenant's published version, its row locked until the transaction ends: saves, publishes and
 * imports of one tenant take their turn, so two of them never both read the same revision.
 */
export async function lockTenant(
  trx: Db,
  tenantId: string,
): Promise<{ published_version: number | null; name: string } | undefined> {
  return trx
    .selectFrom('tenant')
    .select(['published_version', 'name'])
    .where('id', '=', tenantId)
    .forUpdate()
    .executeTakeFirst();
}

export async function findDraft(db: Db, tenantId: string): Promise<DraftRow | undefined> {
  return db
    .selectFrom('tenant_config_draft as d')
    .leftJoin('staff', 'staff.id', 'd.updated_by')
    .select(['d.config', 'd.revision', 'd.based_on_version', 'd.updated_at', 'd.updated_by'])
    .select('staff.name as updated_by_name')
    .where('d.tenant_id', '=', tenantId)
    .executeTakeFirst();
}

export async function upsertDraft(
  db: Db,
  draft: {
    tenantId: string;
    config: TenantConfig;
    revision: number;
    basedOn: number | null;
    staffId: string;
    at: Date;
  },
): Promise<void> {
  const values = {
    config: JSON.stringify(draft.config),
    revision: draft.revision,
    based_on_version: draft.basedOn,
    updated_by: draft.staffId,
    updated_at: draft.at,
  };
  await db
    .insertInto('tenant_config_draft')
    .values({ tenant_id: draft.tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}

/** Sets the draft aside once what it started from is no longer what is published; true when there was one. */
export async function deleteDraft(db: Db, tenantId: string): Promise<boolean> {
  const result = await db.deleteFrom('tenant_config_draft').where('tenant_id', '=', tenantId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** One version's config, or undefined. */
export async function findVersionConfig(
  db: Db,
  tenantId: string,
  version: number,
): Promise<{ config: TenantConfig } | undefined> {
  return db
    .selectFrom('tenant_config_version')
    .select('config')
    .where('tenant_id', '=', tenantId)
    .where('version', '=', version)
    .executeTakeFirst();
}

function versionRows(db: Db, tenantId: string) {
  return db
    .selectFrom('tenant_config_version as v')
    .leftJoin('staff', 'staff.id', 'v.published_by')
    .select(['v.version', 'v.published_at', 'v.published_by', 'v.note', 'v.restored_from'])
    .select('staff.name as published_by_name')
    .where('v.tenant_id', '=', tenantId);
}

/** The history, newest first (only versions that were published). */
export async function listVersions(db: Db, tenantId: string): Promise<VersionRow[]> {
  return versionRows(db, tenantId).where('v.published_at', 'is not', null).orderBy('v.version', 'desc').execute();
}

export async function findVersion(
  db: Db,
  tenantId: string,
  version: number,
): Promise<(VersionRow & { config: TenantConfig }) | undefined> {
  return versionRows(db, tenantId).select('v.config').where('v.version', '=', version).executeTakeFirst();
}

/** Inserts the next version (one above the highest) and publishes it; returns its number. */
export async function publishNewVersion(
  db: Db,
  version: {
    tenantId: string;
    config: TenantConfig;
    note: string | null;
    publishedBy: string | null;
    restoredFrom?: number;
    at: Date;
  },
): Promise<number> {
  const { next } = await db
    .selectFrom('tenant_config_version')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
    .where('tenant_id', '=', version.tenantId)
    .executeTakeFirstOrThrow();
  const number = Number(next);
  await db
    .insertInto('tenant_config_version')
    .values({
      tenant_id: version.tenantId,
      version: number,
      config: JSON.stringify(version.config),
      note: version.note,
      published_by: version.publishedBy,
      restored_from: version.restoredFrom ?? null,
      published_at: version.at,
    })
    .execute();
  await db
    .updateTable('tenant')
    .set({ published_version: number, name: version.config.name, updated_at: version.at })
    .where('id', '=', version.tenantId)
    .execute();
  return number;
}

/** The details of this person's last `config.draft-saved` entry in the tenant's chain, with its time. */
export async function lastDraftSavedEntry(
  db: Db,
  tenantId: string,
  staffId: string,
): Promise<{ occurred_at: Date; details: unknown } | undefined> {
  return db
    .selectFrom('audit_entry')
    .select(['occurred_at', 'details'])
    .where('chain', '=', tenantId)
    .where('action', '=', 'config.draft-saved')
    .where('actor_kind', '=', 'staff')
    .where('actor_id', '=', staffId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
}
