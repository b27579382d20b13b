import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { clearSessionCookie, sessionTokenOf } from '../../http/session-cookie.ts';
import { signedInOf } from '../../http/staff-access.ts';
import { endSession, signOutEverywhere } from '../../staff/sessions.ts';
import { meOf } from './me.ts';

/**
 * `/api/v1/auth/…`: the signed-in person and their session, whatever way they signed in. Access rules
 * and the session lookup are in `http/staff-access.ts`; by the time a handler runs, `signedIn` is set
 * where its rule requires it. Signing out is audited (`staff/sessions.ts`).
 */
export function sessionRoutes(deps: AppDeps) {
  return (
    new Hono<AppEnv>()
      /** The person with their memberships and the session's end times; `?passive=1` does not extend it. */
      .get('/me', (c) => c.json(meOf(signedInOf(c)), 200, { 'Cache-Control': 'no-store' }))
      /** "Stay signed in": the request itself counted as activity, so the idle time starts again. */
      .post('/session', (c) => c.json(meOf(signedInOf(c)), 200, { 'Cache-Control': 'no-store' }))
      .post('/sign-out', async (c) => {
        const token = sessionTokenOf(c);
        if (token) await endSession(deps, token);
        clearSessionCookie(c);
        return c.body(null, 204);
      })
      .post('/sign-out-everywhere', async (c) => {
        await signOutEverywhere(deps, signedInOf(c).staffId);
        clearSessionCookie(c);
        return c.body(null, 204);
      })
  );
}
