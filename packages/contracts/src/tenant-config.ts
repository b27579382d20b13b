/**
 * A tenant's **public** config: everything the widget needs to render the reporting form (and the
 * municipality outline served with it). Its private settings are in `tenant-settings.ts`, the file an
 * operator imports in `tenant-import.ts`.
 */
import { z } from 'zod';
import {
  defaultCategoryIds,
  defaultTiles,
  defaultZoomRange,
  fontFamilyPattern,
  idMaxLength,
  idPattern,
} from './config-defaults.ts';
import { supportedLocales, type Locale } from './limits.ts';

export { defaultCategoryIds, defaultTiles } from './config-defaults.ts';
import { text } from './text.ts';

export const localeSchema = z.enum(supportedLocales);

/** Text in one or more languages; the tenant's default locale must be present where a text is required. */
export const localizedTextSchema = z.partialRecord(localeSchema, text().trim().min(1).max(4000));
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Lower-case slug as used in URLs: `dordrecht`, `den-haag`. */
export const tenantSlugSchema = text()
  .min(2)
  .max(63)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single dashes');

/** CBS municipality code, as in the PDOK / CBS boundary files: `GM` and four digits. */
export const municipalityCodeSchema = text().regex(/^GM\d{4}$/, 'Use a CBS municipality code like GM0505');

/** Stable identifier of a category, option or extra field. */
export const idSchema = text()
  .min(1)
  .max(idMaxLength)
  .regex(idPattern, 'Use lower-case letters, digits, dashes and underscores');

const hexColor = text().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1a4d8f');
const httpsUrl = text(z.url({ protocol: /^https$/ }));
/** An https URL, or a path on the service itself (`/demo/logo.svg`) for demo tenants. */
const assetUrl = z.union([
  httpsUrl,
  text()
    .regex(/^\/[^/\\]/, 'Use an https URL or a path starting with /')
    .max(500),
]);
const coordinate = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

export const categorySchema = z.strictObject({
  id: idSchema,
  /** Overrides the default label; required for categories that are not among the defaults. */
  label: localizedTextSchema.optional(),
  description: localizedTextSchema.optional(),
});

export const extraFieldSchema = z.strictObject({
  id: idSchema,
  type: z.enum(['select', 'text']),
  label: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /** Options of a `select` field. */
  options: z
    .array(z.strictObject({ id: idSchema, label: localizedTextSchema }))
    .max(40)
    .optional(),
  /** Special-category personal data (AVG art. 9): shown with `explanation` of why it is asked. */
  specialCategory: z.boolean().default(false),
  explanation: localizedTextSchema.optional(),
});
export type ExtraField = z.infer<typeof extraFieldSchema>;

export const referralSchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  phone: text()
    .regex(/^[0-9 +\-()]{3,20}$/)
    .optional(),
  url: httpsUrl.optional(),
});
export type Referral = z.infer<typeof referralSchema>;

export const mapSettingsSchema = z.strictObject({
  center: coordinate,
  zoom: z.number().int().min(1).max(19),
  /** South-west and north-east corners the map may not leave. */
  bounds: z.tuple([coordinate, coordinate]).optional(),
  tileUrl: text()
    .max(500)
    .regex(/^https:\/\/[^\s]*\{z\}[^\s]*\{x\}[^\s]*\{y\}/, 'Use an https URL template with {z}, {x} and {y}')
    .default(defaultTiles.tileUrl),
  attribution: text().max(500).default(defaultTiles.attribution),
  minZoom: z.number().int().min(1).max(19).default(defaultZoomRange.minZoom),
  maxZoom: z.number().int().min(1).max(19).default(defaultZoomRange.maxZoom),
});

export const privacySchema = z.strictObject({
  /** The tenant's own privacy statement, as text or as a link (or both). */
  statement: localizedTextSchema.optional(),
  url: httpsUrl.optional(),
  /** How long reports are kept before they are deleted; contact details go first. */
  retentionMonths: z.number().int().min(1).max(120),
  contactRetentionMonths: z.number().int().min(1).max(120),
});

