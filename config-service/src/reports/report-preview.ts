/**
 * Sending from the configuration console's preview (issue 13): the real widget renders the unpublished
 * draft, and its report comes here instead of the public reports route. It is checked exactly as a
 * real one would be under that draft — who would receive it (`ReceiverLookup.find`, which also refuses
 * a point outside the Netherlands) and the tenant's rules (`checkAgainstTenant`, the report service's
 * own) — and answered with what the widget shows after sending and the e-mail the municipality's
 * recipients would get (`renderReportMail`, the delivery worker's own, with the tenant's real mail
 * settings).
 *
 * Nothing is stored or counted: no report row, no outbox row, no idempotency key, no rate-limit use, no
 * audit entry (a preview report's content must not reach the audit log), no figure.
 */
import type { Kysely } from 'kysely';
import type { PreviewReport, ReportInput, TenantConfig } from '@meldpunt/contracts';
import type { Database, Report } from '../db/database.ts';
import { renderReportMail } from '../delivery/mail/report-mail.ts';
import { DomainError } from '../errors/domain-error.ts';
import { followUpOf, type ReceiverLookup } from '../receivers/receiver-lookup.ts';
import { draftConfigOf } from '../tenants/config-checks.ts';
import type { PublishedTenant } from '../tenants/tenant-repository.ts';
import { sampleReference } from './reference.ts';
import { checkAgainstTenant, createdBody, reportRow } from './report-service.ts';

export interface ReportPreviewDeps {
  db: Kysely<Database>;
  receivers: Pick<ReceiverLookup, 'find'>;
  now?: () => Date;
}

/** The id of every preview report: the nil UUID, which no stored report has (they get random ones). */
export const sampleReportId = '00000000-0000-0000-0000-000000000000';

/**
 * The widget's answer and the municipality's e-mail for `report` sent under the draft `config` of the
 * tenant. Refusals are the public route's (`invalid-fields` with JSON Pointers into this request's
 * body — `/config/…` for the draft, `/report/…` for the report — or `outside-netherlands`).
 */
export async function previewReport(
  deps: ReportPreviewDeps,
  tenant: { id: string },
  input: { config: unknown; report: ReportInput },
): Promise<PreviewReport> {
  const config = withinBody('/config', () => draftConfigOf(input.config));
  const row = await deps.db
    .selectFrom('tenant')
    .select(['id', 'slug', 'settings', 'published_version'])
    .where('id', '=', tenant.id)
    .executeTakeFirstOrThrow();
  // The tenant as the public route would see it once this draft is published. Its identity and place
  // are its own (the operator's fields), whatever the draft says: they decide where reports go.
  const source: PublishedTenant = {
    id: row.id,
    slug: row.slug,
    settings: row.settings,
    version: row.published_version ?? 0,
    config: await withOperatorFields(deps.db, row.id, row.published_version, config),
  };
  const report = input.report;
  const receiver = await withinBody('/report', () => deps.receivers.find(source, report.location, report.occurredAt));
  withinBody('/report', () => checkAgainstTenant(source, receiver, report));

  const result = createdBody(receiver, { id: sampleReportId, reference: sampleReference }, report.locale);
  // Nobody would get back to the reporter there, so the contact details would not be kept (or sent).
  const contact = followUpOf(receiver) === 'none' ? undefined : report.contact;
  const mail = renderReportMail({
    report: sampleRow(source, receiver, report, deps.now?.() ?? new Date()),
    tenantName: source.config.name,
    config: source.config,
    settings: row.settings,
    contact,
  });
  return { result, mail };
}

/** Runs `check`; its field errors point into the request body under `prefix`. */
function withinBody<T>(prefix: string, check: () => T): T {
  const prefixed = (error: unknown): never => {
    if (error instanceof DomainError && error.refusal.code === 'invalid-fields') {
      const errors = error.refusal.errors.map((e) => ({ ...e, path: `${prefix}${e.path}` }));
      throw new DomainError({ code: 'invalid-fields', errors }, error.message);
    }
    throw error;
  };
  try {
    const result = check();
    return result instanceof Promise ? (result.catch(prefixed) as T) : result;
  } catch (error) {
    return prefixed(error);
  }
}

/**
 * The draft with the tenant's own slug, kind and municipality (from the published version, or the
 * draft when none is published yet): an editor cannot change them (`saveDraft` refuses it), so a
 * preview must not route as if they could.
 */
async function withOperatorFields(
  db: Kysely<Database>,
  tenantId: string,
  publishedVersion: number | null,
  config: TenantConfig,
): Promise<TenantConfig> {
  if (publishedVersion === null) return config;
  const published = await db
    .selectFrom('tenant_config_version')
    .select('config')
    .where('tenant_id', '=', tenantId)
    .where('version', '=', publishedVersion)
    .executeTakeFirst();
  if (!published) return config;
  const { slug, kind, municipalityCode } = published.config;
  const { municipalityCode: _drafted, ...rest } = config;
  return { ...rest, slug, kind, ...(municipalityCode !== undefined ? { municipalityCode } : {}) };
}

/** The report as the mail renders a stored one: the same row `reportRow` builds, never inserted. */
function sampleRow(
  source: PublishedTenant,
  receiver: Parameters<typeof reportRow>[1],
  report: ReportInput,
  now: Date,
): Report {
  const ids = { id: sampleReportId, reference: sampleReference, idempotencyKey: undefined, requestHash: null };
  // Without the contact: it is passed to the mail as typed, never sealed for a row that is not stored.
  const row = reportRow(source, receiver, { ...report, contact: undefined }, ids, {
    seal: () => {
      throw new Error('a preview report is never sealed');
    },
  });
  // `reportRow` sets every column; its type (an insert) only leaves the nullable ones optional.
  return {
    ...row,
    area_code: row.area_code ?? null,
    occurred_at: new Date(report.occurredAt),
    part_of_day: row.part_of_day ?? null,
    location_lat: row.location_lat ?? null,
    location_lng: row.location_lng ?? null,
    location_text: row.location_text ?? null,
    location_source: row.location_source ?? null,
    location_accuracy: row.location_accuracy ?? null,
    description: row.description ?? null,
    intervened: row.intervened ?? null,
    extra: report.extra ?? {},
    contact_sealed: null,
    wants_follow_up: report.contact?.wantsFollowUp ?? false,
    idempotency_key: null,
    request_hash: null,
    received_at: now,
    status: 'new',
    referred_to: null,
    closing_reason: null,
    assignee_id: null,
    revision: 0,
    status_changed_at: null,
    contact_erased_at: null,
    demo: false,
    grid_e: null,
    grid_n: null,
    receipt_key_id: null,
    receipt_hash: null,
  };
}
