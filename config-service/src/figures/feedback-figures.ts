/**
 * "How was reporting for you?" in the back office's figures (issue 15): per moment (just after sending,
 * and once the report was closed) how many answered and their average rating, this period and the one
 * before — by when the answer was given, in the same complete periods as the other figures. A count
 * below the tenant's minimum is hidden (`below-minimum`), and so is its average: the two moments add up
 * to no published total, so nothing hidden can be worked out from the rest (no complementary hiding is
 * needed). The comments are the reporters' own words: listed for officers only (`feedbackComments`).
 */
import type { Kysely } from 'kysely';
import { feedbackMoments, type FeedbackComments, type FeedbackFigures, type Period } from '@meldpunt/contracts';
import type { Database } from '../db/database.ts';
import { feedbackCommentRows, feedbackTotals, tenantFigureSettings } from './figures-repository.ts';
import { minimumCountOf } from './period-figures.ts';
import { periodBefore, periodRange } from './periods.ts';

type FeedbackFigure = FeedbackFigures['moments'][number]['current'];

/**
 * A moment's published figure: the count when it reaches the minimum, with the average rating to one
 * decimal; otherwise neither. Pure.
 */
export function feedbackFigure(answers: { n: number; sum: number } | undefined, minimumCount: number): FeedbackFigure {
  const n = answers?.n ?? 0;
  if (n < minimumCount || n === 0) return { count: { count: null, suppressed: 'below-minimum' }, average: null };
  return { count: { count: n, suppressed: null }, average: Math.round(((answers?.sum ?? 0) / n) * 10) / 10 };
}

/** The tenant's feedback figures of `period` and the period before. */
export async function feedbackFigures(
  db: Kysely<Database>,
  tenantId: string,
  period: Period,
): Promise<FeedbackFigures> {
  const previous = periodBefore(period);
  const [settings, current, before] = await Promise.all([
    tenantFigureSettings(db, tenantId),
    feedbackTotals(db, { tenantId, ...periodRange(period) }),
    feedbackTotals(db, { tenantId, ...periodRange(previous) }),
  ]);
  const minimumCount = minimumCountOf(settings.settings);
  return {
    period,
    previous,
    minimumCount,
    moments: feedbackMoments.map((moment) => ({
      moment,
      current: feedbackFigure(
        current.find((r) => r.moment === moment),
        minimumCount,
      ),
      previous: feedbackFigure(
        before.find((r) => r.moment === moment),
        minimumCount,
      ),
    })),
  };
}

/** The comments given in `period`, newest first, each with its report (officers only: see the access rules). */
export async function feedbackComments(
  db: Kysely<Database>,
  tenantId: string,
  period: Period,
): Promise<FeedbackComments> {
  const rows = await feedbackCommentRows(db, { tenantId, ...periodRange(period) });
  return {
    period,
    comments: rows.map((r) => ({
      reportId: r.report_id,
      reference: r.reference,
      moment: r.moment,
      rating: r.rating,
      comment: r.comment ?? '',
      at: r.created_at.toISOString(),
    })),
  };
}
