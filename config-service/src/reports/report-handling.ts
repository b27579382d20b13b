/**
 * One report in the back office (issue 14): everything the reporter gave (labelled from the config they
 * saw), its deliveries, the officers' notes and the handling's timeline; and what officers do with it —
 * change its status or assignee (with `If-Match`), add a note, open the contact details with a reason,
 * send a delivery again, write to the reporter (issue 15). Every change is one transaction with its
 * `report_event` row and its audit entry; the audit entry never holds content (no note, no message, no
 * remark, no contact detail).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import {
  canMove,
  hotspotCellId,
  localize,
  type ContactRevealInput,
  type ReportDelivery,
  type ReportDetail,
  type ReportEvent,
  type ReportFeedback,
  type ReportMessage,
  type ReportMessageInput,
  type ReportNote,
  type ReportUpdate,
  type RevealedContact,
  type StaffRef,
  type WithdrawalList,
} from '@meldpunt/contracts';
import type { AuditInput } from '../audit/audit-entry.ts';
import type { AppendAudit, AuditLog } from '../audit/audit-log.ts';
import type { Database, ReportEventTable } from '../db/database.ts';
import { categoryLabels } from '../delivery/mail/mail-language.ts';
import { DomainError } from '../errors/domain-error.ts';
import { queueReporterNotice } from '../follow-up/notices.ts';
import { retentionDatesOf } from '../retention/retention.ts';
import type { ContactSealer } from '../secrets/contact-sealer.ts';

export interface HandlingDeps {
  db: Kysely<Database>;
  auditLog: AuditLog;
}

/** Who acts, in which tenant, on which report. */
export interface ReportAct {
  tenantId: string;
  reportId: string;
  staffId: string;
}

/** A row of the report's timeline, as `report_event` stores it. */
interface TimelineEvent {
  kind: ReportEventTable['kind'];
  details: Record<string, string | null>;
}

/** An audit entry's action and details (never content); who, where and on which report follow from the act. */
type ActAudit = AuditInput extends infer I ? (I extends AuditInput ? Pick<I, 'action' | 'details'> : never) : never;

/**
 * Puts an officer's act on record, inside the act's transaction: its rows in the report's timeline
 * (`report_event`), then its entry in the audit log.
 */
async function recordAct(
  trx: Kysely<Database>,
  append: AppendAudit,
  act: ReportAct,
  events: readonly TimelineEvent[],
  audit: ActAudit,
): Promise<void> {
  for (const event of events) {
    await trx
      .insertInto('report_event')
      .values({
        tenant_id: act.tenantId,
        report_id: act.reportId,
        actor_id: act.staffId,
        kind: event.kind,
        details: JSON.stringify(event.details),
      })
      .execute();
  }
  await append({
    tenantId: act.tenantId,
    actor: { kind: 'staff', id: act.staffId },
    target: { kind: 'report', id: act.reportId },
    ...audit,
  });
}

const unknownReport = () => new DomainError({ code: 'unknown-report' }, 'no such report in this tenant');

/** The report row of the tenant, or a refusal that reads as "not found" (another tenant's too). */
async function reportOf(db: Kysely<Database>, tenantId: string, reportId: string) {
  const row = await db
    .selectFrom('report')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!row) throw unknownReport();
  return row;
}

function staffRef(id: string | null, name: string | null | undefined): StaffRef | null {
  return id && name ? { id, name } : null;
}

/**
 * The deliveries of a report, oldest first: where the report itself was forwarded to. The follow-up's
 * notices (issue 15) are kept apart and never listed here: a `reporter-notice`'s target is the word
 * `reporter` (the address stays sealed), it says nothing an officer can act on, and only a report's own
 * delivery can be sent again from the back office.
 */
async function deliveriesOf(db: Kysely<Database>, reportId: string): Promise<ReportDelivery[]> {
  const rows = await db
    .selectFrom('delivery')
    .select(['id', 'channel', 'target', 'status', 'attempts', 'next_attempt_at', 'last_error', 'sent_at'])
    .where('report_id', '=', reportId)
    .where('kind', '=', 'report')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((d) => ({
    id: d.id,
    channel: d.channel,
    target: d.target,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'retrying' || d.status === 'queued' ? d.next_attempt_at.toISOString() : null,
    lastError: d.last_error,
    sentAt: d.sent_at?.toISOString() ?? null,
  }));
}

