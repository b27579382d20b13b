/**
 * The back office (issue 14): officers work through a tenant's reports, officers and analysts read
 * figures that never reveal an individual, the platform operator reads the national overview.
 * Paths under `/api/v1/backoffice/tenants/:slug/…` (and `/api/v1/backoffice/platform/…`); the closed
 * lists are in `./backoffice-values.ts`.
 */
import { z } from 'zod';
import {
  closingReasons,
  contactRevealReasons,
  figurePartsOfDay,
  figurePeriods,
  referralTargets,
  reportDelays,
  reportStatuses,
  suppressionKinds,
} from './backoffice-values.ts';
import { staffRefSchema } from './config-draft.ts';
import { feedbackMoments, messageSenders } from './follow-up.ts';
import { partOfDaySchema, reportRoleSchema } from './report.ts';
import { text } from './text.ts';

export * from './backoffice-values.ts';

export const reportStatusSchema = z.enum(reportStatuses);
export const referralTargetSchema = z.enum(referralTargets);
export const closingReasonSchema = z.enum(closingReasons);
export const contactRevealReasonSchema = z.enum(contactRevealReasons);
export const figurePeriodSchema = z.enum(figurePeriods);

/** A comma-separated list in a query (`?status=new,in-progress`): each value one of `values`. */
function listOf<T extends readonly [string, ...string[]]>(values: T) {
  return text()
    .max(1000)
    .transform((value) => value.split(',').filter((part) => part !== ''))
    .pipe(z.array(z.enum(values)).max(values.length));
}

/** A calendar date, `2026-11-30`. */
export const calendarDateSchema = text().regex(
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  'Use a date like 2026-11-30',
);

/** The languages labels are given in (the console's). */
export const labelLocaleSchema = z.enum(['nl', 'en']);

/** `GET …/reports/:id`: the language of the labels of categories and extra fields. */
export const reportDetailQuerySchema = z.strictObject({ lang: labelLocaleSchema.optional() });

/** The most reports one inbox page holds. */
export const maxInboxPageSize = 100;

/**
 * `GET …/reports` and `GET …/reports.csv`: the inbox filter, as a query the console keeps in its URL.
 * Every filter is optional; lists are comma-separated. `from`/`to` are dates of receipt (inclusive, in
 * Europe/Amsterdam). `cursor` is the previous page's `nextCursor` (opaque).
 */
export const inboxQuerySchema = z.strictObject({
  status: listOf(reportStatuses).optional(),
  /** Category ids (the tenant's own and the standard ones). */
  category: text()
    .max(2000)
    .transform((value) => value.split(',').filter((part) => part !== ''))
    .pipe(z.array(text().regex(/^[a-z0-9-]{1,64}$/)).max(50))
    .optional(),
  role: listOf(reportRoleSchema.options as ['victim', 'bystander', 'other']).optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  /** `with`: reports with contact details still held; `without`: the others. */
  contact: z.enum(['with', 'without']).optional(),
  /** The reporting points the reports came in through (their slugs). */
  via: text()
    .max(2000)
    .transform((value) => value.split(',').filter((part) => part !== ''))
    .pipe(z.array(text().regex(/^[a-z0-9-]{1,64}$/)).max(50))
    .optional(),
  /** Words in the description (all of them, any order, case- and accent-insensitive). */
  q: text().trim().max(200).optional(),
  /** `me`, `none`, or a staff id. */
  assignee: z.union([z.enum(['me', 'none']), text(z.uuid())]).optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(maxInboxPageSize).optional(),
});
export type InboxQuery = z.input<typeof inboxQuerySchema>;
export type InboxFilter = z.output<typeof inboxQuerySchema>;

const tenantRefSchema = z.strictObject({ slug: text(), name: text() });
export type TenantRef = z.infer<typeof tenantRefSchema>;

const timestamp = text(z.iso.datetime({ offset: true }));

