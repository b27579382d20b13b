import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { problems } from '../../http/problem.ts';

/** `GET /api/v1/health`: 200 when the service and its database answer, 503 otherwise. */
export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
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
