import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { databaseKind, useTestContext, type TestContext } from '../../test/helpers.ts';
import type { AuditInput } from './audit-entry.ts';
import { AuditLog } from './audit-log.ts';
import { chainHash } from './chain-hash.ts';
import { fieldsOfRow } from './audit-repository.ts';
import { verifyAuditLog } from './verify.ts';

const configServiceDir = fileURLToPath(new URL('../../', import.meta.url));

/** Runs two `test/audit-appender.ts` processes against one chain, released together once both are connected. */
async function appendFromTwoProcesses(url: string, secret: string, tenantId: string, each: number): Promise<void> {
  const children = [0, 1].map(() =>
    spawn(process.execPath, ['test/audit-appender.ts', tenantId, String(each)], {
      cwd: configServiceDir,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, DATABASE_URL: url, SERVER_SECRET: secret },
    }),
  );
  const said = (child: (typeof children)[number], word: string) =>
    new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.split('\n').includes(word)) resolve();
      });
      child.on('close', (code) => reject(new Error(`appender exited with ${code} before saying ${word}`)));
    });
  const done = children.map((child) => said(child, 'done'));
  await Promise.all(children.map((child) => said(child, 'ready')));
  for (const child of children) child.stdin.write('go\n');
  await Promise.all(done);
}

const staff = () => ({ kind: 'staff' as const, id: randomUUID() });

/** A sign-in of someone in the tenant: the commonest entry. */
const signIn = (tenantId: string | null): AuditInput => ({
  tenantId,
  actor: staff(),
  action: 'auth.sign-in',
  target: { kind: 'session', id: randomUUID() },
  details: { method: 'passkey' },
});

function auditLogOf(ctx: TestContext, now?: () => Date): AuditLog {
  return new AuditLog({ db: ctx.db, serverSecret: ctx.deps.serverSecret, logger: ctx.deps.logger, now });
}

async function rowsOf(ctx: TestContext, chain: string) {
  return ctx.db.selectFrom('audit_entry').selectAll().where('chain', '=', chain).orderBy('sequence').execute();
}

