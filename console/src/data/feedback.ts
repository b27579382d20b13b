/**
 * The reporters' feedback comments (`GET /api/v1/backoffice/tenants/:slug/feedback/comments`, issue 15):
 * what reporters wrote beside their rating in a period, newest first, with the report each belongs to.
 * Officers only (the service refuses everyone else; an analyst's page never asks). The counts and averages
 * are figures (`data/figures.ts`). Typed on the contracts (`feedbackCommentsSchema`).
 */
import type { FeedbackComments } from '@meldpunt/contracts';
import type { PeriodChoice } from './figures.ts';
import { isPeriod } from './figures.ts';
import { isDateTime, isRecord, isText, request } from './http.ts';

const isRating = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5;

export const isFeedbackComments = (value: unknown): value is FeedbackComments =>
  isRecord(value) &&
  isPeriod(value['period']) &&
  Array.isArray(value['comments']) &&
  value['comments'].every(
    (c) =>
      isRecord(c) &&
      isText(c['reportId']) &&
      isText(c['reference']) &&
      (c['moment'] === 'sent' || c['moment'] === 'closed') &&
      isRating(c['rating']) &&
      isText(c['comment']) &&
      isDateTime(c['at']),
  );

/** The comments of the period `choice` names (none: the last complete one). */
export function readFeedbackComments(
  slug: string,
  choice: PeriodChoice,
  signal?: AbortSignal,
): Promise<FeedbackComments> {
  return request(`/backoffice/tenants/${encodeURIComponent(slug)}/feedback/comments`, isFeedbackComments, {
    query: { period: choice.period, ...(choice.at ? { at: choice.at } : {}) },
    ...(signal ? { signal } : {}),
  });
}
