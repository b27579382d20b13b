import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { testTenantDocument } from '@meldpunt/test-support/tenant';
import { createTestContext, databaseKind, useTestContext, type TestContext } from '../../test/helpers.ts';
import type { Database } from '../db/database.ts';
import { openDatabase, type DatabaseHandle } from '../db/dialect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createLogger } from '../logger.ts';
import { ServerSecret } from '../secrets/server-secret.ts';
import { importTenant } from '../tenants/tenant-service.ts';
import { AuditLog } from './audit-log.ts';
import { chainHash } from './chain-hash.ts';
import { fieldsOfRow } from './audit-repository.ts';
import { parseExpectations, verifyAuditLog } from './verify.ts';

/**
 * Changes the log as someone with superuser access to the database would: with triggers off for this
 * transaction only (`session_replication_role = replica`), so other tests' refusals stay in force.
 */
async function tamper(db: Kysely<Database>, change: (trx: Kysely<Database>) => Promise<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await change(trx);
  });
}

/** A tenant chain of `n` sign-ins; returns the log lines the appends wrote. */
async function chainOf(db: Kysely<Database>, secret: ServerSecret, tenantId: string, n: number): Promise<string[]> {
  const lines: string[] = [];
  const log = new AuditLog({
    db,
    serverSecret: secret,
    logger: createLogger('info', { write: (line: string) => void lines.push(line) }),
  });
  for (let i = 0; i < n; i++) {
    await log.append({
      tenantId,
      actor: { kind: 'staff', id: randomUUID() },
      action: 'auth.sign-in',
      target: { kind: 'session', id: randomUUID() },
      details: { method: 'sso' },
    });
  }
  return lines;
}