/** One row of the inbox: enough to choose, nothing of the contact details but whether they exist. */
export const inboxItemSchema = z.strictObject({
  id: text(z.uuid()),
  reference: text(),
  receivedAt: timestamp,
  occurredAt: timestamp,
  timePrecision: z.enum(['exact', 'part-of-day', 'approximate']),
  partOfDay: partOfDaySchema.nullable(),
  role: reportRoleSchema,
  categories: z.array(text()),
  locationText: text().nullable(),
  /** The first 160 characters of the description. */
  excerpt: text().nullable(),
  status: reportStatusSchema,
  assignee: staffRefSchema.nullable(),
  /** Contact details are held (not what they are). */
  hasContact: z.boolean(),
  /** The reporting point it came in through. */
  via: tenantRefSchema,
  /** A delivery of it is retrying or has failed. */
  deliveryProblem: z.boolean(),
  /** Seeded for the demo, not a real report. */
  demo: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

/** `GET …/reports`: a page, newest first; `nextCursor` (as `?cursor=`) asks for the next, null at the end. */
export const inboxPageSchema = z.strictObject({
  reports: z.array(inboxItemSchema),
  nextCursor: text().nullable(),
});
export type InboxPage = z.infer<typeof inboxPageSchema>;

/** One delivery of a report: where it went (the municipality's address or webhook) and how it went. */
export const reportDeliverySchema = z.strictObject({
  id: text(z.uuid()),
  channel: z.enum(['email', 'webhook']),
  target: text(),
  status: z.enum(['queued', 'sending', 'retrying', 'sent', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: timestamp.nullable(),
  lastError: text().nullable(),
  sentAt: timestamp.nullable(),
});
export type ReportDelivery = z.infer<typeof reportDeliverySchema>;

export const reportNoteSchema = z.strictObject({
  id: text(z.uuid()),
  body: text(),
  author: staffRefSchema.nullable(),
  createdAt: timestamp,
});
export type ReportNote = z.infer<typeof reportNoteSchema>;

/** One message of the thread with the reporter, as the officer sees it. */
export const reportMessageSchema = z.strictObject({
  id: text(z.uuid()),
  from: z.enum(messageSenders),
  /** The officer who wrote it; null for the reporter's (and for an officer since removed). */
  author: staffRefSchema.nullable(),
  body: text(),
  at: timestamp,
});
export type ReportMessage = z.infer<typeof reportMessageSchema>;

/** One feedback answer of the reporter. */
export const reportFeedbackSchema = z.strictObject({
  moment: z.enum(feedbackMoments),
  rating: z.number().int().min(1).max(5),
  comment: text().nullable(),
  at: timestamp,
});
export type ReportFeedback = z.infer<typeof reportFeedbackSchema>;

/** One step of a report's handling, newest last (the audit log holds the same, without content). */
export const reportEventSchema = z.strictObject({
  at: timestamp,
  by: staffRefSchema.nullable(),
  kind: z.enum([
    'status-changed',
    'assigned',
    'note-added',
    'contact-revealed',
    'delivery-retried',
    // Issue 15: the follow-up thread.
    'message-sent',
    'reporter-replied',
    'contact-erased-by-reporter',
  ]),
  status: reportStatusSchema.optional(),
  referredTo: referralTargetSchema.optional(),
  closingReason: closingReasonSchema.optional(),
  assignee: staffRefSchema.nullable().optional(),
  revealReason: contactRevealReasonSchema.optional(),
  /** The officer's remark with a contact reveal. */
  remark: text().optional(),
});
export type ReportEvent = z.infer<typeof reportEventSchema>;

/** `GET …/reports/:id`: everything the reporter gave, without the contact details (`POST …/contact`). */
export const reportDetailSchema = z.strictObject({
  id: text(z.uuid()),
  reference: text(),
  /** Changes with every change of status or assignee: send it as `If-Match` with `PATCH`. */
  revision: z.number().int(),
  receivedAt: timestamp,
  occurredAt: timestamp,
  timePrecision: z.enum(['exact', 'part-of-day', 'approximate']),
  partOfDay: partOfDaySchema.nullable(),
  role: reportRoleSchema,
  categories: z.array(z.strictObject({ id: text(), label: text() })),
  location: z
    .strictObject({
      lat: z.number().nullable(),
      lng: z.number().nullable(),
      text: text().nullable(),
      source: text().nullable(),
      accuracy: z.number().nullable(),
      /** The hotspot grid's cell the point lies in (`E1205N4875`), null without a point. */
      gridCell: text().nullable(),
    })
    .nullable(),
  description: text().nullable(),
  intervened: text().nullable(),
  /** The extra fields, labelled in the requested language from the config the reporter saw. */
  extra: z.array(z.strictObject({ key: text(), label: text(), value: text() })),
  /** The reporter's language. */
  locale: text(),
  via: tenantRefSchema,
  receivingTenant: tenantRefSchema,
  status: reportStatusSchema,
  referredTo: referralTargetSchema.nullable(),
  closingReason: closingReasonSchema.nullable(),
  assignee: staffRefSchema.nullable(),
  contact: z.strictObject({
    /** Contact details are held now. */
    present: z.boolean(),
    wantsFollowUp: z.boolean(),
    /** When retention erases them (null when none are held). */
    erasesAt: timestamp.nullable(),
    /** When retention erased them (null when it did not, or none were given). */
    erasedAt: timestamp.nullable(),
  }),
  /** When retention deletes the report. */
  deletesAt: timestamp,
  deliveries: z.array(reportDeliverySchema),
  notes: z.array(reportNoteSchema),
  events: z.array(reportEventSchema),
  demo: z.boolean(),
  // ── Issue 15: anonymous follow-up ──
  /** The reporter holds a receipt code: messages reach them (and they may reply) through it. */
  receiptCode: z.boolean(),
  /** The thread with the reporter, oldest first (apart from the internal notes, which they never see). */
  messages: z.array(reportMessageSchema),
  /** The reporter's answers to "how was reporting for you?" (comments: officers only). */
  feedback: z.array(reportFeedbackSchema),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

/**
 * `PATCH …/reports/:id` (with `If-Match: "<revision>"`): a new status (with `referredTo` for
 * `referred`, `closingReason` for `closed`), and/or an assignee (an officer of the tenant, or null).
 */
export const reportUpdateSchema = z
  .strictObject({
    status: reportStatusSchema.optional(),
    referredTo: referralTargetSchema.optional(),
    closingReason: closingReasonSchema.optional(),
    assigneeId: text(z.uuid()).nullable().optional(),
  })
  .superRefine((update, ctx) => {
    if (update.status === undefined && update.assigneeId === undefined) {
      ctx.addIssue({ code: 'custom', message: 'Give a status or an assignee', path: ['status'] });
    }
    if (update.status === 'referred' && !update.referredTo) {
      ctx.addIssue({ code: 'custom', message: 'Say where the report is referred to', path: ['referredTo'] });
    }
    if (update.status !== 'referred' && update.referredTo) {
      ctx.addIssue({ code: 'custom', message: 'Only a referral names where to', path: ['referredTo'] });
    }
    if (update.status === 'closed' && !update.closingReason) {
      ctx.addIssue({ code: 'custom', message: 'Give a reason for closing', path: ['closingReason'] });
    }
    if (update.status !== 'closed' && update.closingReason) {
      ctx.addIssue({ code: 'custom', message: 'Only closing takes a reason', path: ['closingReason'] });
    }
  });
export type ReportUpdate = z.input<typeof reportUpdateSchema>;

/** The longest internal note. */
export const noteMaxLength = 5000;

/** `POST …/reports/:id/notes`: an internal note (never shown to the reporter). */
export const noteInputSchema = z.strictObject({ body: text().trim().min(1).max(noteMaxLength) });
export type NoteInput = z.input<typeof noteInputSchema>;

/** The longest message to a reporter. */
export const messageMaxLength = 4000;

/**
 * `POST …/reports/:id/messages`: a message to the reporter (they read it with their receipt code; a
 * reporter who left an e-mail address and asked for follow-up gets a content-free notice). `waitForReply`
 * sets the status to `waiting` in the same step.
 */
export const reportMessageInputSchema = z.strictObject({
  body: text().trim().min(1).max(messageMaxLength),
  waitForReply: z.boolean().optional(),
});
export type ReportMessageInput = z.input<typeof reportMessageInputSchema>;

/** `GET …/withdrawals`: reports their reporters withdrew (deleted; only reference and dates are left). */
export const withdrawalListSchema = z.strictObject({
  withdrawals: z.array(
    z.strictObject({ reportId: text(z.uuid()), reference: text(), receivedAt: timestamp, withdrawnAt: timestamp }),
  ),
});
export type WithdrawalList = z.infer<typeof withdrawalListSchema>;

/** `POST …/reports/:id/contact`: why the officer needs the contact details (audited). */
export const contactRevealInputSchema = z.strictObject({
  reason: contactRevealReasonSchema,
  remark: text().trim().max(300).optional(),
});
export type ContactRevealInput = z.input<typeof contactRevealInputSchema>;

/** The answer of `POST …/contact`: the details as the reporter gave them. */
export const revealedContactSchema = z.strictObject({
  name: text().nullable(),
  email: text().nullable(),
  phone: text().nullable(),
  wantsFollowUp: z.boolean(),
});
export type RevealedContact = z.infer<typeof revealedContactSchema>;

/** `GET …/officers`: the tenant's officers, whom a report can be assigned to. */
export const officerListSchema = z.strictObject({ officers: z.array(staffRefSchema) });
export type OfficerList = z.infer<typeof officerListSchema>;

/** A saved inbox filter, shared by the tenant's officers. */
export const savedViewSchema = z.strictObject({
  id: text(z.uuid()),
  name: text(),
  /** The inbox query string without `cursor` (`status=new&role=victim`). */
  query: text(),
  createdBy: staffRefSchema.nullable(),
  createdAt: timestamp,
});
export type SavedView = z.infer<typeof savedViewSchema>;
export const savedViewListSchema = z.strictObject({ views: z.array(savedViewSchema) });

/** `POST …/views`. */
export const savedViewInputSchema = z.strictObject({
  name: text().trim().min(1).max(100),
  query: text().max(2000),
});
export type SavedViewInput = z.input<typeof savedViewInputSchema>;

// ── Figures ──

/** The query of every figure: the whole period (`week` or `month`) containing `at` (default: the last complete one). */
export const figuresQuerySchema = z.strictObject({
  period: figurePeriodSchema.default('month'),
  at: calendarDateSchema.optional(),
  /** The language of labels (category names): the console's. */
  lang: labelLocaleSchema.optional(),
});
export type FiguresQuery = z.input<typeof figuresQuerySchema>;

/**
 * A count as published: a number, or why it is hidden (`below-minimum`: fewer than the minimum;
 * `complementary`: hidden so a smaller one cannot be worked out). Never both.
 */
export const publishedCountSchema = z.strictObject({
  count: z.number().int().min(0).nullable(),
  suppressed: z.enum(suppressionKinds).nullable(),
});
export type PublishedCount = z.infer<typeof publishedCountSchema>;

export const periodSchema = z.strictObject({
  kind: figurePeriodSchema,
  /** The first day, and the day after the last (Europe/Amsterdam). */
  start: calendarDateSchema,
  end: calendarDateSchema,
});
export type Period = z.infer<typeof periodSchema>;

const breakdown = <K extends z.ZodType>(key: K) => z.array(z.strictObject({ key, ...publishedCountSchema.shape }));

/** `GET …/figures`: one period's counts, the one before it, and the trend of the periods up to it. */
export const figuresSchema = z.strictObject({
  period: periodSchema,
  previous: periodSchema,
  minimumCount: z.number().int(),
  total: publishedCountSchema,
  previousTotal: publishedCountSchema,
  /** The totals of up to 12 periods ending with this one, oldest first. */
  trend: z.array(z.strictObject({ period: periodSchema, ...publishedCountSchema.shape })),
  /** Category ids; a report may have several, so these do not add up to the total. */
  byCategory: breakdown(text()),
  byRole: breakdown(reportRoleSchema),
  /** Exact times by their hour, the others by the part of day given; `unknown`: none given. */
  byPartOfDay: breakdown(z.enum(figurePartsOfDay)),
  byDelay: breakdown(z.enum(reportDelays)),
  /** Labels of the category ids in the requested language (`?lang=`), from the published config. */
  categoryLabels: z.record(text(), text()),
});
export type Figures = z.infer<typeof figuresSchema>;

/** `GET …/figures/hot-times`: weekday (1 Monday … 7 Sunday) × hour of reports with an exact time. */
export const hotTimesSchema = z.strictObject({
  period: periodSchema,
  minimumCount: z.number().int(),
  cells: z.array(
    z.strictObject({
      weekday: z.number().int().min(1).max(7),
      hour: z.number().int().min(0).max(23),
      ...publishedCountSchema.shape,
    }),
  ),
  /** Reports of the period with an exact time (the grid's total). */
  exactTotal: publishedCountSchema,
  /** Reports whose time is not exact: not in the grid. */
  withoutExactTime: publishedCountSchema,
});
export type HotTimes = z.infer<typeof hotTimesSchema>;

/** `GET …/figures/hotspots`: counts per 500 m square of the Dutch national grid; no single report's point. */
export const hotspotsSchema = z.strictObject({
  period: periodSchema,
  minimumCount: z.number().int(),
  grid: z.literal('rd-500m'),
  cells: z.array(
    z.strictObject({
      /** `E1205N4875`: the south-west corner in RD metres / 100. */
      id: text(),
      /** The square's corners in WGS84: [[south, west], [north, east]] (for the map). */
      bounds: z.tuple([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number()])]),
      ...publishedCountSchema.shape,
    }),
  ),
  /** Reports of the period with a point on the map (the cells' total). */
  locatedTotal: publishedCountSchema,
  /** Reports placed in words only. */
  withoutLocation: publishedCountSchema,
});
export type Hotspots = z.infer<typeof hotspotsSchema>;

/** `GET /api/v1/backoffice/platform/figures`: the platform operator's national overview, per municipality. */
export const nationalFiguresSchema = z.strictObject({
  period: periodSchema,
  minimumCount: z.number().int(),
  total: publishedCountSchema,
  tenants: z.array(z.strictObject({ slug: text(), name: text(), ...publishedCountSchema.shape })),
});
export type NationalFigures = z.infer<typeof nationalFiguresSchema>;

/** A published average rating: null when its count is hidden (below the minimum) or zero. */
const feedbackFigure = z.strictObject({ count: publishedCountSchema, average: z.number().nullable() });

/**
 * `GET …/figures/feedback` (issue 15): how reporting was for reporters — answers and their average
 * rating (1–5) per moment, this period and the one before, under the same suppression rules.
 */
export const feedbackFiguresSchema = z.strictObject({
  period: periodSchema,
  previous: periodSchema,
  minimumCount: z.number().int(),
  moments: z.array(
    z.strictObject({
      moment: z.enum(feedbackMoments),
      current: feedbackFigure,
      previous: feedbackFigure,
    }),
  ),
});
export type FeedbackFigures = z.infer<typeof feedbackFiguresSchema>;

/** `GET …/feedback/comments` (officers only): the period's comments, newest first, with their report. */
export const feedbackCommentsSchema = z.strictObject({
  period: periodSchema,
  comments: z.array(
    z.strictObject({
      reportId: text(z.uuid()),
      reference: text(),
      moment: z.enum(feedbackMoments),
      rating: z.number().int().min(1).max(5),
      comment: text(),
      at: timestamp,
    }),
  ),
});
export type FeedbackComments = z.infer<typeof feedbackCommentsSchema>;
