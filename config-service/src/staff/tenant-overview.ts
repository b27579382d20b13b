/**
 * The tenants as the console's first page shows them: for the platform operator every tenant, for
 * everyone else the tenants of their memberships, each with its state (published version, last
 * report received, deliveries given up on, and how many places its reports are forwarded to — none
 * for a newly onboarded municipality, whose reports are kept until its admin sets an address).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { deliveryTargets } from '../delivery/targets.ts';

export interface TenantOverview {
  id: string;
  slug: string;
  name: string;
  isDemo: boolean;
  publishedVersion: number | null;
  lastReportAt: Date | null;
  failingDeliveries: number;
  /** Where its reports go (mail addresses, webhook); 0: kept, but forwarded nowhere yet. */
  deliveryTargets: number;
}

/** The state of the tenants with these ids, or of every tenant (`'all'`), by slug. */
export async function tenantOverview(db: Kysely<Database>, ids: readonly string[] | 'all'): Promise<TenantOverview[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  let query = db
    .selectFrom('tenant')
    .select((eb) => [
      'tenant.id',
      'tenant.slug',
      'tenant.name',
      'tenant.is_demo',
      'tenant.published_version',
      'tenant.settings',
      eb
        .selectFrom('report')
        .select(sql<Date | null>`max(report.received_at)`.as('m'))
        .whereRef('report.tenant_id', '=', 'tenant.id')
        .as('last_report_at'),
      eb
        .selectFrom('delivery')
        .select((d) => d.fn.countAll<string>().as('n'))
        .whereRef('delivery.tenant_id', '=', 'tenant.id')
        .where('delivery.status', '=', 'failed')
        .as('failing'),
    ])
    .orderBy('tenant.slug');
  if (ids !== 'all') query = query.where('tenant.id', 'in', ids);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    isDemo: r.is_demo,
    publishedVersion: r.published_version,
    lastReportAt: r.last_report_at ? new Date(r.last_report_at) : null,
    failingDeliveries: Number(r.failing ?? 0),
    deliveryTargets: deliveryTargets(r.settings).length,
  }));
}
