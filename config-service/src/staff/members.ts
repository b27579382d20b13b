/**
 * Changing who may do what in a tenant. Access only ever shrinks with the person's sessions ended in
 * the same transaction: a removed member or a taken role is out at their next request, not at the end
 * of their session. Each change is audited in the tenant's chain in that transaction too.
 */
import type { TenantRole } from '@meldpunt/contracts';
import type { AuditActor } from '../audit/audit-entry.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { endAllSessions } from './sessions.ts';
import { membersOf, removeMembership, setRoles, type TenantMember } from './staff-repository.ts';

/** A change to one member of one tenant, made by `actor`. */
export interface MemberChange {
  tenantId: string;
  staffId: string;
  actor: AuditActor;
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
    const before = (await membersOf(trx, tenantId)).find((m) => m.id === staffId);
    if (!before) return undefined;
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

/** Removes the person from the tenant and ends their sessions; false when they were no member. */
export async function removeMember(auditLog: AuditLog, change: MemberChange): Promise<boolean> {
  const { tenantId, staffId, actor } = change;
  return auditLog.transaction(async (trx, append) => {
    const before = (await membersOf(trx, tenantId)).find((m) => m.id === staffId);
    if (!before || !(await removeMembership(trx, tenantId, staffId))) return false;
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
