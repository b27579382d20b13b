/**
 * A database that stalls or is gone must cost a request a quick 503, never a hang, and the service
 * must recover by itself. The stall tests freeze a PostgreSQL of their own (SIGSTOP), never the shared
 * test server other test files use at the same time.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Problem } from '@meldpunt/contracts';
import {
  countReports,
  createTestContext,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  type TestContext,
} from '../../test/helpers.ts';
import { withinDeadline } from '../../test/deadline.ts';
import { freePort } from '../../test/net.ts';
import { startPostgres, type RunningPostgres } from '../../test/postgres.ts';
import { loadEnv } from '../env.ts';
import { ReceiverLookup } from '../receivers/receiver-lookup.ts';
import { TenantCache } from '../tenants/tenant-cache.ts';
import { connectFromEnv } from './connect.ts';
import { openDatabase, type DatabaseHandle } from './dialect.ts';

/** The timeouts the tests configure: small, so they run quickly. */
const timeoutMs = 1000;
/** How long an answer may take: the timeout plus generous slack for a busy machine. */
const deadlineMs = 10 * timeoutMs;

/** The answer, or `'no answer'` when there is none within `deadlineMs`. */
function inTime<T>(work: T | Promise<T>): Promise<T | 'no answer'> {
  return withinDeadline(Promise.resolve(work), deadlineMs);
}

/** Asserts a 503 database-unavailable problem that a client can act on; returns the problem. */
async function assertUnavailable(res: Response | 'no answer', what: string): Promise<Problem> {
  assert.notEqual(res, 'no answer', `${what}: no answer within ${deadlineMs} ms`);
  const response = res as Response;
  assert.equal(response.status, 503, what);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
  assert.match(response.headers.get('retry-after') ?? '', /^\d+$/, `${what}: Retry-After`);
  const problem = (await readJson(response)) as Problem;
  assert.equal(problem.type, 'https://meldpunt.dev/problems/database-unavailable', what);
  assert.match(problem.detail ?? '', /call 112/, what);
  return problem;
}

/** Asserts what a reporter is told when sending failed: it may not have been stored, send it again. */
async function assertReportUnavailable(res: Response | 'no answer'): Promise<void> {
  const problem = await assertUnavailable(res, 'report');
  assert.match(problem.detail ?? '', /may not have been stored/);
  assert.match(problem.detail ?? '', /send it again/);
}

describe(`a database that cannot be reached (${databaseKind})`, () => {
  let ctx: TestContext;
  let down: DatabaseHandle;
  before(async () => {
    ctx = await createTestContext();
    // Nothing listens at this address: every connection attempt is refused.
    const url = `postgresql://postgres@127.0.0.1:${await freePort()}/meldpunt`;
    down = openDatabase({ url, connectTimeoutMs: timeoutMs, queryTimeoutMs: timeoutMs });
  });
  after(async () => {
    await down.close();
    await ctx.close();
  });

  it('readiness, config and report intake answer 503 database-unavailable (problem+json, Retry-After); liveness 200', async () => {
    const tenants: TenantCache = new TenantCache(down.db, {
      refreshAfterMs: 60_000,
      areas: { outline: (code) => receivers.outline(code) },
    });
    const receivers = new ReceiverLookup(down.db, tenants, { refreshAfterMs: 60_000 });
    const app = ctx.appWith({ db: down.db, tenants, receivers });
    const slug = `t-${randomUUID().slice(0, 12)}`;

    await assertUnavailable(await inTime(app.request('/api/v1/ready')), 'ready');
    // Liveness does not ask the database: an outage must not get every instance restarted.
    assert.equal(((await inTime(app.request('/api/v1/health'))) as Response).status, 200);
    await assertUnavailable(await inTime(app.request(`/api/v1/tenants/${slug}/config`)), 'config');
    await assertReportUnavailable(await inTime(postReport({ app }, slug, minimalReport())));
    assert.ok(
      ctx.logs.some((line) => /"reason":"ECONNREFUSED".*"msg":"database unavailable"/.test(line)),
      'logged as the database being unavailable, with the reason',
    );
  });
});

