/**
 * Invitations: the only way in for a new person. A random 256-bit token goes into the link (after `#`,
 * so it never reaches a server log); the database keeps only its keyed hash. Single use, 72 hours.
 * With `invitationMail` the link is mailed to the address through the outbox (`invitation-mail.ts`).
 * Inviting an address again withdraws its open invitation to the same tenant (or the platform), so
 * only the newest link works.
 * Accepting one is registering a passkey from it (`passkeys.ts`), which calls `consumeInvitationIn`.
 * Making, accepting and withdrawing one is audited in the same transaction, in the tenant's chain
 * and, for an invitation of the platform operator, the platform's — never with the address.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TenantRole } from '@meldpunt/contracts';
import type { AuditActor } from '../audit/audit-entry.ts';
import type { AppendAudit, AuditLog } from '../audit/audit-log.ts';
import type { Database, Invitation } from '../db/database.ts';
import { purposes } from '../secrets/server-secret.ts';
import { invitationLink, queueInvitationMail, type InvitationMailDeps } from './invitation-mail.ts';
import type { SessionDeps } from './sessions.ts';
import { appendToChains, grantedRoles } from './staff-audit.ts';
import { ensureStaff, orderedRoles, setRoles } from './staff-repository.ts';

/** How long an invitation link works. */
export const invitationLifetimeMs = 72 * 3_600_000;

/** What is granted: roles in one tenant, the platform, or both. */
export interface InvitationGrant {
  email: string;
  tenantId?: string;
  roles?: readonly TenantRole[];
  platformAdmin?: boolean;
  /** The person who invites; absent on the command line. */
  invitedBy?: string;
}

export { invitationLink };

/** What making an invitation needs; with `invitationMail`, the link is mailed too. */
export type InvitationDeps = SessionDeps & { invitationMail?: InvitationMailDeps };

/** A new invitation: the token is returned once, for the link, and never stored. */
export interface CreatedInvitation {
  id: string;
  token: string;
  expiresAt: Date;
  /** The outbox row of its mail, when mailed. */
  deliveryId?: string;
}

/** Makes an invitation (and queues its mail), in a transaction of its own. */
export async function createInvitation(
  deps: InvitationDeps,
  grant: InvitationGrant,
  now = new Date(),
): Promise<CreatedInvitation> {
  const created = await deps.auditLog.transaction((trx, append) => insertInvitation(trx, append, deps, grant, now));
  if (created.deliveryId) deps.invitationMail?.nudgeDelivery?.();
  return created;
}

/**
 * Makes an invitation inside the caller's audited transaction (onboarding makes one with its tenant):
 * withdraws the address's open invitation to the same tenant or platform, inserts the new one, audits
 * both, and queues the mail when `deps.invitationMail` is given. The caller nudges the worker after commit.
 */