/**
 * Everything the widget needs to render a tenant's reporting form — and nothing private.
 * Versioned and published by the config-service; served at `GET /api/v1/tenants/:slug/config`.
 */
export const tenantConfigObjectSchema = z.strictObject({
  slug: tenantSlugSchema,
  name: text().trim().min(2).max(120),
  /** `national` tenants route reports to the municipality of the location. */
  kind: z.enum(['municipality', 'national']).default('municipality'),
  /**
   * CBS code of the municipality a `municipality` tenant serves (`GM0505`): reports placed inside it stay
   * here, and reports that other tenants receive for a point inside it are routed here.
   */
  municipalityCode: municipalityCodeSchema.optional(),
  // Issue 13: the hosted reporting page links back to the municipality's own site.
  /** The municipality's website (`https://www.dordrecht.nl/`), linked from the hosted reporting page `/m/:slug`. */
  website: httpsUrl.optional(),
  defaultLocale: localeSchema.default('nl'),
  locales: z.array(localeSchema).min(1).max(supportedLocales.length),
  branding: z.strictObject({
    logoUrl: assetUrl.optional(),
    logoAlt: localizedTextSchema.optional(),
    primaryColor: hexColor,
    accentColor: hexColor.optional(),
    textColor: hexColor.optional(),
    backgroundColor: hexColor.optional(),
    fontFamily: text().max(200).regex(fontFamilyPattern, 'Use a CSS font-family list').optional(),
  }),
  /** Per-locale overrides of the default texts, by text key (e.g. `intro.body`). */
  texts: z.partialRecord(localeSchema, z.record(text().max(100), text().max(4000))).default({}),
  categories: z.array(categorySchema).min(1).max(30),
  fields: z
    .strictObject({
      /** Ask whether anyone intervened or helped. */
      intervention: z.boolean().default(true),
      extra: z.array(extraFieldSchema).max(20).default([]),
    })
    .default({ intervention: true, extra: [] }),
  followUp: z.strictObject({
    /** `none`: this municipality gives no active follow-up; the reporter is told so and where to go instead. */
    mode: z.enum(['active', 'none']),
    response: z.strictObject({ title: localizedTextSchema, body: localizedTextSchema }),
  }),
  /** The tenant's own help contacts, shown after the national defaults. */
  referrals: z.array(referralSchema).max(20).default([]),
  privacy: privacySchema,
  map: mapSettingsSchema,
  /** PDOK Locatieserver for address search; `filter` biases results to the tenant (`gemeentenaam:Dordrecht`). */
  geocoding: z
    .strictObject({
      baseUrl: httpsUrl.default('https://api.pdok.nl/bzk/locatieserver/search/v3_1'),
      filter: text().max(200).optional(),
    })
    .default({ baseUrl: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1' }),
  /** Where the quick-exit button sends the page: somewhere neutral. */
  quickExitUrl: httpsUrl.default('https://www.google.com/'),
});

/**
 * Marks the issues of a text missing in the default language (`params` of the issue): a draft may be
 * saved with them — a person is still writing — but not published (see `isMissingDefaultText`).
 */
const missingDefaultText = { missingDefaultText: true } as const;

/** Whether a `tenantConfigSchema` issue says only that a required text is missing in the default language. */
export function isMissingDefaultText(issue: { code?: string; params?: unknown }): boolean {
  return (
    issue.code === 'custom' &&
    typeof issue.params === 'object' &&
    issue.params !== null &&
    'missingDefaultText' in issue.params
  );
}

/** The config as a tenant publishes it: structure plus the cross-field rules (texts in the default locale…). */
export const tenantConfigSchema = tenantConfigObjectSchema.superRefine((config, ctx) => {
  if (config.kind === 'national' && config.municipalityCode) {
    ctx.addIssue({
      code: 'custom',
      path: ['municipalityCode'],
      message: 'A national tenant covers the whole country and has no municipality code',
    });
  }
  if (!config.locales.includes(config.defaultLocale)) {
    ctx.addIssue({ code: 'custom', path: ['locales'], message: 'The default locale must be one of the locales' });
  }
  const requireDefault = (text: LocalizedText | undefined, path: PropertyKey[]) => {
    if (!text?.[config.defaultLocale]) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `A text in the default locale (${config.defaultLocale}) is required`,
        params: missingDefaultText,
      });
    }
  };
  const seen = new Set<string>();
  config.categories.forEach((category, i) => {
    if (seen.has(category.id)) {
      ctx.addIssue({ code: 'custom', path: ['categories', i, 'id'], message: 'Category ids must be unique' });
    }
    seen.add(category.id);
    if (!(defaultCategoryIds as readonly string[]).includes(category.id)) {
      requireDefault(category.label, ['categories', i, 'label']);
    }
  });
  const fieldIds = new Set<string>();
  config.fields.extra.forEach((field, i) => {
    if (fieldIds.has(field.id)) {
      ctx.addIssue({ code: 'custom', path: ['fields', 'extra', i, 'id'], message: 'Field ids must be unique' });
    }
    fieldIds.add(field.id);
    requireDefault(field.label, ['fields', 'extra', i, 'label']);
    if (field.type === 'select' && !field.options?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['fields', 'extra', i, 'options'],
        message: 'A select field needs options',
      });
    }
    if (field.specialCategory) requireDefault(field.explanation, ['fields', 'extra', i, 'explanation']);
  });
  requireDefault(config.followUp.response.title, ['followUp', 'response', 'title']);
  requireDefault(config.followUp.response.body, ['followUp', 'response', 'body']);
  config.referrals.forEach((referral, i) => requireDefault(referral.name, ['referrals', i, 'name']));
  if (!config.privacy.statement && !config.privacy.url) {
    ctx.addIssue({
      code: 'custom',
      path: ['privacy'],
      message: 'Give a privacy statement text or URL',
      params: missingDefaultText,
    });
  }
  if (config.privacy.contactRetentionMonths > config.privacy.retentionMonths) {
    ctx.addIssue({
      code: 'custom',
      path: ['privacy', 'contactRetentionMonths'],
      message: 'Contact details may not be kept longer than the report',
    });
  }
});
export type TenantConfig = z.infer<typeof tenantConfigSchema>;
export type TenantConfigInput = z.input<typeof tenantConfigSchema>;

