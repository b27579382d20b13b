import type { Kysely } from 'kysely';
import {
  normaliseReceiptCode,
  type FeedbackInput,
  type FollowUpView,
  type ReporterStatus,
  type ReportStatus,
} from '@meldpunt/contracts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { ServerSecret } from '../secrets/server-secret.ts';
import {
  eraseContact,
  followUpReport,
  followUpState,
  insertReply,
  reportsByReceipt,
  resumeAfterReply,
  upsertFeedback,
  withdrawReport as deleteWithTombstone,
} from './follow-up-repository.ts';
import type { GuessLimiter } from './guess-limiter.ts';
import { queueReplyNotices } from './notices.ts';
import { receiptKeysOf, type ReceiptKeys } from './receipt-keys.ts';
import { followUpTokenSeconds, issueToken, tokenReportId, verifyToken } from './tokens.ts';

/**
 * The reporter's side of the follow-up (issue 15): a receipt code opens the report — wherever it was
 * routed — and answers its status, the thread and a short-lived token; with the token the reporter
 * replies, erases their contact details, withdraws the report or says how reporting was for them.
 * Refusals are `DomainError`s (`http/problem.ts` answers them). Nothing here logs a code, a token or a
 * message.
 */
export interface FollowUpDeps {
  db: Kysely<Database>;
  /** Signs the tokens; derives receipt key 1 when `receiptKeys` is unset. */
  serverSecret: Pick<ServerSecret, 'hmac' | 'deriveKey'>;
  receiptKeys?: ReceiptKeys;
  auditLog: AuditLog;
  /** Wakes the in-process delivery worker after a reply queued its notices. */
  nudgeDelivery?: () => void;
}

/** The reporter's words for where the report is. */
export const reporterStatusOf: Readonly<Record<ReportStatus, ReporterStatus>> = {
  new: 'received',
  'in-progress': 'looking',
  waiting: 'waiting',
  referred: 'referred',
  closed: 'closed',
};

const unknownCode = () => new DomainError({ code: 'receipt-code-unknown' }, 'no report answers to this code');
const invalidToken = () => new DomainError({ code: 'follow-up-token-invalid' }, 'follow-up token not valid');

/**
 * Opens a report by its receipt code, for the sender at `address` (`clientAddress`; the guess limiter
 * counts its network). A client
 * that is waiting out its failures gets `too-many-attempts` before anything is looked up; every failure
 * — a code that cannot be one, an unknown one, a withdrawn or deleted report's — is one and the same
 * `receipt-code-unknown`, and counts (each attempt counts as a failure from its start, until it succeeds).
 */
export async function openByReceiptCode(
  deps: FollowUpDeps & { guessLimiter: GuessLimiter },
  request: { code: string; address: string | undefined },
): Promise<FollowUpView> {
  const wait = await deps.guessLimiter.attempt(request.address);
  if (wait > 0) throw new DomainError({ code: 'too-many-attempts', retryAfterSeconds: wait }, 'guess limit');
  const code = normaliseReceiptCode(request.code);
  const keys = receiptKeysOf(deps);
  let view: FollowUpView | undefined;
  if (code !== null) {
    const rows = await reportsByReceipt(deps.db, keys.candidates(code));
    // The index found it; the hash under the key the row names decides, in constant time.
    const found = rows.find(
      (r) =>
        r.receipt_key_id !== null &&
        r.receipt_hash !== null &&
        keys.matches(code, { keyId: r.receipt_key_id, hash: r.receipt_hash }),
    );
    if (found) view = await viewOf(deps.db, deps.serverSecret, found.id);
  }
  if (!view) throw unknownCode(); // counted as a failure by `attempt`
  await deps.guessLimiter.succeeded(request.address);
  return view;
}

/** The reporter's reply: in the thread, in the timeline, `waiting` → `in-progress`, the tenant told (content-free). */
export async function replyAsReporter(deps: FollowUpDeps, token: string, body: string): Promise<FollowUpView> {
  const view = await deps.db.transaction().execute(async (trx) => {
    const report = await authorised(trx, deps.serverSecret, token);
    if (report.status === 'closed') throw new DomainError({ code: 'report-closed' }, 'report closed');
    await insertReply(trx, report, body);
    if (report.status === 'waiting') await resumeAfterReply(trx, report);
    await queueReplyNotices(trx, report);
    return currentView(trx, deps.serverSecret, report.id);
  });
  // The notices are in the outbox; wake the worker so the team hears of the reply within seconds.
  deps.nudgeDelivery?.();
  return view;
}

