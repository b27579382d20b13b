import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { simpleParser } from 'mailparser';
import * as openpgp from 'openpgp';
import { startTestWorker, waitUntil } from '../../../test/delivery-helpers.ts';
import { readJson, tenantDocument as testTenantDocument, useTestContext } from '../../../test/helpers.ts';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.ts';
import { asConsole, createStaff, signIn } from '../../../test/staff.ts';
import { webhookSignature } from '../../delivery/webhook.ts';
import { openWebhookSecret } from '../../secrets/webhook-secret.ts';
import { importTenant } from '../../tenants/tenant-service.ts';

/** A whole settings document as the console sends it (the GET view's shape, minus what is read-only). */
function settingsBody(changes: Record<string, unknown> = {}, delivery: Record<string, unknown> = {}) {
  return {
    allowedOrigins: ['https://www.testgemeente.example'],
    rateLimit: { reports: 10, windowSeconds: 3600 },
    routing: { keepReportsElsewhere: false },
    delivery: { email: [{ address: 'oov@testgemeente.example' }], webhook: null, ...delivery },
    ...changes,
  };
}

async function pgpKey(options: { expired?: boolean; signOnly?: boolean } = {}): Promise<string> {
  const { publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'OOV', email: 'oov@testgemeente.example' }],
    format: 'armored',
    ...(options.signOnly ? { subkeys: [] } : {}),
    ...(options.expired ? { keyExpirationTime: 60, date: new Date(Date.now() - 3_600_000) } : {}),
  });
  return publicKey;
}

