import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  formatReceiptCode,
  localize,
  tenantReportErrors,
  type Locale,
  type ReportCreated,
  type ReportInput,
} from '@meldpunt/contracts';
import type { Database, NewReport } from '../db/database.ts';
import { deliveryTargets } from '../delivery/targets.ts';
import { DomainError } from '../errors/domain-error.ts';
import { clientNetwork } from '../limits/client-network.ts';
import { newReceiptCode, receiptKeysOf, type ReceiptHash, type ReceiptKeys } from '../follow-up/receipt-keys.ts';
import { feedbackTokenSeconds, issueToken } from '../follow-up/tokens.ts';
import { followUpOf, routedTo, type Receiver, type ReceiverLookup } from '../receivers/receiver-lookup.ts';
import { nonParticipatingResponse } from '../receivers/texts.ts';
import type { ContactSealer } from '../secrets/contact-sealer.ts';
import { purposes, type ServerSecret } from '../secrets/server-secret.ts';
import type { PublishedTenant } from '../tenants/tenant-repository.ts';
import type { ReportRateLimiter } from './rate-limit.ts';
import { newReference } from './reference.ts';
import { findReportByIdempotencyKey, insertReport, replaceReceiptHash } from './report-repository.ts';

export interface ReportDeps {
  db: Kysely<Database>;
  /** Decides which tenant receives a report. */
  receivers: ReceiverLookup;
  sealer: ContactSealer;
  /** Keys the request hash and signs the feedback token (never stored in the database). */
  serverSecret: Pick<ServerSecret, 'hmac' | 'deriveKey'>;
  /** Hash receipt codes (issue 15); unset: key 1 derived from the server secret only. */
  receiptKeys?: ReceiptKeys;
  rateLimiter: ReportRateLimiter;
  /** Wakes the in-process delivery worker after a new report (unset: workers find it by polling). */
  nudgeDelivery?: () => void;
}

/** A report as it arrives, validated against the contracts' schema; the HTTP handler builds it. */
export interface Submission {
  /** The tenant whose widget sent it (the `:slug` of the URL). */
  source: PublishedTenant;
  input: ReportInput;
  /** The client's `Idempotency-Key`, already checked for its form. */
  idempotencyKey: string | undefined;
  /** The sender's address: only for the rate limits (as a keyed hash of its network), never stored. Unknown ones share one limit. */
  clientAddress: string | undefined;
}

export interface SubmitResult {
  /** `false` when an earlier request with the same idempotency key already stored this report. */
  created: boolean;
  body: ReportCreated;
}

/**
 * Takes a report in, one step after the other:
 * 1. who receives it, by its point (`ReceiverLookup.find`; refused outside the Netherlands);
 * 2. the embedding tenant's own rules (categories, fields, follow-up: see `checkAgainstTenant`);
 * 3. one report reserved from the client's limits at the embedding and at the receiving tenant
 *    (`ReportRateLimiter.reserve`, shared by every instance) — before storing, so a burst of parallel
 *    requests cannot all pass the check before any of them counts;
 * 4. stored with its deliveries to the receiver's channels (`storeReport`), or the original answer of
 *    an idempotent replay — with a receipt code when the receiver follows up, a new one on a replay;
 *    a replay or a refusal gives the reserved report back;
 * 5. a new report wakes the delivery worker.
 * A client over its limit that retries a report it already sent (same `Idempotency-Key`, same body)
 * still gets the original answer: its first one may have been lost, and a replay stores nothing.
 * Refusals are `DomainError`s, answered as problem+json by `http/problem.ts` (`problemOf`).
 */
