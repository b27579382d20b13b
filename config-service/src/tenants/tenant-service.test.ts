import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import { tenantImportSchema } from '@meldpunt/contracts';
import { databaseKind, sendReport, tenantDocument, useTestContext } from '../../test/helpers.ts';
import { seedDemoTenants } from './demo-seed.ts';
import { findPublishedTenant } from './tenant-repository.ts';
import { importTenant } from './tenant-service.ts';

describe(`tenant import (${databaseKind})`, () => {
  const ctx = useTestContext();

  it('creates, then leaves an unchanged document alone, then publishes a changed one as a new version', async () => {
    const slug = `imp-${randomUUID().slice(0, 8)}`;
    assert.equal((await importTenant(ctx.db, tenantDocument(slug))).outcome, 'created');
    assert.deepEqual(
      { ...(await importTenant(ctx.db, tenantDocument(slug))), tenantId: undefined },
      { slug, tenantId: undefined, outcome: 'unchanged', version: 1, draftDiscarded: false },
    );
    const changed = await importTenant(ctx.db, tenantDocument(slug, { config: { locales: ['nl', 'en'] } }));
    assert.equal(changed.outcome, 'updated');
    assert.equal(changed.version, 2);
    const published = await findPublishedTenant(ctx.db, slug);
    assert.deepEqual(published?.config.locales, ['nl', 'en']);
    // Settings alone change the tenant, not the public config version.
    const settingsOnly = await importTenant(
      ctx.db,
      tenantDocument(slug, {
        config: { locales: ['nl', 'en'] },
        settings: { allowedOrigins: ['https://a.example'] },
      }),
    );
    assert.deepEqual([settingsOnly.outcome, settingsOnly.version], ['updated', 2]);
  });

  it('rejects an invalid document and writes nothing', async () => {
    const slug = `bad-${randomUUID().slice(0, 8)}`;
    const doc = tenantDocument(slug, { config: { categories: [{ id: 'custom' }] } }); // custom needs a label
    await assert.rejects(importTenant(ctx.db, doc));
    assert.equal(await findPublishedTenant(ctx.db, slug), undefined);
  });

  it('a tenant without delivery channels must give no follow-up; a usable PGP key is required', async () => {
    const slug = () => `dlv-${randomUUID().slice(0, 8)}`;
    const none = {
      followUp: { mode: 'none' as const, response: { title: { nl: 'Dank' }, body: { nl: 'Geen opvolging.' } } },
    };
    const noChannels = { delivery: { email: [] } };
    const refused = tenantDocument(slug(), { settings: noChannels });
    const result = tenantImportSchema.safeParse(refused);
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((i) => i.path.join('/')),
      ['config/followUp/mode'],
    );
    await assert.rejects(importTenant(ctx.db, refused));
    assert.equal(await findPublishedTenant(ctx.db, refused.config.slug), undefined);

    assert.equal(
      (await importTenant(ctx.db, tenantDocument(slug(), { config: none, settings: noChannels }))).outcome,
      'created',
    );
    const webhookOnly = {
      delivery: { email: [], webhook: { url: 'https://gemeente.example/hook', secret: `whsec_${'B'.repeat(32)}` } },
    };
    const withWebhook = tenantDocument(slug(), { settings: webhookOnly });
    assert.equal((await importTenant(ctx.db, withWebhook, { sealer: ctx.deps.sealer })).outcome, 'created');

    const badKey = tenantDocument(slug(), {
      settings: { delivery: { email: [{ address: 'oov@gemeente.example', pgpPublicKey: 'not a key' }] } },
    });
    await assert.rejects(importTenant(ctx.db, badKey), /delivery\/email\/0\/pgpPublicKey/);
    assert.equal(await findPublishedTenant(ctx.db, badKey.config.slug), undefined);
  });

  it('seeds the four demo tenants, and a second seed changes nothing', async () => {
    const first = await seedDemoTenants(ctx.db);
    assert.deepEqual(first.map((r) => r.slug).sort(), ['almere', 'dordrecht', 'eindhoven', 'nederland']);
    const second = await seedDemoTenants(ctx.db);
    assert.deepEqual(
      second.map((r) => r.outcome),
      ['unchanged', 'unchanged', 'unchanged', 'unchanged'],
    );
    const almere = await findPublishedTenant(ctx.db, 'almere');
    assert.equal(almere?.config.followUp.mode, 'none');
    const nederland = await findPublishedTenant(ctx.db, 'nederland');
    assert.equal(nederland?.config.kind, 'national');
    for (const r of second) assert.match((await findPublishedTenant(ctx.db, r.slug))!.config.name, /demo/i);

    // The foundation's minimal body is valid for the demo tenant dordrecht, and lands there.
    const { id } = await sendReport(ctx, 'dordrecht');
    const row = await ctx.db.selectFrom('report').select('tenant_id').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.tenant_id, first.find((r) => r.slug === 'dordrecht')!.tenantId);
  });
});