describe(`audit:verify detects tampering (${databaseKind})`, () => {
  const ctx = useTestContext();

  /** A fresh tenant with a chain of `n` entries; verification scoped to its chain. */
  async function setUp(n: number) {
    const tenant = await ctx.createTenant();
    const logLines = await chainOf(ctx.db, ctx.deps.serverSecret, tenant.id, n);
    const verify = (expected = new Map()) => verifyAuditLog(ctx.db, ctx.deps.serverSecret, expected, [tenant.id]);
    return { chain: tenant.id, logLines, verify };
  }

  const kinds = (result: Awaited<ReturnType<typeof verifyAuditLog>>) =>
    result.problems.map((p) => [p.chain, p.sequence, p.kind]);

  it('an intact chain: no problems, its entries and head reported', async () => {
    const { chain, verify } = await setUp(3);
    const result = await verify();
    assert.deepEqual(result.problems, []);
    const last = await ctx.db
      .selectFrom('audit_entry')
      .select('hash')
      .where('chain', '=', chain)
      .where('sequence', '=', 3);
    assert.deepEqual(result.chains, [
      { chain, entries: 3, head: { sequence: 3, hash: (await last.executeTakeFirstOrThrow()).hash } },
    ]);
  });

  it('a changed entry: named by chain and sequence', async () => {
    const { chain, verify } = await setUp(3);
    await tamper(ctx.db, (trx) =>
      trx
        .updateTable('audit_entry')
        .set({ details: sql`'{"method":"demo"}'::jsonb` as never })
        .where('chain', '=', chain)
        .where('sequence', '=', 2)
        .execute(),
    );
    const result = await verify();
    assert.deepEqual(kinds(result), [[chain, 2, 'changed']]);
    assert.match(result.problems[0]!.message, new RegExp(`chain ${chain} sequence 2 .*changed`));
  });

  it('a changed actor or time, or an entry moved to another chain, is a change too', async () => {
    const { chain, verify } = await setUp(3);
    await tamper(ctx.db, (trx) =>
      trx
        .updateTable('audit_entry')
        .set({ actor_kind: 'system', actor_id: null })
        .where('chain', '=', chain)
        .where('sequence', '=', 1)
        .execute(),
    );
    await tamper(ctx.db, (trx) =>
      trx
        .updateTable('audit_entry')
        .set({ occurred_at: '2020-01-01T00:00:00Z' })
        .where('chain', '=', chain)
        .where('sequence', '=', 3)
        .execute(),
    );
    assert.deepEqual(kinds(await verify()), [
      [chain, 1, 'changed'],
      [chain, 3, 'changed'],
    ]);

    // An entry of this chain copied into another tenant's chain, its hash and all, does not verify there.
    const other = await ctx.createTenant();
    const { chain: _chain, ...row } = await ctx.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('chain', '=', chain)
      .where('sequence', '=', 2)
      .executeTakeFirstOrThrow();
    await tamper(ctx.db, (trx) =>
      trx
        .insertInto('audit_entry')
        .values({ ...row, details: JSON.stringify(row.details), id: randomUUID(), tenant_id: other.id, sequence: 1 })
        .execute(),
    );
    const moved = await verifyAuditLog(ctx.db, ctx.deps.serverSecret, new Map(), [other.id]);
    assert.deepEqual(kinds(moved), [[other.id, 1, 'changed']]);
  });

  it('a removed entry: the gap is named, in the middle and at the start', async () => {
    const { chain, verify } = await setUp(4);
    await tamper(ctx.db, (trx) =>
      trx.deleteFrom('audit_entry').where('chain', '=', chain).where('sequence', 'in', [1, 3]).execute(),
    );
    const result = await verify();
    assert.deepEqual(kinds(result), [
      [chain, 1, 'removed'],
      [chain, 3, 'removed'],
    ]);
    assert.match(result.problems[1]!.message, new RegExp(`chain ${chain} sequence 3 is missing`));
  });

  it('a removed entry with the rest renumbered to close the gap: their hashes no longer match', async () => {
    const { chain, verify } = await setUp(4);
    await tamper(ctx.db, async (trx) => {
      await trx.deleteFrom('audit_entry').where('chain', '=', chain).where('sequence', '=', 2).execute();
      for (const sequence of [3, 4]) {
        await trx
          .updateTable('audit_entry')
          .set({ sequence: sequence - 1 })
          .where('chain', '=', chain)
          .where('sequence', '=', sequence)
          .execute();
      }
    });
    assert.deepEqual(kinds(await verify()), [
      [chain, 2, 'changed'],
      [chain, 3, 'changed'],
    ]);
  });

  it('a rewritten chain with hashes under another key: refused from its first entry', async () => {
    const { chain, verify } = await setUp(2);
    const guess = new ServerSecret(randomBytes(32));
    await tamper(ctx.db, async (trx) => {
      const rows = await trx
        .selectFrom('audit_entry')
        .selectAll()
        .where('chain', '=', chain)
        .orderBy('sequence')
        .execute();
      let previous = '';
      for (const row of rows) {
        const hash = chainHash(guess, previous, { ...fieldsOfRow(row), details: { method: 'demo' } });
        await trx
          .updateTable('audit_entry')
          .set({ details: sql`'{"method":"demo"}'::jsonb` as never, hash })
          .where('id', '=', row.id)
          .execute();
        previous = hash;
      }
    });
    assert.deepEqual(kinds(await verify()), [
      [chain, 1, 'changed'],
      [chain, 2, 'changed'],
    ]);
  });

  it('a cut-off tail: found only against the head logged outside the database', async () => {
    const { chain, logLines, verify } = await setUp(5);
    await tamper(ctx.db, (trx) =>
      trx.deleteFrom('audit_entry').where('chain', '=', chain).where('sequence', '>=', 4).execute(),
    );
    assert.deepEqual((await verify()).problems, [], 'what is left is a valid chain');

    const result = await verify(parseExpectations([], [logLines.join('\n')]));
    assert.deepEqual(kinds(result), [[chain, 4, 'cut-off']]);
    assert.match(
      result.problems[0]!.message,
      new RegExp(`chain ${chain} ends at sequence 3.*entries 4–5 were cut off`),
    );
  });

  it('a whole chain cut off, and a chain rewritten after the logged head, against that head', async () => {
    const gone = await setUp(2);
    const rewritten = await setUp(2);
    const heads = parseExpectations([], [[...gone.logLines, ...rewritten.logLines].join('\n')]);
    await tamper(ctx.db, (trx) => trx.deleteFrom('audit_entry').where('chain', '=', gone.chain).execute());
    await tamper(ctx.db, (trx) =>
      trx
        .updateTable('audit_entry')
        .set({ hash: 'rewritten' })
        .where('chain', '=', rewritten.chain)
        .where('sequence', '=', 2)
        .execute(),
    );
    assert.deepEqual(kinds(await gone.verify(heads)), [[gone.chain, 1, 'cut-off']]);
    assert.deepEqual(kinds(await rewritten.verify(heads)), [
      [rewritten.chain, 2, 'changed'],
      [rewritten.chain, 2, 'changed'],
    ]);
  });
});

