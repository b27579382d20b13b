import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { tenantOrigin } from '../../http/tenant-origin.ts';

/**
 * `GET /api/v1/tenants/:slug/challenge` (issue 16): a proof-of-work challenge for one report to the
 * tenant — altcha-lib's `{ parameters, signature }`, HMAC-signed, bound to the tenant and valid for a
 * few minutes. The widget solves it in the background; API clients with altcha-lib's `solveChallenge`
 * (README "Proof of work"). Never cached: each challenge is good for one report.
 */
export function challengeRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().use('/:slug/challenge', tenantOrigin(deps)).get('/:slug/challenge', async (c) => {
    const challenge = await deps.proof.challengeFor(c.get('tenant').id);
    return c.json(challenge, 200, { 'Cache-Control': 'no-store' });
  });
}
