import { z } from 'zod';
import { limits } from './limits.ts';
import { idSchema, localeSchema, type TenantConfig } from './tenant-config.ts';
import type { FieldError } from './problem.ts';
import { receiptAlphabet } from './receipt-code.ts';
import { text } from './text.ts';

export const reportRoleSchema = z.enum(['victim', 'bystander', 'other']);
export type ReportRole = z.infer<typeof reportRoleSchema>;

export const partOfDaySchema = z.enum(['night', 'morning', 'afternoon', 'evening']);

const trimmed = (max: number) => text().trim().min(1).max(max);

/** No place on Earth is further from UTC than +14:00 (Kiribati); the most westerly offset is -12:00. */
const maxUtcOffsetMinutes = 14 * 60;

/**
 * An ISO 8601 date-time with seconds and a UTC offset (`2026-11-20T22:30:00+01:00`, `…Z`), the offset at
 * most 14 hours from UTC — as on Earth. (The ISO pattern alone allows ±23:59; PostgreSQL refuses ±16:00.)
 */
export const offsetDateTimeSchema = text(z.iso.datetime({ offset: true })).refine((value) => {
  const offset = /[+-](\d\d):(\d\d)$/.exec(value);
  return !offset || Number(offset[1]) * 60 + Number(offset[2]) <= maxUtcOffsetMinutes;
}, 'Use a UTC offset between -14:00 and +14:00');

/** The `Idempotency-Key` header of `POST …/reports`: 8 to 128 visible ASCII characters, e.g. a UUID. */
export const idempotencyKeySchema = text().regex(
  new RegExp(`^[\\x21-\\x7e]{8,${limits.idempotencyKeyMaxLength}}$`),
  `Use 8 to ${limits.idempotencyKeyMaxLength} visible ASCII characters, e.g. a UUID`,
);

/**
 * Where it happened: a point (from the map, an address search or the device), a description in words, or both.
 * The map is never required.
 */
export const reportLocationSchema = z
  .strictObject({
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    /** The place in words: typed by the reporter, or read back from an address lookup. */
    text: trimmed(limits.locationTextMaxLength).optional(),
    /** How the point was chosen. */
    source: z.enum(['map', 'search', 'device', 'text']).optional(),
    /** Accuracy of a device location, in metres. */
    accuracy: z.number().min(0).max(100_000).optional(),
  })
  .superRefine((location, ctx) => {
    const hasLat = location.lat !== undefined;
    const hasLng = location.lng !== undefined;
    if (hasLat !== hasLng) {
      ctx.addIssue({ code: 'custom', path: [hasLat ? 'lng' : 'lat'], message: 'Give both latitude and longitude' });
    }
    if (!hasLat && !hasLng && !location.text) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'Choose a place or describe it in words' });
    }
  });
export type ReportLocation = z.infer<typeof reportLocationSchema>;

export const reportContactSchema = z.strictObject({
  name: trimmed(limits.nameMaxLength).optional(),
  email: text(z.email()).max(limits.emailMaxLength).optional(),
  phone: text()
    .trim()
    .max(limits.phoneMaxLength)
    .regex(/^\+?[0-9 ()-]{6,}$/, 'Use digits, spaces, +, - and brackets')
    .optional(),
  /** The reporter wants to hear back; requires an e-mail address or phone number. */
  wantsFollowUp: z.boolean(),
});
export type ReportContact = z.infer<typeof reportContactSchema>;

/** The body of `POST /api/v1/tenants/:slug/reports`. Unknown keys are rejected everywhere. */
export const reportInputSchema = z
  .strictObject({
    role: reportRoleSchema,
    categories: z.array(idSchema).min(1).max(limits.maxCategoriesPerReport),
    /** ISO 8601 date-time with offset. With `timePrecision` other than `exact`, the best estimate. */
    occurredAt: offsetDateTimeSchema,
    timePrecision: z.enum(['exact', 'part-of-day', 'approximate']).default('exact'),
    partOfDay: partOfDaySchema.optional(),
    location: reportLocationSchema,
    description: text().trim().max(limits.descriptionMaxLength).optional(),
    /** Did anyone intervene or help? */
    intervened: z.enum(['yes', 'no', 'unknown']).optional(),
    /** Values of the tenant's extra fields, by field id. */
    extra: z
      .record(idSchema, text().trim().max(limits.extraValueMaxLength))
      .refine((extra) => Object.keys(extra).length <= limits.maxExtraFields, 'Too many extra fields')
      .optional(),
    contact: reportContactSchema.optional(),
    locale: localeSchema,
  })
  .superRefine((report, ctx) => {
    const at = Date.parse(report.occurredAt);
    if (at > Date.now() + limits.clockSkewMs) {
      ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'The date and time cannot be in the future' });
    } else if (at < Date.parse(limits.earliestOccurredAt)) {
      ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'The date is too long ago' });
    }
    if (new Set(report.categories).size !== report.categories.length) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'Each category may be chosen once' });
    }
    if (report.timePrecision === 'part-of-day' && !report.partOfDay) {
      ctx.addIssue({ code: 'custom', path: ['partOfDay'], message: 'Choose a part of the day' });
    }
    if (report.timePrecision !== 'part-of-day' && report.partOfDay) {
      ctx.addIssue({ code: 'custom', path: ['partOfDay'], message: 'Only with time precision part-of-day' });
    }
    if (report.contact?.wantsFollowUp && !report.contact.email && !report.contact.phone) {
      ctx.addIssue({
        code: 'custom',
        path: ['contact'],
        message: 'Give an e-mail address or phone number to hear back',
      });
    }
  });
