import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { localize, type Locale, type ReportCreated, type ReportInput } from '@meldpunt/contracts';
import type { Database, NewReport } from '../db/database.ts';
import { deliveryTargets } from '../delivery/targets.ts';
import { ProblemError } from '../http/problem.ts';
import type { PublishedTenant } from '../tenants/tenant-repository.ts';
import type { ContactSealer } from './contact-crypto.ts';
import { newReference } from './reference.ts';
import { findReportByIdempotencyKey, insertReport } from './report-repository.ts';

export interface ReportDeps {
  db: Kysely<Database>;
  sealer: ContactSealer;
}

export interface SubmitResult {
  /** `false` when an earlier request with the same idempotency key already stored this report. */
  created: boolean;
  body: ReportCreated;
}

/**
 * Stores a validated report for a tenant and schedules its delivery to each of the tenant's channels.
 * The contact block is sealed first; nothing about the client (address, user agent) is ever part of
 * the row. Same idempotency key + same body: the original answer; same key + another body: 422.
 */
export async function submitReport(
  deps: ReportDeps,
  tenant: PublishedTenant,
  input: ReportInput,
  idempotencyKey: string | undefined,
): Promise<SubmitResult> {
  const requestHash = idempotencyKey ? hashInput(input) : null;
  for (let attempt = 0; ; attempt++) {
    const id = randomUUID();
    const reference = newReference();
    try {
      const row = reportRow(tenant, input, { id, reference, idempotencyKey, requestHash }, deps.sealer);
      // The report and its deliveries (outbox rows) are stored by one statement: both or neither.
      const stored = await insertReport(deps.db, row, deliveryTargets(tenant.settings));
      if (stored) return { created: true, body: createdBody(tenant, stored, input.locale) };
    } catch (error) {
      // A reference collision (1 in ~10¹¹ per pair) just draws a new one.
      if (isUniqueViolation(error, 'report_reference_key') && attempt < 3) continue;
      throw error;
    }
    // Nothing stored: the idempotency key was used before. Replay or conflict.
    if (!idempotencyKey) throw new Error('Report insert returned no row without an idempotency key');
    const original = await findReportByIdempotencyKey(deps.db, tenant.id, idempotencyKey);
    if (!original) continue; // The conflicting row vanished (deleted by retention); store anew.
    if (original.request_hash !== requestHash) {
      throw new ProblemError(422, 'idempotency-key-reused', 'This Idempotency-Key was used for another report', {
        detail: 'Use a new Idempotency-Key for a new report.',
        errors: [{ path: '', message: 'Idempotency-Key already used with a different body' }],
      });
    }
    return { created: false, body: createdBody(tenant, original, original.locale as Locale) };
  }
}

/** The row stored for a report: the input as validated, the contact sealed, nothing about the client. */
export function reportRow(
  tenant: Pick<PublishedTenant, 'id' | 'version'>,
  input: ReportInput,
  ids: { id: string; reference: string; idempotencyKey: string | undefined; requestHash: string | null },
  sealer: Pick<ContactSealer, 'seal'>,
): NewReport {
  return {
    id: ids.id,
    tenant_id: tenant.id,
    reference: ids.reference,
    role: input.role,
    categories: input.categories,
    occurred_at: input.occurredAt,
    time_precision: input.timePrecision,
    part_of_day: input.partOfDay ?? null,
    location_lat: input.location.lat ?? null,
    location_lng: input.location.lng ?? null,
    location_text: input.location.text ?? null,
    location_source: input.location.source ?? null,
    location_accuracy: input.location.accuracy ?? null,
    description: input.description || null,
    intervened: input.intervened ?? null,
    extra: JSON.stringify(input.extra ?? {}),
    locale: input.locale,
    contact_sealed: input.contact ? sealer.seal(input.contact, { reportId: ids.id, tenantId: tenant.id }) : null,
    wants_follow_up: input.contact?.wantsFollowUp ?? false,
    config_version: tenant.version,
    idempotency_key: ids.idempotencyKey ?? null,
    request_hash: ids.requestHash,
  };
}

function createdBody(
  tenant: PublishedTenant,
  report: { id: string; reference: string },
  locale: Locale,
): ReportCreated {
  const { config } = tenant;
  const { title, body } = config.followUp.response;
  return {
    id: report.id,
    reference: report.reference,
    tenant: tenant.slug,
    followUp: config.followUp.mode,
    response: {
      title: localize(title, locale, config.defaultLocale) ?? '',
      body: localize(body, locale, config.defaultLocale) ?? '',
    },
  };
}

function hashInput(input: ReportInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('base64url');
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && (e.constraint === constraint || (e.message ?? '').includes(constraint));
}
