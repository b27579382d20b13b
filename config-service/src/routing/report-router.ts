import type { Kysely } from 'kysely';
import type { AreaOutline, RoutedTo } from '@meldpunt/contracts';
import { AreaCatalog } from '../areas/area-catalog.ts';
import { areaSetsFingerprint, loadAreaSets } from '../areas/area-repository.ts';
import type { AreaHit } from '../areas/types.ts';
import type { Database } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import type { Logger } from '../logger.ts';
import type { TenantCache } from '../tenants/tenant-cache.ts';
import { findRoutingTenants, type PublishedTenant } from '../tenants/tenant-repository.ts';

/** Where a report goes, decided from the embedding tenant and the point. */
export interface Route {
  /** The tenant that stores and forwards the report. */
  tenant: PublishedTenant;
  /** The municipality the point lies in; null without a point (or before any areas were imported). */
  area: AreaHit | null;
  /** False when the point's municipality has no tenant here: kept by the national tenant, no follow-up. */
  participating: boolean;
}

interface Snapshot {
  catalog: AreaCatalog;
  fingerprint: string;
  /** Municipality code → slug of the tenant serving it. */
  participants: Map<string, string>;
  /** Slug of the national tenant, if there is one. */
  national: string | undefined;
  loadedAt: number;
}

export interface ReportRouterOptions {
  /** After this many ms the areas and tenant links are re-read in the background (stale served meanwhile). */
  refreshAfterMs: number;
  logger?: Logger;
  now?: () => number;
}

/** Simplification of the outline a tenant's config carries: enough for a map at street level. */
const outlineToleranceMeters = 30;

/**
 * Routes reports by location. Holds the imported municipal areas (per validity date, with a spatial
 * index each) and which tenant serves which municipality, in memory; both are re-read in the background
 * every `refreshAfterMs`, and the areas are rebuilt only when their fingerprint changed — so an
 * `areas:import` or `tenant:import` by another process is picked up without a restart.
 */
export class ReportRouter {
  readonly #db: Kysely<Database>;
  readonly #tenants: TenantCache;
  readonly #options: ReportRouterOptions;
  readonly #now: () => number;
  #snapshot: Promise<Snapshot> | undefined;
  #refreshing: Promise<void> | undefined;

