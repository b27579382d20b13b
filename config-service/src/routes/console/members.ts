import { Hono, type Context } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { memberRolesInputSchema, type Member } from '@meldpunt/contracts';
import type { AuditActor } from '../../audit/audit-entry.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { pathId } from '../../http/path-id.ts';
import { problems } from '../../http/problem.ts';
import { validationHook } from '../../http/validation.ts';
import { signedInOf, staffTenantOf } from '../../http/staff-access.ts';
import { changeRoles, removeMember } from '../../staff/members.ts';
import { membersOf } from '../../staff/staff-repository.ts';

/** The signed-in person, as the audit log names who did it. */
const actorOf = (c: Context<AppEnv>): AuditActor => ({ kind: 'staff', id: signedInOf(c).staffId });

const noMember = () => problems.notFound('No member with this id in this tenant');

/**
 * `/api/v1/console/tenants/:slug/members…` (tenant admins and the platform operator; the rule is in
 * `http/staff-access.ts`, which also resolved `staffTenant`). Changing or removing ends the person's
 * sessions at once; both are audited in the tenant's chain.
 */
export function memberRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:slug/members', async (c) => {
      const members: Member[] = await membersOf(deps.db, staffTenantOf(c).id);
      return c.json(members, 200, { 'Cache-Control': 'no-store' });
    })
    .put('/:slug/members/:staffId/roles', zValidator('json', memberRolesInputSchema, validationHook), async (c) => {
      const staffId = pathId(c.req.param('staffId'));
      const change = { tenantId: staffTenantOf(c).id, staffId, actor: actorOf(c) };
      const member = await changeRoles(deps.auditLog, change, c.req.valid('json').roles);
      if (!member) throw noMember();
      return c.json(member satisfies Member, 200, { 'Cache-Control': 'no-store' });
    })
    .delete('/:slug/members/:staffId', async (c) => {
      const staffId = pathId(c.req.param('staffId'));
      const change = { tenantId: staffTenantOf(c).id, staffId, actor: actorOf(c) };
      if (!(await removeMember(deps.auditLog, change))) throw noMember();
      return c.body(null, 204);
    });
}
