/**
 * Where staff actions are logged, for the staff services (`sessions.ts`, `members.ts`,
 * `invitations.ts`), which append in the same transaction as the change (`AuditLog.transaction`).
 */
import type { Kysely } from 'kysely';
import type { AuditRoleName } from '../audit/audit-entry.ts';
import type { AppendAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';

/**
 * The chains a person's own comings and goings (sign-in, sign-out) belong in: the chain of every
 * tenant they are a member of — each tenant's admins see their people sign in — and the platform
 * chain (null) for the operator, or for someone who belongs to no tenant (any more). Tenant chains
 * first, in id order, then the platform's: the lock order of `audit/audit-log.ts`, so two such
 * transactions never wait for each other in a circle.
 */
export async function personalChains(trx: Kysely<Database>, staffId: string): Promise<(string | null)[]> {
  const person = await trx.selectFrom('staff').select('platform_admin').where('id', '=', staffId).executeTakeFirst();
  const rows = await trx
    .selectFrom('membership')
    .select('tenant_id')
    .distinct()
    .where('staff_id', '=', staffId)
    .orderBy('tenant_id')
    .execute();
  const tenants = rows.map((r) => r.tenant_id);
  return person?.platform_admin || tenants.length === 0 ? [...tenants, null] : tenants;
}

/**
 * Appends one entry per chain, in the order given (tenant chains before the platform's). `entryFor`
 * builds the entry for a chain's tenant id (null: the platform).
 */
export async function appendToChains(
  append: AppendAudit,
  chains: readonly (string | null)[],
  entryFor: (tenantId: string | null) => Parameters<AppendAudit>[0],
): Promise<void> {
  for (const tenantId of chains) await append(entryFor(tenantId));
}

/** What an invitation grants, as the audit log names roles (`platform-admin` first). */
export function grantedRoles(roles: readonly AuditRoleName[], platformAdmin: boolean): AuditRoleName[] {
  return platformAdmin ? ['platform-admin', ...roles] : [...roles];
}
