/**
 * Passkeys (WebAuthn, with `@simplewebauthn/server`): registering one from an invitation or, signed in,
 * adding another; signing in with one; listing and removing one's own. Every ceremony's challenge is
 * kept on the server (`webauthn-challenges.ts`), keyed by a `state` the browser sends back.
 *
 * Choices:
 * - The relying party is `PUBLIC_ORIGIN`: its host name is the rp id, the origin itself the only one
 *   accepted. Passkeys are bound to that name, so changing it later means inviting everyone again.
 * - Discoverable credentials (`residentKey: 'required'`): sign-in asks for no address, so a failed
 *   sign-in cannot tell anyone whether an address exists.
 * - `userVerification: 'required'`: the passkey is the only factor (there is no password), and the
 *   console opens reports and contact details; asking for the device's PIN or biometrics makes it two
 *   (something one has, and knows or is). An authenticator that cannot verify its user is refused.
 * - The WebAuthn user handle is a random id per person (`passkey_user`), not the address or staff id.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Kysely } from 'kysely';
import type { TenantRole } from '@meldpunt/contracts';
import type { Database } from '../db/database.ts';
import { purposes } from '../secrets/server-secret.ts';
import { consumeInvitationIn } from './invitations.ts';
import { endPasskeySessions, type SessionDeps } from './sessions.ts';
import { appendToChains, personalChains } from './staff-audit.ts';
import { findStaffByEmail } from './staff-repository.ts';
import { saveCeremony, takeCeremony } from './webauthn-challenges.ts';

/** Who the passkeys are for: the rp id (a host name), its display name and the one origin accepted. */
export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

/** The relying party of a `PUBLIC_ORIGIN` (`http://localhost:8787` → rp id `localhost`). */
export function relyingPartyOf(publicOrigin: string): RelyingParty {
  const url = new URL(publicOrigin);
  return { id: url.hostname, name: 'Meldpunt', origin: url.origin };
}

/**
 * The signature algorithms accepted: EdDSA, ES256, RS256 (COSE ids), what every current authenticator
 * offers. Named here rather than the library's default, which probes Node's still experimental ML-DSA
 * support (and prints a warning) on every registration.
 */
const algorithms = [-8, -7, -257];

/** How long the browser lets the person take (the server keeps the challenge a little longer). */
const ceremonyTimeoutMs = 3 * 60_000;

/** An invitation that can still be used, with what it grants. */
export interface OpenInvitation {
  id: string;
  email: string;
  platformAdmin: boolean;
  tenant: { slug: string; name: string } | null;
  roles: TenantRole[];
  expiresAt: Date;
}

/** The invitation of this link's token, while unused and unexpired; undefined otherwise (one answer). */
export async function findOpenInvitation(
  deps: Pick<SessionDeps, 'db' | 'serverSecret'>,
  token: string,
  now = new Date(),
): Promise<OpenInvitation | undefined> {
  const row = await deps.db
    .selectFrom('invitation')
    .leftJoin('tenant', 'tenant.id', 'invitation.tenant_id')
    .select([
      'invitation.id',
      'invitation.email',
      'invitation.platform_admin',
      'invitation.roles',
      'invitation.expires_at',
      'tenant.slug',
      'tenant.name',
    ])
    .where('invitation.token_hash', '=', deps.serverSecret.hmac(purposes.invitationToken, token))
    .where('invitation.used_at', 'is', null)
    .where('invitation.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    platformAdmin: row.platform_admin,
    tenant: row.slug && row.name ? { slug: row.slug, name: row.name } : null,
    roles: row.roles,
    expiresAt: row.expires_at,
  };
}

async function userHandleOf(db: Kysely<Database>, staffId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('passkey_user')
    .select('user_handle')
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return row?.user_handle;
}

const newUserHandle = () => randomBytes(32).toString('base64url');

/** The options `navigator.credentials.create()` gets, with the state to send back. */
export interface RegistrationStart {
  state: string;
  options: PublicKeyCredentialCreationOptionsJSON;
}