/** A ring of [lng, lat] positions, closed (first = last). */
const ringSchema = z
  .array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]))
  .min(4)
  .refine((ring) => {
    const [first, last] = [ring[0], ring.at(-1)];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'A ring ends where it starts');

/**
 * A municipality's outline as served with a tenant's config: simplified (tens of metres), GeoJSON
 * MultiPolygon coordinates in WGS84, for drawing the boundary and warning about a pin outside it.
 */
export const areaOutlineSchema = z.object({
  code: municipalityCodeSchema,
  name: text(),
  outline: z.array(z.array(ringSchema).min(1)).min(1),
});
export type AreaOutline = z.infer<typeof areaOutlineSchema>;

/** The published config as served, with the locale it was resolved for and its version. */
export const publicTenantConfigSchema = z.object({
  version: z.number().int().positive(),
  /** Set when narrowed by `?locale=`: every text then holds only this language. */
  locale: localeSchema.optional(),
  config: tenantConfigObjectSchema,
  /** The municipality a `municipality` tenant serves, when its boundary is known; absent for `national`. */
  area: areaOutlineSchema.optional(),
});
export type PublicTenantConfig = z.infer<typeof publicTenantConfigSchema>;

/** Picks the text for `locale`, falling back to the tenant's default locale. */
export function localize(text: LocalizedText | undefined, locale: Locale, fallback: Locale): string | undefined {
  return text?.[locale] ?? text?.[fallback];
}
