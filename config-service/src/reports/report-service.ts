import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { localize, type Locale, type ReportCreated, type ReportInput } from '@meldpunt/contracts';
import type { Database, NewReport } from '../db/database.ts';
import { deliveryTargets } from '../delivery/targets.ts';
import { ProblemError } from '../http/problem.ts';
import { purposes, type ServerSecret } from '../secrets/server-secret.ts';
import type { PublishedTenant } from '../tenants/tenant-repository.ts';
import type { ContactSealer } from '../secrets/contact-sealer.ts';
import { newReference } from './reference.ts';
import { findReportByIdempotencyKey, insertReport } from './report-repository.ts';
import { ReportRouter, type Route } from '../routing/report-router.ts';
import { nonParticipatingResponse } from '../routing/texts.ts';

export interface ReportDeps {
  db: Kysely<Database>;
  sealer: ContactSealer;
  /** Keys the request hash (never stored in the database). */
  serverSecret: Pick<ServerSecret, 'hmac'>;
  router: ReportRouter;
}

export interface SubmitResult {
  /** `false` when an earlier request with the same idempotency key already stored this report. */
  created: boolean;
  body: ReportCreated;
}

/**
 * Stores a validated report and schedules its delivery to each channel of the tenant it is routed to
 * (by its point: see `ReportRouter`). The contact block is sealed first — or dropped when that tenant
 * gives no follow-up; nothing about the client (address, user agent) is ever part of the row.
 * An idempotency key belongs to the embedding tenant: same key + same body → the original answer,
 * same key + another body → 422. The body is compared by a keyed hash (HMAC with a key from the
 * server secret): the stored hash covers the contact details too, and without the key nobody can check
 * a guess at them against it. Retention clears key and hash once the 48-hour replay window is over.
 */
export async function submitReport(
  deps: ReportDeps,
  source: PublishedTenant,
  input: ReportInput,
  idempotencyKey: string | undefined,
  /** Where it goes, when the caller has decided that already (to validate against it). */
  decided?: Route,
): Promise<SubmitResult> {
  const requestHash = idempotencyKey ? deps.serverSecret.hmac(purposes.requestHash, JSON.stringify(input)) : null;
  const route = decided ?? (await deps.router.route(source, input.location, input.occurredAt));
  // Nobody will get back to the reporter there, so their contact details are not kept.
  const report = followUpOf(route) === 'none' ? { ...input, contact: undefined } : input;
  for (let attempt = 0; ; attempt++) {
    const id = randomUUID();
    const reference = newReference();
    try {
      const row = reportRow(source, route, report, { id, reference, idempotencyKey, requestHash }, deps.sealer);
      // The report and its deliveries (outbox rows) are stored by one statement: both or neither.
      const stored = await insertReport(deps.db, row, deliveryTargets(route.tenant.settings));
      if (stored) return { created: true, body: createdBody(route, stored, input.locale) };
    } catch (error) {
      // A reference collision (1 in ~10¹¹ per pair) just draws a new one.
      if (isUniqueViolation(error, 'report_reference_key') && attempt < 3) continue;
      throw error;
    }
    // Nothing stored: the idempotency key was used before. Replay or conflict.
    if (!idempotencyKey) throw new Error('Report insert returned no row without an idempotency key');
    const original = await findReportByIdempotencyKey(deps.db, source.id, idempotencyKey);
    if (!original) continue; // The conflicting row vanished (deleted by retention); store anew.
    if (original.request_hash !== requestHash) {
      throw new ProblemError(422, 'idempotency-key-reused', 'This Idempotency-Key was used for another report', {
        detail: 'Use a new Idempotency-Key for a new report.',
        errors: [{ path: '', message: 'Idempotency-Key already used with a different body' }],
      });
    }
    const tenant = original.tenant_slug === source.slug ? source : await deps.router.tenant(original.tenant_slug);
    if (!tenant) throw new Error('The tenant of a stored report is no longer published');
    const stored = await deps.router.storedRoute(tenant, original.area_code, input.occurredAt);
    return { created: false, body: createdBody(stored, original, original.locale as Locale) };
  }
}

/** The row stored for a report: the input as validated, the contact sealed, nothing about the client. */
export function reportRow(
  source: Pick<PublishedTenant, 'id' | 'version'>,
  route: { tenant: Pick<PublishedTenant, 'id'>; area: { code: string } | null },
  input: ReportInput,
  ids: { id: string; reference: string; idempotencyKey: string | undefined; requestHash: string | null },
  sealer: Pick<ContactSealer, 'seal'>,
): NewReport {
  const tenantId = route.tenant.id;
  return {
    id: ids.id,
    tenant_id: tenantId,
    source_tenant_id: source.id,
    area_code: route.area?.code ?? null,
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
    contact_sealed: input.contact ? sealer.seal(input.contact, { reportId: ids.id, tenantId }) : null,
    wants_follow_up: input.contact?.wantsFollowUp ?? false,
    config_version: source.version,
    idempotency_key: ids.idempotencyKey ?? null,
    request_hash: ids.requestHash,
  };
}

/** The follow-up the reporter can expect where the report goes. */
export function followUpOf(route: Route): 'active' | 'none' {
  return route.participating ? route.tenant.config.followUp.mode : 'none';
}

function createdBody(route: Route, report: { id: string; reference: string }, locale: Locale): ReportCreated {
  const { config } = route.tenant;
  const response =
    !route.participating && route.area
      ? nonParticipatingResponse(locale, route.area.name)
      : {
          title: localize(config.followUp.response.title, locale, config.defaultLocale) ?? '',
          body: localize(config.followUp.response.body, locale, config.defaultLocale) ?? '',
        };
  return {
    id: report.id,
    reference: report.reference,
    tenant: route.tenant.slug,
    routedTo: ReportRouter.routedTo(route),
    followUp: followUpOf(route),
    response,
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && (e.constraint === constraint || (e.message ?? '').includes(constraint));
}
