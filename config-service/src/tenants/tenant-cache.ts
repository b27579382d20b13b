import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  localize,
  tenantSlugSchema,
  type AreaOutline,
  type Locale,
  type LocalizedText,
  type TenantConfig,
} from '@meldpunt/contracts';
import type { Database } from '../db/database.ts';
import { findPublishedTenant, type PublishedTenant } from './tenant-repository.ts';

/**
 * A config response body, serialised once and served from memory: as UTF-8 bytes, so the socket
 * write does not encode the same text again on every request.
 */
export interface ServedConfig {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

interface Entry {
  tenant: PublishedTenant;
  loadedAt: number;
  bodies: Map<string, ServedConfig>;
}

export interface TenantCacheOptions {
  /**
   * After this many ms a tenant is refreshed in the background (the stale one is served meanwhile),
   * and a slug found unpublished is looked up again.
   */
  refreshAfterMs: number;
  now?: () => number;
  /** Most unknown slugs remembered (the least recently asked go first), so random slugs cannot grow memory. */
  maxUnknownSlugs?: number;
  /** Outlines of municipalities, served with the config of the tenant linked to one (`ReceiverLookup`). */
  areas?: { outline(code: string): Promise<AreaOutline | undefined> };
}

/**
 * Published tenants in memory. The first request for a slug reads the database — once, however many
 * requests ask at the same time; later ones are served from memory and refreshed in the background
 * (stale-while-revalidate) once older than `refreshAfterMs`; an entry older than twice that is read
 * again before it is served. So a config published by another process is served within
 * 2 × `refreshAfterMs` (unless the database is down: then the stale one rather than none).
 * In-process publishes call `invalidate`. A slug that is not a valid tenant slug is never looked up.
 */
export class TenantCache {
  /** Published tenants by slug; unknown slugs never push them out. */
  readonly #tenants = new Map<string, Entry>();
  /** Slugs without a published tenant, with when that was read; least recently asked first. */
  readonly #unknown = new Map<string, number>();
  /** Database reads in progress, shared by everyone asking for the slug meanwhile. */
  readonly #loading = new Map<string, Promise<Entry | undefined>>();
  readonly #db: Kysely<Database>;
  readonly #refreshAfterMs: number;
  readonly #now: () => number;
  readonly #maxUnknownSlugs: number;
  readonly #areas: TenantCacheOptions['areas'];

  constructor(db: Kysely<Database>, options: TenantCacheOptions) {
    this.#db = db;
    this.#refreshAfterMs = options.refreshAfterMs;
    this.#now = options.now ?? Date.now;
    this.#maxUnknownSlugs = options.maxUnknownSlugs ?? 1000;
    this.#areas = options.areas;
  }

  /** The published tenant, or `undefined` when no tenant with that slug is published. */
  async get(slug: string): Promise<PublishedTenant | undefined> {
    return (await this.#entry(slug))?.tenant;
  }

  /** The serialised public config for a locale (or as stored, without one), with its ETag. */
  async config(slug: string, locale?: Locale): Promise<ServedConfig | undefined> {
    const entry = await this.#entry(slug);
    if (!entry) return undefined;
    const tenant = entry.tenant;
    const servedLocale = locale && (tenant.config.locales.includes(locale) ? locale : tenant.config.defaultLocale);
    const key = servedLocale ?? '*';
    let served = entry.bodies.get(key);
    if (!served) {
      const code = tenant.config.kind === 'municipality' ? tenant.config.municipalityCode : undefined;
      const area = code ? await this.#areas?.outline(code) : undefined;
      const body = JSON.stringify({
        version: tenant.version,
        ...(servedLocale ? { locale: servedLocale } : {}),
        config: servedLocale ? configForLocale(tenant.config, servedLocale) : tenant.config,
        ...(area ? { area } : {}),
      });
      const bytes = new TextEncoder().encode(body);
      const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 27);
      served = { body: bytes, etag: `"${hash}"` };
      entry.bodies.set(key, served);
    }
    return served;
  }

  /** Forgets a slug, so the next request reads the database (after a publish in this process). */
  invalidate(slug: string): void {
    this.#tenants.delete(slug);
    this.#unknown.delete(slug);
    this.#loading.delete(slug);
  }

