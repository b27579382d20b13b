import type { Kysely, Transaction } from 'kysely';
import type { TenantConfig } from '@meldpunt/contracts';
import type { Database, StoredTenantSettings, Tenant } from '../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A tenant with its published public config, as the public API needs it. */
export interface PublishedTenant {
  id: string;
  slug: string;
  /** Without the webhook's secret (sealed apart: `tenants/webhook-secret.ts`). */
  settings: StoredTenantSettings;
  version: number;
  config: TenantConfig;
}

export async function findPublishedTenant(db: Db, slug: string): Promise<PublishedTenant | undefined> {
  const row = await db
    .selectFrom('tenant')
    .innerJoin('tenant_config_version as v', (join) =>
      join.onRef('v.tenant_id', '=', 'tenant.id').onRef('v.version', '=', 'tenant.published_version'),
    )
    .select(['tenant.id', 'tenant.slug', 'tenant.settings', 'v.version', 'v.config'])
    .where('tenant.slug', '=', slug)
    .executeTakeFirst();
  return row;
}

export async function findTenantBySlug(db: Db, slug: string): Promise<Tenant | undefined> {
  return db.selectFrom('tenant').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertTenant(
  db: Db,
  tenant: {
    id: string;
    slug: string;
    name: string;
    kind: Tenant['kind'];
    municipalityCode: string | null;
    isDemo: boolean;
    settings: StoredTenantSettings;
  },
): Promise<void> {
  await db
    .insertInto('tenant')
    .values({
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      kind: tenant.kind,
      municipality_code: tenant.municipalityCode,
      is_demo: tenant.isDemo,
      settings: JSON.stringify(tenant.settings),
    })
    .execute();
}

export async function updateTenant(
  db: Db,
  id: string,
  changes: {
    name: string;
    kind: Tenant['kind'];
    municipalityCode: string | null;
    isDemo: boolean;
    settings: StoredTenantSettings;
  },
): Promise<void> {
  await db
    .updateTable('tenant')
    .set({
      name: changes.name,
      kind: changes.kind,
      municipality_code: changes.municipalityCode,
      is_demo: changes.isDemo,
      settings: JSON.stringify(changes.settings),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function latestConfigVersion(
  db: Db,
  tenantId: string,
): Promise<{ version: number; config: TenantConfig } | undefined> {
  return db
    .selectFrom('tenant_config_version')
    .select(['version', 'config'])
    .where('tenant_id', '=', tenantId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertConfigVersion(
  db: Db,
  tenantId: string,
  version: number,
  config: TenantConfig,
): Promise<void> {
  await db
    .insertInto('tenant_config_version')
    .values({ tenant_id: tenantId, version, config: JSON.stringify(config) })
    .execute();
}

export async function publishConfigVersion(db: Db, tenantId: string, version: number): Promise<void> {
  await db
    .updateTable('tenant_config_version')
    .set({ published_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('version', '=', version)
    .execute();
  await db
    .updateTable('tenant')
    .set({ published_version: version, updated_at: new Date() })
    .where('id', '=', tenantId)
    .execute();
}

/** The tenant already linked to a municipality code, other than `exceptId`. */
export async function findTenantByMunicipality(
  db: Db,
  code: string,
  exceptId?: string,
): Promise<{ id: string; slug: string } | undefined> {
  let query = db.selectFrom('tenant').select(['id', 'slug']).where('municipality_code', '=', code);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

/** Every tenant that may receive routed reports: published, with its municipality code or as the national one. */
export async function findRoutingTenants(
  db: Db,
): Promise<{ slug: string; kind: Tenant['kind']; municipality_code: string | null }[]> {
  return db
    .selectFrom('tenant')
    .select(['slug', 'kind', 'municipality_code'])
    .where('published_version', 'is not', null)
    .where((eb) => eb.or([eb('municipality_code', 'is not', null), eb('kind', '=', 'national')]))
    .orderBy('slug')
    .execute();
}
