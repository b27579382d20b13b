/**
 * The configuration console's service: one draft per tenant, publishing it as a new immutable
 * version, the history, and restoring an old version as a new one. Every change and its audit entry
 * commit in one transaction; the tenant's row is locked first, so saves and publishes of one tenant
 * take turns.
 *
 * The draft's `etag` is `"<based-on version>.<revision>"`: a save needs the current one (`If-Match`),
 * so a second editor with a stale page gets the draft as it is now instead of overwriting it. A
 * publish, a restore or an import sets the draft aside (it was published, or something newer was):
 * the next read starts from the new published config, with a new etag, so an editor still holding
 * the old one is told who published meanwhile and keeps their text to merge.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import {
  brandingContrastChecks,
  textCompleteness,
  type ConfigDraft,
  type ConfigVersion,
  type ConfigVersionList,
  type ConfigVersionSummary,
  type DraftConflict,
  type TenantConfig,
} from '@meldpunt/contracts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TenantCache } from './tenant-cache.ts';
import { assertPublishable, draftConfigOf, publishBlockers } from './config-checks.ts';
import {
  deleteDraft,
  findDraft,
  findVersion,
  findVersionConfig,
  lastDraftSavedEntry,
  listVersions,
  lockTenant,
  publishNewVersion,
  upsertDraft,
  type VersionRow,
} from './config-draft-repository.ts';

export interface ConfigConsoleDeps {
  db: Kysely<Database>;
  auditLog: AuditLog;
  tenants: Pick<TenantCache, 'invalidate'>;
  now?: () => Date;
}

/** One `config.draft-saved` entry per person per this long (and at once for a part not named yet). */
export const draftAuditWindowMs = 10 * 60_000;

/** The parts of the config only the platform operator changes (`pnpm tenant:import`): identity and routing. */
const operatorFields = ['slug', 'kind', 'municipalityCode'] as const;

type Db = Kysely<Database>;

const etagOf = (basedOn: number | null, revision: number) => `"${basedOn ?? 0}.${revision}"`;

/** The draft as the console reads it; undefined when the tenant has no config at all. */
async function draftView(db: Db, tenantId: string): Promise<ConfigDraft | undefined> {
  const tenant = await db
    .selectFrom('tenant')
    .select('published_version')
    .where('id', '=', tenantId)
    .executeTakeFirst();
  if (!tenant) return undefined;
  const published = tenant.published_version;
  const draft = await findDraft(db, tenantId);
  let base: Omit<ConfigDraft, 'completeness' | 'contrast' | 'publishBlockers'>;
  if (draft) {
    base = {
      etag: etagOf(draft.based_on_version, draft.revision),
      revision: draft.revision,
      basedOnVersion: draft.based_on_version,
      publishedVersion: published,
      config: draft.config,
      updatedAt: draft.updated_at.toISOString(),
      updatedBy: draft.updated_by ? { id: draft.updated_by, name: draft.updated_by_name ?? '' } : null,
    };
  } else {
    const start = published === null ? undefined : await findVersionConfig(db, tenantId, published);
    if (!start) return undefined;
    base = {
      etag: etagOf(published, 0),
      revision: 0,
      basedOnVersion: published,
      publishedVersion: published,
      config: start.config,
      updatedAt: null,
      updatedBy: null,
    };
  }
  return {
    ...base,
    completeness: textCompleteness(base.config),
    contrast: brandingContrastChecks(base.config.branding),
    publishBlockers: publishBlockers(base.config),
  };
}

/** `GET …/config/draft`: the draft, or the published config as the starting draft. */
export async function getDraft(db: Db, tenantId: string): Promise<ConfigDraft> {
  const view = await draftView(db, tenantId);
  if (!view) throw new DomainError({ code: 'unknown-version' }, 'the tenant has no config to start a draft from');
  return view;
}

/** Who changed the draft last: its last save, or (no draft) the publish it now starts from. */
async function lastChangeOf(db: Db, tenantId: string, current: ConfigDraft): Promise<DraftConflict['lastChange']> {
  if (current.revision > 0) return { kind: 'saved', by: current.updatedBy, at: current.updatedAt };
  const version =
    current.publishedVersion === null ? undefined : await findVersion(db, tenantId, current.publishedVersion);
  return {
    kind: 'published',
    by: version?.published_by ? { id: version.published_by, name: version.published_by_name ?? '' } : null,
    at: version?.published_at?.toISOString() ?? null,
  };
}