export async function insertInvitation(
  trx: Kysely<Database>,
  append: AppendAudit,
  deps: Pick<InvitationDeps, 'serverSecret' | 'invitationMail'>,
  grant: InvitationGrant,
  now = new Date(),
): Promise<CreatedInvitation> {
  const roles = orderedRoles(grant.roles ?? []);
  if ((grant.tenantId === undefined) !== (roles.length === 0)) {
    throw new Error('An invitation to a tenant needs roles, and roles need a tenant');
  }
  if (!grant.tenantId && !grant.platformAdmin) throw new Error('An invitation must grant a tenant or the platform');
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + invitationLifetimeMs);
  const platformAdmin = grant.platformAdmin ?? false;
  const email = grant.email.toLowerCase();
  const tenantId = grant.tenantId ?? null;
  const actor: AuditActor = grant.invitedBy ? { kind: 'staff', id: grant.invitedBy } : { kind: 'cli' };
  // The address's open invitation to the same place is withdrawn: only the newest link works.
  const withdrawn = await trx
    .deleteFrom('invitation')
    .where('email', '=', email)
    .where((eb) => (tenantId ? eb('tenant_id', '=', tenantId) : eb('tenant_id', 'is', null)))
    .where('used_at', 'is', null)
    .returning(['id', 'roles', 'platform_admin', 'tenant_id'])
    .execute();
  for (const old of withdrawn) {
    await appendToChains(append, invitationChains(old.tenant_id, old.platform_admin), (chain) => ({
      tenantId: chain,
      actor,
      action: 'invitation.revoked',
      target: { kind: 'invitation', id: old.id },
      details: { roles: grantedRoles(old.roles, old.platform_admin) },
    }));
  }
  await trx
    .insertInto('invitation')
    .values({
      id,
      token_hash: deps.serverSecret.hmac(purposes.invitationToken, token),
      email,
      tenant_id: tenantId,
      roles,
      platform_admin: platformAdmin,
      invited_by: grant.invitedBy ?? null,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  await appendToChains(append, invitationChains(tenantId, platformAdmin), (chain) => ({
    tenantId: chain,
    actor,
    action: 'invitation.created',
    target: { kind: 'invitation', id },
    details: { roles: grantedRoles(roles, platformAdmin) },
  }));
  const deliveryId = deps.invitationMail
    ? await queueInvitationMail(trx, deps.invitationMail, { id, email, tenantId, token })
    : undefined;
  return { id, token, expiresAt, ...(deliveryId ? { deliveryId } : {}) };
}

/** Why an invitation cannot be used; one answer for all, so a link reveals nothing about others. */
export type ConsumeResult =
  | { ok: true; staffId: string; email: string; platformAdmin: boolean; tenantId: string | null }
  | { ok: false; reason: 'unknown-used-or-expired' };

/**
 * Uses an invitation: marks it used (exactly once, even with two tabs at the same moment), creates the
 * person if new (`name` as they gave it) and grants what it grants. Roles add to those the person
 * already has in the tenant. A used, expired or unknown token gives the same refusal.
 */
export async function consumeInvitation(
  deps: SessionDeps,
  token: string,
  person: { name: string },
  now = new Date(),
): Promise<ConsumeResult> {
  const tokenHash = deps.serverSecret.hmac(purposes.invitationToken, token);
  return deps.auditLog.transaction((trx, append) => consumeInvitationIn(trx, append, { tokenHash }, person, now));
}

/**
 * `consumeInvitation` inside a transaction the caller holds (with its `append`), for an invitation found
 * by its token's hash or (single sign-on, which matches an open invitation by its verified address and
 * never sees a token) by its id: registering a passkey from an invitation stores the passkey, and an SSO
 * sign-in binds its identity, in the same transaction, so an invitation is never used up without them.
 */
export async function consumeInvitationIn(
  trx: Kysely<Database>,
  append: AppendAudit,
  which: { tokenHash: string } | { id: string },
  person: { name: string },
  now = new Date(),
): Promise<ConsumeResult> {
  const invitation = await trx
    .updateTable('invitation')
    .set({ used_at: now })
    .$call((q) => ('id' in which ? q.where('id', '=', which.id) : q.where('token_hash', '=', which.tokenHash)))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
  if (!invitation) return { ok: false, reason: 'unknown-used-or-expired' } as const;
  const staff = await ensureStaff(trx, { email: invitation.email, name: person.name });
  if (invitation.platform_admin && !staff.platform_admin) {
    await trx.updateTable('staff').set({ platform_admin: true }).where('id', '=', staff.id).execute();
  }
  if (invitation.tenant_id) {
    const current = await trx
      .selectFrom('membership')
      .select('role')
      .where('tenant_id', '=', invitation.tenant_id)
      .where('staff_id', '=', staff.id)
      .execute();
    await setRoles(trx, invitation.tenant_id, staff.id, [...current.map((r) => r.role), ...invitation.roles]);
  }
  await appendToChains(append, invitationChains(invitation.tenant_id, invitation.platform_admin), (tenantId) => ({
    tenantId,
    actor: { kind: 'staff', id: staff.id },
    action: 'invitation.accepted',
    target: { kind: 'invitation', id: invitation.id },
    details: { roles: grantedRoles(invitation.roles, invitation.platform_admin) },
  }));
  return {
    ok: true,
    staffId: staff.id,
    email: staff.email,
    platformAdmin: invitation.platform_admin || staff.platform_admin,
    tenantId: invitation.tenant_id,
  } as const;
}

/** The tenant's invitations not yet used, newest first (expired ones too, marked by `expires_at`). */
export function pendingInvitations(db: Kysely<Database>, tenantId: string): Promise<Invitation[]> {
  return db
    .selectFrom('invitation')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('used_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/**
 * Withdraws an unused invitation of the tenant (audited, by `actor`); false when there is none with
 * this id there.
 */
export async function revokeInvitation(
  auditLog: AuditLog,
  tenantId: string,
  id: string,
  actor: AuditActor,
): Promise<boolean> {
  return auditLog.transaction(async (trx, append) => {
    const revoked = await trx
      .deleteFrom('invitation')
      .where('id', '=', id)
      .where('tenant_id', '=', tenantId)
      .where('used_at', 'is', null)
      .returning(['roles', 'platform_admin'])
      .executeTakeFirst();
    if (!revoked) return false;
    await append({
      tenantId,
      actor,
      action: 'invitation.revoked',
      target: { kind: 'invitation', id },
      details: { roles: grantedRoles(revoked.roles, revoked.platform_admin) },
    });
    return true;
  });
}

/** The chains an invitation is logged in: its tenant's, then the platform's when it makes an operator. */
function invitationChains(tenantId: string | null, platformAdmin: boolean): (string | null)[] {
  return [...(tenantId ? [tenantId] : []), ...(platformAdmin ? [null] : [])];
}
