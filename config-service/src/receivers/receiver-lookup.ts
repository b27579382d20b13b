/**
 * Which tenant receives a report: decided from the tenant whose widget sent it and the report's point.
 * (Not to be confused with `routes/`, the HTTP handlers, nor with a mail recipient of `delivery/`.)
 */
import type { Kysely } from 'kysely';
import type { AreaOutline, RoutedTo } from '@meldpunt/contracts';
import { AreaCatalog } from '../areas/area-catalog.ts';
import { areaSetsFingerprint, loadAreaSets } from '../areas/area-repository.ts';
import type { AreaHit } from '../areas/types.ts';
import type { Database } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Logger } from '../logger.ts';
import type { TenantCache } from '../tenants/tenant-cache.ts';
import { findRoutingTenants, type PublishedTenant } from '../tenants/tenant-repository.ts';

/** Who receives a report, decided from the embedding tenant and the point. */
export interface Receiver {
  /** The tenant that stores and forwards the report. */
  tenant: PublishedTenant;
  /** The municipality the point lies in; null without a point (or before any areas were imported). */
  area: AreaHit | null;
  /** False when the point's municipality has no tenant here: kept by the national tenant, no follow-up. */
  participating: boolean;
}

/** A stored report, as far as its receiver goes. */
export interface StoredReportPlace {
  /** Slug of the tenant that stored it. */
  tenantSlug: string;
  /** The municipality it was placed in, as stored. */
  areaCode: string | null;
  occurredAt: string;
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

export interface ReceiverLookupOptions {
  /** After this many ms the areas and tenant links are re-read in the background (stale served meanwhile). */
  refreshAfterMs: number;
  logger?: Logger;
  now?: () => number;
}

/** Simplification of the outline a tenant's config carries: enough for a map at street level. */
const outlineToleranceMeters = 30;

/**
 * Finds the receiver of a report by its location. Holds the imported municipal areas (per validity
 * date, with a spatial index each) and which tenant serves which municipality, in memory; both are
 * re-read in the background every `refreshAfterMs`, and the areas are rebuilt only when their
 * fingerprint changed — so an `areas:import` or `tenant:import` by another process is picked up
 * without a restart.
 */
export class ReceiverLookup {
  readonly #db: Kysely<Database>;
  readonly #tenants: TenantCache;
  readonly #options: ReceiverLookupOptions;
  readonly #now: () => number;
  #snapshot: Promise<Snapshot> | undefined;
  #refreshing: Promise<void> | undefined;

  constructor(db: Kysely<Database>, tenants: TenantCache, options: ReceiverLookupOptions) {
    this.#db = db;
    this.#tenants = tenants;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Decides who receives a report.
   * - No point, or no areas imported: the embedding tenant.
   * - A point outside every municipality: refused (`DomainError` `outside-netherlands`).
   * - A municipal tenant keeps points in its own municipality, and all points if its settings say so.
   * - Otherwise the tenant serving the point's municipality; without one, the national tenant keeps the
   *   report without follow-up (`participating: false`). Without a national tenant the embedding one does.
   */
  async find(source: PublishedTenant, point: { lat?: number; lng?: number }, occurredAt: string): Promise<Receiver> {
    if (point.lat === undefined || point.lng === undefined) return { tenant: source, area: null, participating: true };
    const snapshot = await this.#current();
    const index = snapshot.catalog.forDate(occurredAt);
    if (!index) return { tenant: source, area: null, participating: true };
    const area = index.find(point.lng, point.lat) ?? null;
    if (!area) throw new DomainError({ code: 'outside-netherlands' }, 'The point lies in no municipality');

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

  /**
   * The receiver of a report already stored (an idempotent replay): its tenant and municipality as
   * stored, named by the areas valid on its date. `source` is the tenant the replay was sent to, the
   * receiver too for a report kept where it was sent.
   */
  async ofStored(source: PublishedTenant, stored: StoredReportPlace): Promise<Receiver> {
    const tenant = stored.tenantSlug === source.slug ? source : await this.#tenants.get(stored.tenantSlug);
    if (!tenant) throw new Error('The tenant of a stored report is no longer published');
    if (!stored.areaCode) return { tenant, area: null, participating: true };
    const snapshot = await this.#current();
    const area = snapshot.catalog.area(stored.areaCode, stored.occurredAt) ?? {
      code: stored.areaCode,
      name: stored.areaCode,
    };
    const participating = !(tenant.config.kind === 'national' && !snapshot.participants.has(stored.areaCode));
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

/** `routedTo` of an API answer: who receives the report, for the widget to tell the reporter. */
export function routedTo(receiver: Receiver): RoutedTo {
  return {
    slug: receiver.tenant.slug,
    name: receiver.tenant.config.name,
    municipality: receiver.area ? { code: receiver.area.code, name: receiver.area.name } : null,
    participating: receiver.participating,
  };
}

/** The follow-up the reporter can expect from the receiver. */
export function followUpOf(receiver: Receiver): 'active' | 'none' {
  return receiver.participating ? receiver.tenant.config.followUp.mode : 'none';
}
