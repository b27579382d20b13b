/**
 * Test context: a real app on a real database. `TEST_DATABASE_URL` (set by test/run.ts) selects a
 * real PostgreSQL; otherwise every test file gets its own in-memory PGlite. Each test creates its own
 * tenant with a unique slug, so tests share no rows and can run in any order.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before } from 'node:test';
import { readFile } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import { reportCreatedSchema, type ReportCreated } from '@meldpunt/contracts';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { testTenantDocument, type TestTenantChanges } from '@meldpunt/test-support/tenant';
import { createApp, type AppDeps } from '../src/app.ts';
import { AuditLog } from '../src/audit/audit-log.ts';
import type { Database } from '../src/db/database.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { TrustedProxies } from '../src/http/client-address.ts';
import { createLogger } from '../src/logger.ts';
import { ReceiverLookup } from '../src/receivers/receiver-lookup.ts';
import { intakeFromReports, ProofDifficulty } from '../src/proof/difficulty.ts';
import { ProofOfWork } from '../src/proof/proof-of-work.ts';
import { ProofReplayStore } from '../src/proof/replay-store.ts';
import { GuessLimiter } from '../src/follow-up/guess-limiter.ts';
import { SignInLimiter } from '../src/staff/sign-in-limiter.ts';
import { ReportRateLimiter } from '../src/reports/rate-limit.ts';
import { ContactSealer } from '../src/secrets/contact-sealer.ts';
import { KeyRing } from '../src/secrets/key-ring.ts';
import { ServerSecret } from '../src/secrets/server-secret.ts';
import { TenantCache } from '../src/tenants/tenant-cache.ts';
import { importTenant } from '../src/tenants/tenant-service.ts';

export const databaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** The `PUBLIC_ORIGIN` of every test app: the origin `app.request('/…')` requests are made on. */
export const testPublicOrigin = 'http://localhost';

export interface TestContext {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  db: Kysely<Database>;
  handle: DatabaseHandle;
  /** The PostgreSQL URL of this context's database; undefined on PGlite (one process owns it) and with `handle`. */
  databaseUrl: string | undefined;
  /** Every log line the app wrote, as raw JSON text. */
  logs: string[];
  /** The contact key (id 1, the only one in the ring). */
  contactKey: Buffer;
  /** The server secret (random per context). */
  serverSecret: Buffer;
  createTenant(changes?: TestTenantChanges): Promise<{ slug: string; id: string }>;
  /** A fresh app on the same database, with other dependencies overridden. */
  appWith(overrides: Partial<AppDeps>): ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/** The one test tenant's import document under a slug, and changes to it (see @meldpunt/test-support). */
export {
  testTenantDocument as tenantDocument,
  type TestTenantChanges as TenantChanges,
} from '@meldpunt/test-support/tenant';

export interface TestContextOptions {
  /**
   * On PostgreSQL, a database of this context's own (created here, dropped on close) instead of the
   * shared one: for delivery workers, which claim every due delivery in their database. (On PGlite
   * every context has its own in-memory database anyway.)
   */
  ownDatabase?: boolean;
  /**
   * A database the test opened itself (say on a PostgreSQL server of its own, with its own timeouts);
   * migrated here and closed with the context.
   */
  handle?: DatabaseHandle;
}

export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const own = process.env.TEST_DATABASE_URL && options.ownDatabase ? await createOwnDatabase() : undefined;
  const databaseUrl = options.handle ? undefined : (own?.url ?? process.env.TEST_DATABASE_URL);
  const handle =
    options.handle ??
    (databaseUrl
      ? openDatabase({ url: databaseUrl, poolSize: 4 })
      : openDatabase({ pgliteDir: 'memory://', pgliteDump: await pgliteTemplate() }));
  await migrateToLatest(handle.db);
  const logs: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void logs.push(line) });
  const contactKey = randomBytes(32);
  const serverSecret = randomBytes(32);
  const tenants: TenantCache = new TenantCache(handle.db, {
    refreshAfterMs: 60_000,
    areas: { outline: (code) => receivers.outline(code) },
  });
  const receivers = new ReceiverLookup(handle.db, tenants, { refreshAfterMs: 60_000 });
  const secret = new ServerSecret(serverSecret);
  const deps: AppDeps = {
    db: handle.db,
    tenants,
    receivers,
    sealer: new ContactSealer(new KeyRing([[1, contactKey]])),
    serverSecret: secret,
    rateLimiter: new ReportRateLimiter({ db: handle.db, serverSecret: secret }),
    // Limits of this context's own: on PostgreSQL the test files share one database (and its counts).
    guessLimiter: new GuessLimiter(
      { db: handle.db, serverSecret: secret },
      {},
      { scope: `receipt-code:${randomUUID()}` },
    ),
    signInLimiter: new SignInLimiter({ db: handle.db, serverSecret: secret }, { scope: `sign-in:${randomUUID()}` }),
    proof: testProofOfWork(handle.db, secret),
    logger,
    auditLog: new AuditLog({ db: handle.db, serverSecret: secret, logger }),
    // `app.request()` has no connection: tests play a trusted proxy, their `X-Forwarded-For` the client.
    trustedProxies: new TrustedProxies({ ranges: ['127.0.0.0/8', '::1/128'], trustRequestsWithoutConnection: true }),
    publicOrigin: testPublicOrigin,
  };
  return {
    app: createApp(deps),
    deps,
    db: handle.db,
    handle,
    databaseUrl,
    logs,
    contactKey,
    serverSecret,
    createTenant: async (changes = {}) => {
      const doc = testTenantDocument(`t-${randomUUID().slice(0, 12)}`, changes);
      const result = await importTenant(handle.db, doc, { allowPrivateWebhooks: true, sealer: deps.sealer });
      return { slug: result.slug, id: result.tenantId };
    },
    appWith: (overrides) => createApp({ ...deps, ...overrides }),
    close: async () => {
      await handle.close();
      await own?.drop();
    },
  };
}

