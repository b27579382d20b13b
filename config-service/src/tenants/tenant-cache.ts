import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { localize, type AreaOutline, type Locale, type LocalizedText, type TenantConfig } from '@meldpunt/contracts';
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
  tenant: PublishedTenant | null;
  loadedAt: number;
  refreshing?: Promise<void>;
  bodies: Map<string, ServedConfig>;
}

export interface TenantCacheOptions {
  /** After this many ms an entry is refreshed in the background; the stale entry is served meanwhile. */
  refreshAfterMs: number;
  now?: () => number;
  /** Most unknown slugs remembered, so random slugs cannot grow memory without bound. */
  maxEntries?: number;
  /** Outlines of municipalities, served with the config of the tenant linked to one (the report router). */
  areas?: { outline(code: string): Promise<AreaOutline | undefined> };
}

/**
 * Published tenants in memory. The first request for a slug reads the database; later ones are served
 * from memory and refreshed in the background (stale-while-revalidate), so a config published by
 * another process shows up within `refreshAfterMs`. In-process publishes call `invalidate`.
 */
export class TenantCache {
  readonly #entries = new Map<string, Entry>();
  readonly #db: Kysely<Database>;
  readonly #refreshAfterMs: number;
  readonly #now: () => number;
  readonly #maxEntries: number;
  readonly #areas: TenantCacheOptions['areas'];

  constructor(db: Kysely<Database>, options: TenantCacheOptions) {
    this.#db = db;
    this.#refreshAfterMs = options.refreshAfterMs;
    this.#now = options.now ?? Date.now;
    this.#maxEntries = options.maxEntries ?? 5000;
    this.#areas = options.areas;
  }

  /** The published tenant, or `undefined` when no tenant with that slug is published. */
  async get(slug: string): Promise<PublishedTenant | undefined> {
    return (await this.#entry(slug)).tenant ?? undefined;
  }

  /** The serialised public config for a locale (or as stored, without one), with its ETag. */
  async config(slug: string, locale?: Locale): Promise<ServedConfig | undefined> {
    const entry = await this.#entry(slug);
    const tenant = entry.tenant;
    if (!tenant) return undefined;
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
    this.#entries.delete(slug);
  }

  /** Forgets every tenant (after new areas were imported in this process: their outlines change). */
  invalidateAll(): void {
    this.#entries.clear();
  }

  async #entry(slug: string): Promise<Entry> {
    const cached = this.#entries.get(slug);
    if (cached) {
      if (this.#now() - cached.loadedAt > this.#refreshAfterMs && !cached.refreshing) {
        cached.refreshing = this.#load(slug)
          .then((fresh) => {
            if (this.#entries.get(slug) === cached) this.#entries.set(slug, fresh);
          })
          .catch(() => {
            // Keep serving the stale entry; try again on a later request.
            cached.loadedAt = this.#now();
          })
          .finally(() => {
            cached.refreshing = undefined;
          });
      }
      return cached;
    }
    const entry = await this.#load(slug);
    if (this.#entries.size >= this.#maxEntries) this.#evictUnknown();
    this.#entries.set(slug, entry);
    return entry;
  }

  async #load(slug: string): Promise<Entry> {
    const tenant = (await findPublishedTenant(this.#db, slug)) ?? null;
    return { tenant, loadedAt: this.#now(), bodies: new Map() };
  }

  #evictUnknown(): void {
    for (const [slug, entry] of this.#entries) if (!entry.tenant) this.#entries.delete(slug);
    if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
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