async function notesOf(db: Kysely<Database>, reportId: string): Promise<ReportNote[]> {
  const rows = await db
    .selectFrom('report_note as n')
    .leftJoin('staff as s', 's.id', 'n.author_id')
    .select(['n.id', 'n.body', 'n.author_id', 's.name', 'n.created_at'])
    .where('n.report_id', '=', reportId)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
  return rows.map((n) => ({
    id: n.id,
    body: n.body,
    author: staffRef(n.author_id, n.name),
    createdAt: n.created_at.toISOString(),
  }));
}

/** The thread with the reporter, oldest first; an officer's message names its author (while they exist). */
async function messagesOf(db: Kysely<Database>, reportId: string): Promise<ReportMessage[]> {
  const rows = await db
    .selectFrom('report_message as m')
    .leftJoin('staff as s', 's.id', 'm.author_id')
    .select(['m.id', 'm.sender', 'm.author_id', 's.name', 'm.body', 'm.created_at'])
    .where('m.report_id', '=', reportId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  return rows.map((m) => ({
    id: m.id,
    from: m.sender,
    author: m.sender === 'municipality' ? staffRef(m.author_id, m.name) : null,
    body: m.body,
    at: m.created_at.toISOString(),
  }));
}

/** The reporter's answers to "how was reporting for you?": the one after sending first, then after closing. */
async function feedbackOf(db: Kysely<Database>, reportId: string): Promise<ReportFeedback[]> {
  const rows = await db
    .selectFrom('report_feedback')
    .select(['moment', 'rating', 'comment', 'created_at'])
    .where('report_id', '=', reportId)
    .orderBy(sql`moment = 'closed'`)
    .execute();
  return rows.map((f) => ({ moment: f.moment, rating: f.rating, comment: f.comment, at: f.created_at.toISOString() }));
}

async function eventsOf(db: Kysely<Database>, reportId: string): Promise<ReportEvent[]> {
  const rows = await db
    .selectFrom('report_event as e')
    .leftJoin('staff as s', 's.id', 'e.actor_id')
    .leftJoin('staff as assignee', (join) => join.on(sql<boolean>`assignee.id::text = e.details->>'assigneeId'`))
    .select([
      'e.kind',
      'e.details',
      'e.actor_id',
      's.name',
      'e.created_at',
      'assignee.id as assignee_id',
      'assignee.name as assignee_name',
    ])
    .where('e.report_id', '=', reportId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  return rows.map((e) => {
    const details = e.details;
    const event: ReportEvent = { at: e.created_at.toISOString(), by: staffRef(e.actor_id, e.name), kind: e.kind };
    if (e.kind === 'status-changed') {
      event.status = details.status as ReportEvent['status'];
      if (details.referredTo) event.referredTo = details.referredTo as ReportEvent['referredTo'];
      if (details.closingReason) event.closingReason = details.closingReason as ReportEvent['closingReason'];
    }
    if (e.kind === 'assigned') event.assignee = staffRef(e.assignee_id, e.assignee_name);
    if (e.kind === 'contact-revealed') {
      event.revealReason = details.reason as ReportEvent['revealReason'];
      if (details.remark) event.remark = details.remark;
    }
    return event;
  });
}

/**
 * The report as the detail page shows it, labels in `lang` from the config version the reporter saw (the
 * source tenant's `config_version`); undefined-safe: another tenant's id is refused as unknown.
 */
export async function reportDetail(
  db: Kysely<Database>,
  tenantId: string,
  reportId: string,
  lang: 'nl' | 'en' = 'nl',
): Promise<ReportDetail> {
  const report = await reportOf(db, tenantId, reportId);
  const [tenants, configRow, assignee, dates, deliveries, notes, events, messages, feedback] = await Promise.all([
    db
      .selectFrom('tenant')
      .select(['id', 'slug', 'name'])
      .where('id', 'in', [report.tenant_id, report.source_tenant_id])
      .execute(),
    db
      .selectFrom('tenant_config_version')
      .select('config')
      .where('tenant_id', '=', report.source_tenant_id)
      .where('version', '=', report.config_version)
      .executeTakeFirst(),
    report.assignee_id
      ? db.selectFrom('staff').select(['id', 'name']).where('id', '=', report.assignee_id).executeTakeFirst()
      : undefined,
    retentionDatesOf(db, report.id),
    deliveriesOf(db, report.id),
    notesOf(db, report.id),
    eventsOf(db, report.id),
    messagesOf(db, report.id),
    feedbackOf(db, report.id),
  ]);
  const tenantRef = (id: string) => {
    const t = tenants.find((x) => x.id === id);
    return { slug: t?.slug ?? '', name: t?.name ?? '' };
  };
  const config = configRow?.config;
  const labels = config ? categoryLabels(config, report.categories, lang) : report.categories;
  const extra: ReportDetail['extra'] = [];
  const stored = report.extra ?? {};
  for (const field of config?.fields.extra ?? []) {
    const value = stored[field.id];
    if (value === undefined || value === '') continue;
    const option = field.type === 'select' ? field.options?.find((o) => o.id === value) : undefined;
    const label = (t: Parameters<typeof localize>[0]) => localize(t, lang, config?.defaultLocale ?? 'nl');
    extra.push({
      key: field.id,
      label: label(field.label) ?? field.id,
      value: option ? (label(option.label) ?? value) : value,
    });
  }
  for (const [key, value] of Object.entries(stored)) {
    if (!extra.some((e) => e.key === key) && !config?.fields.extra.some((f) => f.id === key) && value !== '') {
      extra.push({ key, label: key, value });
    }
  }
  const hasPoint = report.location_lat !== null && report.location_lng !== null;
  const present = report.contact_sealed !== null;
  return {
    id: report.id,
    reference: report.reference,
    revision: report.revision,
    receivedAt: report.received_at.toISOString(),
    occurredAt: report.occurred_at.toISOString(),
    timePrecision: report.time_precision,
    partOfDay: report.part_of_day as ReportDetail['partOfDay'],
    role: report.role,
    categories: report.categories.map((id, i) => ({ id, label: labels[i] ?? id })),
    location:
      hasPoint || report.location_text !== null
        ? {
            lat: report.location_lat,
            lng: report.location_lng,
            text: report.location_text,
            source: report.location_source,
            accuracy: report.location_accuracy,
            gridCell:
              report.grid_e !== null && report.grid_n !== null ? hotspotCellId(report.grid_e, report.grid_n) : null,
          }
        : null,
    description: report.description,
    intervened: report.intervened,
    extra,
    locale: report.locale,
    via: tenantRef(report.source_tenant_id),
    receivingTenant: tenantRef(report.tenant_id),
    status: report.status,
    referredTo: report.referred_to,
    closingReason: report.closing_reason,
    assignee: staffRef(assignee?.id ?? null, assignee?.name),
    contact: {
      present,
      wantsFollowUp: present && report.wants_follow_up,
      erasesAt: present && dates ? dates.contactErasedBy.toISOString() : null,
      erasedAt: report.contact_erased_at?.toISOString() ?? null,
    },
    deletesAt: (dates?.deletedBy ?? report.received_at).toISOString(),
    deliveries,
    notes,
    events,
    demo: report.demo,
    receiptCode: report.receipt_hash !== null,
    messages,
    feedback,
  };
}

/**
 * Opens a report for an officer: its detail, and `report.viewed` in the audit log (never its content).
 * A report its reporter withdrew (issue 15) is refused as `report-withdrawn` with when — its old link
 * says what happened to it rather than "not found" — and nothing is audited: nothing was seen.
 */
export async function viewReport(deps: HandlingDeps, act: ReportAct, lang?: 'nl' | 'en'): Promise<ReportDetail> {
  let detail: ReportDetail;
  try {
    detail = await reportDetail(deps.db, act.tenantId, act.reportId, lang);
  } catch (error) {
    const withdrawn =
      error instanceof DomainError && error.code === 'unknown-report'
        ? await withdrawalOf(deps.db, act.tenantId, act.reportId)
        : undefined;
    if (withdrawn) {
      throw new DomainError({ code: 'report-withdrawn', withdrawnAt: withdrawn.toISOString() }, 'report withdrawn');
    }
    throw error;
  }
  await deps.auditLog.append({
    tenantId: act.tenantId,
    actor: { kind: 'staff', id: act.staffId },
    action: 'report.viewed',
    target: { kind: 'report', id: act.reportId },
    details: {},
  });
  return detail;
}

/** The revision an `If-Match` names (`"3"`, or `W/"3"`), or undefined when it names none. */
export function revisionOf(ifMatch: string): number | undefined {
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(ifMatch.trim());
  return match ? Number(match[1]) : undefined;
}

/** Whether this person holds the officer role in the tenant. */
async function isOfficer(db: Kysely<Database>, tenantId: string, staffId: string): Promise<boolean> {
  const row = await db
    .selectFrom('membership')
    .select('staff_id')
    .where('tenant_id', '=', tenantId)
    .where('staff_id', '=', staffId)
    .where('role', '=', 'officer')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Changes a report's status (as the workflow allows) and/or its assignee (an officer of the tenant, or
 * nobody), if it is still at the revision `ifMatch` names; raises the revision. Returns the new revision.
 */
export async function updateReport(
  deps: HandlingDeps,
  act: ReportAct,
  update: ReportUpdate,
  ifMatch: string,
): Promise<number> {
  return deps.auditLog.transaction(async (trx, append) => {
    const report = await trx
      .selectFrom('report')
      .select(['id', 'status', 'assignee_id', 'revision'])
      .where('tenant_id', '=', act.tenantId)
      .where('id', '=', act.reportId)
      .forUpdate()
      .executeTakeFirst();
    if (!report) throw unknownReport();
    if (revisionOf(ifMatch) !== report.revision) {
      throw new DomainError({ code: 'report-stale', revision: report.revision }, 'stale If-Match');
    }
    const events: TimelineEvent[] = [];
    const changes: {
      status?: ReportDetail['status'];
      referred_to?: ReportDetail['referredTo'];
      closing_reason?: ReportDetail['closingReason'];
      status_changed_at?: ReturnType<typeof sql<Date>>;
      assignee_id?: string | null;
    } = {};
    if (update.status !== undefined) {
      if (!canMove(report.status, update.status)) {
        throw new DomainError(
          { code: 'status-move-not-allowed', from: report.status, to: update.status },
          'move not allowed',
        );
      }
      Object.assign(changes, {
        status: update.status,
        referred_to: update.referredTo ?? null,
        closing_reason: update.closingReason ?? null,
        status_changed_at: sql<Date>`now()`,
      });
      events.push({
        kind: 'status-changed',
        details: {
          status: update.status,
          ...(update.referredTo ? { referredTo: update.referredTo } : {}),
          ...(update.closingReason ? { closingReason: update.closingReason } : {}),
        },
      });
    }
    if (update.assigneeId !== undefined && update.assigneeId !== report.assignee_id) {
      const assigneeId = update.assigneeId?.toLowerCase() ?? null;
      if (assigneeId !== null && !(await isOfficer(trx, act.tenantId, assigneeId))) {
        throw new DomainError({ code: 'not-an-officer' }, 'assignee is not an officer of the tenant');
      }
      changes.assignee_id = assigneeId;
      events.push({ kind: 'assigned', details: { assigneeId } });
    }
    if (events.length === 0) return report.revision;
    const revision = report.revision + 1;
    await trx
      .updateTable('report')
      .set({ ...changes, revision })
      .where('id', '=', report.id)
      .execute();
    await recordAct(trx, append, act, events, {
      action: 'report.updated',
      details: {
        ...(update.status !== undefined ? { status: update.status } : {}),
        ...(update.referredTo ? { referredTo: update.referredTo } : {}),
        ...(update.closingReason ? { closingReason: update.closingReason } : {}),
        ...(changes.assignee_id !== undefined ? { assigneeId: changes.assignee_id } : {}),
      },
    });
    return revision;
  });
}

/** Adds an internal note (never shown to the reporter); the audit log gets its length only. */
export async function addNote(deps: HandlingDeps, act: ReportAct, body: string): Promise<ReportNote> {
  return deps.auditLog.transaction(async (trx, append) => {
    await reportOf(trx, act.tenantId, act.reportId);
    const note = await trx
      .insertInto('report_note')
      .values({ tenant_id: act.tenantId, report_id: act.reportId, author_id: act.staffId, body })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAct(trx, append, act, [{ kind: 'note-added', details: { noteId: note.id } }], {
      action: 'report.note-added',
      details: { length: body.length },
    });
    const author = await trx
      .selectFrom('staff')
      .select(['id', 'name'])
      .where('id', '=', act.staffId)
      .executeTakeFirst();
    return {
      id: note.id,
      body,
      author: staffRef(author?.id ?? null, author?.name),
      createdAt: note.created_at.toISOString(),
    };
  });
}

/**
 * Writes to the reporter (issue 15): the message goes into the thread they read with their receipt code,
 * and — when they left an e-mail address and asked for follow-up — a content-free notice is queued in
 * the same transaction (the worker opens the address when it sends; nudge it afterwards). With
 * `waitForReply` the report moves to `waiting` as the workflow allows (a closed report cannot wait for a
 * reply that can no longer come: 409, nothing stored); a report already waiting stays so. A report
 * without a receipt code has no way to the reporter: `no-follow-up-channel`, nothing stored. Audited
 * with the message's length only.
 */
export async function sendMessage(
  deps: HandlingDeps,
  act: ReportAct,
  input: Pick<ReportMessageInput, 'waitForReply'> & { body: string },
): Promise<ReportMessage> {
  const waitForReply = input.waitForReply ?? false;
  return deps.auditLog.transaction(async (trx, append) => {
    const report = await trx
      .selectFrom('report')
      .select(['id', 'tenant_id', 'status', 'revision', 'receipt_hash'])
      .where('tenant_id', '=', act.tenantId)
      .where('id', '=', act.reportId)
      .forUpdate()
      .executeTakeFirst();
    if (!report) throw unknownReport();
    if (report.receipt_hash === null) {
      throw new DomainError({ code: 'no-follow-up-channel' }, 'the report has no receipt code');
    }
    const toWaiting = waitForReply && report.status !== 'waiting';
    if (toWaiting && !canMove(report.status, 'waiting')) {
      throw new DomainError({ code: 'status-move-not-allowed', from: report.status, to: 'waiting' }, 'cannot wait');
    }
    const message = await trx
      .insertInto('report_message')
      .values({
        tenant_id: act.tenantId,
        report_id: report.id,
        sender: 'municipality',
        author_id: act.staffId,
        body: input.body,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    const events: TimelineEvent[] = [{ kind: 'message-sent', details: { messageId: message.id } }];
    if (toWaiting) {
      await trx
        .updateTable('report')
        .set({
          status: 'waiting',
          referred_to: null,
          closing_reason: null,
          status_changed_at: sql<Date>`now()`,
          revision: report.revision + 1,
        })
        .where('id', '=', report.id)
        .execute();
      events.push({ kind: 'status-changed', details: { status: 'waiting' } });
    }
    await queueReporterNotice(trx, report);
    await recordAct(trx, append, act, events, {
      action: 'report.message-sent',
      details: { length: input.body.length, waitForReply },
    });
    const author = await trx
      .selectFrom('staff')
      .select(['id', 'name'])
      .where('id', '=', act.staffId)
      .executeTakeFirst();
    return {
      id: message.id,
      from: 'municipality',
      author: staffRef(author?.id ?? null, author?.name),
      body: input.body,
      at: message.created_at.toISOString(),
    };
  });
}

/** When the reporter withdrew this report of the tenant (issue 15), or undefined when they did not. */
async function withdrawalOf(db: Kysely<Database>, tenantId: string, reportId: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('report_withdrawal')
    .select('withdrawn_at')
    .where('tenant_id', '=', tenantId)
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  return row?.withdrawn_at;
}

/** How far back the back office lists withdrawn reports. */
export const withdrawalListDays = 90;

/**
 * The tenant's reports withdrawn by their reporters in the last 90 days, newest first: reference and
 * dates only — everything else went with the report.
 */
export async function withdrawalsOf(db: Kysely<Database>, tenantId: string): Promise<WithdrawalList> {
  const rows = await db
    .selectFrom('report_withdrawal')
    .select(['report_id', 'reference', 'received_at', 'withdrawn_at'])
    .where('tenant_id', '=', tenantId)
    .where('withdrawn_at', '>=', sql<Date>`now() - ${withdrawalListDays}::integer * interval '1 day'`)
    .orderBy('withdrawn_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return {
    withdrawals: rows.map((w) => ({
      reportId: w.report_id,
      reference: w.reference,
      receivedAt: w.received_at.toISOString(),
      withdrawnAt: w.withdrawn_at.toISOString(),
    })),
  };
}

/**
 * Opens the reporter's contact details for an officer who gave a reason: the reveal is on record (audit:
 * who, when, why; the timeline: with the remark — deleted with the report) before anything is answered.
 */
export async function revealContact(
  deps: HandlingDeps & { sealer: Pick<ContactSealer, 'open'> },
  act: ReportAct,
  input: ContactRevealInput,
): Promise<RevealedContact> {
  const report = await reportOf(deps.db, act.tenantId, act.reportId);
  if (report.contact_sealed === null) {
    if (report.contact_erased_at !== null) throw new DomainError({ code: 'contact-erased' }, 'contact erased');
    throw new DomainError({ code: 'no-contact' }, 'no contact details given');
  }
  const contact = deps.sealer.open(report.contact_sealed, { reportId: report.id, tenantId: report.tenant_id });
  await deps.auditLog.transaction(async (trx, append) => {
    const details = { reason: input.reason, ...(input.remark ? { remark: input.remark } : {}) };
    await recordAct(trx, append, act, [{ kind: 'contact-revealed', details }], {
      action: 'contact.revealed',
      details: { reason: input.reason },
    });
  });
  return {
    name: contact.name ?? null,
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    wantsFollowUp: contact.wantsFollowUp ?? false,
  };
}

/**
 * Sends a failed or retrying delivery of this report again: queued, due now, with a fresh give-up
 * window (as `pnpm deliveries:retry`). Returns the delivery as it is now.
 */
export async function retryDelivery(
  deps: HandlingDeps,
  act: ReportAct & { deliveryId: string },
): Promise<ReportDelivery> {
  await deps.auditLog.transaction(async (trx, append) => {
    await reportOf(trx, act.tenantId, act.reportId);
    const delivery = await trx
      .selectFrom('delivery')
      .select(['id', 'status', 'channel'])
      .where('id', '=', act.deliveryId)
      .where('report_id', '=', act.reportId)
      .where('tenant_id', '=', act.tenantId)
      .where('kind', '=', 'report')
      .forUpdate()
      .executeTakeFirst();
    if (!delivery) throw new DomainError({ code: 'unknown-delivery' }, 'no such delivery of this report');
    if (delivery.status !== 'failed' && delivery.status !== 'retrying') {
      throw new DomainError({ code: 'delivery-not-retryable', status: delivery.status }, 'not retryable');
    }
    await trx
      .updateTable('delivery')
      .set({ status: 'queued', next_attempt_at: sql<Date>`now()`, redriven_at: sql<Date>`now()`, locked_until: null })
      .where('id', '=', delivery.id)
      .execute();
    await recordAct(trx, append, act, [{ kind: 'delivery-retried', details: { deliveryId: delivery.id } }], {
      action: 'delivery.retried',
      details: { deliveryId: delivery.id, channel: delivery.channel },
    });
  });
  const deliveries = await deliveriesOf(deps.db, act.reportId);
  const now = deliveries.find((d) => d.id === act.deliveryId);
  if (!now) throw new DomainError({ code: 'unknown-delivery' }, 'delivery gone');
  return now;
}

/** The tenant's officers (whom a report can be assigned to), by name. */
export async function officersOf(db: Kysely<Database>, tenantId: string): Promise<StaffRef[]> {
  return db
    .selectFrom('membership as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .select(['s.id', 's.name'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.role', '=', 'officer')
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
}