export type ReportInput = z.infer<typeof reportInputSchema>;
export type ReportInputBody = z.input<typeof reportInputSchema>;

/**
 * The checks that depend on the tenant: only its categories, its extra fields and its languages,
 * and no contact details when nobody follows up. Used by the service (422) and the widget alike.
 * `followUp` is that of the tenant the report is routed to (by its location), if not this one.
 */
export function tenantReportErrors(
  config: TenantConfig,
  report: ReportInput,
  followUp: 'active' | 'none' = config.followUp.mode,
): FieldError[] {
  const errors: FieldError[] = [];
  const categoryIds = new Set(config.categories.map((c) => c.id));
  report.categories.forEach((id, i) => {
    if (!categoryIds.has(id))
      errors.push({ path: `/categories/${i}`, message: `Category "${id}" is not offered here` });
  });
  const fields = new Map(config.fields.extra.map((f) => [f.id, f]));
  for (const [id, value] of Object.entries(report.extra ?? {})) {
    const field = fields.get(id);
    if (!field) {
      errors.push({ path: `/extra/${id}`, message: `Field "${id}" is not asked here` });
    } else if (field.type === 'select' && value && !field.options?.some((o) => o.id === value)) {
      errors.push({ path: `/extra/${id}`, message: `"${value}" is not one of the options` });
    }
  }
  if (report.intervened !== undefined && !config.fields.intervention) {
    errors.push({ path: '/intervened', message: 'This question is not asked here' });
  }
  if (!config.locales.includes(report.locale)) {
    errors.push({ path: '/locale', message: `Language "${report.locale}" is not offered here` });
  }
  if (report.contact && followUp === 'none') {
    errors.push({ path: '/contact', message: 'This municipality gives no follow-up, so no contact details are asked' });
  }
  return errors;
}

/** Characters of a reference code: no 0/O, 1/I/L or U/V look-alikes. */
export const referenceAlphabet = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const referenceSchema = text().regex(new RegExp(`^[${referenceAlphabet}]{4}-[${referenceAlphabet}]{4}$`));

/**
 * Where a report goes: the tenant that receives (stores and forwards) it, and the municipality its point
 * lies in. `participating: false`: that municipality has no tenant here, so the report is kept by the
 * national tenant without follow-up and the reporter is told to contact the municipality directly.
 */
export const routedToSchema = z.object({
  /** The receiving tenant. */
  slug: text(),
  name: text(),
  /** The municipality of the point; null when only words were given. */
  municipality: z.object({ code: text(), name: text() }).nullable(),
  participating: z.boolean(),
});
export type RoutedTo = z.infer<typeof routedToSchema>;

/** `GET /api/v1/tenants/:slug/route?lat=&lng=[&at=]`: where a report placed there would go, before sending. */
export const routePreviewSchema = z.object({
  routedTo: routedToSchema,
  followUp: z.enum(['active', 'none']),
});
export type RoutePreview = z.infer<typeof routePreviewSchema>;

/** The answer to a created report. */
export const reportCreatedSchema = z.object({
  id: text(z.uuid()),
  /** Short code the reporter can quote, e.g. `K7QM-4XTP`. */
  reference: referenceSchema,
  /** Slug of the tenant that received the report (after routing by location). */
  tenant: text(),
  routedTo: routedToSchema,
  followUp: z.enum(['active', 'none']),
  /** The receiving tenant's response in the report's locale (for a non-participating municipality: contact it). */
  response: z.object({ title: text(), body: text() }),
  /**
   * Issue 15: the receipt code (`7KQM-4XTP-9B2C-H0RD`) when the receiver follows up: shown once, never
   * again (a retry with the same `Idempotency-Key` issues a new one that replaces it).
   */
  receiptCode: text()
    .regex(new RegExp(`^([${receiptAlphabet}]{4}-){3}[${receiptAlphabet}]{4}$`))
    .optional(),
  /**
   * For the one feedback question after sending (`POST …/reports/:id/feedback`); valid for an hour.
   * Absent only where nothing was stored (the console's preview).
   */
  feedbackToken: text().optional(),
});
export type ReportCreated = z.infer<typeof reportCreatedSchema>;
