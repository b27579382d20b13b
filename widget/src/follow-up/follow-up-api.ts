// The reporter's side of the follow-up API (contracts' `follow-up.ts`): every call goes through the widget's one
// API client (`apiRequest`), so each has a deadline and every failure is an `ApiError`. The receipt code goes in
// a request body only, never in a URL; the token of the last answer goes in the Authorization header.
import type { FeedbackInput, FollowUpView } from '@meldpunt/contracts';
import { formatReceiptCode } from '@meldpunt/contracts/receipt-code';
import { ApiError, apiRequest } from '../api.ts';

/** Where the follow-up calls go: the embedding reporting point's routes (for its origin check). */
export interface FollowUpTarget {
  base: string;
  tenant: string;
  timeoutMs?: number;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** `POST …/follow-up`: the report of a (normalised) receipt code, wherever it went. */
export function lookUpReport(to: FollowUpTarget, code: string): Promise<FollowUpView> {
  return apiRequest<FollowUpView>({ ...to, resource: 'follow-up', body: { code: formatReceiptCode(code) } });
}

/** `POST …/follow-up/replies`: the reporter's answer; the view with it. */
export function sendReply(to: FollowUpTarget, token: string, body: string): Promise<FollowUpView> {
  return apiRequest<FollowUpView>({ ...to, resource: 'follow-up/replies', body: { body }, headers: bearer(token) });
}

/** `POST …/follow-up/contact-erasure`: the view without contact details. */
export function eraseContact(to: FollowUpTarget, token: string): Promise<FollowUpView> {
  return apiRequest<FollowUpView>({ ...to, resource: 'follow-up/contact-erasure', body: {}, headers: bearer(token) });
}

/** `POST …/follow-up/withdrawal`: the report is deleted (204). */
export async function withdrawReport(to: FollowUpTarget, token: string): Promise<void> {
  await apiRequest<undefined>({ ...to, resource: 'follow-up/withdrawal', body: {}, headers: bearer(token) });
}

/** `POST …/follow-up/feedback`: how reporting was, once the report is closed (204). */
export async function sendClosedFeedback(to: FollowUpTarget, token: string, input: FeedbackInput): Promise<void> {
  await apiRequest<undefined>({ ...to, resource: 'follow-up/feedback', body: input, headers: bearer(token) });
}

/** What a failed follow-up call means for the reporter: the text to show (`followUp.errors.*`). */
export interface FollowUpFailure {
  /** `unknown`: the code finds nothing (for every reason alike); `expired`: the token is no longer valid. */
  kind: 'unknown' | 'tooMany' | 'expired' | 'closed' | 'network' | 'server';
  /** `tooMany`: try again after this many minutes (from `Retry-After`). */
  minutes?: number;
}

export function followUpFailure(error: unknown): FollowUpFailure {
  if (!(error instanceof ApiError)) return { kind: 'server' };
  if (error.kind === 'not-found') return { kind: 'unknown' };
  if (error.kind === 'rate-limit')
    return { kind: 'tooMany', minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) };
  if (error.status === 401) return { kind: 'expired' };
  if (error.status === 409 && error.type?.endsWith('/report-closed')) return { kind: 'closed' };
  if (error.kind === 'network' || error.kind === 'timeout') return { kind: 'network' };
  return { kind: 'server' };
}
