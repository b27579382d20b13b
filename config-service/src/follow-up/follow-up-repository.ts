import { sql, type Kysely, type Transaction } from 'kysely';
import type { FeedbackMoment, ReportStatus } from '@meldpunt/contracts';
import type { Database } from '../db/database.ts';
import type { ReceiptHash } from './receipt-keys.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The reports a typed code's hashes (one per receipt key) could be: by the unique index on
 * `receipt_hash`, then the pair `(receipt_key_id, receipt_hash)`. At most one, unless a hash under one
 * key equals another's under another key (odds of 2⁻²⁵⁶).
 */
export async function reportsByReceipt(db: Db, candidates: readonly ReceiptHash[]) {
  if (candidates.length === 0) return [];
  return db
    .selectFrom('report')
    .select(['id', 'receipt_key_id', 'receipt_hash'])
    .where(
      'receipt_hash',
      'in',
      candidates.map((c) => c.hash),
    )
    .execute();
}

/** What the reporter's token is checked against, and what their acts change; locked with `forUpdate`. */
export async function followUpReport(db: Db, reportId: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('report')
    .select([
      'id',
      'tenant_id',
      'reference',
      'received_at',
      'status',
      'receipt_hash',
      'revision',
      sql<boolean>`contact_sealed is not null`.as('has_contact'),
      'wants_follow_up',
    ])
    .where('id', '=', reportId);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** What the reporter sees of their report: never an officer's name or an internal note. */
export async function followUpState(db: Db, reportId: string) {
  const report = await db
    .selectFrom('report')
    .innerJoin('tenant', 'tenant.id', 'report.tenant_id')
    .select([
      'report.id',
      'report.reference',
      'report.locale',
      'report.received_at',
      'report.status',
      'report.receipt_hash',
      sql<boolean>`report.contact_sealed is not null`.as('has_contact'),
      'tenant.slug',
      'tenant.name',
    ])
    .where('report.id', '=', reportId)
    .executeTakeFirst();
  if (!report) return undefined;
  const messages = await db
    .selectFrom('report_message')
    .select(['id', 'sender', 'body', 'created_at'])
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const feedback = await db
    .selectFrom('report_feedback')
    .select('moment')
    .where('report_id', '=', reportId)
    .orderBy('moment')
    .execute();
  return { report, messages, feedbackGiven: feedback.map((f) => f.moment) };
}

/** The reporter's reply, and its place in the report's timeline. */
export async function insertReply(db: Db, report: { id: string; tenant_id: string }, body: string) {
  const message = await db
    .insertInto('report_message')
    .values({ tenant_id: report.tenant_id, report_id: report.id, sender: 'reporter', author_id: null, body })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertEvent(db, report, 'reporter-replied', { messageId: message.id });
  return message;
}

/**
 * A reply to a report `waiting` for the reporter puts it back `in-progress` by itself: a new revision,
 * and a status change in the timeline by nobody (the reporter is not staff).
 */
export async function resumeAfterReply(db: Db, report: { id: string; tenant_id: string; revision: number }) {
  const status: ReportStatus = 'in-progress';
  await db
    .updateTable('report')
    .set({ status, status_changed_at: sql<Date>`now()`, revision: report.revision + 1 })
    .where('id', '=', report.id)
    .execute();
  await insertEvent(db, report, 'status-changed', { status });
}

/**
 * Erases the contact details at the reporter's wish (as retention does at the end of their period),
 * and drops the content-free notices to them that are not yet on their way.
 */
export async function eraseContact(db: Db, report: { id: string; tenant_id: string }) {
  await db
    .updateTable('report')
    .set({ contact_sealed: null, wants_follow_up: false, contact_erased_at: sql<Date>`now()` })
    .where('id', '=', report.id)
    .execute();
  await db
    .deleteFrom('delivery')
    .where('report_id', '=', report.id)
    .where('kind', '=', 'reporter-notice')
    .where('status', 'in', ['queued', 'retrying'])
    .execute();
  await insertEvent(db, report, 'contact-erased-by-reporter', {});
}

/**
 * Withdraws a report: what is left is its reference and dates (`report_withdrawal`), so the officer
 * sees that a report was withdrawn; the report goes, and with it (on delete cascade) its messages,
 * notes, timeline, feedback and every outbox row, sent or not.
 */
export async function withdrawReport(
  db: Db,
  report: { id: string; tenant_id: string; reference: string; received_at: Date },
) {
  await db
    .insertInto('report_withdrawal')
    .values({
      tenant_id: report.tenant_id,
      report_id: report.id,
      reference: report.reference,
      received_at: report.received_at,
    })
    .execute();
  await db.deleteFrom('report').where('id', '=', report.id).execute();
}

/** "How was reporting for you?": one answer per moment; answering again replaces it. */
export async function upsertFeedback(
  db: Db,
  report: { id: string; tenant_id: string },
  input: { moment: FeedbackMoment; rating: number; comment?: string | undefined },
) {
  const comment = input.comment ? input.comment : null;
  await db
    .insertInto('report_feedback')
    .values({ tenant_id: report.tenant_id, report_id: report.id, moment: input.moment, rating: input.rating, comment })
    .onConflict((oc) =>
      oc.columns(['report_id', 'moment']).doUpdateSet({ rating: input.rating, comment, created_at: sql<Date>`now()` }),
    )
    .execute();
}

async function insertEvent(
  db: Db,
  report: { id: string; tenant_id: string },
  kind: 'reporter-replied' | 'status-changed' | 'contact-erased-by-reporter',
  details: Record<string, string>,
) {
  await db
    .insertInto('report_event')
    .values({
      tenant_id: report.tenant_id,
      report_id: report.id,
      actor_id: null,
      kind,
      details: JSON.stringify(details),
    })
    .execute();
}
