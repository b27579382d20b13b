/**
 * The auth resource (`/api/v1/auth/…`): who is signed in, staying signed in, signing out, and the demo
 * sign-in. Typed on the contracts (`Me` is `meSchema`'s answer, `DemoStaff` `demoStaffSchema`'s).
 */
import type { DemoStaff, Me, TenantRole } from '@meldpunt/contracts';
import { isDateTime, isRecord, isText, NotFoundError, NotSignedInError, request } from './http.ts';

/**
 * Every tenant role, as the contracts' `tenantRoles` (a type-only import keeps zod out of the first screen;
 * the `Record` fails to compile when the contracts add a role).
 */
const knownRoles: Record<TenantRole, true> = {
  admin: true,
  editor: true,
  publisher: true,
  officer: true,
  analyst: true,
};

/** A list of tenant roles. */
export const isRoles = (value: unknown): value is TenantRole[] =>
  Array.isArray(value) && value.every((role) => isText(role) && Object.hasOwn(knownRoles, role));

/** A person as `/auth/me` answers: the parts the console relies on (names, memberships, session times). */
export function isMe(value: unknown): value is Me {
  return (
    isRecord(value) &&
    isText(value['id']) &&
    isText(value['email']) &&
    isText(value['name']) &&
    typeof value['platformAdmin'] === 'boolean' &&
    Array.isArray(value['memberships']) &&
    value['memberships'].every(
      (m) => isRecord(m) && isText(m['tenant']) && isText(m['tenantName']) && isRoles(m['roles']),
    ) &&
    isRecord(value['session']) &&
    isDateTime(value['session']['idleExpiresAt']) &&
    isDateTime(value['session']['absoluteExpiresAt'])
  );
}

/** The demo staff as `/auth/demo` answers. */
export function isDemoStaff(value: unknown): value is DemoStaff {
  return (
    Array.isArray(value) &&
    value.every(
      (person) =>
        isRecord(person) &&
        isText(person['email']) &&
        isText(person['name']) &&
        typeof person['platformAdmin'] === 'boolean' &&
        Array.isArray(person['memberships']) &&
        person['memberships'].every((m) => isRecord(m) && isText(m['tenant']) && isRoles(m['roles'])),
    )
  );
}

/**
 * The signed-in person, or `null` without a session. `passive` reads it without counting as activity (the
 * idle timer is not reset): for the session guard, which must not keep an unattended console signed in.
 */
export async function getMe(options: { passive?: boolean; signal?: AbortSignal } = {}): Promise<Me | null> {
  try {
    return await request('/auth/me', isMe, {
      ...(options.passive ? { query: { passive: '1' } } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof NotSignedInError) return null;
    throw error;
  }
}

/** Stays signed in: the idle timer starts again. Answers the person with the new expiry times. */
export function staySignedIn(): Promise<Me> {
  return request('/auth/session', isMe, { method: 'POST' });
}

/** Ends this session. */
export function signOut(): Promise<undefined> {
  return request('/auth/sign-out', undefined, { method: 'POST' });
}

/** Ends every session of this person, on every device. */
export function signOutEverywhere(): Promise<undefined> {
  return request('/auth/sign-out-everywhere', undefined, { method: 'POST' });
}

/** The demo staff one can sign in as, or `null` outside demo mode (where the API answers 404). */
export async function listDemoStaff(signal?: AbortSignal): Promise<DemoStaff | null> {
  try {
    return await request('/auth/demo', isDemoStaff, signal ? { signal } : {});
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** Signs in as one of the demo staff (demo mode only); the session cookie comes with the answer. */
export function demoSignIn(email: string): Promise<undefined> {
  return request('/auth/demo', undefined, { method: 'POST', body: { email } });
}
