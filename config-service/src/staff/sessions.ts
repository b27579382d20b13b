/**
 * Staff sessions, kept on the server: the browser holds a random 256-bit token (in a cookie the HTTP
 * side sets), the database only its keyed hash. Every way of signing in — the demo sign-in now,
 * passkeys and single sign-on next — ends in `startSession`, so the session rules live here once:
 * a new session (and token) at every sign-in, 30 minutes idle, 12 hours at most, revocable one by one
 * or all of a person's at once. Signing in and out is audited in the same transaction
 * (`staff-audit.ts` says in which chains).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditDetails } from '../audit/audit-entry.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { purposes, type ServerSecret } from '../secrets/server-secret.ts';
import { appendToChains, personalChains } from './staff-audit.ts';
import { membershipsOf, type StaffMembership } from './staff-repository.ts';

/**
 * What staff services need: the database, the server secret (for the tokens' keyed hashes) and the
 * audit log every change is recorded in.
 */
export interface SessionDeps {
  db: Kysely<Database>;
  serverSecret: ServerSecret;
  auditLog: AuditLog;
}

/** How a person signed in (passkey, single sign-on, or the demo's one click). */
export type SignInMethod = AuditDetails<'auth.sign-in'>['method'];

/** A session ends this long after the last request that counted as activity. */
export const idleTimeoutMs = 30 * 60_000;
/** A session ends this long after sign-in, whatever happens. */
export const absoluteTimeoutMs = 12 * 3_600_000;