describe('parseExpectations: heads recorded outside the database', () => {
  it('takes --expect values and log text (plain lines or the service’s JSON lines); per chain the highest sequence', () => {
    const a = randomUUID();
    const log = [
      JSON.stringify({ level: 30, audit: { chain: a, sequence: 1, hash: 'h1' }, msg: 'audit head' }),
      JSON.stringify({ level: 30, msg: 'request', status: 200 }),
      '{"level":30,"audit":{"chain":"cut off mid-line',
      JSON.stringify({ level: 30, audit: { chain: a, sequence: 3, hash: 'h3' }, msg: 'audit head' }),
      JSON.stringify({ level: 30, audit: { chain: a, sequence: 2, hash: 'h2' }, msg: 'audit head' }),
      '',
      'platform=7:p7',
    ].join('\n');
    assert.deepEqual(
      [...parseExpectations(['platform=5:p5'], [log])],
      [
        ['platform', { sequence: 7, hash: 'p7' }],
        [a, { sequence: 3, hash: 'h3' }],
      ],
    );
  });

  it('refuses a malformed expectation, naming it', () => {
    assert.throws(
      () => parseExpectations(['platform:5=abc']),
      /Not an expectation \(chain=sequence:hash\): platform:5=abc/,
    );
    assert.throws(() => parseExpectations(['platform=0:abc']), /Not an expectation/);
  });
});

const configServiceDir = fileURLToPath(new URL('../../', import.meta.url));

/** `pnpm audit:verify` as an operator runs it: the CLI in its own process. */
function verifyCli(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['src/cli/audit-verify.ts', ...args], {
    cwd: configServiceDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    // An empty value unsets the variable (an empty DATABASE_URL would be a wrong one).
    env: Object.fromEntries(
      Object.entries({ ...process.env, MELDPUNT_MODE: 'production', LOG_LEVEL: 'warn', ...env }).filter(([, v]) => v),
    ),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

describe(`pnpm audit:verify (${databaseKind})`, () => {
  it('exits 0 on an intact log; exits 1 naming chain and sequence of a changed entry and a cut-off tail', async () => {
    // A database the CLI can open in its own process: a PostgreSQL database of this test's own, or a
    // PGlite data folder (opened by one process at a time: closed here while the CLI runs).
    let ctx: TestContext | undefined;
    let dataDir: string | undefined;
    let env: Record<string, string>;
    let open: () => DatabaseHandle;
    if (databaseKind === 'postgres') {
      ctx = await createTestContext({ ownDatabase: true });
      const url = ctx.databaseUrl!;
      env = { DATABASE_URL: url };
      open = () => openDatabase({ url, poolSize: 1 });
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'meldpunt-audit-'));
      const dir = join(dataDir, 'pglite');
      env = { DATA_DIR: dataDir, DATABASE_URL: '' };
      open = () => openDatabase({ pgliteDir: dir });
    }
    const secret = randomBytes(32);
    env.SERVER_SECRET = secret.toString('base64');
    try {
      let handle = open();
      await migrateToLatest(handle.db);
      const { tenantId, slug } = await importTenant(handle.db, testTenantDocument(`t-${randomUUID().slice(0, 12)}`));
      const logLines = await chainOf(handle.db, new ServerSecret(secret), tenantId, 4);
      await handle.close();

      const intact = await verifyCli(env, ['--chain', slug]);
      assert.equal(intact.code, 0, intact.stderr);
      assert.match(intact.stdout, new RegExp(`^ok  ${tenantId} \\(${slug}\\): 4 entries, head 4:`, 'm'));
      assert.match(intact.stdout, /Audit log intact: 1 chain\(s\) verified\./);

      handle = open();
      await tamper(handle.db, async (trx) => {
        await trx.deleteFrom('audit_entry').where('tenant_id', '=', tenantId).where('sequence', '=', 4).execute();
        await trx
          .updateTable('audit_entry')
          .set({ target_id: 'another-session' })
          .where('tenant_id', '=', tenantId)
          .where('sequence', '=', 2)
          .execute();
      });
      await handle.close();
      const logFile = join(mkdtempSync(join(tmpdir(), 'meldpunt-audit-log-')), 'service.log');
      writeFileSync(logFile, logLines.join(''));

      const broken = await verifyCli(env, ['--chain', tenantId, '--expect-file', logFile]);
      assert.equal(broken.code, 1, broken.stdout);
      assert.match(broken.stdout, new RegExp(`^BROKEN  ${tenantId} \\(${slug}\\): 3 entries`, 'm'));
      assert.match(broken.stderr, new RegExp(`changed: chain ${tenantId} sequence 2 does not match its hash`));
      assert.match(broken.stderr, new RegExp(`cut-off: chain ${tenantId} ends at sequence 3, but sequence 4`));
      rmSync(logFile, { force: true });

      const wrongArgs = await verifyCli(env, ['--expect', 'nonsense']);
      assert.equal(wrongArgs.code, 2);
      assert.match(wrongArgs.stderr, /Not an expectation.*\nUsage: pnpm audit:verify/);
    } finally {
      await ctx?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to run without SERVER_SECRET outside demo mode', async () => {
    const run = await verifyCli({ SERVER_SECRET: '', DATABASE_URL: '', DATA_DIR: join(tmpdir(), 'meldpunt-none') });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /SERVER_SECRET is required outside demo mode/);
  });
});
