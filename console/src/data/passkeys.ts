/**
 * The passkeys resource (`/api/v1/auth/passkeys…`): signing in with a passkey, and the signed-in person's
 * own passkeys (list, add, remove). A ceremony is two requests around the browser's WebAuthn call: the
 * options (with a `state` the server keeps the challenge under), then the authenticator's answer with that
 * state. `@simplewebauthn/browser` makes the WebAuthn call; it is loaded only when a ceremony starts, so
 * the first screen (the sign-in page) does not carry it.
 */
import type { Me, Passkey } from '@meldpunt/contracts';
import { isMe } from './auth.ts';
import { ApiError, isDateTime, isRecord, isText, request } from './http.ts';

/** The options answer: WebAuthn's JSON options and the state to send back. */
interface CeremonyStart<T> {
  state: string;
  options: T;
}

const isCeremonyStart = (value: unknown): value is CeremonyStart<never> =>
  isRecord(value) && isText(value['state']) && isRecord(value['options']) && isText(value['options']['challenge']);

const isPasskeys = (value: unknown): value is Passkey[] =>
  Array.isArray(value) &&
  value.every(
    (p) =>
      isRecord(p) &&
      isText(p['id']) &&
      isText(p['label']) &&
      isDateTime(p['createdAt']) &&
      (p['lastUsedAt'] === null || isDateTime(p['lastUsedAt'])),
  );

/** What went wrong in a ceremony, in the terms the pages tell a person. */
export type CeremonyProblem =
  /** The person cancelled, or let it time out (WebAuthn's `NotAllowedError`, `AbortError`). */
  | 'cancelled'
  /** This authenticator already holds a passkey of this person (`InvalidStateError`). */
  | 'exists'
  /** The browser has no WebAuthn. */
  | 'unsupported'
  /** Too many failed sign-ins from this connection (429). */
  | 'too-many'
  /** Anything else: the server refused the answer, or the authenticator failed. */
  | 'failed';

/** The problem of an error a ceremony threw. */
export function ceremonyProblem(error: unknown): CeremonyProblem {
  if (error instanceof ApiError) return error.status === 429 ? 'too-many' : 'failed';
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') return 'cancelled';
  if (name === 'InvalidStateError') return 'exists';
  if (name === 'NotSupportedError' || !supportsPasskeys()) return 'unsupported';
  return 'failed';
}

/** Whether this browser can use passkeys at all. */
export function supportsPasskeys(): boolean {
  return typeof window.PublicKeyCredential === 'function';
}

/** Signs in with any passkey of this site (the browser asks which); the session cookie comes with the answer. */
export async function signInWithPasskey(): Promise<Me> {
  const start = await request('/auth/passkeys/authentication-options', isCeremonyStart, { method: 'POST' });
  const { startAuthentication } = await import('@simplewebauthn/browser');
  const response = await startAuthentication({ optionsJSON: start.options });
  return request('/auth/passkeys/authentication', isMe, { method: 'POST', body: { state: start.state, response } });
}

/**
 * Creates a passkey: from an invitation (`token`: the person's first, or one more for someone known; they
 * are signed in afterwards) or, signed in, another one. Answers the signed-in person.
 */
export async function createPasskey(input: { token?: string; label?: string; name?: string }): Promise<Me> {
  const start = await request('/auth/passkeys/registration-options', isCeremonyStart, {
    method: 'POST',
    body: input.token ? { token: input.token } : {},
  });
  const { startRegistration } = await import('@simplewebauthn/browser');
  const response = await startRegistration({ optionsJSON: start.options });
  return request('/auth/passkeys/registration', isMe, {
    method: 'POST',
    body: {
      state: start.state,
      response,
      ...(input.label ? { label: input.label } : {}),
      ...(input.name ? { name: input.name } : {}),
    },
  });
}

/** The signed-in person's passkeys, oldest first. */
export function listPasskeys(signal?: AbortSignal): Promise<Passkey[]> {
  return request('/auth/passkeys', isPasskeys, signal ? { signal } : {});
}

/** Removes one of the signed-in person's passkeys; a 409 `last-passkey` when it is their last. */
export function removePasskey(id: string): Promise<undefined> {
  return request(`/auth/passkeys/${encodeURIComponent(id)}`, undefined, { method: 'DELETE' });
}