async function refuseStale(db: Db, tenantId: string, current: ConfigDraft, ifMatch: string): Promise<void> {
  if (ifMatch.replace(/^W\//, '') === current.etag) return;
  throw new DomainError(
    { code: 'draft-stale', current, lastChange: await lastChangeOf(db, tenantId, current) },
    'the draft changed since this If-Match',
  );
}

/**
 * `PUT …/config/draft`: saves the draft when `ifMatch` is its current etag. A save that changes
 * nothing is no new revision. Audited as `config.draft-saved` — see `draftAuditWindowMs`: typing
 * saves every second, and an entry per save would bury everything else in the log.
 */
export async function saveDraft(
  deps: ConfigConsoleDeps,
  tenantId: string,
  staffId: string,
  ifMatch: string,
  input: unknown,
): Promise<ConfigDraft> {
  const config = draftConfigOf(input);
  const now = deps.now?.() ?? new Date();
  return deps.auditLog.transaction(async (trx, append) => {
    await lockTenant(trx, tenantId);
    const current = await getDraft(trx, tenantId);
    await refuseStale(trx, tenantId, current, ifMatch);
    const operatorChanges = operatorFields.filter((f) => !isDeepStrictEqual(current.config[f], config[f]));
    if (operatorChanges.length > 0) {
      throw new DomainError(
        {
          code: 'invalid-fields',
          errors: operatorChanges.map((f) => ({ path: `/${f}`, message: 'Only the platform operator changes this' })),
        },
        'the draft changes operator fields',
      );
    }
    const fields = (Object.keys({ ...current.config, ...config }) as (keyof TenantConfig)[])
      .filter((key) => !isDeepStrictEqual(current.config[key], config[key]))
      .sort();
    if (fields.length === 0) return current;
    const revision = current.revision + 1;
    await upsertDraft(trx, { tenantId, config, revision, basedOn: current.basedOnVersion, staffId, at: now });
    const last = current.revision === 0 ? undefined : await lastDraftSavedEntry(trx, tenantId, staffId);
    const named = new Set((last?.details as { fields?: string[] } | undefined)?.fields ?? []);
    const due =
      !last ||
      now.getTime() - new Date(last.occurred_at).getTime() >= draftAuditWindowMs ||
      fields.some((f) => !named.has(f));
    if (due) {
      await append({
        tenantId,
        actor: { kind: 'staff', id: staffId },
        action: 'config.draft-saved',
        target: { kind: 'tenant', id: tenantId },
        details: { revision, fields },
      });
    }
    return (await draftView(trx, tenantId)) as ConfigDraft;
  });
}

/**
 * `POST …/config/publish`: publishes the draft as a new version (refused with every reason while it
 * may not be), sets the draft aside, and makes this process serve it at once.
 */
export async function publishDraft(
  deps: ConfigConsoleDeps,
  tenant: { id: string; slug: string },
  staffId: string,
  input: { note: string; ifMatch?: string | undefined },
): Promise<ConfigVersion> {
  const now = deps.now?.() ?? new Date();
  const version = await deps.auditLog.transaction(async (trx, append) => {
    await lockTenant(trx, tenant.id);
    const current = await getDraft(trx, tenant.id);
    if (input.ifMatch !== undefined) await refuseStale(trx, tenant.id, current, input.ifMatch);
    assertPublishable(current.config);
    const number = await publishNewVersion(trx, {
      tenantId: tenant.id,
      config: current.config,
      note: input.note,
      publishedBy: staffId,
      at: now,
    });
    await deleteDraft(trx, tenant.id);
    await append({
      tenantId: tenant.id,
      actor: { kind: 'staff', id: staffId },
      action: 'config.published',
      target: { kind: 'config-version', id: String(number) },
      details: { version: number, noteLength: input.note.length },
    });
    return number;
  });
  deps.tenants.invalidate(tenant.slug);
  return getVersion(deps.db, tenant.id, version);
}

/** `POST …/config/versions/:version/restore`: publishes an earlier version's config again, as a new version. */
export async function restoreVersion(
  deps: ConfigConsoleDeps,
  tenant: { id: string; slug: string },
  staffId: string,
  from: number,
  input: { note?: string | undefined },
): Promise<ConfigVersion> {
  const now = deps.now?.() ?? new Date();
  const note = input.note ?? `Restored version ${from}`;
  const version = await deps.auditLog.transaction(async (trx, append) => {
    await lockTenant(trx, tenant.id);
    const old = await findVersionConfig(trx, tenant.id, from);
    if (!old) throw new DomainError({ code: 'unknown-version' }, 'no such version');
    // Rules may have tightened since it was published (a contrast, a required text): the same checks.
    assertPublishable(old.config);
    const number = await publishNewVersion(trx, {
      tenantId: tenant.id,
      config: old.config,
      note,
      publishedBy: staffId,
      restoredFrom: from,
      at: now,
    });
    await deleteDraft(trx, tenant.id);
    await append({
      tenantId: tenant.id,
      actor: { kind: 'staff', id: staffId },
      action: 'config.restored',
      target: { kind: 'config-version', id: String(number) },
      details: { version: number, fromVersion: from, noteLength: note.length },
    });
    return number;
  });
  deps.tenants.invalidate(tenant.slug);
  return getVersion(deps.db, tenant.id, version);
}

function summaryOf(row: VersionRow, publishedVersion: number | null): ConfigVersionSummary {
  return {
    version: row.version,
    publishedAt: row.published_at?.toISOString() ?? null,
    publishedBy: row.published_by ? { id: row.published_by, name: row.published_by_name ?? '' } : null,
    note: row.note,
    restoredFrom: row.restored_from,
    current: row.version === publishedVersion,
  };
}

async function publishedVersionOf(db: Db, tenantId: string): Promise<number | null> {
  const row = await db.selectFrom('tenant').select('published_version').where('id', '=', tenantId).executeTakeFirst();
  return row?.published_version ?? null;
}

/** `GET …/config/versions`: every published version, newest first. */
export async function versionHistory(db: Db, tenantId: string): Promise<ConfigVersionList> {
  const publishedVersion = await publishedVersionOf(db, tenantId);
  const rows = await listVersions(db, tenantId);
  return { publishedVersion, versions: rows.map((row) => summaryOf(row, publishedVersion)) };
}

/** `GET …/config/versions/:version`: one version with its config. */
export async function getVersion(db: Db, tenantId: string, version: number): Promise<ConfigVersion> {
  const row = await findVersion(db, tenantId, version);
  if (!row) throw new DomainError({ code: 'unknown-version' }, 'no such version');
  return { ...summaryOf(row, await publishedVersionOf(db, tenantId)), config: row.config };
}