/** The signed-in person of a request, with their memberships and the session's end times. */
export interface SignedIn {
  sessionId: string;
  staffId: string;
  email: string;
  name: string;
  platformAdmin: boolean;
  memberships: StaffMembership[];
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

function tokenHash(deps: Pick<SessionDeps, 'serverSecret'>, token: string): string {
  return deps.serverSecret.hmac(purposes.sessionToken, token);
}

/**
 * Starts a new session for the person and returns its token (for the cookie; never stored). The
 * session the browser had before, if any (`replacing`), ends: a sign-in never keeps a session id
 * someone else may have planted (session fixation). The sign-in (`method`) is audited with it. A
 * passkey sign-in names its passkey (`passkeyId`): removing that passkey ends the session
 * (`removePasskey`).
 */
export async function startSession(
  deps: SessionDeps,
  staffId: string,
  options: { method: SignInMethod; passkeyId?: string; replacing?: string; now?: Date },
): Promise<{ token: string; sessionId: string; idleExpiresAt: Date; absoluteExpiresAt: Date }> {
  const now = options.now ?? new Date();
  const token = randomBytes(32).toString('base64url');
  const sessionId = randomUUID();
  const absoluteExpiresAt = new Date(now.getTime() + absoluteTimeoutMs);
  const idleExpiresAt = new Date(now.getTime() + idleTimeoutMs);
  await deps.auditLog.transaction(async (trx, append) => {
    if (options.replacing) {
      await trx
        .updateTable('staff_session')
        .set({ revoked_at: now })
        .where('token_hash', '=', tokenHash(deps, options.replacing))
        .where('revoked_at', 'is', null)
        .execute();
    }
    await trx
      .insertInto('staff_session')
      .values({
        id: sessionId,
        token_hash: tokenHash(deps, token),
        staff_id: staffId,
        created_at: now,
        last_active_at: now,
        idle_expires_at: idleExpiresAt,
        absolute_expires_at: absoluteExpiresAt,
        passkey_id: options.passkeyId ?? null,
      })
      .execute();
    await appendToChains(append, await personalChains(trx, staffId), (tenantId) => ({
      tenantId,
      actor: { kind: 'staff', id: staffId },
      action: 'auth.sign-in',
      target: { kind: 'session', id: sessionId },
      details: { method: options.method },
    }));
  });
  return { token, sessionId, idleExpiresAt, absoluteExpiresAt };
}

/**
 * The person signed in with this token, or undefined when the session does not exist, was ended or
 * has run out. `refresh` counts the request as activity (the idle time starts again, never beyond the
 * absolute end); a passive read (the console checking how long is left) leaves it as it was.
 */
export async function findSession(
  deps: Pick<SessionDeps, 'db' | 'serverSecret'>,
  token: string,
  options: { refresh: boolean; now?: Date },
): Promise<SignedIn | undefined> {
  const now = options.now ?? new Date();
  const row = await deps.db
    .selectFrom('staff_session')
    .innerJoin('staff', 'staff.id', 'staff_session.staff_id')
    .select([
      'staff_session.id as sessionId',
      'staff_session.idle_expires_at',
      'staff_session.absolute_expires_at',
      'staff.id as staffId',
      'staff.email',
      'staff.name',
      'staff.platform_admin',
    ])
    .where('staff_session.token_hash', '=', tokenHash(deps, token))
    .where('staff_session.revoked_at', 'is', null)
    .where('staff_session.idle_expires_at', '>', now)
    .where('staff_session.absolute_expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  let idleExpiresAt = row.idle_expires_at;
  if (options.refresh) {
    idleExpiresAt = new Date(Math.min(now.getTime() + idleTimeoutMs, row.absolute_expires_at.getTime()));
    await deps.db
      .updateTable('staff_session')
      .set({ last_active_at: now, idle_expires_at: idleExpiresAt })
      .where('id', '=', row.sessionId)
      .execute();
  }
  return {
    sessionId: row.sessionId,
    staffId: row.staffId,
    email: row.email,
    name: row.name,
    platformAdmin: row.platform_admin,
    memberships: await membershipsOf(deps.db, row.staffId),
    idleExpiresAt,
    absoluteExpiresAt: row.absolute_expires_at,
  };
}

/**
 * Ends the session of this token (sign-out), audited; nothing happens (and nothing is logged) for an
 * unknown or ended one. True when a session ended.
 */
export async function endSession(deps: SessionDeps, token: string, now = new Date()): Promise<boolean> {
  return deps.auditLog.transaction(async (trx, append) => {
    const ended = await trx
      .updateTable('staff_session')
      .set({ revoked_at: now })
      .where('token_hash', '=', tokenHash(deps, token))
      .where('revoked_at', 'is', null)
      .returning(['id', 'staff_id'])
      .executeTakeFirst();
    if (!ended) return false;
    await appendToChains(append, await personalChains(trx, ended.staff_id), (tenantId) => ({
      tenantId,
      actor: { kind: 'staff', id: ended.staff_id },
      action: 'auth.signed-out',
      target: { kind: 'session', id: ended.id },
      details: { everywhere: false },
    }));
    return true;
  });
}

/** "Sign out everywhere": ends every session of the person, audited; how many ended. */
export async function signOutEverywhere(deps: SessionDeps, staffId: string, now = new Date()): Promise<number> {
  return deps.auditLog.transaction(async (trx, append) => {
    const ended = await endAllSessions(trx, staffId, now);
    await appendToChains(append, await personalChains(trx, staffId), (tenantId) => ({
      tenantId,
      actor: { kind: 'staff', id: staffId },
      action: 'auth.signed-out',
      target: { kind: 'staff', id: staffId },
      details: { everywhere: true },
    }));
    return ended;
  });
}

/**
 * Ends every session the passkey started (it is being removed: perhaps its device was lost); the ids
 * of the sessions ended. Not audited itself: pass the transaction that removes the passkey and audits
 * that (`removePasskey`).
 */
export async function endPasskeySessions(db: Kysely<Database>, passkeyId: string, now = new Date()): Promise<string[]> {
  const ended = await db
    .updateTable('staff_session')
    .set({ revoked_at: now })
    .where('passkey_id', '=', passkeyId)
    .where('revoked_at', 'is', null)
    // Only live ones: a session that has run out cannot come back, and the count says what ended now.
    .where('idle_expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .returning('id')
    .execute();
  return ended.map((s) => s.id);
}

/**
 * Ends every session of the person: "sign out everywhere", and whenever their access shrinks (a
 * removed membership, changed roles), so no browser keeps rights the person no longer has. Not
 * audited itself: pass the transaction of the change that is (`signOutEverywhere`, `members.ts`).
 */
export async function endAllSessions(db: Kysely<Database>, staffId: string, now = new Date()): Promise<number> {
  const result = await db
    .updateTable('staff_session')
    .set({ revoked_at: now })
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
