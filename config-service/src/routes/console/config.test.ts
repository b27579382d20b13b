import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  configDraftSchema,
  configVersionListSchema,
  configVersionSchema,
  draftConflictSchema,
  problemSchema,
  publicTenantConfigSchema,
  type ConfigDraft,
  type TenantConfig,
} from '@meldpunt/contracts';
import { platformChain } from '../../audit/audit-entry.ts';
import { draftAuditWindowMs, saveDraft } from '../../tenants/config-drafts.ts';
import { importNote, importTenant } from '../../tenants/tenant-service.ts';
import { databaseKind, readJson, tenantDocument, useTestContext } from '../../../test/helpers.ts';
import { asConsole, createStaff, signIn } from '../../../test/staff.ts';

describe(`configuration console: draft, publish, versions, restore (${databaseKind})`, () => {
  const ctx = useTestContext();

  /** A new tenant with an editor (`Eva`), a second editor (`Erik`) and a publisher, signed in. */
  async function setUp() {
    const tenant = await ctx.createTenant();
    const person = async (role: 'editor' | 'publisher', name: string) => {
      const staff = await createStaff(ctx, { tenantId: tenant.id, roles: [role] });
      await ctx.db.updateTable('staff').set({ name }).where('id', '=', staff.id).execute();
      return { ...staff, name, cookie: await signIn(ctx, staff.id) };
    };
    const editor = await person('editor', 'Eva Editor');
    const other = await person('editor', 'Erik Editor');
    const publisher = await person('publisher', 'Piet Publisher');
    const base = `/api/v1/console/tenants/${tenant.slug}/config`;
    const getDraft = async (cookie = editor.cookie) => {
      const res = await ctx.app.request(`${base}/draft`, asConsole(cookie));
      assert.equal(res.status, 200);
      const draft = configDraftSchema.parse(await readJson(res));
      assert.equal(res.headers.get('etag'), draft.etag);
      return draft;
    };
    const put = (config: unknown, ifMatch: string | undefined, cookie = editor.cookie) =>
      ctx.app.request(
        `${base}/draft`,
        asConsole(cookie, { method: 'PUT', body: config, headers: ifMatch ? { 'If-Match': ifMatch } : {} }),
      );
    const publish = (note: string, cookie = publisher.cookie, headers: Record<string, string> = {}) =>
      ctx.app.request(`${base}/publish`, asConsole(cookie, { method: 'POST', body: { note }, headers }));
    const publicConfig = async () =>
      publicTenantConfigSchema.parse(await readJson(await ctx.app.request(`/api/v1/tenants/${tenant.slug}/config`)));
    return { tenant, editor, other, publisher, base, getDraft, put, publish, publicConfig };
  }

  /** The draft's config with a new Dutch response text (and whatever else `change` does). */
  function edited(draft: ConfigDraft, body: string, change: (c: TenantConfig) => void = () => {}): TenantConfig {
    const config = structuredClone(draft.config);
    config.followUp.response.body = { ...config.followUp.response.body, nl: body };
    change(config);
    return config;
  }

  it('starts from the published config, saves with If-Match, and reads back who saved', async () => {
    const t = await setUp();
    const start = await t.getDraft();
    assert.equal(start.revision, 0);
    assert.equal(start.etag, '"1.0"');
    assert.equal(start.publishedVersion, 1);
    assert.equal(start.updatedBy, null);
    assert.equal(start.config.slug, t.tenant.slug);
    assert.deepEqual(start.publishBlockers, []);
    assert.ok(start.contrast.every((check) => check.passes));

    const res = await t.put(edited(start, 'Wij lezen alles.'), start.etag);
    assert.equal(res.status, 200);
    const saved = configDraftSchema.parse(await readJson(res));
    assert.equal(saved.revision, 1);
    assert.equal(saved.etag, '"1.1"');
    assert.equal(res.headers.get('etag'), '"1.1"');

    const again = await t.getDraft(t.publisher.cookie);
    assert.equal(again.config.followUp.response.body.nl, 'Wij lezen alles.');
    assert.deepEqual(again.updatedBy, { id: t.editor.id, name: 'Eva Editor' });
    // The public config is not the draft.
    assert.equal((await t.publicConfig()).config.followUp.response.body.nl, 'We lezen elke melding.');

    // Saving the same again is no new revision.
    const same = configDraftSchema.parse(await readJson(await t.put(again.config, again.etag)));
    assert.equal(same.revision, 1);
  });

  it('refuses a save without If-Match (428) and a stale one (412, naming who saved when, with their draft)', async () => {
    const t = await setUp();
    const start = await t.getDraft();
    const missing = await t.put(edited(start, 'Zonder voorwaarde'), undefined);
    assert.equal(missing.status, 428);
    assert.match(problemSchema.parse(await readJson(missing)).type, /if-match-required$/);

    // Erik saves first; Eva's save from the same starting point is stale.
    assert.equal((await t.put(edited(start, 'De tekst van Erik'), start.etag, t.other.cookie)).status, 200);
    const stale = await t.put(edited(start, 'De tekst van Eva'), start.etag);
    assert.equal(stale.status, 412);
    assert.match(stale.headers.get('content-type') ?? '', /problem\+json/);
    const conflict = draftConflictSchema.parse(await readJson(stale));
    assert.equal(conflict.lastChange.kind, 'saved');
    assert.deepEqual(conflict.lastChange.by, { id: t.other.id, name: 'Erik Editor' });
    assert.ok(conflict.lastChange.at);
    assert.equal(conflict.current.config.followUp.response.body.nl, 'De tekst van Erik');
    assert.equal(conflict.current.etag, '"1.1"');
    assert.equal(stale.headers.get('etag'), '"1.1"');
    // Nothing of Eva's was stored; with the current etag her merged text goes in.
    const merged = await t.put(edited(conflict.current, 'De tekst van Erik en van Eva'), conflict.current.etag);
    assert.equal(merged.status, 200);
    assert.equal((await t.getDraft()).config.followUp.response.body.nl, 'De tekst van Erik en van Eva');
  });

  it('answers invalid fields with 422 and JSON Pointers, validated by the published schema', async () => {
    const t = await setUp();
    const start = await t.getDraft();
    const res = await t.put(
      edited(start, 'Tekst', (c) => {
        c.branding.primaryColor = 'red';
        c.privacy.contactRetentionMonths = 99;
        c.slug = 'een-andere';
      }),
      start.etag,
    );
    assert.equal(res.status, 422);
    const problem = problemSchema.parse(await readJson(res));
    const paths = problem.errors?.map((e) => e.path) ?? [];
    assert.ok(paths.includes('/branding/primaryColor'), paths.join());
    const unknownKey = await t.put({ ...start.config, extra: 1 }, start.etag);
    assert.equal(unknownKey.status, 422);
    // The operator's fields: structurally fine, refused all the same.
    const slug = await t.put({ ...start.config, slug: 'een-andere' }, start.etag);
    assert.equal(slug.status, 422);
    assert.deepEqual(
      problemSchema.parse(await readJson(slug)).errors?.map((e) => e.path),
      ['/slug'],
    );
    assert.equal((await t.getDraft()).revision, 0, 'nothing saved');
  });

  it('saves a draft with a required text missing, shows it in the completeness view, and refuses to publish it', async () => {
    const t = await setUp();
    const start = await t.getDraft();
    const config = structuredClone(start.config);
    config.followUp.response.body = { en: 'We read every report.' };
    const res = await t.put(config, start.etag);
    assert.equal(res.status, 200);
    const draft = configDraftSchema.parse(await readJson(res));
    const nl = draft.completeness.languages.find((l) => l.locale === 'nl');
    const en = draft.completeness.languages.find((l) => l.locale === 'en');
    const ar = draft.completeness.languages.find((l) => l.locale === 'ar');
    assert.equal(nl?.entries.find((e) => e.path === '/followUp/response/body/nl')?.status, 'missing');
    assert.equal(en?.entries.find((e) => e.path === '/followUp/response/body/en')?.status, 'own');
    assert.equal(ar?.entries.find((e) => e.path === '/referrals/0/name/ar')?.status, 'fallback');
    assert.equal(nl?.entries.find((e) => e.path === '/texts/nl/intro.title')?.status, 'own');
    assert.equal(en?.entries.find((e) => e.path === '/texts/en/intro.title')?.status, 'standard');
    assert.deepEqual(draft.completeness.missingRequired, [{ path: '/followUp/response/body/nl', locale: 'nl' }]);
    assert.deepEqual(
      draft.publishBlockers.map((b) => b.path),
      ['/followUp/response/body/nl'],
    );

    const refused = await t.publish('Zonder tekst');
    assert.equal(refused.status, 422);
    const problem = problemSchema.parse(await readJson(refused));
    assert.match(problem.type, /not-publishable$/);
    assert.deepEqual(problem.errors, [
      { path: '/followUp/response/body/nl', message: 'A text in the default language (nl) is required' },
    ]);
    assert.equal((await t.publicConfig()).version, 1, 'nothing published');
  });

  it('refuses to publish a branding whose contrast fails WCAG 2.2', async () => {
    const t = await setUp();
    const start = await t.getDraft();
    const res = await t.put(
      edited(start, 'Tekst', (c) => {
        c.branding.primaryColor = '#f5c400'; // white on yellow: 1.6:1
      }),
      start.etag,
    );
    assert.equal(res.status, 200);
    const draft = configDraftSchema.parse(await readJson(res));
    const onPrimary = draft.contrast.find((c) => c.id === 'text-on-primary');
    assert.equal(onPrimary?.passes, false);
    assert.ok((onPrimary?.ratio ?? 99) < 4.5);
    const refused = await t.publish('Geel');
    assert.equal(refused.status, 422);
    const errors = problemSchema.parse(await readJson(refused)).errors ?? [];
    assert.ok(errors.length >= 2, 'text on primary and primary against the background');
    assert.ok(errors.every((e) => e.path === '/branding/primaryColor'));
    assert.match(errors[0]?.message ?? '', /at least 4\.5:1/);
  });

  it('publishes a new immutable version that the public config serves at once, and restores an old one', async () => {
    const t = await setUp();
    assert.equal((await t.publicConfig()).version, 1); // in this process's cache now
    const start = await t.getDraft();
    const draft = configDraftSchema.parse(await readJson(await t.put(edited(start, 'Nieuwe tekst'), start.etag)));

    // An editor may not publish.
    assert.equal((await t.publish('Door een editor', t.editor.cookie)).status, 403);
    // A publisher who reviewed an older draft is told.
    const stale = await t.publish('Oud', t.publisher.cookie, { 'If-Match': start.etag });
    assert.equal(stale.status, 412);

    const res = await t.publish('Nieuwe bedanktekst', t.publisher.cookie, { 'If-Match': draft.etag });
    assert.equal(res.status, 201);
    const v2 = configVersionSchema.parse(await readJson(res));
    assert.equal(v2.version, 2);
    assert.equal(v2.note, 'Nieuwe bedanktekst');
    assert.deepEqual(v2.publishedBy, { id: t.publisher.id, name: 'Piet Publisher' });
    assert.equal(v2.current, true);
    const served = await t.publicConfig();
    assert.equal(served.version, 2);
    assert.equal(served.config.followUp.response.body.nl, 'Nieuwe tekst');

    // The draft was published: the next one starts from version 2, and Eva's old etag is stale.
    const next = await t.getDraft();
    assert.equal(next.etag, '"2.0"');
    const late = await t.put(edited(draft, 'Te laat'), draft.etag);
    assert.equal(late.status, 412);
    const conflict = draftConflictSchema.parse(await readJson(late));
    assert.equal(conflict.lastChange.kind, 'published');
    assert.deepEqual(conflict.lastChange.by, { id: t.publisher.id, name: 'Piet Publisher' });

    // Version 1 is as it was.
    const v1 = configVersionSchema.parse(
      await readJson(await ctx.app.request(`${t.base}/versions/1`, asConsole(t.editor.cookie))),
    );
    assert.equal(v1.config.followUp.response.body.nl, 'We lezen elke melding.');
    assert.equal(v1.current, false);
    assert.equal((await ctx.app.request(`${t.base}/versions/99`, asConsole(t.editor.cookie))).status, 404);
    assert.equal((await ctx.app.request(`${t.base}/versions/x1`, asConsole(t.editor.cookie))).status, 404);

    // Restore: version 1's config as version 3.
    assert.equal(
      (await ctx.app.request(`${t.base}/versions/1/restore`, asConsole(t.editor.cookie, { method: 'POST', body: {} })))
        .status,
      403,
    );
    const restored = await ctx.app.request(
      `${t.base}/versions/1/restore`,
      asConsole(t.publisher.cookie, { method: 'POST', body: {} }),
    );
    assert.equal(restored.status, 201);
    const v3 = configVersionSchema.parse(await readJson(restored));
    assert.equal(v3.version, 3);
    assert.equal(v3.restoredFrom, 1);
    assert.equal(v3.note, 'Restored version 1');
    assert.equal((await t.publicConfig()).config.followUp.response.body.nl, 'We lezen elke melding.');

    const history = configVersionListSchema.parse(
      await readJson(await ctx.app.request(`${t.base}/versions`, asConsole(t.editor.cookie))),
    );
    assert.equal(history.publishedVersion, 3);
    assert.deepEqual(
      history.versions.map((v) => [v.version, v.note, v.publishedBy?.name ?? null, v.current]),
      [
        [3, 'Restored version 1', 'Piet Publisher', true],
        [2, 'Nieuwe bedanktekst', 'Piet Publisher', false],
        [1, importNote, null, false], // the test tenant is imported
      ],
    );

    // Audited in the tenant's chain, without texts.
    const entries = (await ctx.deps.auditLog.read(t.tenant.id)).entries;
    const published = entries.find((e) => e.action === 'config.published');
    assert.deepEqual(published?.details, { version: 2, noteLength: 'Nieuwe bedanktekst'.length });
    assert.deepEqual(published?.actor, { kind: 'staff', id: t.publisher.id });
    const restoredEntry = entries.find((e) => e.action === 'config.restored');
    assert.deepEqual(restoredEntry?.details, { version: 3, fromVersion: 1, noteLength: 'Restored version 1'.length });
    assert.ok(!JSON.stringify(entries).includes('Nieuwe'), 'no text of the config or note in the log');
  });

  it('audits saves once per person per 10 minutes, and at once for a part of the config not named yet', async () => {
    const t = await setUp();
    const saves = async () =>
      (await ctx.deps.auditLog.read(t.tenant.id, { action: 'config.draft-saved' })).entries.reverse();
    let draft = await t.getDraft();
    for (const text of ['T', 'Te', 'Tek', 'Tekst']) {
      draft = configDraftSchema.parse(await readJson(await t.put(edited(draft, text), draft.etag)));
    }
    assert.equal(draft.revision, 4);
    assert.deepEqual(
      (await saves()).map((e) => [e.actor, e.details]),
      [
        [
          { kind: 'staff', id: t.editor.id },
          { revision: 1, fields: ['followUp'] },
        ],
      ],
    );
    // The branding: a part the last entry did not name.
    const branded = edited(draft, 'Tekst', (c) => {
      c.branding.primaryColor = '#003366';
    });
    draft = configDraftSchema.parse(await readJson(await t.put(branded, draft.etag)));
    // Another person: their own entry.
    draft = configDraftSchema.parse(await readJson(await t.put(edited(draft, 'Tekst!'), draft.etag, t.other.cookie)));
    // Eva again, after the window: a new entry for the same part.
    const later = new Date(Date.now() + draftAuditWindowMs + 1000);
    const deps = { ...ctx.deps, now: () => later };
    draft = await saveDraft(deps, t.tenant.id, t.editor.id, draft.etag, edited(draft, 'Tekst!!'));
    assert.deepEqual(
      (await saves()).map((e) => [e.actor?.kind === 'staff' ? e.actor.id : null, e.details]),
      [
        [t.editor.id, { revision: 1, fields: ['followUp'] }],
        [t.editor.id, { revision: 5, fields: ['branding'] }],
        [t.other.id, { revision: 6, fields: ['followUp'] }],
        [t.editor.id, { revision: 7, fields: ['followUp'] }],
      ],
    );
  });

  it('pnpm tenant:import goes through the same checks and versioning, and sets the draft aside', async () => {
    const t = await setUp();
    const start = await t.getDraft();
    assert.equal((await t.put(edited(start, 'Concept'), start.etag)).status, 200);

    const doc = tenantDocument(t.tenant.slug, { config: { name: 'Gemeente Test (geïmporteerd)' } });
    const result = await importTenant(ctx.db, doc, { auditLog: ctx.deps.auditLog });
    assert.deepEqual([result.outcome, result.version, result.draftDiscarded], ['updated', 2, true]);
    const history = configVersionListSchema.parse(
      await readJson(await ctx.app.request(`${t.base}/versions`, asConsole(t.editor.cookie))),
    );
    assert.deepEqual(
      history.versions.map((v) => [v.version, v.note, v.publishedBy]),
      [
        [2, importNote, null],
        [1, importNote, null],
      ],
    );
    const next = await t.getDraft();
    assert.equal(next.etag, '"2.0"');
    assert.equal(next.config.name, 'Gemeente Test (geïmporteerd)');
    const platform = (await ctx.deps.auditLog.read(platformChain, { action: 'config.published' })).entries;
    assert.ok(
      platform.some(
        (e) =>
          e.actor?.kind === 'cli' &&
          e.target?.kind === 'tenant' &&
          e.target.id === t.tenant.id &&
          JSON.stringify(e.details) === JSON.stringify({ version: 2 }),
      ),
    );

    // The publish checks hold for imports too.
    const yellow = tenantDocument(t.tenant.slug, {
      config: { branding: { primaryColor: '#f5c400', logoUrl: '/logo.svg', logoAlt: { nl: 'Logo' } } },
    });
    await assert.rejects(importTenant(ctx.db, yellow), /\/config\/branding\/primaryColor: Contrast/);
  });
});
