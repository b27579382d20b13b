import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  previewReportSchema,
  problemSchema,
  referenceSchema,
  type TenantConfig,
  type TenantRole,
} from '@meldpunt/contracts';
import { sampleReference } from '../../reports/reference.ts';
import { databaseKind, minimalReport, postReport, readJson, useTestContext } from '../../../test/helpers.ts';
import { asConsole, createStaff, signIn } from '../../../test/staff.ts';
import { testTenantConfig } from '@meldpunt/test-support/tenant';

const attack = '<img src=x onerror=alert(1)>';

describe(`configuration console: sending from the preview (${databaseKind})`, () => {
  const ctx = useTestContext();

  /** A new tenant (mail in English with an opening line of its own) and a signed-in member with `roles`. */
  async function setUp(roles: TenantRole[] = ['editor']) {
    const tenant = await ctx.createTenant({
      settings: {
        delivery: {
          email: [{ address: 'oov@testgemeente.example' }],
          mail: { locale: 'en', intro: 'Preview intro of the municipality' },
        },
      },
    });
    const staff = await createStaff(ctx, { tenantId: tenant.id, roles });
    const cookie = await signIn(ctx, staff.id);
    const send = (body: unknown, as: string | null = cookie) =>
      ctx.app.request(
        `/api/v1/console/tenants/${tenant.slug}/config/preview-report`,
        asConsole(as ?? undefined, { method: 'POST', body }),
      );
    return { tenant, cookie, send };
  }

  /** The test tenant's config under `slug`, as the draft would be, with `change` applied. */
  function draft(slug: string, change: (c: TenantConfig) => void = () => {}): TenantConfig {
    const config = testTenantConfig({ slug });
    change(config);
    return config;
  }

  /** Rows of the tables a real report writes to (and the audit log), for this tenant. */
  async function stored(tenantId: string) {
    const count = async (table: 'report' | 'delivery' | 'audit_entry') =>
      Number(
        (
          await ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('tenant_id', '=', tenantId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { reports: await count('report'), deliveries: await count('delivery'), audit: await count('audit_entry') };
  }

  it('answers the draft’s response and the mail as the municipality would get it, and stores nothing', async () => {
    const t = await setUp();
    const before = await stored(t.tenant.id);
    const config = draft(t.tenant.slug, (c) => {
      c.followUp.response.title = { nl: 'Concepttitel', en: 'Draft title' };
      c.followUp.response.body = { nl: 'Concepttekst.', en: 'Draft body.' };
      c.categories.push({ id: 'staring', label: { nl: 'Staren', en: 'Staring' } });
    });
    const res = await t.send({
      config,
      report: minimalReport({
        categories: ['staring'],
        locale: 'en',
        extra: { age_group: '18_24' },
        contact: { name: 'Sam Voorbeeld', email: 'sam@example.nl', wantsFollowUp: true },
      }),
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const preview = previewReportSchema.parse(await readJson(res));

    // What the widget shows: the draft's response in the report's language, a sample reference.
    assert.equal(preview.result.reference, sampleReference);
    assert.ok(referenceSchema.safeParse(preview.result.reference).success);
    assert.deepEqual(preview.result.response, { title: 'Draft title', body: 'Draft body.' });
    assert.equal(preview.result.followUp, 'active');
    assert.equal(preview.result.tenant, t.tenant.slug);

    // The mail: the tenant's mail language and opening line, the draft's labels, the contact as typed.
    assert.equal(preview.mail.subject, `New report ${sampleReference} – Gemeente Test`);
    assert.match(preview.mail.text, /Preview intro of the municipality/);
    assert.match(preview.mail.text, /What happened: Staring/);
    assert.match(preview.mail.text, /Age: 18 to 24/);
    assert.match(preview.mail.text, /Name: Sam Voorbeeld/);
    assert.match(preview.mail.text, /E-mail address: sam@example\.nl/);
    assert.match(preview.mail.text, /Nageroepen bij het station\./);
    assert.match(preview.mail.html, /Preview intro of the municipality/);
    assert.match(preview.mail.html, /lang="en"/);

    // Nothing stored, queued or audited.
    assert.deepEqual(await stored(t.tenant.id), before);
  });

  it('uses none of the reporters’ rate limit: previews past it still answer, and a real report still goes in', async () => {
    const t = await setUp();
    const { settings } = await ctx.db
      .selectFrom('tenant')
      .select('settings')
      .where('id', '=', t.tenant.id)
      .executeTakeFirstOrThrow();
    const oneReport = { ...settings, rateLimit: { reports: 1, windowSeconds: 3600 } };
    await ctx.db
      .updateTable('tenant')
      .set({ settings: JSON.stringify(oneReport) })
      .where('id', '=', t.tenant.id)
      .execute();
    ctx.deps.tenants.invalidate(t.tenant.slug);
    const ip = '203.0.113.77';
    for (let i = 0; i < 3; i++) {
      const res = await ctx.app.request(`/api/v1/console/tenants/${t.tenant.slug}/config/preview-report`, {
        ...asConsole(t.cookie, {
          method: 'POST',
          body: { config: draft(t.tenant.slug), report: minimalReport() },
          headers: { 'X-Forwarded-For': ip },
        }),
      });
      assert.equal(res.status, 200);
    }
    const real = await postReport(ctx, t.tenant.slug, minimalReport(), {
      headers: { Origin: 'https://www.testgemeente.example', 'X-Forwarded-For': ip },
    });
    assert.equal(real.status, 201);
  });

  it('falls back to the default language, and says "no follow-up" when the draft gives none', async () => {
    const t = await setUp(['publisher']);
    const config = draft(t.tenant.slug, (c) => {
      c.followUp.mode = 'none';
      c.followUp.response.title = { nl: 'Alleen in het Nederlands' };
    });
    const preview = previewReportSchema.parse(
      await readJson(await t.send({ config, report: minimalReport({ locale: 'en' }) })),
    );
    assert.equal(preview.result.followUp, 'none');
    assert.equal(preview.result.response.title, 'Alleen in het Nederlands');
    assert.match(preview.mail.text, /No contact details: the reporter is anonymous\./);
  });

  it('refuses what the public route would refuse under the draft, at pointers into the body', async () => {
    const t = await setUp();
    // The published config offers `following`; the draft no longer does, and gives no follow-up.
    const config = draft(t.tenant.slug, (c) => {
      c.categories = c.categories.filter((category) => category.id !== 'following');
      c.followUp.mode = 'none';
      c.locales = ['nl'];
    });
    const res = await t.send({
      config,
      report: minimalReport({
        categories: ['following'],
        locale: 'en',
        extra: { unknown_field: 'x' },
        contact: { email: 'sam@example.nl', wantsFollowUp: true },
      }),
    });
    assert.equal(res.status, 422);
    const problem = problemSchema.parse(await readJson(res));
    assert.deepEqual(problem.errors?.map((e) => e.path).sort(), [
      '/report/categories/0',
      '/report/contact',
      '/report/extra/unknown_field',
      '/report/locale',
    ]);

    // The draft's own structure is checked like a save: an invalid colour is refused at /config/….
    const invalid = await t.send({
      config: draft(t.tenant.slug, (c) => (c.branding.primaryColor = 'red')),
      report: minimalReport(),
    });
    assert.equal(invalid.status, 422);
    const paths = problemSchema.parse(await readJson(invalid)).errors?.map((e) => e.path);
    assert.deepEqual(paths, ['/config/branding/primaryColor']);

    // A report without its required parts is refused by the schema, under /report.
    const incomplete = await t.send({ config: draft(t.tenant.slug), report: { locale: 'nl' } });
    assert.equal(incomplete.status, 422);
    const incompletePaths = problemSchema.parse(await readJson(incomplete)).errors?.map((e) => e.path) ?? [];
    assert.ok(incompletePaths.length > 0);
    assert.ok(
      incompletePaths.every((p) => p.startsWith('/report/')),
      incompletePaths.join(', '),
    );
  });

  it('takes a draft whose required text is still missing (it need not be publishable)', async () => {
    const t = await setUp();
    const config = draft(t.tenant.slug, (c) => {
      c.followUp.response.title = { en: 'Only English so far' };
    });
    const res = await t.send({ config, report: minimalReport({ locale: 'en' }) });
    assert.equal(res.status, 200);
    assert.equal(previewReportSchema.parse(await readJson(res)).result.response.title, 'Only English so far');
  });

  it('shows a text with markup literally: escaped in the HTML mail, as typed in the text mail and the answer', async () => {
    const t = await setUp();
    const config = draft(t.tenant.slug, (c) => {
      c.followUp.response.title = { nl: attack };
      c.followUp.response.body = { nl: `Dank. ${attack}` };
      c.categories.push({ id: 'own', label: { nl: attack } });
    });
    const res = await t.send({
      config,
      report: minimalReport({ categories: ['own'], description: attack }),
    });
    assert.equal(res.status, 200);
    const preview = previewReportSchema.parse(await readJson(res));
    assert.equal(preview.result.response.title, attack);
    assert.equal(preview.result.response.body, `Dank. ${attack}`);
    assert.match(preview.mail.text, new RegExp(`: ${attack.replace(/[()]/g, '\\$&')}`));
    assert.ok(!preview.mail.html.includes('<img'), 'no img element in the HTML mail');
    assert.ok(preview.mail.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  it('is for those who may see the configuration: officers and analysts are refused, other tenants are not found', async () => {
    const t = await setUp(['admin']);
    const body = { config: draft(t.tenant.slug), report: minimalReport() };
    assert.equal((await t.send(body)).status, 200);
    for (const role of ['officer', 'analyst'] as const) {
      const other = await createStaff(ctx, { tenantId: t.tenant.id, roles: [role] });
      assert.equal((await t.send(body, await signIn(ctx, other.id))).status, 403, role);
    }
    const stranger = await ctx.createTenant();
    const outsider = await createStaff(ctx, { tenantId: stranger.id, roles: ['editor'] });
    assert.equal((await t.send(body, await signIn(ctx, outsider.id))).status, 404);
    assert.equal((await t.send(body, null)).status, 401);
    // Not from the service's own origin: refused like every state change.
    const cross = await ctx.app.request(`/api/v1/console/tenants/${t.tenant.slug}/config/preview-report`, {
      ...asConsole(t.cookie, { method: 'POST', body }),
      headers: { ...asConsole(t.cookie, { method: 'POST', body }).headers, Origin: 'https://evil.example' },
    });
    assert.equal(cross.status, 403);
  });
});
