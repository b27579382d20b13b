/**
 * "May I?" — the one place the console decides what to show a person, mirroring the server's rules
 * (issue 12, `packages/contracts/src/staff.ts`). The server stays the authority: a hidden button is a
 * courtesy, a refused request is the rule.
 *
 * - Platform operator: every tenant, administers tenants and members; reads no single report unless they
 *   also hold `officer` in that tenant.
 * - `admin`: members, invitations, SSO, private settings (`settings.manage`), the audit log; sees the configuration.
 * - `editor`: edits the configuration draft. `publisher`: publishes and rolls back, and edits.
 * - `officer`: handles individual reports (and sees figures, and the reporters' feedback comments).
 *   `analyst`: figures only (feedback as counts and averages), never a report nor a reporter's words.
 */
import type { Me, TenantRole } from '@meldpunt/contracts';

export type Action =
  | 'tenants.listAll'
  | 'tenant.open'
  | 'configuration.view'
  | 'configuration.edit'
  | 'configuration.publish'
  | 'reports.view'
  | 'figures.view'
  | 'feedback.comments'
  | 'members.manage'
  | 'audit.read'
  | 'sso.manage'
  | 'settings.manage';

/** Which tenant roles allow each tenant action (the platform operator's extra rights are below). */
const allowedRoles: Record<Exclude<Action, 'tenants.listAll' | 'tenant.open'>, readonly TenantRole[]> = {
  'configuration.view': ['admin', 'editor', 'publisher'],
  'configuration.edit': ['editor', 'publisher'],
  'configuration.publish': ['publisher'],
  'reports.view': ['officer'],
  'figures.view': ['officer', 'analyst'],
  'feedback.comments': ['officer'],
  'members.manage': ['admin'],
  'audit.read': ['admin'],
  'sso.manage': ['admin'],
  'settings.manage': ['admin'],
};

/**
 * What the platform operator may do in any tenant without a role there: administer it, never read a report
 * — nor the tenant's audit log, which is its own admins' alone (the operator reads the platform's).
 */
const platformAdminActions: ReadonlySet<Action> = new Set([
  'tenant.open',
  'configuration.view',
  'members.manage',
  'sso.manage',
  'settings.manage',
]);

/** The person's roles in `tenant` (none when they are no member). */
export function rolesIn(me: Me, tenant: string): readonly TenantRole[] {
  return me.memberships.find((m) => m.tenant === tenant)?.roles ?? [];
}

/** Whether `me` may do `action` (in `tenant`, for tenant actions). */
export function may(me: Me | null, action: Action, tenant?: string): boolean {
  if (!me) return false;
  if (action === 'tenants.listAll') return me.platformAdmin;
  if (tenant === undefined) return false;
  if (me.platformAdmin && platformAdminActions.has(action)) return true;
  const roles = rolesIn(me, tenant);
  if (action === 'tenant.open') return roles.length > 0;
  return roles.some((role) => allowedRoles[action].includes(role));
}
