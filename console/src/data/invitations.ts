/**
 * The invitations resource (`/api/v1/console/tenants/:slug/invitations…`): open invitations, inviting an
 * address with roles (the service mails the link; the answer holds only the new id, never the token), and
 * withdrawing one. Typed on the contracts (`invitationListSchema`, `invitationInputSchema`).
 *
 * `emailProblem` mirrors `staffEmailSchema` (trimmed, lower-cased, at most 254 characters, `x@y.z`), so a
 * person hears about a typo before sending; the server checks again and its 422 is mapped to the field too.
 */
import type { Invitation, InvitationCreated, TenantRole } from '@meldpunt/contracts';
import { isRoles } from './auth.ts';
import { isDateTime, isRecord, isText, request } from './http.ts';

export function isInvitationList(value: unknown): value is Invitation[] {
  return (
    Array.isArray(value) &&
    value.every(
      (i) =>
        isRecord(i) &&
        isText(i['id']) &&
        isText(i['email']) &&
        isRoles(i['roles']) &&
        isDateTime(i['createdAt']) &&
        isDateTime(i['expiresAt']) &&
        typeof i['expired'] === 'boolean',
    )
  );
}

const isCreated = (value: unknown): value is InvitationCreated => isRecord(value) && isText(value['id']);

const base = (slug: string) => `/console/tenants/${encodeURIComponent(slug)}/invitations`;

export function listInvitations(slug: string, signal?: AbortSignal): Promise<Invitation[]> {
  return request(base(slug), isInvitationList, signal ? { signal } : {});
}

/** Invites `email` with `roles`; the mail with the link goes out through the service's outbox. */
export function invite(slug: string, email: string, roles: readonly TenantRole[]): Promise<InvitationCreated> {
  return request(base(slug), isCreated, { method: 'POST', body: { email, roles } });
}

export function withdrawInvitation(slug: string, id: string): Promise<undefined> {
  return request(`${base(slug)}/${encodeURIComponent(id)}`, undefined, { method: 'DELETE' });
}

/** An address as the contracts keep it: trimmed and lower-cased. */
export const normalisedEmail = (value: string): string => value.trim().toLowerCase();

/** What is wrong with a typed address, as `staffEmailSchema` would refuse it, or undefined when it is fine. */
export function emailProblem(value: string): 'missing' | 'invalid' | 'tooLong' | undefined {
  const email = normalisedEmail(value);
  if (email === '') return 'missing';
  if (email.length > 254) return 'tooLong';
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? undefined : 'invalid';
}