export async function submitReport(deps: ReportDeps, submission: Submission): Promise<SubmitResult> {
  const { source, input, idempotencyKey } = submission;
  const receiver = await deps.receivers.find(source, input.location, input.occurredAt);
  checkAgainstTenant(source, receiver, input);

  let reservation: { release(): Promise<void> } | undefined;
  try {
    reservation = await deps.rateLimiter.reserve(clientNetwork(submission.clientAddress), source, receiver.tenant);
  } catch (error) {
    const replay =
      error instanceof DomainError &&
      error.refusal.code === 'too-many-reports' &&
      idempotencyKey !== undefined &&
      (await findReportByIdempotencyKey(deps.db, source.id, idempotencyKey)) !== undefined;
    if (!replay) throw error;
  }

  let result: SubmitResult;
  try {
    result = await storeReport(deps, source, receiver, input, idempotencyKey);
  } catch (error) {
    // The refusal (or the database's failure) is the answer, not a failure to give the slot back.
    await reservation?.release().catch(() => undefined);
    throw error;
  }
  if (!result.created) await reservation?.release();
  // Its deliveries are in the outbox; wake the worker so the municipality has it within seconds.
  else deps.nudgeDelivery?.();
  return result;
}

/**
 * The embedding tenant's rules for the report, checked against where it goes. A tenant without
 * follow-up refuses contact details for its own reports; for one received elsewhere they are kept if
 * the receiver follows up, else dropped (`storeReport`).
 */
export function checkAgainstTenant(source: PublishedTenant, receiver: Receiver, input: ReportInput): void {
  const stays = receiver.tenant.id === source.id && receiver.participating;
  const errors = tenantReportErrors(source.config, input, stays ? source.config.followUp.mode : 'active');
  if (errors.length > 0)
    throw new DomainError({ code: 'invalid-fields', errors }, 'The report does not fit the tenant');
}

/**
 * Stores a checked report and schedules its delivery to each channel of its receiver. The contact block
 * is sealed first — or dropped when the receiver gives no follow-up; nothing about the client (address,
 * user agent) is ever part of the row.
 * An idempotency key belongs to the embedding tenant: same key + same body → the original answer,
 * same key + another body → refused (`idempotency-key-reused`). The body is compared by a keyed hash
 * (HMAC with a key from the server secret): the stored hash covers the contact details too, and
 * without the key nobody can check a guess at them against it. Retention clears key and hash once the
 * 48-hour replay window is over.
 *
 * Issue 15: when the receiver follows up, the answer carries a receipt code — made here, kept only as
 * its keyed hash (`follow-up/receipt-keys.ts`), shown once. A replay cannot show the first code again
 * (nobody has it any more), so it issues a new one in its place: the old one stops working, and a
 * reporter whose first answer was lost is never left without a code that works. Every answer carries
 * a feedback token for the one question after sending.
 */