async function registrationOptions(
  deps: SessionDeps,
  rp: RelyingParty,
  person: { email: string; name: string; staffId?: string },
  userHandle: string,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = person.staffId
    ? await deps.db
        .selectFrom('passkey')
        .select(['credential_id', 'transports'])
        .where('staff_id', '=', person.staffId)
        .execute()
    : [];
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    // The address is what the person's own device shows to tell their passkeys apart; it is not stored here.
    userName: person.email,
    userDisplayName: person.name,
    userID: Buffer.from(userHandle, 'base64url'),
    timeout: ceremonyTimeoutMs,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    supportedAlgorithmIDs: algorithms,
  });
}

/** Starts registering a passkey from an invitation; undefined when the invitation cannot be used. */
export async function startInvitationRegistration(
  deps: SessionDeps,
  rp: RelyingParty,
  token: string,
  now = new Date(),
): Promise<RegistrationStart | undefined> {
  const invitation = await findOpenInvitation(deps, token, now);
  if (!invitation) return undefined;
  // Someone already known (invited to one more tenant) keeps their user handle: one account per device.
  const known = await findStaffByEmail(deps.db, invitation.email);
  const userHandle = (known && (await userHandleOf(deps.db, known.id))) ?? newUserHandle();
  const options = await registrationOptions(
    deps,
    rp,
    { email: invitation.email, name: known?.name ?? invitation.email, ...(known ? { staffId: known.id } : {}) },
    userHandle,
  );
  const state = await saveCeremony(
    deps,
    options.challenge,
    { kind: 'registration', invitationId: invitation.id, userHandle },
    now,
  );
  return { state, options };
}

/** Starts adding another passkey for a signed-in person. */
export async function startAdditionalRegistration(
  deps: SessionDeps,
  rp: RelyingParty,
  person: { staffId: string; email: string; name: string },
  now = new Date(),
): Promise<RegistrationStart> {
  const userHandle = (await userHandleOf(deps.db, person.staffId)) ?? newUserHandle();
  const options = await registrationOptions(deps, rp, person, userHandle);
  const state = await saveCeremony(
    deps,
    options.challenge,
    { kind: 'registration', staffId: person.staffId, userHandle },
    now,
  );
  return { state, options };
}

/** Why a registration did not work. */
export type RegistrationRefusal =
  /** The state is unknown, used, expired, or belongs to someone else. */
  | 'invalid-state'
  /** The authenticator's answer did not verify (or this passkey is registered already). */
  | 'invalid-response'
  /** The invitation was used or ran out while the person was registering. */
  | 'invitation-invalid';

export type RegistrationResult =
  { ok: true; staffId: string; passkeyId: string } | { ok: false; reason: RegistrationRefusal };

/**
 * Finishes a registration: verifies the authenticator's answer against the ceremony of `state`, then —
 * in one transaction — uses the invitation (creating the person or adding to who they are) or checks it
 * is the signed-in person's own ceremony, stores the passkey and audits it (`passkey.added`).
 */