/**
 * The test context of the enclosing `describe`: created before its first test, closed after its last.
 * The object returned is empty until then and filled in before any test (or `before` registered after
 * this call) runs, so a suite writes `const ctx = useTestContext();` and uses `ctx` in its tests.
 */
export function useTestContext(options: TestContextOptions = {}): TestContext {
  const ctx = {} as TestContext;
  before(async () => {
    Object.assign(ctx, await createTestContext(options));
  });
  after(() => ctx.close());
  return ctx;
}

/**
 * The migrated PGlite template `test/run.ts` dumped once for the whole run (`TEST_PGLITE_TEMPLATE`, a
 * file), read once per test process; undefined when a test file runs on its own (it then starts empty
 * and migrates, as before).
 */
let templateDump: Promise<Blob | undefined> | undefined;
function pgliteTemplate(): Promise<Blob | undefined> {
  const file = process.env.TEST_PGLITE_TEMPLATE;
  templateDump ??= file ? readFile(file).then((bytes) => new Blob([bytes])) : Promise.resolve(undefined);
  return templateDump;
}

/**
 * A fresh database on the test PostgreSQL server; `drop()` removes it again. A copy of the migrated
 * template `test/run.ts` made (`TEST_POSTGRES_TEMPLATE`) when there is one, else empty (then migrated).
 */
async function createOwnDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `meldpunt_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = openDatabase({ url: process.env.TEST_DATABASE_URL, poolSize: 1 });
  const template = process.env.TEST_POSTGRES_TEMPLATE;
  try {
    await (
      template
        ? sql`create database ${sql.id(name)} template ${sql.id(template)}`
        : sql`create database ${sql.id(name)}`
    ).execute(admin.db);
  } finally {
    await admin.close();
  }
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = openDatabase({ url: process.env.TEST_DATABASE_URL, poolSize: 1 });
      try {
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(dropper.db);
      } finally {
        await dropper.close();
      }
    },
  };
}

/** The minimal body from the foundation issue: always valid. */
export function minimalReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    role: 'victim',
    categories: ['verbal'],
    occurredAt: '2026-11-20T22:30:00+01:00',
    location: { lat: 51.8133, lng: 4.6901 },
    description: 'Nageroepen bij het station.',
    locale: 'nl',
    ...overrides,
  };
}

/**
 * Issue 16: the test apps' proof of work — the real one, at a difficulty (`maxNumber`) of
 * `testProofMaxNumber`, as `PROOF_MAX_NUMBER` lowers it for tests, so a proof takes microseconds.
 */
export const testProofMaxNumber = 20;

export function testProofOfWork(
  db: Kysely<Database>,
  serverSecret: ServerSecret,
  options: { now?: () => number } = {},
): ProofOfWork {
  return new ProofOfWork({
    serverSecret,
    difficulty: new ProofDifficulty(intakeFromReports(db), { baseMaxNumber: testProofMaxNumber }, options.now),
    replays: new ProofReplayStore(db, options.now),
    now: options.now,
  });
}

/** Fetches a challenge of the tenant from the app and solves it, as the widget and API clients do. */
export async function solvedProof(ctx: Pick<TestContext, 'app'>, slug: string): Promise<string> {
  const res = await ctx.app.request(`/api/v1/tenants/${slug}/challenge`);
  assert.equal(res.status, 200, await res.clone().text());
  return solveProof((await res.json()) as Challenge);
}

/** The `Meldpunt-Proof` header for a challenge: base64 of altcha-lib's JSON `{ challenge, solution }`. */
export async function solveProof(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  assert.ok(solution, 'the challenge has a solution');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/**
 * POSTs a report as a browser on an allowed origin would, with a freshly solved proof of work (issue
 * 16) unless the headers bring their own `Meldpunt-Proof` or `proof: false` asks for none.
 */
export async function postReport(
  ctx: Pick<TestContext, 'app'>,
  slug: string,
  body: unknown,
  init: { headers?: Record<string, string>; raw?: string | ReadableStream<Uint8Array>; proof?: false } = {},
): Promise<Response> {
  const ownProof = Object.keys(init.headers ?? {}).some((h) => h.toLowerCase() === 'meldpunt-proof');
  const challenge =
    init.proof === false || ownProof ? undefined : await ctx.app.request(`/api/v1/tenants/${slug}/challenge`);
  // No challenge (an unknown tenant, a test's failing database): the report's own answer tells why.
  const proof: Record<string, string> =
    challenge?.status === 200 ? { 'Meldpunt-Proof': await solveProof((await challenge.json()) as Challenge) } : {};
  return ctx.app.request(`/api/v1/tenants/${slug}/reports`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': randomIp(), ...proof, ...init.headers },
    body: init.raw ?? JSON.stringify(body),
  });
}

/** POSTs a report (the minimal one unless given) that must be accepted: asserts 201, returns the answer. */
export async function sendReport(
  ctx: Pick<TestContext, 'app'>,
  slug: string,
  body: unknown = minimalReport(),
  init: { headers?: Record<string, string> } = {},
): Promise<ReportCreated> {
  const res = await postReport(ctx, slug, body, init);
  assert.equal(res.status, 201, await res.clone().text());
  return reportCreatedSchema.parse(await readJson(res));
}

/** A different documentation-range address per call, so rate limits only bite where a test wants them. */
export function randomIp(): string {
  const b = randomBytes(2);
  return `198.51.${b[0]}.${b[1]}`;
}

export async function countReports(db: Kysely<Database>, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('report')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A response's JSON body, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readJson(res: Response): Promise<any> {
  return res.json();
}
