import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { invitationTokenInputSchema, type InvitationGrant } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { ProblemError } from '../../http/problem.ts';
import { validationHook } from '../../http/validation.ts';
import { findOpenInvitation } from '../../staff/passkeys.ts';

/**
 * The one answer for an invitation link that does not work — used, expired, withdrawn or never made
 * alike, so a link tells nothing about other invitations.
 */
export const invitationInvalid = () =>
  new ProblemError(410, 'invitation-invalid', 'This invitation link no longer works', {
    detail:
      'It was used already, it ran out (a link works for 72 hours) or it was withdrawn. Ask whoever invited you to invite you again.',
  });

/**
 * `POST /api/v1/auth/invitation` {token}: what an invitation grants, for the console's invitation page
 * before the person creates a passkey. A POST, not a GET with the token in the URL: the token stays
 * out of URLs, logs and history.
 */
export function invitationRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post('/', zValidator('json', invitationTokenInputSchema, validationHook), async (c) => {
    const invitation = await findOpenInvitation(deps, c.req.valid('json').token);
    if (!invitation) throw invitationInvalid();
    const body: InvitationGrant = {
      email: invitation.email,
      platformAdmin: invitation.platformAdmin,
      tenant: invitation.tenant,
      roles: invitation.roles,
      expiresAt: invitation.expiresAt.toISOString(),
    };
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });
}