  /** Forgets every tenant (after new areas were imported in this process: their outlines change). */
  invalidateAll(): void {
    this.#tenants.clear();
    this.#unknown.clear();
    this.#loading.clear();
  }

  async #entry(slug: string): Promise<Entry | undefined> {
    // Before anything else: a slug from a URL may be anything, of any length.
    if (!tenantSlugSchema.safeParse(slug).success) return undefined;
    const cached = this.#tenants.get(slug);
    if (cached) {
      const age = this.#now() - cached.loadedAt;
      if (age <= this.#refreshAfterMs) return cached;
      if (age <= 2 * this.#refreshAfterMs) {
        if (!this.#loading.has(slug)) {
          this.#load(slug).catch(() => {
            // Keep serving the stale entry; try again after another `refreshAfterMs`.
            cached.loadedAt = this.#now();
          });
        }
        return cached;
      }
      // Too old to serve while refreshing (nobody asked for a while): read it now, so what this process
      // serves is never older than 2 × refreshAfterMs. Only when the database cannot answer, the stale one.
      try {
        return await this.#load(slug);
      } catch {
        cached.loadedAt = this.#now();
        return cached;
      }
    }
    const unknownSince = this.#unknown.get(slug);
    if (unknownSince !== undefined && this.#now() - unknownSince <= this.#refreshAfterMs) {
      this.#unknown.delete(slug); // to the end: most recently asked
      this.#unknown.set(slug, unknownSince);
      return undefined;
    }
    return this.#load(slug);
  }

  /** Reads a slug from the database, once for everyone asking meanwhile, and remembers the answer. */
  #load(slug: string): Promise<Entry | undefined> {
    const inProgress = this.#loading.get(slug);
    if (inProgress) return inProgress;
    const loading = findPublishedTenant(this.#db, slug)
      .then((tenant) => {
        const entry = tenant && { tenant, loadedAt: this.#now(), bodies: new Map<string, ServedConfig>() };
        // Not after an `invalidate` meanwhile: this read may predate the publish that called it.
        if (this.#loading.get(slug) === loading) this.#remember(slug, entry);
        return entry;
      })
      .finally(() => {
        if (this.#loading.get(slug) === loading) this.#loading.delete(slug);
      });
    this.#loading.set(slug, loading);
    return loading;
  }

  #remember(slug: string, entry: Entry | undefined): void {
    this.#unknown.delete(slug);
    if (entry) {
      this.#tenants.set(slug, entry);
      return;
    }
    this.#tenants.delete(slug);
    this.#unknown.set(slug, this.#now());
    if (this.#unknown.size > this.#maxUnknownSlugs) {
      const oldest = this.#unknown.keys().next().value;
      if (oldest !== undefined) this.#unknown.delete(oldest);
    }
  }
}

/** The config with every localized text narrowed to one locale (falling back to the tenant's default). */
export function configForLocale(config: TenantConfig, locale: Locale): TenantConfig {
  const served: Locale = config.locales.includes(locale) ? locale : config.defaultLocale;
  const pick = (text: LocalizedText | undefined): LocalizedText | undefined => {
    const value = localize(text, served, config.defaultLocale);
    return value === undefined ? undefined : { [served]: value };
  };
  const pickRequired = (text: LocalizedText): LocalizedText => pick(text) ?? {};
  return {
    ...config,
    // Text overrides never fall back to another language: the default texts of `served` apply instead.
    texts: { [served]: config.texts[served] ?? {} },
    branding: { ...config.branding, logoAlt: pick(config.branding.logoAlt) },
    categories: config.categories.map((c) => ({ ...c, label: pick(c.label), description: pick(c.description) })),
    fields: {
      ...config.fields,
      extra: config.fields.extra.map((f) => ({
        ...f,
        label: pickRequired(f.label),
        description: pick(f.description),
        explanation: pick(f.explanation),
        options: f.options?.map((o) => ({ ...o, label: pickRequired(o.label) })),
      })),
    },
    followUp: {
      ...config.followUp,
      response: {
        title: pickRequired(config.followUp.response.title),
        body: pickRequired(config.followUp.response.body),
      },
    },
    referrals: config.referrals.map((r) => ({ ...r, name: pickRequired(r.name), description: pick(r.description) })),
    privacy: { ...config.privacy, statement: pick(config.privacy.statement) },
  };
}