  constructor(db: Kysely<Database>, tenants: TenantCache, options: ReportRouterOptions) {
    this.#db = db;
    this.#tenants = tenants;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Decides where a report goes.
   * - No point, or no areas imported: the embedding tenant.
   * - A point outside every municipality: 422 (`outside-netherlands`).
   * - A municipal tenant keeps points in its own municipality, and all points if its settings say so.
   * - Otherwise the tenant serving the point's municipality; without one, the national tenant keeps the
   *   report without follow-up (`participating: false`). Without a national tenant the embedding one does.
   */
  async route(source: PublishedTenant, point: { lat?: number; lng?: number }, occurredAt: string): Promise<Route> {
    if (point.lat === undefined || point.lng === undefined) return { tenant: source, area: null, participating: true };
    const snapshot = await this.#current();
    const index = snapshot.catalog.forDate(occurredAt);
    if (!index) return { tenant: source, area: null, participating: true };
    const area = index.find(point.lng, point.lat) ?? null;
    if (!area) throw outsideNetherlands();

    const keep = source.config.kind === 'municipality' && source.config.municipalityCode !== undefined;
    if (keep && (source.config.municipalityCode === area.code || source.settings.routing.keepReportsElsewhere)) {
      return { tenant: source, area, participating: true };
    }
    // A municipal tenant not linked to a municipality (a region, a pilot) is not part of routing.
    if (source.config.kind === 'municipality' && source.config.municipalityCode === undefined) {
      return { tenant: source, area, participating: true };
    }
    const participant = await this.#tenantFor(snapshot.participants.get(area.code));
    if (participant) return { tenant: participant, area, participating: true };
    const national = source.config.kind === 'national' ? source : await this.#tenantFor(snapshot.national);
    if (national) return { tenant: national, area, participating: false };
    return { tenant: source, area, participating: true };
  }

  /** A published tenant by slug (from the tenant cache). */
  tenant(slug: string): Promise<PublishedTenant | undefined> {
    return this.#tenants.get(slug);
  }

  /** `routedTo` of an API answer. */
  static routedTo(route: Route): RoutedTo {
    return {
      slug: route.tenant.slug,
      name: route.tenant.config.name,
      municipality: route.area ? { code: route.area.code, name: route.area.name } : null,
      participating: route.participating,
    };
  }

  /**
   * The route of a report already stored (an idempotent replay): its tenant and municipality as
   * stored, named by the areas valid on its date.
   */
  async storedRoute(tenant: PublishedTenant, areaCode: string | null, occurredAt: string): Promise<Route> {
    if (!areaCode) return { tenant, area: null, participating: true };
    const snapshot = await this.#current();
    const area = snapshot.catalog.area(areaCode, occurredAt) ?? { code: areaCode, name: areaCode };
    const participating = !(tenant.config.kind === 'national' && !snapshot.participants.has(areaCode));
    return { tenant, area, participating };
  }

  /** The simplified outline of a municipality as the areas valid today have it. */
  async outline(code: string): Promise<AreaOutline | undefined> {
    const index = (await this.#current()).catalog.current();
    const feature = index?.get(code);
    const outline = index?.outline(code, outlineToleranceMeters);
    // Positions of an imported (validated) area are [lng, lat] pairs.
    return feature && outline ? { code, name: feature.name, outline: outline as AreaOutline['outline'] } : undefined;
  }

  /** Re-read now (after an import in this process); resolves when the new snapshot is in place. */
  async refresh(): Promise<void> {
    const previous = this.#snapshot ? await this.#snapshot.catch(() => undefined) : undefined;
    const next = this.#load(previous);
    await next;
    this.#snapshot = next;
  }

  async #current(): Promise<Snapshot> {
    if (!this.#snapshot) {
      const loading = this.#load(undefined);
      this.#snapshot = loading;
      loading.catch(() => {
        if (this.#snapshot === loading) this.#snapshot = undefined;
      });
      return loading;
    }
    const snapshot = await this.#snapshot;
    if (this.#now() - snapshot.loadedAt > this.#options.refreshAfterMs && !this.#refreshing) {
      this.#refreshing = this.#load(snapshot)
        .then((fresh) => {
          this.#snapshot = Promise.resolve(fresh);
        })
        .catch((error: unknown) => {
          // Keep routing with what we have; try again after another interval.
          snapshot.loadedAt = this.#now();
          this.#options.logger?.warn({ err: { name: (error as Error).name } }, 'routing data refresh failed');
        })
        .finally(() => {
          this.#refreshing = undefined;
        });
    }
    return snapshot;
  }

  async #load(previous: Snapshot | undefined): Promise<Snapshot> {
    const [fingerprint, tenants] = await Promise.all([areaSetsFingerprint(this.#db), findRoutingTenants(this.#db)]);
    let catalog = previous?.catalog;
    if (!catalog || previous?.fingerprint !== fingerprint) {
      const sets = await loadAreaSets(this.#db);
      catalog = new AreaCatalog(sets);
      if (sets.length === 0) {
        this.#options.logger?.warn(
          'No municipal areas imported: reports are not routed by location (pnpm areas:import)',
        );
      }
    }
    const participants = new Map<string, string>();
    let national: string | undefined;
    for (const tenant of tenants) {
      if (tenant.municipality_code) participants.set(tenant.municipality_code, tenant.slug);
      else if (tenant.kind === 'national') national ??= tenant.slug;
    }
    return { catalog, fingerprint, participants, national, loadedAt: this.#now() };
  }

  async #tenantFor(slug: string | undefined): Promise<PublishedTenant | undefined> {
    return slug === undefined ? undefined : this.#tenants.get(slug);
  }
}

function outsideNetherlands(): ProblemError {
  return new ProblemError(422, 'outside-netherlands', 'This place is not in the Netherlands', {
    detail:
      'This reporting point takes reports of street harassment in the Netherlands. Choose a place in the Netherlands, or describe the place in words.',
    errors: [{ path: '/location', message: 'Choose a place in the Netherlands' }],
  });
}
