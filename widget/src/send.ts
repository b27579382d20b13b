// Sending a report: the request body, the request, which step and field a validation error of the service
// points at, and the answer to "how was reporting for you?" after it. Only the review sends, so this is in the
// chunk of the later steps (`later.ts`).
import type { FeedbackInput, ReportCreated, ReportInputBody, ReportLocation, TenantConfig } from '@meldpunt/contracts';
import { ApiError, apiRequest } from './api.ts';
import { isProofRefusal, type BackgroundProof } from './proof.ts';
import { occurredAtOf, type Draft, type FollowUp, type StepId } from './draft.ts';

/** How often a report turned away as `busy` (503, issue 16: the service sheds load) is sent again by itself. */
export const busyRetries = 3;

/** The service stored nothing because it was too busy for a moment: the same report may be sent again. */
function isBusy(error: unknown): boolean {
  return error instanceof ApiError && error.status === 503 && /\/busy$/.test(error.type ?? '');
}

/**
 * Sends a report; rejects with an `ApiError`. The same `idempotencyKey` for every attempt of one draft:
 * a double click, or a retry after a lost answer or a timeout, never stores two reports.
 * Two refusals are dealt with here, without the reporter noticing: a refused proof (expired while they
 * wrote, made just before a flood raised the difficulty, or used by an attempt whose answer was lost) is
 * replaced once; a `busy` answer is followed by the same request after 2–3 s, up to `busyRetries` times
 * (the service gave the proof back). `wait` is for tests.
 */
export async function sendReport(
  base: string,
  tenant: string,
  body: ReportInputBody,
  idempotencyKey: string,
  timeoutMs?: number,
  proof?: Pick<BackgroundProof, 'take'>,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<ReportCreated> {
  // Issue 16: the proof of work solved in the background (`proof.ts`).
  let header = proof ? await proof.take() : undefined;
  let replaced = false;
  for (let busy = 0; ;) {
    try {
      const headers = { 'Idempotency-Key': idempotencyKey, ...(header ? { 'Meldpunt-Proof': header } : {}) };
      return await apiRequest<ReportCreated>({ base, tenant, resource: 'reports', body, headers, timeoutMs });
    } catch (error) {
      if (proof && !replaced && isProofRefusal(error)) {
        replaced = true;
        header = await proof.take();
      } else if (isBusy(error) && busy++ < busyRetries) {
        await wait(2000 + Math.random() * 1000);
      } else throw error;
    }
  }
}

/**
 * `POST …/reports/:id/feedback` with the `feedbackToken` of the report's 201 (valid for an hour): the answer
 * to the feedback question just after sending. Rejects with an `ApiError`.
 */
export async function sendFeedback(
  to: { base: string; tenant: string; timeoutMs?: number },
  result: Pick<ReportCreated, 'id' | 'feedbackToken'>,
  input: FeedbackInput,
): Promise<void> {
  const resource = `reports/${encodeURIComponent(result.id)}/feedback`;
  const headers = { Authorization: `Bearer ${result.feedbackToken ?? ''}` };
  await apiRequest<undefined>({ ...to, resource, body: input, headers });
}

/** The request body for the API (contracts' report input); contact details only for a receiver that follows up. */
export function toReportBody(
  draft: Draft,
  config: TenantConfig,
  locale: string,
  followUp: FollowUp = config.followUp.mode,
): ReportInputBody {
  const extra = Object.fromEntries(Object.entries(draft.extra).filter(([, v]) => v.trim() !== ''));
  const location: ReportLocation = { ...draft.location };
  if (location.text !== undefined && !location.text.trim()) delete location.text;
  const contact =
    followUp === 'active' && draft.wantsContact
      ? {
          wantsFollowUp: true,
          ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
          ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
          ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
        }
      : undefined;
  const occurredAt = occurredAtOf(draft);
  if (!draft.role || !occurredAt) throw new Error('toReportBody before the draft was validated');
  return {
    role: draft.role,
    categories: draft.categories,
    occurredAt,
    timePrecision: draft.timeMode,
    ...(draft.timeMode === 'part-of-day' ? { partOfDay: draft.partOfDay } : {}),
    location,
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    ...(draft.intervened && config.fields.intervention ? { intervened: draft.intervened } : {}),
    ...(Object.keys(extra).length ? { extra } : {}),
    ...(contact ? { contact } : {}),
    locale: locale as ReportInputBody['locale'],
  };
}

/** Which step holds the field a server error points at (JSON Pointer into the body). */
export function stepOfPath(path: string): StepId {
  const top = path.split('/')[1] ?? '';
  if (top === 'role') return 'who';
  if (top === 'categories') return 'what';
  if (['occurredAt', 'timePrecision', 'partOfDay'].includes(top)) return 'when';
  if (top === 'location') return 'where';
  if (top === 'contact') return 'contact';
  if (['description', 'intervened', 'extra'].includes(top)) return 'details';
  return 'review';
}

/** The widget control that shows a server error's path. */
export function fieldOfPath(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const top = parts[0] ?? '';
  if (top === 'role') return 'role-victim';
  if (top === 'occurredAt') return 'date';
  if (top === 'partOfDay') return 'part-of-day';
  if (top === 'extra') return `extra-${parts[1] ?? ''}`;
  if (top === 'contact') return parts[1] === 'phone' ? 'phone' : 'email';
  return top;
}
