import { Hono, type Context } from 'hono';
import { zValidator } from '@hono/zod-validator';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import {
  passkeyAuthenticationSchema,
  passkeyRegistrationSchema,
  passkeyRegistrationStartSchema,
  type Passkey,
  type PasskeyOptions,
} from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { clientAddress } from '../../http/client-address.ts';
import { pathId } from '../../http/path-id.ts';
import { ProblemError, problems } from '../../http/problem.ts';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../../http/session-cookie.ts';
import { signedInOf } from '../../http/staff-access.ts';
import { validationHook } from '../../http/validation.ts';
import {
  finishAuthentication,
  finishRegistration,
  passkeysOf,
  relyingPartyOf,
  removePasskey,
  startAdditionalRegistration,
  startAuthentication,
  startInvitationRegistration,
} from '../../staff/passkeys.ts';
import { findSession, startSession } from '../../staff/sessions.ts';
import type { SignInLimiter } from '../../staff/sign-in-limiter.ts';
import { invitationInvalid } from './invitation.ts';
import { meOf } from './me.ts';
import { tooManySignIns } from './too-many-sign-ins.ts';

/** Every failed passkey sign-in gets this one answer, whatever went wrong. */
const signInFailed = () =>
  new ProblemError(401, 'sign-in-failed', 'Signing in did not work', {
    detail:
      'Try again with a passkey you registered for this service. Lost your passkey? Ask your administrator for a new invitation.',
  });

const registrationFailed = () =>
  new ProblemError(400, 'passkey-registration-failed', 'The passkey could not be registered', {
    detail:
      'Start again; the request may have taken longer than five minutes. If it keeps failing, try another device or browser.',
  });

const noStore = { 'Cache-Control': 'no-store' };

/**
 * `/api/v1/auth/passkeys…`: registering a passkey (from an invitation, or another one when signed in),
 * signing in with one, and the signed-in person's own passkeys. The work is in `staff/passkeys.ts`; here
 * are the answers. Every failed sign-in — an unknown passkey, a bad signature, a used or expired state —
 * is the one `sign-in-failed`, counts towards the sign-in limit (`SignInLimiter`) and is audited in the
 * platform chain, naming the person only when the passkey was theirs. A successful one starts a new
 * session (a new id, whatever the browser had: no session fixation) that names the passkey: removing
 * the passkey ends every session it started, the removing one included (its cookie is then cleared).
 */
export function passkeyRoutes(deps: AppDeps, limiter: SignInLimiter) {
  const rp = relyingPartyOf(deps.publicOrigin);

  /**
   * Starts the session of a sign-in or an accepted invitation — naming the passkey used, so removing
   * it ends the session — and answers `Me` with its cookie.
   */
  const signInAs = async (c: Context<AppEnv>, staffId: string, passkeyId: string) => {
    const session = await startSession(deps, staffId, { method: 'passkey', passkeyId, replacing: sessionTokenOf(c) });
    setSessionCookie(c, session.token);
    const signedIn = await findSession(deps, session.token, { refresh: false });
    if (!signedIn) throw signInFailed(); // Only if the person was deleted in this very moment.
    return c.json(meOf(signedIn), 200, noStore);
  };

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const body: Passkey[] = (await passkeysOf(deps.db, signedInOf(c).staffId)).map((p) => ({
        id: p.id,
        label: p.label,
        createdAt: p.createdAt.toISOString(),
        lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
      }));
      return c.json(body, 200, noStore);
    })
    .delete('/:id', async (c) => {
      const id = pathId(c.req.param('id'));
      const me = signedInOf(c);
      const result = await removePasskey(deps, me.staffId, id, { sessionId: me.sessionId });
      if (result.outcome === 'not-found') throw problems.notFound('You have no passkey with this id');
      if (result.outcome === 'last') {
        throw new ProblemError(409, 'last-passkey', 'Your last passkey cannot be removed', {
          detail:
            'Without a passkey you could not sign in again. Add another passkey first (on another device, say), then remove this one.',
        });
      }
      // The sessions the passkey started have ended; was this one of them, the browser forgets it too.
      if (result.ownSessionEnded) clearSessionCookie(c);
      return c.body(null, 204);
    })
    .post('/registration-options', zValidator('json', passkeyRegistrationStartSchema, validationHook), async (c) => {
      const { token } = c.req.valid('json');
      let start;
      if (token !== undefined) {
        start = await startInvitationRegistration(deps, rp, token);
        if (!start) throw invitationInvalid();
      } else {
        const me = signedInOf(c);
        start = await startAdditionalRegistration(deps, rp, { staffId: me.staffId, email: me.email, name: me.name });
      }
      const body: PasskeyOptions = { state: start.state, options: { ...start.options } };
      return c.json(body, 200, noStore);
    })
    .post('/registration', zValidator('json', passkeyRegistrationSchema, validationHook), async (c) => {
      const input = c.req.valid('json');
      const signedIn = c.get('signedIn');
      const result = await finishRegistration(deps, rp, {
        state: input.state,
        response: input.response as unknown as RegistrationResponseJSON,
        ...(input.label ? { label: input.label } : {}),
        ...(input.name ? { name: input.name } : {}),
        ...(signedIn ? { signedInStaffId: signedIn.staffId } : {}),
      });
      if (!result.ok) throw result.reason === 'invitation-invalid' ? invitationInvalid() : registrationFailed();
      // Signed in and adding another passkey: the session stays. From an invitation: signed in now.
      if (signedIn && signedIn.staffId === result.staffId) return c.json(meOf(signedIn), 200, noStore);
      return signInAs(c, result.staffId, result.passkeyId);
    })
    .post('/authentication-options', async (c) => {
      const start = await startAuthentication(deps, rp);
      const body: PasskeyOptions = { state: start.state, options: { ...start.options } };
      return c.json(body, 200, noStore);
    })
    .post('/authentication', zValidator('json', passkeyAuthenticationSchema, validationHook), async (c) => {
      const attempt = await limiter.attempt(clientAddress(c, deps.trustedProxies));
      if (attempt.retryAfter > 0) throw tooManySignIns(attempt.retryAfter);
      const input = c.req.valid('json');
      const result = await finishAuthentication(deps, rp, {
        state: input.state,
        response: input.response as unknown as AuthenticationResponseJSON,
      });
      if (!result.ok) {
        // Counted as a failure by `attempt`. The platform chain, naming the person only when the passkey was theirs (never the address).
        await deps.auditLog.append({
          tenantId: null,
          actor: result.staffId ? { kind: 'staff', id: result.staffId } : null,
          action: 'auth.sign-in-failed',
          target: null,
          details: { method: 'passkey', reason: result.reason },
        });
        throw signInFailed();
      }
      await attempt.succeeded();
      return signInAs(c, result.staffId, result.passkeyId);
    });
}
