import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { reportCreatedSchema, type ReportContact } from '@meldpunt/contracts';
import {
  createTestContext,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  type TestContext,
} from '../../test/helpers.ts';
import { legacyContactSeal } from '../../test/legacy-seal.ts';
import { ContactSealer, contactSealedColumn } from '../secrets/contact-sealer.ts';
import { createInvitation } from '../staff/invitations.ts';
import { findSsoSettings, ssoSecretSealedColumn } from '../staff/sso/sso-settings.ts';
import { sealedColumns } from '../sealed-columns.ts';
import { KeyRing } from '../secrets/key-ring.ts';
import { replaceSealed, resealColumns, type ResealResult } from '../secrets/reseal.ts';
import { openWebhookSecret, sealPlaintextWebhookSecrets } from '../secrets/webhook-secret.ts';

const configServiceDir = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `pnpm secrets:reseal` as an operator runs it: the CLI in its own process against the database. */
function resealCli(env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, ['src/cli/secrets-reseal.ts'], {
    cwd: configServiceDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MELDPUNT_MODE: 'production', LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const ringText = (keys: [number, Buffer][]) => keys.map(([id, key]) => `${id}:${key.toString('base64')}`).join(',');

describe(`pnpm secrets:reseal (${databaseKind})`, () => {
  /**
   * Each test gets a database of its own: re-sealing looks at every report in it, and the counts it
   * prints must be this test's alone.
   */
  async function withDatabase(test: (ctx: TestContext) => Promise<void>): Promise<void> {
    const ctx = await createTestContext({ ownDatabase: true });
    try {
      await test(ctx);
    } finally {
      await ctx.close();
    }
  }

  /**
   * Re-seals everything under `keys`: on PostgreSQL through the CLI in its own process (its printed
   * counts checked against the expected ones), on PGlite — which one process owns — by calling what
   * the CLI calls.
   */
  async function reseal(
    ctx: TestContext,
    keys: [number, Buffer][],
    expected: ResealResult,
    expectedSso: Omit<ResealResult, 'column'> = { resealed: 0, skipped: 0, unreadable: {} },
  ): Promise<Run | undefined> {
    if (ctx.databaseUrl) {
      const run = await resealCli({ DATABASE_URL: ctx.databaseUrl, CONTACT_ENCRYPTION_KEYS: ringText(keys) });
      const unreadable = Object.entries(expected.unreadable).map(([id, n]) => `${n} under key ${id}`);
      assert.match(
        run.stdout,
        new RegExp(
          `^report\\.contact_sealed: ${expected.resealed} re-sealed, ${expected.skipped} changed meanwhile` +
            (unreadable.length ? `.*could not open ${unreadable.join(', ')}` : ''),
          'm',
        ),
        run.stdout + run.stderr,
      );
      assert.match(
        run.stdout,
        new RegExp(
          `^tenant_sso\\.client_secret_sealed: ${expectedSso.resealed} re-sealed, ${expectedSso.skipped} changed`,
          'm',
        ),
        run.stdout + run.stderr,
      );
      // Issue 15: receipt codes cannot be re-hashed; the CLI says how many each receipt key still has.
      assert.match(run.stdout, /^Receipt codes by receipt key: (none|key \d+: \d+)/m, run.stdout);
      assert.equal(run.code, unreadable.length ? 1 : 0, run.stderr);
      return run;
    }
    // What the CLI does first: webhook secrets still in plain text are sealed under the current key.
    await sealPlaintextWebhookSecrets(ctx.db, new ContactSealer(new KeyRing(keys)));
    const results = await resealColumns(ctx.db, new KeyRing(keys), sealedColumns);
    assert.deepEqual(
      results.map((r) => r.column),
      sealedColumns.map((c) => `${c.table}.${c.column}`),
    );
    assert.deepEqual(
      results.find((r) => r.column === expected.column),
      expected,
    );
    assert.deepEqual(
      results.find((r) => r.column === 'tenant_sso.client_secret_sealed'),
      { column: 'tenant_sso.client_secret_sealed', ...expectedSso },
    );
    return undefined;
  }

  async function sealedOf(ctx: TestContext, tenantId: string) {
    return ctx.db
      .selectFrom('report')
      .select(['id', 'tenant_id', 'contact_sealed'])
      .where('tenant_id', '=', tenantId)
      .where('contact_sealed', 'is not', null)
      .orderBy('id')
      .execute();
  }

  it('rotation: sealed under key 1 (old and new format), key 2 made current, re-sealed, then key 1 removed — everything opens', () =>
    withDatabase(async (ctx) => {
      const key1 = ctx.contactKey;
      const key2 = randomBytes(32);
      const tenant = await ctx.createTenant();
      const contacts: ReportContact[] = [
        { email: 'een@voorbeeld.example', wantsFollowUp: true },
        { phone: '06 12345678', wantsFollowUp: true },
        { name: 'Drie', email: 'drie@voorbeeld.example', wantsFollowUp: false },
      ];
      const expected = new Map<string, ReportContact>();
      for (const contact of contacts) {
        const res = await postReport(ctx, tenant.slug, minimalReport({ contact }));
        assert.equal(res.status, 201);
        expected.set(reportCreatedSchema.parse(await readJson(res)).id, contact);
      }
      // One block in the first format, as stored before key rotation existed.
      const [legacyId, legacyContact] = [...expected][0]!;
      await ctx.db
        .updateTable('report')
        .set({ contact_sealed: legacyContactSeal(key1, legacyContact, { reportId: legacyId, tenantId: tenant.id }) })
        .where('id', '=', legacyId)
        .execute();
      const anonymous = await postReport(ctx, tenant.slug, minimalReport());
      assert.equal(anonymous.status, 201);

      // Key 2 added as current: the service seals new contacts under it and still opens the old ones.
      const rotating = new ContactSealer(
        new KeyRing([
          [1, key1],
          [2, key2],
        ]),
      );
      const res = await postReport(
        { app: ctx.appWith({ sealer: rotating }) },
        tenant.slug,
        minimalReport({ contact: { email: 'vier@voorbeeld.example', wantsFollowUp: true } }),
      );
      assert.equal(res.status, 201);
      expected.set(reportCreatedSchema.parse(await readJson(res)).id, {
        email: 'vier@voorbeeld.example',
        wantsFollowUp: true,
      });
      const before = await sealedOf(ctx, tenant.id);
      assert.deepEqual(before.map((r) => [...r.contact_sealed!.subarray(0, 2)].join('/')).sort(), [
        '1/1',
        '2/1',
        '2/1',
        '2/2',
      ]);
      for (const r of before) {
        assert.deepEqual(
          rotating.open(r.contact_sealed!, { reportId: r.id, tenantId: r.tenant_id }),
          expected.get(r.id),
        );
      }

      const run = await reseal(
        ctx,
        [
          [1, key1],
          [2, key2],
        ],
        { column: 'report.contact_sealed', resealed: 3, skipped: 0, unreadable: {} },
      );
      for (const contact of contacts) {
        for (const text of [contact.email, contact.phone, contact.name].filter(Boolean)) {
          assert.ok(!`${run?.stdout}${run?.stderr}`.includes(text!), 'the CLI printed contact details');
        }
      }

      // Every block is now format 2 under key 2, and key 2 alone opens each to what was sent.
      const onlyKey2 = new ContactSealer(new KeyRing([[2, key2]]));
      const afterwards = await sealedOf(ctx, tenant.id);
      assert.equal(afterwards.length, 4);
      for (const r of afterwards) {
        assert.deepEqual([...r.contact_sealed!.subarray(0, 2)], [2, 2]);
        assert.deepEqual(
          onlyKey2.open(r.contact_sealed!, { reportId: r.id, tenantId: r.tenant_id }),
          expected.get(r.id),
        );
      }
      // The untouched block under key 2 is the same bytes as before.
      const kept = before.find((r) => r.contact_sealed![1] === 2)!;
      assert.deepEqual(afterwards.find((r) => r.id === kept.id)?.contact_sealed, kept.contact_sealed);

      // Idempotent, and with key 1 removed there is nothing it would still need.
      await reseal(ctx, [[2, key2]], { column: 'report.contact_sealed', resealed: 0, skipped: 0, unreadable: {} });
    }));

  it('values no key in the ring opens are counted by key id, left as they are, and fail the run', () =>
    withDatabase(async (ctx) => {
      const lost = randomBytes(32);
      const tenant = await ctx.createTenant();
      const lostSealer = new ContactSealer(new KeyRing([[7, lost]]));
      for (let i = 0; i < 3; i++) {
        const res = await postReport(
          { app: ctx.appWith({ sealer: lostSealer }) },
          tenant.slug,
          minimalReport({ contact: { email: `weg${i}@voorbeeld.example`, wantsFollowUp: true } }),
        );
        assert.equal(res.status, 201);
      }
      const before = await sealedOf(ctx, tenant.id);
      const current = randomBytes(32);
      await reseal(ctx, [[8, current]], {
        column: 'report.contact_sealed',
        resealed: 0,
        skipped: 0,
        unreadable: { 7: 3 },
      });
      assert.deepEqual(await sealedOf(ctx, tenant.id), before);
      // In small batches too (each batch starts after the last row seen, so unreadable rows cannot stall it).
      const results = await resealColumns(
        ctx.db,
        new KeyRing([
          [7, lost],
          [8, current],
        ]),
        sealedColumns,
        {
          batchSize: 1,
        },
      );
      assert.deepEqual(
        results.filter((r) => r.column !== 'delivery.sealed_link'),
        [
          { column: 'report.contact_sealed', resealed: 3, skipped: 0, unreadable: {} },
          { column: 'tenant_sso.client_secret_sealed', resealed: 0, skipped: 0, unreadable: {} },
          { column: 'tenant.webhook_secret_sealed', resealed: 0, skipped: 0, unreadable: {} },
        ],
      );
      assert.deepEqual(
        (await sealedOf(ctx, tenant.id)).map((r) => r.contact_sealed![1]),
        [8, 8, 8],
      );
    }));

  it('an invitation link waiting in the outbox is re-sealed under the new key too, and still opens', () =>
    withDatabase(async (ctx) => {
      const key2 = randomBytes(32);
      const tenant = await ctx.createTenant();
      const invitation = await createInvitation(
        { ...ctx.deps, invitationMail: ctx.deps },
        { email: 'wacht@example.nl', tenantId: tenant.id, roles: ['editor'] },
      );
      assert.ok(invitation.deliveryId);
      const linkOf = async () =>
        (await ctx.db
          .selectFrom('delivery')
          .select('sealed_link')
          .where('id', '=', invitation.deliveryId!)
          .executeTakeFirstOrThrow())!.sealed_link!;
      assert.equal((await linkOf())[1], 1, 'sealed under key 1');
      const ring: [number, Buffer][] = [
        [1, ctx.contactKey],
        [2, key2],
      ];
      const results = await resealColumns(ctx.db, new KeyRing(ring), sealedColumns);
      assert.deepEqual(
        results.find((r) => r.column === 'delivery.sealed_link'),
        { column: 'delivery.sealed_link', resealed: 1, skipped: 0, unreadable: {} },
      );
      const sealed = await linkOf();
      assert.equal(sealed[1], 2, 'now under key 2');
      const onlyKey2 = new ContactSealer(new KeyRing([[2, key2]]));
      assert.equal(
        onlyKey2.openInvitationLink(sealed, invitation.deliveryId!),
        `http://localhost/console/invitation#${invitation.token}`,
      );
    }));

  it('a tenant’s SSO client secret is re-sealed with the contact ring: after rotation only the new key is needed', () =>
    withDatabase(async (ctx) => {
      const key1 = ctx.contactKey;
      const key2 = randomBytes(32);
      const tenant = await ctx.createTenant();
      const secret = `client-secret-${randomBytes(8).toString('hex')}`;
      await ctx.db
        .insertInto('tenant_sso')
        .values({
          tenant_id: tenant.id,
          issuer: 'https://login.gemeente.example',
          client_id: 'meldpunt',
          client_secret_sealed: ctx.deps.sealer.sealText(
            secret,
            ssoSecretSealedColumn.context({ tenant_id: tenant.id }),
          ),
          allowed_email_domains: ['gemeente.example'],
          enabled: true,
          updated_at: new Date(),
        })
        .execute();
      const sealedOfTenant = async () =>
        (
          await ctx.db
            .selectFrom('tenant_sso')
            .select('client_secret_sealed')
            .where('tenant_id', '=', tenant.id)
            .executeTakeFirstOrThrow()
        ).client_secret_sealed;
      assert.ok(
        !Buffer.from(await sealedOfTenant())
          .toString('latin1')
          .includes(secret),
        'sealed, not in the clear',
      );

      const run = await reseal(
        ctx,
        [
          [1, key1],
          [2, key2],
        ],
        { column: 'report.contact_sealed', resealed: 0, skipped: 0, unreadable: {} },
        { resealed: 1, skipped: 0, unreadable: {} },
      );
      assert.ok(!`${run?.stdout}${run?.stderr}`.includes(secret), 'the CLI printed the secret');
      const onlyKey2 = new ContactSealer(new KeyRing([[2, key2]]));
      const after = await sealedOfTenant();
      assert.deepEqual([...after.subarray(0, 2)], [2, 2]);
      assert.equal(onlyKey2.openText(after, ssoSecretSealedColumn.context({ tenant_id: tenant.id })), secret);
      assert.equal((await findSsoSettings({ db: ctx.db, sealer: onlyKey2 }, tenant.id))?.clientSecret, secret);
    }));

  it('a tenant’s webhook secret is re-sealed with the contact ring, and one still in plain text is sealed first', () =>
    withDatabase(async (ctx) => {
      const key1 = ctx.contactKey;
      const key2 = randomBytes(32);
      const secret = `whsec_${randomBytes(32).toString('base64')}`;
      const webhook = { url: 'http://127.0.0.1:9/hook', secret };
      const sealedTenant = await ctx.createTenant({
        settings: { delivery: { email: [{ address: 'oov@testgemeente.example' }], webhook } },
      });
      // A row as stored before the sealed column: the secret in the settings' JSON.
      const legacySecret = `whsec_${randomBytes(32).toString('base64')}`;
      const legacyTenant = await ctx.createTenant();
      await sql`
        update tenant
        set settings = jsonb_set(settings, '{delivery,webhook}', ${JSON.stringify({ url: webhook.url, secret: legacySecret })}::jsonb)
        where id = ${legacyTenant.id}`.execute(ctx.db);
      const sealedOfTenant = async (id: string) =>
        ctx.db
          .selectFrom('tenant')
          .select(['webhook_secret_sealed', sql<string>`settings::text`.as('settings_text')])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();

      const run = await reseal(
        ctx,
        [
          [1, key1],
          [2, key2],
        ],
        { column: 'report.contact_sealed', resealed: 0, skipped: 0, unreadable: {} },
      );
      const printed = `${run?.stdout ?? ''}${run?.stderr ?? ''}`;
      assert.ok(!printed.includes(secret) && !printed.includes(legacySecret), 'the CLI printed a secret');
      if (run) {
        assert.match(run.stdout, /^tenant\.settings: 1 plain-text webhook secret\(s\) sealed/m);
        assert.match(run.stdout, /^tenant\.webhook_secret_sealed: 1 re-sealed/m);
      }
      const onlyKey2 = new ContactSealer(new KeyRing([[2, key2]]));
      for (const [tenant, expected] of [
        [sealedTenant, secret],
        [legacyTenant, legacySecret],
      ] as const) {
        const row = await sealedOfTenant(tenant.id);
        assert.ok(row.webhook_secret_sealed);
        assert.deepEqual([...row.webhook_secret_sealed.subarray(0, 2)], [2, 2], 'under key 2');
        assert.equal(openWebhookSecret(onlyKey2, tenant.id, row.webhook_secret_sealed), expected);
        assert.ok(!row.settings_text.includes(expected), 'no secret left in the settings');
        assert.ok(!row.settings_text.includes('whsec_'));
      }
    }));

  it('each update is guarded: a value erased or changed meanwhile is not overwritten', () =>
    withDatabase(async (ctx) => {
      const tenant = await ctx.createTenant();
      const ids: string[] = [];
      for (const email of ['a@voorbeeld.example', 'b@voorbeeld.example']) {
        const res = await postReport(ctx, tenant.slug, minimalReport({ contact: { email, wantsFollowUp: true } }));
        ids.push(reportCreatedSchema.parse(await readJson(res)).id);
      }
      const [erased, changed] = await sealedOf(ctx, tenant.id);
      // What re-sealing read, then someone else's change before its update.
      await ctx.db.updateTable('report').set({ contact_sealed: null }).where('id', '=', erased!.id).execute();
      const theirs = randomBytes(40);
      await ctx.db.updateTable('report').set({ contact_sealed: theirs }).where('id', '=', changed!.id).execute();

      const ours = randomBytes(40);
      assert.equal(await replaceSealed(ctx.db, contactSealedColumn, erased!.id, erased!.contact_sealed!, ours), false);
      assert.equal(
        await replaceSealed(ctx.db, contactSealedColumn, changed!.id, changed!.contact_sealed!, ours),
        false,
      );
      const now = await ctx.db
        .selectFrom('report')
        .select(['id', 'contact_sealed'])
        .where('id', 'in', [erased!.id, changed!.id])
        .execute();
      assert.equal(now.find((r) => r.id === erased!.id)?.contact_sealed, null);
      assert.deepEqual(Buffer.from(now.find((r) => r.id === changed!.id)!.contact_sealed!), theirs);
      // Unchanged, it is replaced.
      assert.equal(await replaceSealed(ctx.db, contactSealedColumn, changed!.id, theirs, ours), true);
    }));
});
