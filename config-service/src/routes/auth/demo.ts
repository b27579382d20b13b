import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { demoSignInSchema } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { clientAddress } from '../../http/client-address.ts';
import { ProblemError } from '../../http/problem.ts';
import { sessionTokenOf, setSessionCookie } from '../../http/session-cookie.ts';
import { validationHook } from '../../http/validation.ts';
import { isDemoAddress, listDemoStaff } from '../../staff/demo-staff.ts';
import { findSession, startSession } from '../../staff/sessions.ts';
import type { SignInLimiter } from '../../staff/sign-in-limiter.ts';
import { findStaffByEmail } from '../../staff/staff-repository.ts';
import { meOf } from './me.ts';
import { tooManySignIns } from './too-many-sign-ins.ts';

/** The one answer to every failed sign-in: it never says whether the address exists. */
export const signInFailed = () =>
  new ProblemError(401, 'sign-in-failed', 'Signing in did not work', {
    detail: 'Check what you entered and try again.',
  });

/**
 * `/api/v1/auth/demo` — demo mode only (`app.ts` mounts it only then, so elsewhere it is 404): lists
 * the demo staff and signs in as one of them with one click, with the same session and cookie as any
 * sign-in. Only the seeded demo addresses are accepted; any other address, known or not, gets the
 * same refusal as an unknown one, and failures count towards the sign-in limit. Both outcomes are
 * audited (`staff/sessions.ts` for a sign-in; a failure in the platform chain, without the address).
 */
export function demoSignInRoutes(deps: AppDeps, limiter: SignInLimiter) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await listDemoStaff(deps.db), 200, { 'Cache-Control': 'no-store' }))
    .post('/', zValidator('json', demoSignInSchema, validationHook), async (c) => {
      const attempt = await limiter.attempt(clientAddress(c, deps.trustedProxies));
      if (attempt.retryAfter > 0) throw tooManySignIns(attempt.retryAfter);
      const { email } = c.req.valid('json');
      const staff = isDemoAddress(email) ? await findStaffByEmail(deps.db, email) : undefined;
      if (!staff) {
        // Counted as a failure by `attempt`.
        // Nobody is known, and the address typed is never kept: the platform chain, without actor.
        await deps.auditLog.append({
          tenantId: null,
          actor: null,
          action: 'auth.sign-in-failed',
          target: null,
          details: { method: 'demo', reason: 'unknown-credential' },
        });
        throw signInFailed();
      }
      await attempt.succeeded();
      const session = await startSession(deps, staff.id, { method: 'demo', replacing: sessionTokenOf(c) });
      setSessionCookie(c, session.token);
      const signedIn = await findSession(deps, session.token, { refresh: false });
      if (!signedIn) throw signInFailed(); // Only if the person was deleted in this very moment.
      return c.json(meOf(signedIn), 200, { 'Cache-Control': 'no-store' });
    });
}
