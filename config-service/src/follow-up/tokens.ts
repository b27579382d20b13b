import { timingSafeEqual } from 'node:crypto';
import { purposes, type ServerSecret } from '../secrets/server-secret.ts';

/**
 * The reporter's short-lived tokens (issue 15): stateless, signed with a key from the server secret,
 * held by the widget in memory only (never in storage, never in a URL) and never logged.
 *
 * Form: `v1.<reportId>.<expires, epoch seconds>.<purpose>.<mac>`, the mac being HMAC-SHA256 (base64url)
 * of everything before it plus a binding that is not in the token:
 * - `follow-up` (15 minutes, from a receipt-code look-up): bound to the report's current
 *   `receipt_hash`, so a re-issued code (an idempotent replay) or a withdrawal ends every token of
 *   the old code at once;
 * - `feedback` (an hour, in the report's 201): bound to the report only — for the one question
 *   after sending, also for reports without a receipt code.
 */

export type TokenPurpose = 'follow-up' | 'feedback';

/** How long a follow-up token holds; each answer carries a fresh one. */
export const followUpTokenSeconds = 15 * 60;
/** How long the feedback token of a report's 201 holds. */
export const feedbackTokenSeconds = 60 * 60;

const version = 'v1';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** A token for `reportId`, valid until `expiresAt` (whole seconds), bound to `binding`. */
export function signToken(
  secret: Pick<ServerSecret, 'hmac'>,
  claims: { reportId: string; purpose: TokenPurpose; binding: string; expiresAt: Date },
): IssuedToken {
  const expires = Math.floor(claims.expiresAt.getTime() / 1000);
  const payload = `${version}.${claims.reportId}.${expires}.${claims.purpose}`;
  return { token: `${payload}.${mac(secret, payload, claims.binding)}`, expiresAt: new Date(expires * 1000) };
}

/** A token for `reportId` that holds `seconds` from `now`. */
export function issueToken(
  secret: Pick<ServerSecret, 'hmac'>,
  claims: { reportId: string; purpose: TokenPurpose; binding: string },
  seconds: number,
  now: Date = new Date(),
): IssuedToken {
  return signToken(secret, { ...claims, expiresAt: new Date(now.getTime() + seconds * 1000) });
}

/**
 * The report a well-formed, unexpired token of `purpose` names — read from the token without checking
 * its mac, which needs the binding (`verifyToken`). Undefined for anything else.
 */
export function tokenReportId(token: string, purpose: TokenPurpose, now: Date = new Date()): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 5) return undefined;
  const [v, reportId, expires, tokenPurpose] = parts as [string, string, string, string, string];
  if (v !== version || tokenPurpose !== purpose || !uuidPattern.test(reportId) || !/^\d{1,12}$/.test(expires)) {
    return undefined;
  }
  return Number(expires) * 1000 > now.getTime() ? reportId : undefined;
}

/** Whether `token` is a valid, unexpired token of `purpose` for `reportId` and `binding` (constant-time mac check). */
export function verifyToken(
  secret: Pick<ServerSecret, 'hmac'>,
  token: string,
  expected: { reportId: string; purpose: TokenPurpose; binding: string },
  now: Date = new Date(),
): boolean {
  if (tokenReportId(token, expected.purpose, now) !== expected.reportId) return false;
  const cut = token.lastIndexOf('.');
  const given = Buffer.from(token.slice(cut + 1));
  const wanted = Buffer.from(mac(secret, token.slice(0, cut), expected.binding));
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function mac(secret: Pick<ServerSecret, 'hmac'>, payload: string, binding: string): string {
  return secret.hmac(purposes.followUpToken, `${payload}.${binding}`);
}
