/**
 * The configuration console's API: one draft per tenant, publishing it as a new immutable version,
 * the history of versions, and restoring one (`/api/v1/console/tenants/:slug/config/…`). The draft is
 * the tenant's public config (`tenantConfigSchema`), edited; the service validates it with the same
 * schema it publishes with.
 */
import { z } from 'zod';
import { supportedLocales } from './limits.ts';
import { tenantConfigObjectSchema } from './tenant-config.ts';
import { text } from './text.ts';

const timestamp = text(z.iso.datetime({ offset: true }));
const version = z.number().int().positive();

/** A person named in the console's answers: id and display name (never an address). */
export const staffRefSchema = z.strictObject({ id: text(z.uuid()), name: text().max(200) });
export type StaffRef = z.infer<typeof staffRefSchema>;

const textStatusSchema = z.enum(['own', 'fallback', 'standard', 'missing']);

/** `textCompleteness` (`@meldpunt/contracts/completeness`) as the API answers it. */
export const textCompletenessSchema = z.strictObject({
  defaultLocale: z.enum(supportedLocales),
  languages: z.array(
    z.strictObject({
      locale: z.enum(supportedLocales),
      isDefault: z.boolean(),
      counts: z.strictObject({
        own: z.number().int(),
        fallback: z.number().int(),
        standard: z.number().int(),
        missing: z.number().int(),
      }),
      entries: z.array(z.strictObject({ path: text(), status: textStatusSchema, required: z.boolean() })),
    }),
  ),
  missingRequired: z.array(z.strictObject({ path: text(), locale: z.enum(supportedLocales) })),
});

/** `brandingContrastChecks` (`@meldpunt/contracts/contrast`) as the API answers it. */
export const contrastCheckSchema = z.strictObject({
  id: z.enum(['text-on-primary', 'text', 'primary', 'accent']),
  path: text(),
  foreground: text(),
  background: text(),
  ratio: z.number(),
  minimum: z.number(),
  passes: z.boolean(),
});

/**
 * `GET …/config/draft` (and the answer of a save): the draft with its `etag` (also the `ETag` header;
 * send it back as `If-Match`), the completeness view, the contrast checks, and what would block
 * publishing it. Without a saved draft it is the published config, `revision` 0.
 */
export const configDraftSchema = z.strictObject({
  etag: text(),
  /** Saves since the draft was started from `basedOnVersion`; 0: nothing saved yet. */
  revision: z.number().int().min(0),
  /** The published version the draft started from (null: the tenant has never published). */
  basedOnVersion: version.nullable(),
  publishedVersion: version.nullable(),
  config: tenantConfigObjectSchema,
  /** The last save: when and by whom (null before the first save). */
  updatedAt: timestamp.nullable(),
  updatedBy: staffRefSchema.nullable(),
  completeness: textCompletenessSchema,
  contrast: z.array(contrastCheckSchema),
  /** Why publishing would be refused now (per field, JSON Pointer); empty: it may be published. */
  publishBlockers: z.array(z.strictObject({ path: text(), message: text() })),
});
export type ConfigDraft = z.infer<typeof configDraftSchema>;

/**
 * The 412 answer to a save with a stale `If-Match`: a problem+json with the draft as it is now and who
 * changed it last (a save, or a publish that started a new draft), so the console can merge.
 */
export const draftConflictSchema = z.object({
  type: text(),
  title: text(),
  status: z.literal(412),
  detail: text().optional(),
  instance: text().optional(),
  lastChange: z.strictObject({
    kind: z.enum(['saved', 'published']),
    by: staffRefSchema.nullable(),
    at: timestamp.nullable(),
  }),
  current: configDraftSchema,
});
export type DraftConflict = z.infer<typeof draftConflictSchema>;

/** A publish's note: what changed, for the history (required, one short line or two). */
const noteSchema = text().trim().min(1).max(500);

/** `POST …/config/publish`. */
export const publishInputSchema = z.strictObject({ note: noteSchema });
export type PublishInput = z.infer<typeof publishInputSchema>;

/** `POST …/config/versions/:version/restore`: the note defaults to "Restored version N". */
export const restoreInputSchema = z.strictObject({ note: noteSchema.optional() });
export type RestoreInput = z.infer<typeof restoreInputSchema>;

/** One version in the history. */
export const configVersionSummarySchema = z.strictObject({
  version,
  publishedAt: timestamp.nullable(),
  /** Null: published by the operator's `pnpm tenant:import`, or the person has been removed. */
  publishedBy: staffRefSchema.nullable(),
  note: text().nullable(),
  /** Restored from this version. */
  restoredFrom: version.nullable(),
  /** The version the public config serves now. */
  current: z.boolean(),
});
export type ConfigVersionSummary = z.infer<typeof configVersionSummarySchema>;

/** `GET …/config/versions`: newest first. */
export const configVersionListSchema = z.strictObject({
  publishedVersion: version.nullable(),
  versions: z.array(configVersionSummarySchema),
});
export type ConfigVersionList = z.infer<typeof configVersionListSchema>;

/** `GET …/config/versions/:version`: one version with its config (never changed once published). */
export const configVersionSchema = configVersionSummarySchema.extend({ config: tenantConfigObjectSchema });
export type ConfigVersion = z.infer<typeof configVersionSchema>;
