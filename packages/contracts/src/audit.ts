/**
 * The audit log as the console reads it: pages of a tenant's chain (its admins) or of the platform's
 * (the operator), newest first. An entry says who (a staff id, or `system`/`cli`; null for a failed
 * sign-in of nobody known), did what (`action`, from the service's closed list), to what (`target`,
 * a kind and an id) and small `details` — ids, role names, counts; never an address, a name or a
 * report's content. `hash` chains it to the entry before (see the README, "Audit log").
 */
import { z } from 'zod';
import { text } from './text.ts';

export * from './audit-actions.ts';

const id = text().max(100);

export const auditEntrySchema = z.strictObject({
  id: text(z.uuid()),
  /** The tenant's id, or `platform`. */
  chain: id,
  /** Counts from 1 in its chain, without gaps. */
  sequence: z.number().int().min(1),
  occurredAt: text(z.iso.datetime({ offset: true })),
  /** The tenant's id; null in the platform chain. */
  tenantId: text(z.uuid()).nullable(),
  actor: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('staff'), id }),
      z.strictObject({ kind: z.literal('system') }),
      z.strictObject({ kind: z.literal('cli') }),
    ])
    .nullable(),
  /** E.g. `auth.sign-in`, `membership.roles-changed`, `invitation.created`, `export.created`. */
  action: text().max(100),
  target: z.strictObject({ kind: text().max(50), id }).nullable(),
  /** Only what the service's closed list of actions admits: ids, role names, choices, counts, flags. */
  details: z.record(
    text().max(100),
    z.union([text().max(200), z.number(), z.boolean(), z.null(), z.array(text().max(100)).max(20)]),
  ),
  hash: id,
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

/** The most entries one page holds. */
export const maxAuditPageLimit = 200;

/** `GET …/audit`: one page, newest first; `nextBefore` (as `?before=`) asks for the next, null at the end. */
export const auditPageSchema = z.strictObject({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().int().min(1).nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The query of `GET …/audit`: entries older than `before` (a sequence), at most `limit` (default 50). */
export const auditPageQuerySchema = z.strictObject({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(maxAuditPageLimit).optional(),
});
export type AuditPageQuery = z.input<typeof auditPageQuerySchema>;

/** The query of `GET …/audit/export`: JSON lines (the default, every field as stored) or CSV. */
export const auditExportQuerySchema = z.strictObject({
  format: z.enum(['jsonl', 'csv']).default('jsonl'),
});
export type AuditExportQuery = z.input<typeof auditExportQuerySchema>;

// --- Tenant admin's audit pages (issue 12, console): who is who, filtering, and the chain's state. ---

/** An action code as the query names it: lower-case words with dots and dashes (`membership.removed`). */
export const auditActionQuerySchema = text()
  .max(100)
  .regex(/^[a-z][a-z0-9.-]*$/, 'An action code like membership.removed');

/** The query of a tenant's `GET …/audit`: the page query and, optionally, one action to show. */
export const tenantAuditPageQuerySchema = auditPageQuerySchema.extend({ action: auditActionQuerySchema.optional() });
export type TenantAuditPageQuery = z.input<typeof tenantAuditPageQuerySchema>;

/**
 * The staff a page's entries name (actors, and targets of kind `staff`), by id, resolved for display only:
 * the entries themselves keep ids, never a name or an address. A person since deleted is missing.
 */
export const auditPersonSchema = z.strictObject({ name: text().max(200), email: text().max(254) });
export type AuditPerson = z.infer<typeof auditPersonSchema>;

/** `GET /api/v1/console/tenants/:slug/audit`: a page of the tenant's chain with the people it names. */
export const tenantAuditPageSchema = auditPageSchema.extend({
  people: z.record(text().max(100), auditPersonSchema),
});
export type TenantAuditPage = z.infer<typeof tenantAuditPageSchema>;

/**
 * `GET /api/v1/console/tenants/:slug/audit/verify`: whether the tenant's chain is intact in the database
 * (every hash recomputed with the server's key, no gaps). A cut-off tail is found only against the heads
 * kept outside the database (`pnpm audit:verify --expect`), which the service cannot see here.
 */
export const auditVerificationSchema = z.strictObject({
  intact: z.boolean(),
  /** How many entries the chain holds. */
  entries: z.number().int().min(0),
  /** The newest entry's sequence; null for an empty chain. */
  headSequence: z.number().int().min(1).nullable(),
  /** What is wrong, from the first sequence concerned (empty when intact). */
  problems: z.array(
    z.strictObject({ sequence: z.number().int().min(1), kind: z.enum(['changed', 'removed', 'cut-off']) }),
  ),
  checkedAt: text(z.iso.datetime({ offset: true })),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