export async function finishRegistration(
  deps: SessionDeps,
  rp: RelyingParty,
  input: { state: string; response: RegistrationResponseJSON; label?: string; name?: string; signedInStaffId?: string },
  now = new Date(),
): Promise<RegistrationResult> {
  const ceremony = await takeCeremony(deps, input.state, 'registration', now);
  if (!ceremony?.userHandle) return { ok: false, reason: 'invalid-state' };
  if (ceremony.staffId && ceremony.staffId !== input.signedInStaffId) return { ok: false, reason: 'invalid-state' };
  const userHandle = ceremony.userHandle;

  let credential;
  try {
    const verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: ceremony.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      supportedAlgorithmIDs: algorithms,
    });
    if (!verified.verified) return { ok: false, reason: 'invalid-response' };
    credential = verified.registrationInfo.credential;
  } catch {
    return { ok: false, reason: 'invalid-response' };
  }

  return deps.auditLog
    .transaction(async (trx, append): Promise<RegistrationResult> => {
      let staffId = ceremony.staffId;
      if (ceremony.invitationId) {
        const invited = await trx
          .selectFrom('invitation')
          .select('email')
          .where('id', '=', ceremony.invitationId)
          .executeTakeFirst();
        // A new person's name as they gave it (else their address); a known person's stays as it was.
        const name = input.name?.trim() || invited?.email || '';
        const consumed = await consumeInvitationIn(trx, append, { id: ceremony.invitationId }, { name }, now);
        if (!consumed.ok) return { ok: false, reason: 'invitation-invalid' };
        staffId = consumed.staffId;
      }
      if (!staffId) return { ok: false, reason: 'invalid-state' };
      await trx
        .insertInto('passkey_user')
        .values({ staff_id: staffId, user_handle: userHandle })
        .onConflict((oc) => oc.column('staff_id').doNothing())
        .execute();
      // Two registrations at once for a new person: the credential must carry the handle that was kept.
      if ((await userHandleOf(trx, staffId)) !== userHandle) throw new RollBack('invalid-state');
      const taken = await trx
        .selectFrom('passkey')
        .select('id')
        .where('credential_id', '=', credential.id)
        .executeTakeFirst();
      if (taken) throw new RollBack('invalid-response');
      const count = await trx
        .selectFrom('passkey')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('staff_id', '=', staffId)
        .executeTakeFirstOrThrow();
      const passkeyId = randomUUID();
      await trx
        .insertInto('passkey')
        .values({
          id: passkeyId,
          staff_id: staffId,
          credential_id: credential.id,
          public_key: credential.publicKey,
          counter: credential.counter,
          transports: credential.transports ?? [],
          label: input.label?.trim() || `Passkey ${Number(count.n) + 1}`,
          created_at: now,
        })
        .execute();
      const person = staffId;
      await appendToChains(append, await personalChains(trx, person), (tenantId) => ({
        tenantId,
        actor: { kind: 'staff', id: person },
        action: 'passkey.added',
        target: { kind: 'passkey', id: passkeyId },
        details: {},
      }));
      return { ok: true, staffId: person, passkeyId };
    })
    .catch((error: unknown) => {
      if (error instanceof RollBack) return { ok: false, reason: error.reason } as const;
      throw error;
    });
}

/** Undoes a registration's transaction (the invitation stays unused) with the reason to answer. */
class RollBack extends Error {
  readonly reason: RegistrationRefusal;
  constructor(reason: RegistrationRefusal) {
    super(reason);
    this.reason = reason;
  }
}

/** The options `navigator.credentials.get()` gets (no address asked: any passkey of this site), with the state. */
export async function startAuthentication(
  deps: Pick<SessionDeps, 'db' | 'serverSecret'>,
  rp: RelyingParty,
  now = new Date(),
): Promise<{ state: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: 'required',
    timeout: ceremonyTimeoutMs,
  });
  const state = await saveCeremony(deps, options.challenge, { kind: 'authentication' }, now);
  return { state, options };
}

/** Why a sign-in failed, as the audit log names it. */
export type AuthenticationRefusal = 'expired' | 'unknown-credential' | 'invalid-response';

export type AuthenticationResult =
  { ok: true; staffId: string; passkeyId: string } | { ok: false; reason: AuthenticationRefusal; staffId?: string };

/**
 * Verifies a sign-in: the ceremony of `state` (once), the passkey of the answer's credential id, the
 * user handle it carries, the signature and the counter. On success the counter and `last_used_at` are
 * updated; the caller starts the session (naming the passkey, `passkeyId`). A failure names the person only when the passkey is known.
 */
