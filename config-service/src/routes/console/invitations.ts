import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { invitationInputSchema, type Invitation, type InvitationCreated } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { pathId } from '../../http/path-id.ts';
import { problems } from '../../http/problem.ts';
import { validationHook } from '../../http/validation.ts';
import { signedInOf, staffTenantOf } from '../../http/staff-access.ts';
import { createInvitation, pendingInvitations, revokeInvitation } from '../../staff/invitations.ts';

/**
 * `/api/v1/console/tenants/:slug/invitations…` (tenant admins and the platform operator). A new
 * invitation answers with its id only: the token exists once, for the link in the mail (queued in the
 * outbox, sealed, in the same transaction), and is never returned, logged or stored in plain text.
 */
export function invitationRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:slug/invitations', async (c) => {
      const now = Date.now();
      const rows = await pendingInvitations(deps.db, staffTenantOf(c).id);
      const body: Invitation[] = rows.map((r) => ({
        id: r.id,
        email: r.email,
        roles: r.roles,
        createdAt: r.created_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
        expired: r.expires_at.getTime() <= now,
      }));
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/:slug/invitations', zValidator('json', invitationInputSchema, validationHook), async (c) => {
      const { email, roles } = c.req.valid('json');
      const tenant = staffTenantOf(c);
      const invitation = await createInvitation(
        { ...deps, invitationMail: deps },
        {
          email,
          roles,
          tenantId: tenant.id,
          invitedBy: signedInOf(c).staffId,
        },
      );
      const body: InvitationCreated = { id: invitation.id };
      return c.json(body, 201, { 'Cache-Control': 'no-store' });
    })
    .delete('/:slug/invitations/:id', async (c) => {
      const id = pathId(c.req.param('id'));
      const actor = { kind: 'staff', id: signedInOf(c).staffId } as const;
      if (!(await revokeInvitation(deps.auditLog, staffTenantOf(c).id, id, actor))) {
        throw problems.notFound('No open invitation with this id in this tenant');
      }
      return c.body(null, 204);
    });
}