describe(`a PostgreSQL that stalls (${databaseKind})`, () => {
  const skip =
    databaseKind === 'pglite' && 'needs a PostgreSQL server it can stop (SIGSTOP); runs in the PostgreSQL run';
  let postgres: RunningPostgres | undefined;
  let ctx: TestContext | undefined;
  before(async () => {
    if (skip) return;
    postgres = await startPostgres();
    // The service's own way of connecting, with the timeouts from the environment.
    const env = loadEnv({
      DATABASE_URL: postgres.url,
      DB_CONNECT_TIMEOUT_MS: String(timeoutMs),
      DB_QUERY_TIMEOUT_MS: String(timeoutMs),
    });
    ctx = await createTestContext({ handle: await connectFromEnv(env, 'service') });
  });
  after(async () => {
    await ctx?.close();
    await postgres?.stop();
  });

  it(
    'with every PostgreSQL process stopped, readiness and report intake answer 503 within the timeouts, and recover after SIGCONT',
    { skip },
    async () => {
      const { app, db } = ctx!;
      const tenant = await ctx!.createTenant();
      // In memory from here on: the tenant, the areas. Connections are open in the pool.
      assert.equal((await app.request(`/api/v1/tenants/${tenant.slug}/config`)).status, 200);
      assert.equal((await postReport(ctx!, tenant.slug, minimalReport())).status, 201);
      const idempotencyKey = randomUUID();

      const resume = postgres!.pause();
      try {
        // Twice: the second round meets what the first left behind (closed connections, pending connects).
        for (let round = 1; round <= 2; round++) {
          const [health, report, unknown] = await Promise.all([
            inTime(app.request('/api/v1/ready')),
            inTime(postReport(ctx!, tenant.slug, minimalReport(), { headers: { 'Idempotency-Key': idempotencyKey } })),
            inTime(app.request(`/api/v1/tenants/t-${randomUUID().slice(0, 12)}/config`)),
          ]);
          await assertUnavailable(health, `ready, round ${round}`);
          await assertReportUnavailable(report);
          await assertUnavailable(unknown, `config of a tenant not in memory, round ${round}`);
        }
      } finally {
        resume();
      }

      // Recovered: the pool replaced what the stall left behind.
      const health = await inTime(app.request('/api/v1/ready'));
      assert.equal((health as Response).status, 200);
      // Sent again with the same key, the report is stored once: whether or not the stalled attempt
      // was carried out when the server woke up.
      const again = await postReport(ctx!, tenant.slug, minimalReport(), {
        headers: { 'Idempotency-Key': idempotencyKey },
      });
      assert.equal(again.status, 201);
      assert.equal((await postReport(ctx!, tenant.slug, minimalReport())).status, 201);
      assert.equal(await countReports(db, tenant.id), 3);
    },
  );

  it(
    'a connection whose server process stalls is given up: the next query gets a fresh connection',
    { skip },
    async () => {
      const single = openDatabase({
        url: postgres!.url,
        poolSize: 1,
        connectTimeoutMs: timeoutMs,
        queryTimeoutMs: timeoutMs,
      });
      const backendPid = async () =>
        (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(single.db)).rows[0]!.pid;
      try {
        const stalled = await backendPid();
        process.kill(stalled, 'SIGSTOP');
        try {
          const first = await inTime(sql`select 1`.execute(single.db).catch((error: Error) => error));
          assert.ok(first instanceof Error, 'the query on the stalled connection fails');
          assert.equal(first.message, 'Query read timeout');
          // While that server process is still stopped: the one pooled connection was replaced.
          const next = await inTime(backendPid().catch((error: Error) => error));
          assert.equal(typeof next, 'number', `a fresh connection answers (got ${String(next)})`);
          assert.notEqual(next, stalled);
        } finally {
          process.kill(stalled, 'SIGCONT');
        }
      } finally {
        await single.close();
      }
    },
  );
});