describe(`audit log: appending (${databaseKind})`, () => {
  const ctx = useTestContext();

  it('numbers each tenant chain from 1, links every entry to the one before by HMAC, and logs each new head', async () => {
    const a = await ctx.createTenant();
    const b = await ctx.createTenant();
    const log = auditLogOf(ctx, () => new Date('2026-12-03T10:00:00.123Z'));
    const first = await log.append(signIn(a.id));
    await log.append(signIn(b.id));
    const second = await log.append({
      tenantId: a.id,
      actor: staff(),
      action: 'membership.roles-changed',
      target: { kind: 'membership', id: randomUUID() },
      details: { before: ['editor'], after: ['editor', 'publisher'] },
    });

    assert.deepEqual([first.chain, first.sequence, second.sequence], [a.id, 1, 2]);
    assert.equal(first.occurredAt, '2026-12-03T10:00:00.123Z');
    const rows = await rowsOf(ctx, a.id);
    assert.deepEqual(
      rows.map((r) => [r.sequence, r.action, r.tenant_id]),
      [
        [1, 'auth.sign-in', a.id],
        [2, 'membership.roles-changed', a.id],
      ],
    );
    assert.equal(rows[0]!.hash, chainHash(ctx.deps.serverSecret, '', fieldsOfRow(rows[0]!)));
    assert.equal(rows[1]!.hash, chainHash(ctx.deps.serverSecret, rows[0]!.hash, fieldsOfRow(rows[1]!)));
    assert.deepEqual(
      (await rowsOf(ctx, b.id)).map((r) => r.sequence),
      [1],
    );

    const heads = ctx.logs.map((l) => JSON.parse(l)).filter((l) => l.audit?.chain === a.id);
    assert.deepEqual(
      heads.map((l) => [l.audit.sequence, l.audit.hash, l.msg]),
      [
        [1, first.hash, 'audit head'],
        [2, second.hash, 'audit head'],
      ],
    );
  });

  it('keeps the platform chain (tenant null) apart from every tenant chain', async () => {
    const log = auditLogOf(ctx);
    const tenant = await ctx.createTenant();
    const entry = await log.append({
      tenantId: null,
      actor: { kind: 'cli' },
      action: 'tenant.onboarded',
      target: { kind: 'tenant', id: tenant.id },
      details: {},
    });
    assert.equal(entry.chain, 'platform');
    const row = await ctx.db.selectFrom('audit_entry').selectAll().where('id', '=', entry.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.chain, row.tenant_id, row.actor_kind, row.actor_id], ['platform', null, 'cli', null]);
    assert.equal((await rowsOf(ctx, tenant.id)).length, 0);
  });

  it('refuses content: unknown detail keys, free text where an id or role name goes — nothing is stored', async () => {
    const tenant = await ctx.createTenant();
    const log = auditLogOf(ctx);
    const attempts: unknown[] = [
      { ...signIn(tenant.id), details: { method: 'passkey', description: 'Nageroepen bij het station.' } },
      { ...signIn(tenant.id), target: { kind: 'report', id: 'Jan Jansen, 06 12345678' } },
      { ...signIn(tenant.id), actor: { kind: 'staff', id: 'jan@example.nl (Jan)' } },
      {
        tenantId: tenant.id,
        actor: staff(),
        action: 'invitation.created',
        target: { kind: 'invitation', id: randomUUID() },
        details: { roles: ['officer', 'mayor of the town'] },
      },
      { ...signIn(tenant.id), action: 'report.exported-with-content' },
      { ...signIn(tenant.id), email: 'jan@example.nl' },
    ];
    for (const attempt of attempts) {
      await assert.rejects(log.append(attempt as AuditInput), { name: 'ZodError' }, JSON.stringify(attempt));
    }
    assert.equal((await rowsOf(ctx, tenant.id)).length, 0);

    // The same holds at compile time: a report's text has no field to go in.
    const typed: AuditInput = {
      tenantId: tenant.id,
      actor: staff(),
      action: 'report.viewed',
      target: { kind: 'report', id: randomUUID() },
      // @ts-expect-error -- `report.viewed` carries no details at all
      details: { description: 'Nageroepen bij het station.' },
    };
    assert.ok(typed);
  });

  it('commits entries with the change they record, or neither — and logs no head for a rolled-back entry', async () => {
    const tenant = await ctx.createTenant();
    const log = auditLogOf(ctx);
    await assert.rejects(
      log.transaction(async (trx, append) => {
        await append(signIn(tenant.id));
        await trx.updateTable('tenant').set({ name: 'Renamed' }).where('id', '=', tenant.id).execute();
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.equal((await rowsOf(ctx, tenant.id)).length, 0);
    assert.equal(ctx.logs.filter((l) => JSON.parse(l).audit?.chain === tenant.id).length, 0);

    const entry = await log.transaction(async (trx, append) => {
      await trx.updateTable('tenant').set({ name: 'Renamed' }).where('id', '=', tenant.id).execute();
      return append({
        tenantId: tenant.id,
        actor: staff(),
        action: 'config.published',
        target: { kind: 'config-version', id: '2' },
        details: { version: 2 },
      });
    });
    assert.equal(entry.sequence, 1, 'the rolled-back entry left no gap');
  });

  it('two service instances appending at once never fork a chain: sequences 1…n without gaps, every link intact', async () => {
    const tenant = await ctx.createTenant();
    const total = 60;
    if (ctx.databaseUrl) {
      // PostgreSQL: two processes, each appending over four connections, released at the same moment.
      await appendFromTwoProcesses(ctx.databaseUrl, ctx.serverSecret.toString('base64'), tenant.id, total / 2);
    } else {
      // PGlite (one process owns it): two AuditLogs with transactions started at the same time.
      const logs = [auditLogOf(ctx), auditLogOf(ctx)];
      await Promise.all(Array.from({ length: total }, (_, i) => logs[i % 2]!.append(signIn(tenant.id))));
    }
    const rows = await rowsOf(ctx, tenant.id);
    assert.deepEqual(
      rows.map((r) => r.sequence),
      Array.from({ length: total }, (_, i) => i + 1),
    );
    const { problems } = await verifyAuditLog(ctx.db, ctx.deps.serverSecret, new Map(), [tenant.id]);
    assert.deepEqual(problems, []);
  });

  it('(chain, sequence) is unique: a second entry under a taken sequence is refused by the database', async () => {
    const tenant = await ctx.createTenant();
    const entry = await auditLogOf(ctx).append(signIn(tenant.id));
    await assert.rejects(
      ctx.db
        .insertInto('audit_entry')
        .values({
          id: randomUUID(),
          tenant_id: tenant.id,
          sequence: entry.sequence,
          occurred_at: new Date(),
          actor_kind: 'system',
          actor_id: null,
          action: 'auth.sign-in',
          target_kind: null,
          target_id: null,
          details: '{}',
          hash: 'forked',
        })
        .execute(),
      /audit_entry_chain_sequence/,
    );
  });
});

describe(`audit log: not changeable by the application (${databaseKind})`, () => {
  const ctx = useTestContext();

  it('refuses UPDATE and DELETE of any entry and TRUNCATE of the table, tenant and platform chains alike', async () => {
    const tenant = await ctx.createTenant();
    const log = auditLogOf(ctx);
    const entry = await log.append(signIn(tenant.id));
    const platform = await log.append(signIn(null));
    for (const id of [entry.id, platform.id]) {
      await assert.rejects(
        ctx.db.updateTable('audit_entry').set({ action: 'auth.sign-in-failed' }).where('id', '=', id).execute(),
        /append-only: UPDATE refused/,
      );
      await assert.rejects(
        ctx.db.deleteFrom('audit_entry').where('id', '=', id).execute(),
        /append-only: DELETE refused/,
      );
    }
    await assert.rejects(sql`truncate audit_entry`.execute(ctx.db), /append-only: TRUNCATE refused/);
    assert.equal((await rowsOf(ctx, tenant.id)).length, 1);
  });

  it('the offboarding path opens only for the tenant named, and only once the platform chain records it', async () => {
    const tenant = await ctx.createTenant();
    const recorded = await ctx.createTenant();
    const log = auditLogOf(ctx);
    await log.append(signIn(tenant.id));
    await log.append({
      tenantId: null,
      actor: { kind: 'cli' },
      action: 'tenant.offboarded',
      target: { kind: 'tenant', id: recorded.id },
      details: { erasedEntries: 0, erasedHeadSequence: 0, erasedHeadHash: null },
    });
    const eraseUnder = (named: string) =>
      ctx.db.transaction().execute(async (trx) => {
        await sql`select set_config('meldpunt.audit_erase_tenant', ${named}, true)`.execute(trx);
        await trx.deleteFrom('audit_entry').where('tenant_id', '=', tenant.id).execute();
      });
    // The setting alone, without the platform chain's record of this tenant, does not open it…
    await assert.rejects(eraseUnder(tenant.id), /append-only: DELETE refused/);
    // …nor does another tenant's record.
    await assert.rejects(eraseUnder(recorded.id), /append-only: DELETE refused/);
    assert.equal((await rowsOf(ctx, tenant.id)).length, 1);
  });

  it('a tenant cannot be deleted while its chain remains', async () => {
    const tenant = await ctx.createTenant();
    await auditLogOf(ctx).append(signIn(tenant.id));
    await assert.rejects(ctx.db.deleteFrom('tenant').where('id', '=', tenant.id).execute(), /foreign key/);
  });
});

describe(`audit log: offboarding erases a tenant chain, audited in the platform chain (${databaseKind})`, () => {
  // Its own database: the test reads the platform chain, which other suites append to as well.
  const ctx = useTestContext({ ownDatabase: true });

  it('records tenant.offboarded with the erased head, deletes the chain and lets the tenant go', async () => {
    const tenant = await ctx.createTenant();
    const other = await ctx.createTenant();
    const log = auditLogOf(ctx);
    await log.append(signIn(tenant.id));
    const head = await log.append(signIn(tenant.id));
    await log.append(signIn(other.id));

    const operator = staff();
    const result = await log.transaction(async (trx, append) => {
      const erased = await log.eraseTenantChain(trx, append, tenant.id, operator);
      await trx.deleteFrom('tenant').where('id', '=', tenant.id).execute();
      return erased;
    });

    assert.deepEqual(result, { erasedEntries: 2 });
    assert.equal((await rowsOf(ctx, tenant.id)).length, 0);
    assert.equal((await rowsOf(ctx, other.id)).length, 1, 'other tenants keep their chains');
    const [record] = (await rowsOf(ctx, 'platform')).filter((r) => r.action === 'tenant.offboarded');
    assert.deepEqual(
      [record?.target_id, record?.actor_id, record?.details],
      [tenant.id, operator.id, { erasedEntries: 2, erasedHeadSequence: 2, erasedHeadHash: head.hash }],
    );

    // The erasure is no cut-off: the head recorded in the log before it matches the platform's record.
    const intact = await verifyAuditLog(ctx.db, ctx.deps.serverSecret, new Map([[tenant.id, head]]));
    assert.deepEqual(intact.problems, []);
    const beyond = await verifyAuditLog(
      ctx.db,
      ctx.deps.serverSecret,
      new Map([[tenant.id, { sequence: 3, hash: 'x' }]]),
    );
    assert.deepEqual(
      beyond.problems.map((p) => [p.chain, p.kind]),
      [[tenant.id, 'cut-off']],
    );
  });
});

describe(`audit log: reading and exporting (${databaseKind})`, () => {
  const ctx = useTestContext();

  it('reads a chain newest first, page by page, until nextBefore is undefined', async () => {
    const tenant = await ctx.createTenant();
    const log = auditLogOf(ctx);
    for (let i = 0; i < 5; i++) await log.append(signIn(tenant.id));
    const pages: number[][] = [];
    let before: number | undefined;
    do {
      const page = await log.read(tenant.id, { before, limit: 2 });
      pages.push(page.entries.map((e) => e.sequence));
      before = page.nextBefore;
    } while (before !== undefined);
    assert.deepEqual(pages, [[5, 4], [3, 2], [1]]);
    const [newest] = (await log.read(tenant.id, { limit: 1 })).entries;
    assert.equal(newest?.action, 'auth.sign-in');
    assert.equal(newest?.actor?.kind, 'staff');
    assert.deepEqual(newest?.details, { method: 'passkey' });
  });

  it('exports a tenant chain as JSON lines, ending with its own export.created entry', async () => {
    const tenant = await ctx.createTenant();
    const other = await ctx.createTenant();
    const log = auditLogOf(ctx);
    await log.append(signIn(tenant.id));
    await log.append(signIn(other.id));
    const exporter = staff();
    const exported = await log.export(tenant.id, { actor: exporter, format: 'jsonl' });
    let text = '';
    for await (const piece of exported.lines) text += piece;
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));

    assert.equal(exported.contentType, 'application/jsonl; charset=utf-8');
    assert.deepEqual(
      lines.map((l) => [l.chain, l.sequence, l.action]),
      [
        [tenant.id, 1, 'auth.sign-in'],
        [tenant.id, 2, 'export.created'],
      ],
    );
    assert.deepEqual(lines[1].actor, exporter);
    assert.deepEqual(lines[1].details, { of: 'audit-log', format: 'jsonl', rows: 2 });
    assert.equal(lines[1].hash, exported.entry.hash);
  });

  it('exports as CSV with a header row, one row per entry, cells quoted where needed', async () => {
    const tenant = await ctx.createTenant();
    const log = auditLogOf(ctx);
    await log.append({
      tenantId: tenant.id,
      actor: staff(),
      action: 'membership.roles-changed',
      target: { kind: 'membership', id: randomUUID() },
      details: { before: ['analyst'], after: ['analyst', 'officer'] },
    });
    const exported = await log.export(tenant.id, { actor: { kind: 'cli' }, format: 'csv' });
    let text = '';
    for await (const piece of exported.lines) text += piece;
    const rows = text.trimEnd().split('\r\n');

    assert.equal(exported.contentType, 'text/csv; charset=utf-8');
    assert.equal(
      rows[0],
      'chain,sequence,occurred_at,actor_kind,actor_id,action,target_kind,target_id,details,id,hash',
    );
    assert.equal(rows.length, 3);
    assert.match(rows[1]!, new RegExp(`^${tenant.id},1,.*,staff,.*,membership\\.roles-changed,membership,`));
    assert.ok(rows[1]!.includes('"{""after"":[""analyst"",""officer""],""before"":[""analyst""]}"'), rows[1]);
    assert.match(rows[2]!, new RegExp(`^${tenant.id},2,.*,cli,,export\\.created,,,`));
  });

  it('exports more entries than one batch reads, in order', async () => {
    const tenant = await ctx.createTenant();
    const log = auditLogOf(ctx);
    await log.transaction(async (_trx, append) => {
      for (let i = 0; i < 520; i++) await append(signIn(tenant.id));
    });
    const exported = await log.export(tenant.id, { actor: { kind: 'cli' }, format: 'jsonl' });
    const sequences: number[] = [];
    for await (const line of exported.lines) sequences.push(JSON.parse(line).sequence);
    assert.deepEqual(
      sequences,
      Array.from({ length: 521 }, (_, i) => i + 1),
    );
  });
});
