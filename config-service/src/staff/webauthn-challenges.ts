/**
 * The server side of a passkey ceremony (WebAuthn registration or sign-in) while the browser talks to
 * the authenticator: the challenge, what it is for, kept in the database under the keyed hash of a
 * random 256-bit `state` the browser holds in memory and sends back. Nothing of it is in a cookie, and
 * a database dump does not give the states. A state works once (taking it deletes it) and for five
 * minutes; expired ones are deleted whenever a new one is made.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { purposes, type ServerSecret } from '../secrets/server-secret.ts';

/** How long a ceremony may take: the authenticator's own timeout (a minute or two) with room to spare. */
export const challengeLifetimeMs = 5 * 60_000;

/** What a ceremony is for: signing in, registering for an invitation, or adding a passkey when signed in. */
export type CeremonyFor =
  | { kind: 'authentication' }
  | { kind: 'registration'; invitationId: string; userHandle: string }
  | { kind: 'registration'; staffId: string; userHandle: string };

export interface Ceremony {
  kind: 'registration' | 'authentication';
  challenge: string;
  invitationId: string | null;
  staffId: string | null;
  userHandle: string | null;
}

interface Deps {
  db: Kysely<Database>;
  serverSecret: ServerSecret;
}

const stateHash = (deps: Deps, state: string) => deps.serverSecret.hmac(purposes.webauthnState, state);

/** Keeps a new ceremony's challenge; returns the `state` for the browser (never stored). */
export async function saveCeremony(
  deps: Deps,
  challenge: string,
  what: CeremonyFor,
  now = new Date(),
): Promise<string> {
  const state = randomBytes(32).toString('base64url');
  await deps.db.deleteFrom('webauthn_challenge').where('expires_at', '<=', now).execute();
  await deps.db
    .insertInto('webauthn_challenge')
    .values({
      state_hash: stateHash(deps, state),
      kind: what.kind,
      challenge,
      invitation_id: 'invitationId' in what ? what.invitationId : null,
      staff_id: 'staffId' in what ? what.staffId : null,
      user_handle: 'userHandle' in what ? what.userHandle : null,
      created_at: now,
      expires_at: new Date(now.getTime() + challengeLifetimeMs),
    })
    .execute();
  return state;
}

/**
 * Takes the ceremony of this state, once: it is deleted whether it is still valid or not, so a state
 * can never be tried twice. Undefined for an unknown, used or expired state, or one of another kind.
 */
export async function takeCeremony(
  deps: Deps,
  state: string,
  kind: Ceremony['kind'],
  now = new Date(),
): Promise<Ceremony | undefined> {
  const row = await deps.db
    .deleteFrom('webauthn_challenge')
    .where('state_hash', '=', stateHash(deps, state))
    .returningAll()
    .executeTakeFirst();
  if (!row || row.kind !== kind || row.expires_at.getTime() <= now.getTime()) return undefined;
  return {
    kind: row.kind,
    challenge: row.challenge,
    invitationId: row.invitation_id,
    staffId: row.staff_id,
    userHandle: row.user_handle,
  };
}