/** Erases the contact details at the reporter's wish: on record in the timeline and the audit log (no content). */
export async function eraseContactAsReporter(deps: FollowUpDeps, token: string): Promise<FollowUpView> {
  return deps.auditLog.transaction(async (trx, append) => {
    const report = await authorised(trx, deps.serverSecret, token);
    if (report.has_contact || report.wants_follow_up) {
      await eraseContact(trx, report);
      await append({
        tenantId: report.tenant_id,
        actor: { kind: 'system' },
        action: 'report.contact-erased',
        target: { kind: 'report', id: report.id },
        details: {},
      });
    }
    return currentView(trx, deps.serverSecret, report.id);
  });
}

/** Withdraws the report: deleted with everything of it; its reference and dates stay, and the audit log says so. */
export async function withdrawAsReporter(deps: FollowUpDeps, token: string): Promise<void> {
  await deps.auditLog.transaction(async (trx, append) => {
    const report = await authorised(trx, deps.serverSecret, token);
    await deleteWithTombstone(trx, report);
    await append({
      tenantId: report.tenant_id,
      actor: { kind: 'system' },
      action: 'report.withdrawn',
      target: { kind: 'report', id: report.id },
      details: {},
    });
  });
}

/** Feedback with the follow-up token: either moment, `closed` once the report is closed. */
export async function feedbackAsReporter(deps: FollowUpDeps, token: string, input: FeedbackInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const report = await authorised(trx, deps.serverSecret, token);
    if (input.moment === 'closed' && report.status !== 'closed') {
      throw new DomainError({ code: 'report-not-closed' }, 'report not closed');
    }
    await upsertFeedback(trx, report, input);
  });
}

/** Feedback after sending, with the `feedbackToken` of the report's 201 (moment `sent` only). */
export async function feedbackAfterSending(
  deps: Pick<FollowUpDeps, 'db' | 'serverSecret'>,
  reportId: string,
  token: string,
  input: FeedbackInput,
): Promise<void> {
  if (!verifyToken(deps.serverSecret, token, { reportId, purpose: 'feedback', binding: '' })) throw invalidToken();
  if (input.moment !== 'sent') {
    throw new DomainError(
      {
        code: 'invalid-fields',
        errors: [
          {
            path: '/moment',
            message: 'After sending, the moment is `sent`; the question after closing comes with the follow-up',
          },
        ],
      },
      'feedback token is for moment sent',
    );
  }
  const report = await followUpReport(deps.db, reportId);
  // Withdrawn (or deleted) meanwhile: the token opens nothing any more.
  if (!report) throw invalidToken();
  await upsertFeedback(deps.db, report, input);
}

/**
 * The report a follow-up token opens, locked for the act: the token must be well formed, unexpired,
 * signed by us, and bound to the report's current receipt hash (a re-issued code or a withdrawal ends it).
 */
async function authorised(trx: Kysely<Database>, secret: Pick<ServerSecret, 'hmac'>, token: string) {
  const reportId = tokenReportId(token, 'follow-up');
  if (reportId === undefined) throw invalidToken();
  const report = await followUpReport(trx, reportId, { forUpdate: true });
  if (!report?.receipt_hash) throw invalidToken();
  if (!verifyToken(secret, token, { reportId, purpose: 'follow-up', binding: report.receipt_hash }))
    throw invalidToken();
  return report;
}

async function currentView(db: Kysely<Database>, secret: Pick<ServerSecret, 'hmac'>, reportId: string) {
  const view = await viewOf(db, secret, reportId);
  if (!view) throw invalidToken(); // it was locked in this transaction: cannot happen
  return view;
}

/** The report as its reporter sees it, with a fresh token; undefined when it is gone (or has no code). */
async function viewOf(
  db: Kysely<Database>,
  secret: Pick<ServerSecret, 'hmac'>,
  reportId: string,
): Promise<FollowUpView | undefined> {
  const state = await followUpState(db, reportId);
  const binding = state?.report.receipt_hash;
  if (!state || !binding) return undefined;
  const { report } = state;
  const issued = issueToken(secret, { reportId, purpose: 'follow-up', binding }, followUpTokenSeconds);
  return {
    reference: report.reference,
    receiver: { slug: report.slug, name: report.name },
    locale: report.locale,
    receivedAt: report.received_at.toISOString(),
    status: reporterStatusOf[report.status],
    canReply: report.status !== 'closed',
    messages: state.messages.map((m) => ({ id: m.id, from: m.sender, body: m.body, at: m.created_at.toISOString() })),
    hasContact: report.has_contact,
    feedbackGiven: state.feedbackGiven,
    token: issued.token,
    tokenExpiresAt: issued.expiresAt.toISOString(),
  };
}
