import { z } from 'zod';
import { feedbackCommentMaxLength, followUpReplyMaxLength } from './follow-up-limits.ts';
import { receiptCodeInputMaxLength } from './receipt-code.ts';
import { text } from './text.ts';

/**
 * Anonymous follow-up by receipt code (issue 15): what the reporter's side of the API takes and answers.
 * The code goes in a request body only, never in a URL; the answer carries a short-lived token the
 * widget keeps in memory (never in storage) for replying, erasing the contact details, withdrawing and
 * giving feedback.
 */

export { feedbackCommentMaxLength, followUpReplyMaxLength };

const timestamp = text(z.iso.datetime({ offset: true }));

/** `POST /api/v1/tenants/:slug/follow-up`: the receipt code as typed (normalised by the service). */
export const followUpLookupSchema = z.strictObject({ code: text().max(receiptCodeInputMaxLength) });
export type FollowUpLookup = z.input<typeof followUpLookupSchema>;

/**
 * The report's status as the reporter reads it: `received` (new), `looking` (in progress), `waiting`
 * (the municipality asked something), `referred`, `closed`.
 */
export const reporterStatuses = ['received', 'looking', 'waiting', 'referred', 'closed'] as const;
export type ReporterStatus = (typeof reporterStatuses)[number];

/** Who wrote a message of the follow-up thread. */
export const messageSenders = ['municipality', 'reporter'] as const;
export type MessageSender = (typeof messageSenders)[number];

/** One message of the thread as the reporter sees it: never an officer's name, never an internal note. */
export const followUpMessageSchema = z.strictObject({
  id: text(z.uuid()),
  from: z.enum(messageSenders),
  body: text(),
  at: timestamp,
});
export type FollowUpMessage = z.infer<typeof followUpMessageSchema>;

/** When feedback is asked: just after sending, and once the report is closed. */
export const feedbackMoments = ['sent', 'closed'] as const;
export type FeedbackMoment = (typeof feedbackMoments)[number];

/** The follow-up of one report, answered to its receipt code (and after every change by the reporter). */
export const followUpViewSchema = z.strictObject({
  reference: text(),
  /** The municipality that has the report (after routing: Eindhoven for a national report placed there). */
  receiver: z.strictObject({ slug: text(), name: text() }),
  /** The report's language: the service's texts (mails, statuses) use it. */
  locale: text(),
  receivedAt: timestamp,
  status: z.enum(reporterStatuses),
  /** False once the report is closed: no more replies. */
  canReply: z.boolean(),
  /** Oldest first. */
  messages: z.array(followUpMessageSchema),
  /** Contact details are held (the reporter can erase them). */
  hasContact: z.boolean(),
  /** Feedback moments already answered. */
  feedbackGiven: z.array(z.enum(feedbackMoments)),
  /** For the follow-up calls (`Authorization: Bearer …`); in memory only. */
  token: text(),
  tokenExpiresAt: timestamp,
});
export type FollowUpView = z.infer<typeof followUpViewSchema>;

/** `POST …/follow-up/replies`: the reporter's reply. */
export const followUpReplySchema = z.strictObject({
  body: text().trim().min(1).max(followUpReplyMaxLength),
});
export type FollowUpReply = z.input<typeof followUpReplySchema>;

/**
 * `POST …/follow-up/feedback` (with the follow-up token, moment `closed`) and
 * `POST …/reports/:id/feedback` (with the `feedbackToken` of the 201, moment `sent`):
 * "How was reporting for you?" 1 (bad) – 5 (good), and an optional comment. Answering again replaces.
 */
export const feedbackInputSchema = z.strictObject({
  moment: z.enum(feedbackMoments),
  rating: z.number().int().min(1).max(5),
  comment: text().trim().max(feedbackCommentMaxLength).optional(),
});
export type FeedbackInput = z.input<typeof feedbackInputSchema>;
