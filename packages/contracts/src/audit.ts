/**
 * The audit log as the console reads it: pages of a tenant's chain (its admins) or of the platform's
 * (the operator), newest first. An entry says who (a staff id, or `system`/`cli`; null for a failed
 * sign-in of nobody known), did what (`action`, from the service's closed list), to what (`target`,
 * a kind and an id) and small `details` — ids, role names, counts; never an address, a name or a
 * report's content. `hash` chains it to the entry before (see the README, "Audit log").
 */
import { z } from 'zod';
import { text } from './text.ts';

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
