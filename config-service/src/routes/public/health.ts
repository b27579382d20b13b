import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { ProblemError, problems } from '../../http/problem.ts';

/**
 * `GET /api/v1/health` (liveness): 200 whenever this process answers — it never asks the database, so a
 * database outage does not get every instance restarted at once, which would not help.
 */
export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', (c) =>
    c.json({ status: 'ok', phase: deps.readiness?.phase ?? 'serving' }, 200, { 'Cache-Control': 'no-store' }),
  );
}

/**
 * `GET /api/v1/ready` (readiness): 200 when this instance should get traffic — started (migrated) and its
 * database answers; 503 otherwise (while starting and migrating the port answers from
 * `ops/readiness.ts`; after SIGTERM, while the requests in flight finish).
 */
export function readyRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    if (deps.readiness && deps.readiness.phase !== 'serving') {
      throw new ProblemError(503, 'not-ready', `The service is ${deps.readiness.phase}`, {
        detail: 'Please try again in a moment. In an emergency, call 112.',
        headers: { 'Retry-After': '5' },
      });
    }
    const started = performance.now();
    try {
      await sql`select 1`.execute(deps.db);
    } catch {
      throw problems.databaseUnavailable(c.req.method);
    }
    return c.json(
      { status: 'ok', database: { status: 'ok', latencyMs: Math.round((performance.now() - started) * 10) / 10 } },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });
}
