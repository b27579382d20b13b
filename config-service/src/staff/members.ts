/**
 * Changing who may do what in a tenant. Access only ever shrinks with the person's sessions ended in
 * the same transaction: a removed member or a taken role is out at their next request, not at the end
 * of their session.
 */
import type { Kysely } from 'kysely';
import type { TenantRole } from '@meldpunt/contracts';
import type { Database } from '../db/database.ts';
import { endAllSessions } from './sessions.ts';
import { membersOf, removeMembership, setRoles, type TenantMember } from './staff-repository.ts';

/**
 * Gives a member of the tenant exactly these roles and ends their sessions. Undefined when the person
 * is no member of this tenant (roles are changed here, memberships start from an invitation).
 */
export async function changeRoles(
  db: Kysely<Database>,
  tenantId: string,
  staffId: string,
  roles: readonly TenantRole[],
): Promise<TenantMember | undefined> {
  return db.transaction().execute(async (trx) => {
    const before = (await membersOf(trx, tenantId)).find((m) => m.id === staffId);
    if (!before) return undefined;
    await setRoles(trx, tenantId, staffId, roles);
    await endAllSessions(trx, staffId);
    // audit: append 'member.roles-changed' (tenant, actor, member, before → after) here (config-service/src/audit/).
    return (await membersOf(trx, tenantId)).find((m) => m.id === staffId);
  });
}

/** Removes the person from the tenant and ends their sessions; false when they were no member. */
export async function removeMember(db: Kysely<Database>, tenantId: string, staffId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await removeMembership(trx, tenantId, staffId))) return false;
    await endAllSessions(trx, staffId);
    // audit: append 'member.removed' (tenant, actor, member) here (config-service/src/audit/).
    return true;
  });
}
