/**
 * Changing who may do what in a tenant. Access only ever shrinks with the person's sessions ended in
 * the same transaction: a removed member or a taken role is out at their next request, not at the end
 * of their session. Each change is audited in the tenant's chain in that transaction too.
 */
import type { Kysely } from 'kysely';
import type { TenantRole } from '@meldpunt/contracts';
import type { AuditActor } from '../audit/audit-entry.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';
import { endAllSessions } from './sessions.ts';
import { membersOf, removeMembership, setRoles, type TenantMember } from './staff-repository.ts';

/** A change to one member of one tenant, made by `actor`. */
export interface MemberChange {
  tenantId: string;
  staffId: string;
  actor: AuditActor;
}

/**
 * The tenant's members, read under a lock on the tenant's row, so two admins taking the admin role from
 * each other at the same moment cannot both pass `keepAnAdmin` (the second waits and sees the first).
 */
async function lockedMembers(trx: Kysely<Database>, tenantId: string) {
  await trx.selectFrom('tenant').select('id').where('id', '=', tenantId).forUpdate().executeTakeFirst();
  return membersOf(trx, tenantId);
}

/** Refuses a change that takes the admin role from `staffId` when nobody else in the tenant has it. */
function keepAnAdmin(members: readonly TenantMember[], staffId: string): void {
  if (!members.some((m) => m.id !== staffId && m.roles.includes('admin'))) {
    throw new DomainError({ code: 'last-admin' }, 'the tenant would be left without an admin');
  }
}

/**
 * Gives a member of the tenant exactly these roles and ends their sessions. Undefined when the person
 * is no member of this tenant (roles are changed here, memberships start from an invitation).
 */
export async function changeRoles(
  auditLog: AuditLog,
  change: MemberChange,
  roles: readonly TenantRole[],
): Promise<TenantMember | undefined> {
  const { tenantId, staffId, actor } = change;
  return auditLog.transaction(async (trx, append) => {
    const members = await lockedMembers(trx, tenantId);
    const before = members.find((m) => m.id === staffId);
    if (!before) return undefined;
    if (before.roles.includes('admin') && !roles.includes('admin')) keepAnAdmin(members, staffId);
    await setRoles(trx, tenantId, staffId, roles);
    await endAllSessions(trx, staffId);
    const after = (await membersOf(trx, tenantId)).find((m) => m.id === staffId);
    await append({
      tenantId,
      actor,
      action: 'membership.roles-changed',
      target: { kind: 'staff', id: staffId },
      details: { before: before.roles, after: after?.roles ?? [] },
    });
    return after;
  });
}

/**
 * Removes the person from the tenant and ends their sessions; false when they were no member. Refused
 * (`last-admin`) for the tenant's only admin, as is taking that admin's role: a tenant always has one.
 */
export async function removeMember(auditLog: AuditLog, change: MemberChange): Promise<boolean> {
  const { tenantId, staffId, actor } = change;
  return auditLog.transaction(async (trx, append) => {
    const members = await lockedMembers(trx, tenantId);
    const before = members.find((m) => m.id === staffId);
    if (!before) return false;
    if (before.roles.includes('admin')) keepAnAdmin(members, staffId);
    if (!(await removeMembership(trx, tenantId, staffId))) return false;
    await endAllSessions(trx, staffId);
    await append({
      tenantId,
      actor,
      action: 'membership.removed',
      target: { kind: 'staff', id: staffId },
      details: { roles: before.roles },
    });
    return true;
  });
}
