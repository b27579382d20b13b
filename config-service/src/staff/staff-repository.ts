/**
 * Staff and their memberships in the database: plain functions taking `db` (or a transaction) first.
 * Services (`sessions.ts`, `members.ts`, `invitations.ts`) compose them.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { tenantRoles, type TenantRole } from '@meldpunt/contracts';
import type { Database, Staff } from '../db/database.ts';

/** One tenant a person belongs to, with their roles there (in the order of `tenantRoles`). */
export interface StaffMembership {
  tenantId: string;
  slug: string;
  tenantName: string;
  roles: TenantRole[];
}

/** A member of one tenant. */
export interface TenantMember {
  id: string;
  email: string;
  name: string;
  roles: TenantRole[];
}

/** Sorts and de-duplicates roles in the one order the contracts list them in. */
export function orderedRoles(roles: readonly TenantRole[]): TenantRole[] {
  return tenantRoles.filter((r) => roles.includes(r));
}

export function findStaffByEmail(db: Kysely<Database>, email: string): Promise<Staff | undefined> {
  return db.selectFrom('staff').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export function findStaffById(db: Kysely<Database>, id: string): Promise<Staff | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The name and address of each of these people who still exist, by id (for display, e.g. in the audit log). */
export async function staffNamesByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, { name: string; email: string }>> {
  const uuids = [...new Set(ids)].filter((id) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id),
  );
  if (uuids.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name', 'email']).where('id', 'in', uuids).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}

/** Creates a person, or returns the one with this address (name and platform flag left as they are). */
export async function ensureStaff(
  db: Kysely<Database>,
  person: { email: string; name: string; platformAdmin?: boolean },
): Promise<Staff> {
  const email = person.email.toLowerCase();
  await db
    .insertInto('staff')
    .values({ id: randomUUID(), email, name: person.name, platform_admin: person.platformAdmin ?? false })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  return db.selectFrom('staff').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
}

/** Every tenant the person belongs to, by slug. */
export async function membershipsOf(db: Kysely<Database>, staffId: string): Promise<StaffMembership[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('tenant', 'tenant.id', 'membership.tenant_id')
    .select(['tenant.id as tenantId', 'tenant.slug', 'tenant.name', 'membership.role'])
    .where('membership.staff_id', '=', staffId)
    .orderBy('tenant.slug')
    .execute();
  const byTenant = new Map<string, StaffMembership>();
  for (const row of rows) {
    let m = byTenant.get(row.tenantId);
    if (!m) {
      m = { tenantId: row.tenantId, slug: row.slug, tenantName: row.name, roles: [] };
      byTenant.set(row.tenantId, m);
    }
    m.roles.push(row.role);
  }
  return [...byTenant.values()].map((m) => ({ ...m, roles: orderedRoles(m.roles) }));
}

/** The members of one tenant, by e-mail address. */
export async function membersOf(db: Kysely<Database>, tenantId: string): Promise<TenantMember[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('staff', 'staff.id', 'membership.staff_id')
    .select(['staff.id', 'staff.email', 'staff.name', 'membership.role'])
    .where('membership.tenant_id', '=', tenantId)
    .orderBy('staff.email')
    .execute();
  const byId = new Map<string, TenantMember>();
  for (const row of rows) {
    let m = byId.get(row.id);
    if (!m) {
      m = { id: row.id, email: row.email, name: row.name, roles: [] };
      byId.set(row.id, m);
    }
    m.roles.push(row.role);
  }
  return [...byId.values()].map((m) => ({ ...m, roles: orderedRoles(m.roles) }));
}

/** Replaces the person's roles in the tenant (adds the membership when there was none). */
export async function setRoles(
  db: Kysely<Database>,
  tenantId: string,
  staffId: string,
  roles: readonly TenantRole[],
): Promise<void> {
  await db.deleteFrom('membership').where('tenant_id', '=', tenantId).where('staff_id', '=', staffId).execute();
  if (roles.length === 0) return;
  await db
    .insertInto('membership')
    .values(orderedRoles(roles).map((role) => ({ tenant_id: tenantId, staff_id: staffId, role })))
    .execute();
}

/** Removes the person from the tenant; false when they were no member. */
export async function removeMembership(db: Kysely<Database>, tenantId: string, staffId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('membership')
    .where('tenant_id', '=', tenantId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
