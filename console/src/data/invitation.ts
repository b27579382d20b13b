/**
 * Accepting an invitation (`/api/v1/auth/invitation`): what the link's token grants. The token travels
 * only in request bodies — never in a URL the server or the history could keep. Creating the passkey that
 * accepts it is `createPasskey` of `passkeys.ts`.
 */
import type { InvitationGrant } from '@meldpunt/contracts';
import { isRoles } from './auth.ts';
import { ApiError, isDateTime, isRecord, isText, request } from './http.ts';

const isGrant = (value: unknown): value is InvitationGrant =>
  isRecord(value) &&
  isText(value['email']) &&
  typeof value['platformAdmin'] === 'boolean' &&
  (value['tenant'] === null ||
    (isRecord(value['tenant']) && isText(value['tenant']['slug']) && isText(value['tenant']['name']))) &&
  isRoles(value['roles']) &&
  isDateTime(value['expiresAt']);

/** What the invitation grants, or `null` when the link no longer works (used, expired, withdrawn, unknown). */
export async function getInvitation(token: string, signal?: AbortSignal): Promise<InvitationGrant | null> {
  try {
    return await request('/auth/invitation', isGrant, {
      method: 'POST',
      body: { token },
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (isInvitationInvalid(error)) return null;
    throw error;
  }
}

/** Whether an error is the service's "this invitation link no longer works" (410, or a malformed token: 422). */
export function isInvitationInvalid(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 410 || error.status === 422);
}