export async function finishAuthentication(
  deps: Pick<SessionDeps, 'db' | 'serverSecret'>,
  rp: RelyingParty,
  input: { state: string; response: AuthenticationResponseJSON },
  now = new Date(),
): Promise<AuthenticationResult> {
  const ceremony = await takeCeremony(deps, input.state, 'authentication', now);
  if (!ceremony) return { ok: false, reason: 'expired' };
  const passkey = await deps.db
    .selectFrom('passkey')
    .innerJoin('passkey_user', 'passkey_user.staff_id', 'passkey.staff_id')
    .select([
      'passkey.id',
      'passkey.staff_id',
      'passkey.public_key',
      'passkey.counter',
      'passkey.transports',
      'passkey_user.user_handle',
    ])
    .where('passkey.credential_id', '=', input.response.id)
    .executeTakeFirst();
  if (!passkey) return { ok: false, reason: 'unknown-credential' };
  const refused = { ok: false, reason: 'invalid-response', staffId: passkey.staff_id } as const;
  const userHandle = input.response.response.userHandle;
  if (userHandle !== undefined && userHandle !== passkey.user_handle) return refused;
  try {
    const verified = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: ceremony.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      credential: {
        id: input.response.id,
        publicKey: new Uint8Array(passkey.public_key),
        counter: Number(passkey.counter),
        transports: passkey.transports,
      },
    });
    if (!verified.verified) return refused;
    await deps.db
      .updateTable('passkey')
      .set({ counter: verified.authenticationInfo.newCounter, last_used_at: now })
      .where('id', '=', passkey.id)
      .execute();
  } catch {
    return refused;
  }
  return { ok: true, staffId: passkey.staff_id, passkeyId: passkey.id };
}

/** One of a person's passkeys, as they see it. */
export interface PasskeySummary {
  id: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The person's passkeys, oldest first. */
export async function passkeysOf(db: Kysely<Database>, staffId: string): Promise<PasskeySummary[]> {
  const rows = await db
    .selectFrom('passkey')
    .select(['id', 'label', 'created_at', 'last_used_at'])
    .where('staff_id', '=', staffId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

/**
 * What removing a passkey did: removed it (ending `sessionsEnded` sessions, `ownSessionEnded` when the
 * removing session was one of them), or not (`not-found`, `last`).
 */
export type PasskeyRemoval =
  | { outcome: 'removed'; sessionsEnded: number; ownSessionEnded: boolean }
  | { outcome: 'not-found' }
  | { outcome: 'last' };

/**
 * Removes one of the person's own passkeys and, in the same transaction, ends every session it started
 * (audited, `passkey.removed` with how many): a passkey is removed mostly because its device was lost
 * or stolen, and whoever has the device must not stay signed in for hours. Sessions started otherwise
 * stay — the removing one too, unless it was started with this very passkey (`ownSessionEnded`: the
 * caller clears its cookie). Another person's passkey reads as one that does not exist. The last one
 * stays (`last`): without it the person could not sign in again, and the only way back would be a new
 * invitation — they add another passkey first.
 */
export async function removePasskey(
  deps: SessionDeps,
  staffId: string,
  passkeyId: string,
  options: { sessionId?: string; now?: Date } = {},
): Promise<PasskeyRemoval> {
  const now = options.now ?? new Date();
  return deps.auditLog.transaction(async (trx, append): Promise<PasskeyRemoval> => {
    // Under a lock on the person's passkeys, so two removals at once cannot both leave none.
    const own = await trx.selectFrom('passkey').select('id').where('staff_id', '=', staffId).forUpdate().execute();
    if (!own.some((p) => p.id === passkeyId)) return { outcome: 'not-found' };
    if (own.length === 1) return { outcome: 'last' };
    // Before the delete: afterwards the sessions no longer name the passkey (`on delete set null`).
    const ended = await endPasskeySessions(trx, passkeyId, now);
    await trx.deleteFrom('passkey').where('id', '=', passkeyId).where('staff_id', '=', staffId).execute();
    await appendToChains(append, await personalChains(trx, staffId), (tenantId) => ({
      tenantId,
      actor: { kind: 'staff', id: staffId },
      action: 'passkey.removed',
      target: { kind: 'passkey', id: passkeyId },
      details: { sessionsEnded: ended.length },
    }));
    const ownSessionEnded = options.sessionId !== undefined && ended.includes(options.sessionId);
    return { outcome: 'removed', sessionsEnded: ended.length, ownSessionEnded };
  });
}