async function storeReport(
  deps: Pick<ReportDeps, 'db' | 'receivers' | 'sealer' | 'serverSecret' | 'receiptKeys'>,
  source: PublishedTenant,
  receiver: Receiver,
  input: ReportInput,
  idempotencyKey: string | undefined,
): Promise<SubmitResult> {
  const requestHash = idempotencyKey ? deps.serverSecret.hmac(purposes.requestHash, JSON.stringify(input)) : null;
  // Nobody will get back to the reporter there, so their contact details are not kept.
  const report = followUpOf(receiver) === 'none' ? { ...input, contact: undefined } : input;
  const keys = receiptKeysOf(deps);
  for (let attempt = 0; ; attempt++) {
    const id = randomUUID();
    const reference = newReference();
    const receiptCode = followUpOf(receiver) === 'active' ? newReceiptCode() : undefined;
    const receipt = receiptCode === undefined ? null : keys.hash(receiptCode);
    try {
      const ids = { id, reference, idempotencyKey, requestHash, receipt };
      const row = reportRow(source, receiver, report, ids, deps.sealer);
      // The report and its deliveries (outbox rows) are stored by one statement: both or neither.
      const stored = await insertReport(deps.db, row, deliveryTargets(receiver.tenant.settings));
      if (stored) {
        const body = createdBody(receiver, stored, input.locale);
        return { created: true, body: withFollowUp(deps, body, receiptCode) };
      }
    } catch (error) {
      // A reference collision (1 in ~10¹¹ per pair) — or, with odds of 1 in ~10²⁴, a receipt code's —
      // just draws a new one.
      const collision =
        isUniqueViolation(error, 'report_reference_key') || isUniqueViolation(error, 'report_receipt_hash');
      if (collision && attempt < 3) continue;
      throw error;
    }
    // Nothing stored: the idempotency key was used before. Replay or conflict.
    if (!idempotencyKey) throw new Error('Report insert returned no row without an idempotency key');
    const original = await findReportByIdempotencyKey(deps.db, source.id, idempotencyKey);
    if (!original) continue; // The conflicting row vanished (deleted by retention); store anew.
    if (original.request_hash !== requestHash) {
      throw new DomainError({ code: 'idempotency-key-reused' }, 'Idempotency key already used with another body');
    }
    const storedReceiver = await deps.receivers.ofStored(source, {
      tenantSlug: original.tenant_slug,
      areaCode: original.area_code,
      occurredAt: input.occurredAt,
    });
    const body = createdBody(storedReceiver, original, original.locale as Locale);
    if (original.receipt_hash === null) return { created: false, body: withFollowUp(deps, body, undefined) };
    // The first code cannot be shown again: a new one replaces it (and ends the old one's tokens).
    const newCode = newReceiptCode();
    await replaceReceiptHash(deps.db, original.id, keys.hash(newCode));
    return { created: false, body: withFollowUp(deps, body, newCode) };
  }
}

/** The 201's follow-up parts: the receipt code (formatted; when there is one) and the feedback token. */
function withFollowUp(
  deps: Pick<ReportDeps, 'serverSecret'>,
  body: ReportCreated,
  receiptCode: string | undefined,
): ReportCreated {
  const feedback = issueToken(
    deps.serverSecret,
    { reportId: body.id, purpose: 'feedback', binding: '' },
    feedbackTokenSeconds,
  );
  return {
    ...body,
    ...(receiptCode === undefined ? {} : { receiptCode: formatReceiptCode(receiptCode) }),
    feedbackToken: feedback.token,
  };
}

/** The row stored for a report: the input as validated, the contact sealed, nothing about the client. */
export function reportRow(
  source: Pick<PublishedTenant, 'id' | 'version'>,
  receiver: { tenant: Pick<PublishedTenant, 'id'>; area: { code: string } | null },
  input: ReportInput,
  ids: {
    id: string;
    reference: string;
    idempotencyKey: string | undefined;
    requestHash: string | null;
    /** The receipt code's keyed hash (issue 15), when the receiver follows up. */
    receipt?: ReceiptHash | null;
  },
  sealer: Pick<ContactSealer, 'seal'>,
): NewReport {
  const tenantId = receiver.tenant.id;
  return {
    id: ids.id,
    tenant_id: tenantId,
    source_tenant_id: source.id,
    area_code: receiver.area?.code ?? null,
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
    // Always both columns (null without a code): one column list, so one prepared insert statement.
    receipt_key_id: ids.receipt?.keyId ?? null,
    receipt_hash: ids.receipt?.hash ?? null,
  };
}

/** The answer the widget shows after sending: who received it and their response in the report's language. */
export function createdBody(
  receiver: Receiver,
  report: { id: string; reference: string },
  locale: Locale,
): ReportCreated {
  const { config } = receiver.tenant;
  const response =
    !receiver.participating && receiver.area
      ? nonParticipatingResponse(locale, receiver.area.name)
      : {
          title: localize(config.followUp.response.title, locale, config.defaultLocale) ?? '',
          body: localize(config.followUp.response.body, locale, config.defaultLocale) ?? '',
        };
  return {
    id: report.id,
    reference: report.reference,
    tenant: receiver.tenant.slug,
    routedTo: routedTo(receiver),
    followUp: followUpOf(receiver),
    response,
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && (e.constraint === constraint || (e.message ?? '').includes(constraint));
}