describe('private settings (console)', { timeout: 120_000 }, () => {
  const ctx = useTestContext({ ownDatabase: true });

  async function adminOf(tenantId: string, role: 'admin' | 'editor' = 'admin') {
    const person = await createStaff(ctx, { tenantId, roles: [role] });
    return { ...person, name: `Test ${person.email}`, cookie: await signIn(ctx, person.id) };
  }

  async function read(app: typeof ctx.app, slug: string, cookie: string) {
    const res = await app.request(`/api/v1/console/tenants/${slug}/settings`, asConsole(cookie));
    assert.equal(res.status, 200);
    return { etag: res.headers.get('etag') ?? '', body: await readJson(res) };
  }

  function save(app: typeof ctx.app, slug: string, cookie: string, body: unknown, ifMatch?: string) {
    return app.request(
      `/api/v1/console/tenants/${slug}/settings`,
      asConsole(cookie, { method: 'PUT', body, headers: ifMatch ? { 'If-Match': ifMatch } : {} }),
    );
  }

  async function auditOf(tenantId: string) {
    return ctx.db
      .selectFrom('audit_entry')
      .select(['action', 'details'])
      .where('tenant_id', '=', tenantId)
      .orderBy('sequence')
      .execute();
  }

  it('round trip: GET without secrets, the webhook secret shown once on the save that made it, audited without values', async () => {
    const tenant = await ctx.createTenant();
    const admin = await adminOf(tenant.id);
    const app = ctx.appWith({ allowPrivateAddresses: false });
    const first = await read(app, tenant.slug, admin.cookie);
    assert.equal(first.body.revision, 1);
    assert.deepEqual(first.body.settings.delivery.email, [{ address: 'oov@testgemeente.example', pgpKey: null }]);
    assert.equal(first.body.settings.delivery.webhook, null);

    const key = await pgpKey();
    const body = settingsBody(
      { allowedOrigins: ['https://www.testgemeente.example', 'https://campagne.testgemeente.example'] },
      {
        email: [{ address: 'oov@testgemeente.example', pgpPublicKey: key }, { address: 'tweede@testgemeente.example' }],
        webhook: { url: 'https://meldingen.testgemeente.example/hook' },
      },
    );
    const res = await save(app, tenant.slug, admin.cookie, body, first.etag);
    assert.equal(res.status, 200, await res.clone().text());
    const saved = await readJson(res);
    assert.match(saved.newWebhookSecret, /^whsec_[A-Za-z0-9+/=]{40,}$/);
    assert.equal(saved.revision, 2);
    assert.equal(res.headers.get('etag'), '"settings-2"');
    // Stored sealed, bound to the tenant; the settings' JSON has the URL only.
    const stored = await ctx.db
      .selectFrom('tenant')
      .select(['settings', 'webhook_secret_sealed'])
      .where('id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored.settings.delivery.webhook, { url: 'https://meldingen.testgemeente.example/hook' });
    assert.ok(stored.webhook_secret_sealed);
    assert.equal(openWebhookSecret(ctx.deps.sealer, tenant.id, stored.webhook_secret_sealed), saved.newWebhookSecret);
    // What a database dump shows of the tenant's row (every column as text): not the secret.
    const dump = await sql<{ row: string }>`select t::text as row from tenant t where t.id = ${tenant.id}`.execute(
      ctx.db,
    );
    assert.ok(dump.rows[0]?.row.includes('meldingen.testgemeente.example/hook'), 'the dump is of this row');
    assert.ok(!dump.rows[0]?.row.includes(saved.newWebhookSecret), 'the secret is not in the dump');
    assert.ok(!dump.rows[0]?.row.includes(saved.newWebhookSecret.slice('whsec_'.length)), 'nor its key part');

    const again = await read(app, tenant.slug, admin.cookie);
    const text = JSON.stringify(again.body);
    assert.ok(!text.includes(saved.newWebhookSecret), 'the secret is never read back');
    assert.ok(!text.includes('BEGIN PGP'), 'the key itself is not sent back');
    assert.equal(again.body.settings.delivery.webhook.secretSet, true);
    assert.ok(again.body.settings.delivery.webhook.secretCreatedAt);
    const [withKey] = again.body.settings.delivery.email;
    assert.match(withKey.pgpKey.fingerprint, /^[0-9A-F]{40}$/);
    assert.deepEqual(withKey.pgpKey.userIds, ['OOV <oov@testgemeente.example>']);
    assert.equal(withKey.pgpKey.expiresAt, null);
    assert.deepEqual(again.body.updatedBy, { id: admin.id, name: admin.name });

    // Saving the view back unchanged (no key, no secret in it) keeps both, and generates no new secret.
    const resend = await save(
      app,
      tenant.slug,
      admin.cookie,
      settingsBody(
        { allowedOrigins: again.body.settings.allowedOrigins },
        {
          email: again.body.settings.delivery.email.map((r: { address: string }) => ({ address: r.address })),
          webhook: { url: again.body.settings.delivery.webhook.url },
        },
      ),
      again.etag,
    );
    assert.equal(resend.status, 200);
    assert.equal((await readJson(resend)).newWebhookSecret, undefined);
    const kept = await ctx.db
      .selectFrom('tenant')
      .select(['settings', 'webhook_secret_sealed'])
      .where('id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    assert.ok(kept.webhook_secret_sealed);
    assert.equal(openWebhookSecret(ctx.deps.sealer, tenant.id, kept.webhook_secret_sealed), saved.newWebhookSecret);
    assert.equal(kept.settings.delivery.email[0]?.pgpPublicKey, key);

    // A rotation: a new secret, once.
    const rotated = await save(
      app,
      tenant.slug,
      admin.cookie,
      {
        ...settingsBody({}, { webhook: { url: 'https://meldingen.testgemeente.example/hook' } }),
        rotateWebhookSecret: true,
      },
      '*',
    );
    const rotatedBody = await readJson(rotated);
    assert.equal(rotated.status, 200);
    assert.ok(rotatedBody.newWebhookSecret && rotatedBody.newWebhookSecret !== saved.newWebhookSecret);

    const entries = await auditOf(tenant.id);
    const actions = entries.map((e) => e.action);
    assert.deepEqual(
      actions.filter((a) => a !== 'auth.sign-in'),
      ['settings.changed', 'webhook-secret.rotated', 'settings.changed', 'webhook-secret.rotated'],
    );
    const firstChange = entries.find((e) => e.action === 'settings.changed');
    assert.deepEqual(firstChange?.details, {
      // The test tenant allows many reports (imported; the operator is not held to the bounds): 10 an hour now.
      groups: ['allowedOrigins', 'rateLimit', 'email', 'pgpKeys', 'webhook'],
      origins: 2,
      recipients: 2,
      pgpKeys: 1,
      webhook: true,
    });
    const auditText = JSON.stringify(entries);
    for (const value of ['testgemeente.example', 'whsec_', 'BEGIN PGP', 'https://']) {
      assert.ok(!auditText.includes(value), `the audit log holds no ${value}`);
    }
  });

  it('the private settings never appear in the public config', async () => {
    const tenant = await ctx.createTenant();
    const admin = await adminOf(tenant.id);
    const res = await save(
      ctx.app,
      tenant.slug,
      admin.cookie,
      settingsBody({}, { webhook: { url: 'https://geheim-haakje.testgemeente.example/hook' } }),
      '*',
    );
    const { newWebhookSecret } = await readJson(res);
    ctx.deps.tenants.invalidate(tenant.slug);
    const config = await ctx.app.request(`/api/v1/tenants/${tenant.slug}/config`);
    assert.equal(config.status, 200);
    const text = await config.text();
    for (const value of [
      newWebhookSecret,
      'geheim-haakje',
      'oov@testgemeente.example',
      'allowedOrigins',
      'rateLimit',
    ]) {
      assert.ok(!text.includes(value), `the public config holds no ${value}`);
    }
  });

  it('refuses a stale save with 412 naming who saved, and a save without If-Match with 428', async () => {
    const tenant = await ctx.createTenant();
    const first = await adminOf(tenant.id);
    const second = await adminOf(tenant.id);
    const { etag } = await read(ctx.app, tenant.slug, first.cookie);
    assert.equal(
      (await save(ctx.app, tenant.slug, first.cookie, settingsBody({ routing: { keepReportsElsewhere: true } }), etag))
        .status,
      200,
    );
    const stale = await save(ctx.app, tenant.slug, second.cookie, settingsBody(), etag);
    assert.equal(stale.status, 412);
    const problem = await readJson(stale);
    assert.equal(problem.type, 'https://meldpunt.dev/problems/settings-stale');
    assert.ok(problem.detail.includes(first.name), problem.detail);
    assert.equal(stale.headers.get('etag'), '"settings-2"');
    assert.equal((await save(ctx.app, tenant.slug, second.cookie, settingsBody())).status, 428);
    const row = await ctx.db
      .selectFrom('tenant')
      .select(['settings', 'settings_revision'])
      .where('id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.settings_revision, 2);
    assert.equal(row.settings.routing.keepReportsElsewhere, true, 'the first save stands');
  });

  it('refuses unusable PGP keys, an http: webhook and origin in production, a rate limit out of bounds — each at its field', async () => {
    const tenant = await ctx.createTenant();
    const admin = await adminOf(tenant.id);
    const body = settingsBody(
      { allowedOrigins: ['http://www.testgemeente.example'], rateLimit: { reports: 100, windowSeconds: 60 } },
      {
        email: [
          { address: 'a@testgemeente.example', pgpPublicKey: 'not a key' },
          { address: 'b@testgemeente.example', pgpPublicKey: await pgpKey({ expired: true }) },
          { address: 'c@testgemeente.example', pgpPublicKey: await pgpKey({ signOnly: true }) },
        ],
        webhook: { url: 'http://meldingen.testgemeente.example/hook' },
      },
    );
    const res = await save(ctx.app, tenant.slug, admin.cookie, body, '*');
    assert.equal(res.status, 422);
    const problem = await readJson(res);
    const paths = problem.errors.map((e: { path: string }) => e.path).sort();
    assert.deepEqual(paths, ['/rateLimit/reports']);
    // The schema's bounds come first; within them, the service's own checks name every other field.
    const within = await save(
      ctx.app,
      tenant.slug,
      admin.cookie,
      { ...body, rateLimit: { reports: 10, windowSeconds: 3600 } },
      '*',
    );
    assert.equal(within.status, 422);
    const errors = (await readJson(within)).errors as { path: string; message: string }[];
    assert.deepEqual(errors.map((e) => e.path).sort(), [
      '/allowedOrigins/0',
      '/delivery/email/0/pgpPublicKey',
      '/delivery/email/1/pgpPublicKey',
      '/delivery/email/2/pgpPublicKey',
      '/delivery/webhook/url',
    ]);
    assert.match(errors.find((e) => e.path === '/delivery/email/1/pgpPublicKey')?.message ?? '', /expired/);
    assert.match(errors.find((e) => e.path === '/delivery/email/2/pgpPublicKey')?.message ?? '', /cannot encrypt/);
    assert.match(errors.find((e) => e.path === '/delivery/webhook/url')?.message ?? '', /https/);
    const row = await ctx.db
      .selectFrom('tenant')
      .select('settings_revision')
      .where('id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.settings_revision, 1, 'nothing was saved');
  });

  it('keeps a channel while the published form promises follow-up', async () => {
    const tenant = await ctx.createTenant();
    const admin = await adminOf(tenant.id);
    const res = await save(ctx.app, tenant.slug, admin.cookie, settingsBody({}, { email: [] }), '*');
    assert.equal(res.status, 422);
    assert.deepEqual(
      (await readJson(res)).errors.map((e: { path: string }) => e.path),
      ['/delivery'],
    );
  });

  it('an import in between makes the console’s save stale too', async () => {
    const tenant = await ctx.createTenant();
    const admin = await adminOf(tenant.id);
    const { etag } = await read(ctx.app, tenant.slug, admin.cookie);
    await importTenant(
      ctx.db,
      testTenantDocument(tenant.slug, { settings: { routing: { keepReportsElsewhere: true } } }),
      { allowPrivateWebhooks: true },
    );
    const stale = await save(ctx.app, tenant.slug, admin.cookie, settingsBody(), etag);
    assert.equal(stale.status, 412);
    assert.match((await readJson(stale)).detail, /changed since you opened them/);
  });

  it('pnpm tenant:import applies the same webhook rule: http: refused in production', async () => {
    const slug = `t-${randomUUID().slice(0, 12)}`;
    const doc = testTenantDocument(slug, {
      settings: {
        delivery: { webhook: { url: 'http://meldingen.testgemeente.example/hook', secret: `whsec_${'A'.repeat(32)}` } },
      },
    });
    await assert.rejects(importTenant(ctx.db, doc), /\/settings\/delivery\/webhook\/url: Use an https: address/);
    assert.equal(await ctx.db.selectFrom('tenant').select('id').where('slug', '=', slug).executeTakeFirst(), undefined);
    // The secret is stored sealed only: without the key ring the import refuses it.
    await assert.rejects(importTenant(ctx.db, doc, { allowPrivateWebhooks: true }), /needs the contact key ring/);
    const options = { allowPrivateWebhooks: true, sealer: ctx.deps.sealer };
    assert.equal((await importTenant(ctx.db, doc, options)).outcome, 'created');
    const row = await ctx.db
      .selectFrom('tenant')
      .select(['id', 'settings', 'webhook_secret_sealed'])
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row.settings.delivery.webhook, { url: 'http://meldingen.testgemeente.example/hook' });
    assert.equal(openWebhookSecret(ctx.deps.sealer, row.id, row.webhook_secret_sealed!), `whsec_${'A'.repeat(32)}`);
    // The same document again changes nothing; another secret is a change, sealed anew.
    assert.equal((await importTenant(ctx.db, doc, options)).outcome, 'unchanged');
    const rotated = structuredClone(doc);
    rotated.settings.delivery!.webhook!.secret = `whsec_${'B'.repeat(32)}`;
    assert.equal((await importTenant(ctx.db, rotated, options)).outcome, 'updated');
    const after = await ctx.db
      .selectFrom('tenant')
      .select('webhook_secret_sealed')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(openWebhookSecret(ctx.deps.sealer, row.id, after.webhook_secret_sealed!), `whsec_${'B'.repeat(32)}`);
    // Without a webhook, no secret is kept.
    const without = structuredClone(doc);
    without.settings.delivery = { email: [{ address: 'oov@testgemeente.example' }] };
    assert.equal((await importTenant(ctx.db, without, options)).outcome, 'updated');
    const none = await ctx.db
      .selectFrom('tenant')
      .select('webhook_secret_sealed')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(none.webhook_secret_sealed, null);
  });

  it('answers the origin check, and why not', async () => {
    const tenant = await ctx.createTenant();
    const admin = await adminOf(tenant.id);
    const check = async (origin: string, app = ctx.app) =>
      readJson(
        await app.request(
          `/api/v1/console/tenants/${tenant.slug}/settings/origin-check`,
          asConsole(admin.cookie, { method: 'POST', body: { origin } }),
        ),
      );
    assert.deepEqual(await check('https://www.testgemeente.example'), {
      origin: 'https://www.testgemeente.example',
      allowed: true,
      reason: 'allowed',
    });
    assert.equal((await check('https://elders.example')).reason, 'not-listed');
    assert.deepEqual(await check('https://www.testgemeente.example/melden'), {
      origin: 'https://www.testgemeente.example',
      allowed: false,
      reason: 'has-path',
    });
    assert.equal((await check('http://www.testgemeente.example')).reason, 'http-in-production');
    assert.equal(
      (await check('http://www.testgemeente.example', ctx.appWith({ allowPrivateAddresses: true }))).reason,
      'not-listed',
    );
    assert.equal((await check('geen adres')).reason, 'not-an-origin');
  });

  it('an editor gets 403 on every settings route', async () => {
    const tenant = await ctx.createTenant();
    const editor = await adminOf(tenant.id, 'editor');
    const base = `/api/v1/console/tenants/${tenant.slug}/settings`;
    assert.equal((await ctx.app.request(base, asConsole(editor.cookie))).status, 403);
    assert.equal((await save(ctx.app, tenant.slug, editor.cookie, settingsBody(), '*')).status, 403);
    assert.equal(
      (await ctx.app.request(`${base}/test-delivery`, asConsole(editor.cookie, { method: 'POST' }))).status,
      403,
    );
  });

  describe('test delivery', () => {
    let sink: SmtpSink;
    const hooks: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hooks.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
    before(async () => {
      sink = await startSmtpSink({ rejectRecipient: (a) => (a.startsWith('weg@') ? 550 : undefined) });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    });
    after(async () => {
      await sink.stop();
      await new Promise((resolve) => receiver.close(resolve));
    });

    it('goes through the real outbox to the SMTP server and the webhook, is no report, and shows its outcome', async () => {
      const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
      const tenant = await ctx.createTenant();
      const admin = await adminOf(tenant.id);
      const { worker, stop } = startTestWorker(ctx, sink.url, { overrides: { allowPrivateAddresses: true } });
      try {
        const app = ctx.appWith({ allowPrivateAddresses: true, nudgeDelivery: worker.nudge });
        const saved = await save(
          app,
          tenant.slug,
          admin.cookie,
          settingsBody(
            {},
            {
              email: [{ address: 'oov@testgemeente.example' }, { address: 'weg@testgemeente.example' }],
              webhook: { url: `${base}/hook` },
            },
          ),
          '*',
        );
        const { newWebhookSecret } = await readJson(saved);
        const sent = await app.request(
          `/api/v1/console/tenants/${tenant.slug}/settings/test-delivery`,
          asConsole(admin.cookie, { method: 'POST' }),
        );
        assert.equal(sent.status, 202);
        const created = await readJson(sent);
        assert.equal(created.targets.length, 3);
        const outcome = async () =>
          (
            await readJson(
              await app.request(
                `/api/v1/console/tenants/${tenant.slug}/settings/test-delivery`,
                asConsole(admin.cookie),
              ),
            )
          ).testDeliveries[0];
        await waitUntil(
          async () =>
            (await outcome()).targets.every((t: { status: string }) => t.status === 'sent' || t.status === 'failed'),
          'the test delivery to end',
        );
        const result = await outcome();
        assert.equal(result.id, created.id);
        assert.equal(result.status, 'failed');
        assert.deepEqual(
          result.targets.map((t: { channel: string; target: string; status: string; error: string | null }) => [
            t.channel,
            t.target,
            t.status,
            t.error,
          ]),
          [
            ['email', 'oov@testgemeente.example', 'sent', null],
            ['email', 'weg@testgemeente.example', 'failed', 'smtp-550'],
            ['webhook', `${base}/hook`, 'sent', null],
          ],
        );
        const mail = sink.received.find((m) => m.to.includes('oov@testgemeente.example'));
        assert.ok(mail, 'the test mail reached the SMTP server');
        const parsed = await simpleParser(mail.raw);
        assert.match(parsed.subject ?? '', /^TEST/);
        assert.match(parsed.text ?? '', /Dit is een test, geen melding/);
        const hook = hooks.at(-1);
        assert.ok(hook);
        const event = JSON.parse(hook.body);
        assert.equal(event.type, 'delivery.test');
        assert.equal(event.data.test, true);
        const id = String(hook.headers['webhook-id']);
        const timestamp = Number(hook.headers['webhook-timestamp']);
        assert.equal(hook.headers['webhook-signature'], webhookSignature(newWebhookSecret, id, timestamp, hook.body));
        // No report: not in the reports table, so in no inbox and no figure.
        const reports = await ctx.db.selectFrom('report').select('id').where('tenant_id', '=', tenant.id).execute();
        assert.deepEqual(reports, []);
        const audit = (await auditOf(tenant.id)).filter((e) => e.action === 'delivery.tested');
        assert.deepEqual(
          audit.map((e) => e.details),
          [{ emails: 2, webhooks: 1 }],
        );
      } finally {
        await stop();
      }
    });

    it('allows 5 per 10 minutes per tenant, then 429 with Retry-After', async () => {
      const tenant = await ctx.createTenant();
      const admin = await adminOf(tenant.id);
      const post = () =>
        ctx.app.request(
          `/api/v1/console/tenants/${tenant.slug}/settings/test-delivery`,
          asConsole(admin.cookie, { method: 'POST' }),
        );
      for (let i = 0; i < 5; i += 1) assert.equal((await post()).status, 202);
      const refused = await post();
      assert.equal(refused.status, 429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(retryAfter > 500 && retryAfter <= 600, `Retry-After ${retryAfter}`);
      const count = await ctx.db.selectFrom('test_delivery').select('id').where('tenant_id', '=', tenant.id).execute();
      assert.equal(count.length, 5);
    });

    it('needs somewhere to go: 409 without recipients or webhook', async () => {
      const slug = `t-${randomUUID().slice(0, 12)}`;
      const created = await importTenant(
        ctx.db,
        testTenantDocument(slug, {
          config: {
            followUp: { mode: 'none', response: { title: { nl: 'Dank' }, body: { nl: 'Geen opvolging.' } } },
          },
          settings: { delivery: { email: [] } },
        }),
      );
      const admin = await adminOf(created.tenantId);
      const res = await ctx.app.request(
        `/api/v1/console/tenants/${slug}/settings/test-delivery`,
        asConsole(admin.cookie, { method: 'POST' }),
      );
      assert.equal(res.status, 409);
      assert.equal((await readJson(res)).type, 'https://meldpunt.dev/problems/no-delivery-targets');
    });
  });
});
