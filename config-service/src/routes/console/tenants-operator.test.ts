/**
 * The platform operator's onboarding and offboarding, through the API on a real database, with the
 * invitation mail sent by a real delivery worker to a real SMTP server (the sink the delivery tests use).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { municipalityListSchema, onboardedSchema, consoleTenantListSchema } from '@meldpunt/contracts';
import { importDemoAreas } from '../../areas/demo-areas.ts';
import { parseExpectations, verifyAuditLog } from '../../audit/verify.ts';
import { consumeInvitation, createInvitation } from '../../staff/invitations.ts';
import { setRoles } from '../../staff/staff-repository.ts';
import { databaseKind, minimalReport, readJson, sendReport, useTestContext } from '../../../test/helpers.ts';
import { startTestWorker, waitUntil } from '../../../test/delivery-helpers.ts';
import { startSmtpSink } from '../../../test/smtp-sink.ts';
import { asConsole, createStaff, signIn } from '../../../test/staff.ts';

describe(`operator: municipalities, onboarding, invitation mail, export and offboarding (${databaseKind})`, () => {
  const ctx = useTestContext({ ownDatabase: true });
  let operatorCookie: string;

  before(async () => {
    await importDemoAreas(ctx.db);
    const operator = await createStaff(ctx, { platformAdmin: true });
    operatorCookie = await signIn(ctx, operator.id);
  });

  async function search(q: string, cookie = operatorCookie) {
    const res = await ctx.app.request(`/api/v1/console/municipalities?q=${encodeURIComponent(q)}`, asConsole(cookie));
    assert.equal(res.status, 200, await res.clone().text());
    return municipalityListSchema.parse(await res.json());
  }

  async function onboard(body: unknown, cookie = operatorCookie, app = ctx.app) {
    return app.request('/api/v1/console/tenants', asConsole(cookie, { method: 'POST', body }));
  }

  async function platformActions(): Promise<{ action: string; targetId: string | null }[]> {
    const rows = await ctx.db
      .selectFrom('audit_entry')
      .select(['action', 'target_id'])
      .where('tenant_id', 'is', null)
      .orderBy('sequence')
      .execute();
    return rows.map((r) => ({ action: r.action, targetId: r.target_id }));
  }

  it('finds municipalities by name regardless of case and accents, prefix and word matches first', async () => {
    const dord = await search('DORD');
    assert.deepEqual(dord[0], { code: 'GM0505', name: 'Dordrecht', slug: 'dordrecht', tenant: null });
    for (const q of ["'s-Hertogenbosch", 'hertogenbosch', 's-her', '’s hertogenbosch']) {
      const found = await search(q);
      assert.equal(found[0]?.name, "'s-Hertogenbosch", q);
      assert.equal(found[0]?.slug, 's-hertogenbosch');
    }
    for (const q of ['sudwest', 'Súdwest-Fryslân', 'SUDWEST FRYSLAN', 'fryslan']) {
      const found = await search(q);
      assert.ok(
        found.some((m) => m.name === 'Súdwest-Fryslân' && m.slug === 'sudwest-fryslan'),
        `${q}: ${found.map((m) => m.name).join(', ')}`,
      );
    }
    // A prefix match ranks before a match inside a word: "den" finds Den Haag / Den Helder before Leiden.
    const den = (await search('den')).map((m) => m.name);
    assert.ok(den.indexOf('Den Helder') < den.indexOf('Leiden') || !den.includes('Leiden'), den.join(', '));
    assert.ok(den.indexOf('Den Helder') >= 0);
    assert.deepEqual(await search('zzzqqq'), []);
    const empty = await ctx.app.request('/api/v1/console/municipalities?q=', asConsole(operatorCookie));
    assert.equal(empty.status, 422);
    assert.match(empty.headers.get('content-type') ?? '', /problem\+json/);
  });

  it('onboards a municipality in one go: tenant, published default config, invitation mailed with a working link, audited', async () => {
    const sink = await startSmtpSink();
    const { worker, stop } = startTestWorker(ctx, sink.url);
    try {
      const app = ctx.appWith({ nudgeDelivery: worker.nudge });
      const res = await onboard(
        { municipalityCode: 'GM0796', adminEmail: 'Eerste.Beheerder@Den-Bosch.example' },
        operatorCookie,
        app,
      );
      assert.equal(res.status, 201, await res.clone().text());
      const onboarded = onboardedSchema.parse(await res.json());
      assert.deepEqual(
        { slug: onboarded.slug, code: onboarded.municipalityCode, demo: onboarded.isDemo },
        { slug: 's-hertogenbosch', code: 'GM0796', demo: false },
      );
      const tenant = await ctx.db
        .selectFrom('tenant')
        .selectAll()
        .where('slug', '=', 's-hertogenbosch')
        .executeTakeFirstOrThrow();
      assert.equal(tenant.municipality_code, 'GM0796');
      assert.equal(tenant.published_version, 1);
      assert.deepEqual(tenant.settings.delivery.email, []);

      // The public config is served at once, from the defaults: its name, Dutch and English.
      const config = await ctx.app.request('/api/v1/tenants/s-hertogenbosch/config');
      assert.equal(config.status, 200);
      const served = ((await config.json()) as { config: { name: string; locales: string[]; categories: unknown[] } })
        .config;
      assert.equal(served.name, "Gemeente 's-Hertogenbosch");
      assert.deepEqual(served.locales, ['nl', 'en']);
      assert.equal(served.categories.length, 10);

      // The overview shows it as not forwarding anywhere yet.
      const list = consoleTenantListSchema.parse(
        await readJson(await ctx.app.request('/api/v1/console/tenants', asConsole(operatorCookie))),
      );
      assert.equal(list.find((t) => t.slug === 's-hertogenbosch')?.deliveryTargets, 0);
      assert.equal((await search('hertogenbosch'))[0]?.tenant, 's-hertogenbosch');

      // The mail: to the invited address, Dutch then English, with a link whose token works once.
      await sink.waitFor((r) => r.some((m) => m.to.includes('eerste.beheerder@den-bosch.example')));
      const raw = sink.received.find((m) => m.to.includes('eerste.beheerder@den-bosch.example'))!.raw;
      const mail = await simpleParser(raw);
      assert.match(
        mail.subject ?? '',
        /^Uitnodiging voor Meldpunt – Gemeente 's-Hertogenbosch \/ Invitation to Meldpunt/,
      );
      const text = mail.text ?? '';
      assert.ok(text.indexOf('Je bent uitgenodigd') < text.indexOf('You are invited'), 'Dutch first');
      assert.match(text, /beheerder/);
      assert.match(text, /Negeer dan deze e-mail/);
      assert.match(text, /ignore this e-mail/);
      assert.match(text, /72/);
      const link = /http:\/\/localhost\/console\/invitation#([A-Za-z0-9_-]{43})/.exec(text);
      assert.ok(link, text);
      assert.match(String(mail.html), new RegExp(`href="http://localhost/console/invitation#${link[1]}"`));

      // Sent: the link is no longer kept, and never was in plain text.
      const delivery = await ctx.db
        .selectFrom('delivery')
        .selectAll()
        .where('invitation_id', '=', onboarded.invitationId)
        .executeTakeFirstOrThrow();
      await waitUntil(
        async () =>
          (await ctx.db.selectFrom('delivery').select('status').where('id', '=', delivery.id).executeTakeFirstOrThrow())
            .status === 'sent',
        'the mail recorded as sent',
      );
      const sent = await ctx.db
        .selectFrom('delivery')
        .selectAll()
        .where('id', '=', delivery.id)
        .executeTakeFirstOrThrow();
      assert.equal(sent.sealed_link, null);
      assert.equal(sent.kind, 'invitation');
      assert.ok(!ctx.logs.join('\n').includes(link[1]!), 'the link is never logged');

      const accepted = await consumeInvitation(ctx.deps, link[1]!, { name: 'Eerste Beheerder' });
      assert.ok(accepted.ok);
      const roles = await ctx.db
        .selectFrom('membership')
        .select('role')
        .where('staff_id', '=', accepted.staffId)
        .where('tenant_id', '=', tenant.id)
        .execute();
      assert.deepEqual(
        roles.map((r) => r.role),
        ['admin'],
      );
      assert.equal((await consumeInvitation(ctx.deps, link[1]!, { name: 'Nog eens' })).ok, false, 'single use');

      // Audit: the tenant's chain starts with the onboarding, then the invitation; the platform records it.
      const chain = await ctx.db
        .selectFrom('audit_entry')
        .select(['sequence', 'action'])
        .where('tenant_id', '=', tenant.id)
        .orderBy('sequence')
        .execute();
      assert.deepEqual(
        chain.map((e) => e.action),
        ['tenant.onboarded', 'invitation.created', 'invitation.accepted'],
      );
      assert.ok((await platformActions()).some((e) => e.action === 'tenant.onboarded' && e.targetId === tenant.id));
      const stored = JSON.stringify(await ctx.db.selectFrom('audit_entry').selectAll().execute());
      assert.ok(!stored.includes('den-bosch.example'), 'no address in the audit log');
    } finally {
      await stop();
      await sink.stop();
    }
  });

  it('seals the waiting link in the outbox, and a re-invitation withdraws the open one with its mail', async () => {
    const tenant = await ctx.createTenant();
    const admin = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const cookie = await signIn(ctx, admin.id);
    const invite = () =>
      ctx.app.request(
        `/api/v1/console/tenants/${tenant.slug}/invitations`,
        asConsole(cookie, { method: 'POST', body: { email: 'twee.keer@example.nl', roles: ['editor'] } }),
      );
    const first = (await readJson(await invite())) as { id: string };
    const queued = await ctx.db
      .selectFrom('delivery')
      .selectAll()
      .where('invitation_id', '=', first.id)
      .executeTakeFirstOrThrow();
    assert.equal(queued.status, 'queued');
    assert.ok(queued.sealed_link && queued.sealed_link.length > 40);
    assert.ok(
      !Buffer.from(queued.sealed_link).toString('latin1').includes('/console/invitation#'),
      'sealed, not plain',
    );
    assert.match(
      ctx.deps.sealer.openInvitationLink(queued.sealed_link, queued.id),
      /^http:\/\/localhost\/console\/invitation#/,
    );

    const second = (await readJson(await invite())) as { id: string };
    const open = await ctx.db
      .selectFrom('invitation')
      .select('id')
      .where('email', '=', 'twee.keer@example.nl')
      .execute();
    assert.deepEqual(
      open.map((r) => r.id),
      [second.id],
    );
    const mails = await ctx.db
      .selectFrom('delivery')
      .select('invitation_id')
      .where('target', '=', 'twee.keer@example.nl')
      .execute();
    assert.deepEqual(
      mails.map((m) => m.invitation_id),
      [second.id],
      'the first mail went with its invitation',
    );
    const actions = await ctx.db
      .selectFrom('audit_entry')
      .select('action')
      .where('tenant_id', '=', tenant.id)
      .orderBy('sequence')
      .execute();
    assert.deepEqual(actions.map((a) => a.action).slice(-3), [
      'invitation.created',
      'invitation.revoked',
      'invitation.created',
    ]);
  });

  it('does not mail a link that no longer works, and forgets it', async () => {
    const tenant = await ctx.createTenant();
    const invitation = await createInvitation(
      { ...ctx.deps, invitationMail: ctx.deps },
      { email: 'te.laat@example.nl', tenantId: tenant.id, roles: ['analyst'] },
    );
    assert.ok((await consumeInvitation(ctx.deps, invitation.token, { name: 'Te Laat' })).ok);
    const sink = await startSmtpSink();
    const { stop } = startTestWorker(ctx, sink.url);
    try {
      const row = () =>
        ctx.db.selectFrom('delivery').selectAll().where('id', '=', invitation.deliveryId!).executeTakeFirstOrThrow();
      await waitUntil(async () => (await row()).status === 'failed', 'the mail given up');
      assert.deepEqual([(await row()).last_error, (await row()).sealed_link], ['invitation-closed', null]);
      assert.equal(sink.received.filter((m) => m.to.includes('te.laat@example.nl')).length, 0);
    } finally {
      await stop();
      await sink.stop();
    }
  });

  it('refuses a municipality that has a tenant (409), an unknown code (422), and anyone but the operator', async () => {
    const created = await onboard({ municipalityCode: 'GM1900', adminEmail: 'beheer@sudwest.example', demo: true });
    assert.equal(created.status, 201, await created.clone().text());
    assert.equal(onboardedSchema.parse(await created.json()).slug, 'sudwest-fryslan');
    const again = await onboard({ municipalityCode: 'GM1900', adminEmail: 'ander@sudwest.example' });
    assert.equal(again.status, 409);
    assert.match(again.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal(((await again.json()) as { type: string }).type, 'https://meldpunt.dev/problems/tenant-exists');
    const unknown = await onboard({ municipalityCode: 'GM9999', adminEmail: 'x@example.nl' });
    assert.equal(unknown.status, 422);
    const invalid = await onboard({ municipalityCode: 'Dordrecht', adminEmail: 'geen adres' });
    assert.equal(invalid.status, 422);
    const errors = ((await invalid.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    assert.deepEqual(errors, ['/adminEmail', '/municipalityCode']);
    assert.equal(
      (await ctx.db.selectFrom('tenant').select('id').where('municipality_code', '=', 'GM1900').execute()).length,
      1,
    );

    const tenant = await ctx.createTenant();
    const admin = await createStaff(ctx, {
      tenantId: tenant.id,
      roles: ['admin', 'editor', 'publisher', 'officer', 'analyst'],
    });
    const cookie = await signIn(ctx, admin.id);
    assert.equal((await onboard({ municipalityCode: 'GM0014', adminEmail: 'x@example.nl' }, cookie)).status, 403);
    assert.equal((await ctx.app.request('/api/v1/console/municipalities?q=dord', asConsole(cookie))).status, 403);
    const demo = await ctx.app.request(
      '/api/v1/console/tenants/sudwest-fryslan/demo',
      asConsole(cookie, { method: 'PUT', body: { demo: false } }),
    );
    assert.equal(demo.status, 404, 'another tenant reads as none');
    const own = await ctx.app.request(
      `/api/v1/console/tenants/${tenant.slug}/demo`,
      asConsole(cookie, { method: 'PUT', body: { demo: true } }),
    );
    assert.equal(own.status, 403, 'no tenant role may mark a tenant');

    const marked = await ctx.app.request(
      '/api/v1/console/tenants/sudwest-fryslan/demo',
      asConsole(operatorCookie, { method: 'PUT', body: { demo: false } }),
    );
    assert.equal(marked.status, 200);
    const row = await ctx.db
      .selectFrom('tenant')
      .select(['id', 'is_demo'])
      .where('slug', '=', 'sudwest-fryslan')
      .executeTakeFirstOrThrow();
    assert.equal(row.is_demo, false);
    assert.ok((await platformActions()).some((e) => e.action === 'tenant.demo-changed' && e.targetId === row.id));
  });

  it('exports a tenant completely with contact details opened (audited as a reveal), then offboards it', async () => {
    const tenant = await ctx.createTenant();
    const other = await ctx.createTenant();
    const withContact = await sendReport(
      ctx,
      tenant.slug,
      minimalReport({ contact: { name: 'Sam Melder', email: 'sam@voorbeeld.example', wantsFollowUp: true } }),
    );
    const anonymous = await sendReport(ctx, tenant.slug);
    const otherReport = await sendReport(ctx, other.slug);
    const onlyHere = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const alsoElsewhere = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor'] });
    await setRoles(ctx.db, other.id, alsoElsewhere.id, ['analyst']);
    const operatorMember = await createStaff(ctx, { tenantId: tenant.id, roles: ['officer'], platformAdmin: true });
    const onlyHereCookie = await signIn(ctx, onlyHere.id);
    await ctx.app.request(
      `/api/v1/console/tenants/${tenant.slug}/invitations`,
      asConsole(onlyHereCookie, { method: 'POST', body: { email: 'nieuw@example.nl', roles: ['analyst'] } }),
    );
    const path = `/api/v1/console/tenants/${tenant.slug}`;
    const remove = (confirmSlug: string, cookie = operatorCookie) =>
      ctx.app.request(path, asConsole(cookie, { method: 'DELETE', body: { confirmSlug } }));

    // A non-operator: 403 in their own tenant, 404 in another; nothing happens.
    assert.equal((await remove(tenant.slug, onlyHereCookie)).status, 403);
    assert.equal((await ctx.app.request(`${path}/export`, asConsole(onlyHereCookie))).status, 403);
    assert.equal(
      (
        await ctx.app.request(
          `/api/v1/console/tenants/${other.slug}`,
          asConsole(onlyHereCookie, { method: 'DELETE', body: { confirmSlug: other.slug } }),
        )
      ).status,
      404,
    );

    // Without an export: 409; a wrong confirmation: 422.
    const refused = await remove(tenant.slug);
    assert.equal(refused.status, 409);
    assert.equal(((await refused.json()) as { type: string }).type, 'https://meldpunt.dev/problems/export-required');

    const exported = await ctx.app.request(`${path}/export`, asConsole(operatorCookie));
    assert.equal(exported.status, 200);
    assert.match(
      exported.headers.get('content-disposition') ?? '',
      new RegExp(`attachment; filename="tenant-${tenant.slug}-\\d{4}-\\d{2}-\\d{2}\\.json"`),
    );
    const doc = (await exported.json()) as {
      tenant: { slug: string };
      configVersions: { version: number }[];
      reports: { id: string; reference: string; contact: { email?: string; name?: string } | null }[];
      members: { email: string; roles: string[] }[];
      invitations: { email: string }[];
      deliveries: unknown[];
      auditLog: { action: string; sequence: number }[];
      settings: unknown;
    };
    assert.equal(doc.tenant.slug, tenant.slug);
    assert.deepEqual(
      doc.configVersions.map((c) => c.version),
      [1],
    );
    assert.deepEqual(doc.reports.map((r) => r.reference).sort(), [withContact.reference, anonymous.reference].sort());
    assert.deepEqual(doc.reports.find((r) => r.reference === withContact.reference)?.contact, {
      name: 'Sam Melder',
      email: 'sam@voorbeeld.example',
      wantsFollowUp: true,
    });
    assert.equal(doc.reports.find((r) => r.reference === anonymous.reference)?.contact, null);
    assert.ok(!JSON.stringify(doc).includes(otherReport.reference), 'only this tenant');
    assert.deepEqual(
      doc.members.map((m) => m.email).sort(),
      [onlyHere.email, alsoElsewhere.email, operatorMember.email].sort(),
    );
    assert.deepEqual(
      doc.invitations.map((i) => i.email),
      ['nieuw@example.nl'],
    );
    assert.ok(doc.deliveries.length >= 1);
    assert.equal(doc.auditLog.at(-1)?.action, 'export.created');
    const platform = await platformActions();
    assert.ok(platform.some((e) => e.action === 'export.created' && e.targetId === tenant.id));
    assert.ok(platform.some((e) => e.action === 'contacts.exported' && e.targetId === tenant.id));
    const reveal = await ctx.db
      .selectFrom('audit_entry')
      .select('details')
      .where('action', '=', 'contacts.exported')
      .where('target_id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(reveal.details, { reports: 1 });

    assert.equal((await remove('wrong-slug')).status, 422);
    assert.equal((await remove(tenant.slug)).status, 204);

    // Everything of the tenant is gone, row by row; the other tenant and the people elsewhere stay.
    const count = async (
      table:
        'report' | 'delivery' | 'membership' | 'invitation' | 'tenant_config_version' | 'tenant_export' | 'audit_entry',
    ) =>
      Number(
        (
          await ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('tenant_id', '=', tenant.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    for (const table of [
      'report',
      'delivery',
      'membership',
      'invitation',
      'tenant_config_version',
      'tenant_export',
      'audit_entry',
    ] as const) {
      assert.equal(await count(table), 0, table);
    }
    assert.equal(
      await ctx.db.selectFrom('tenant').select('id').where('id', '=', tenant.id).executeTakeFirst(),
      undefined,
    );
    const staffLeft = await ctx.db
      .selectFrom('staff')
      .select('id')
      .where('id', 'in', [onlyHere.id, alsoElsewhere.id, operatorMember.id])
      .execute();
    assert.deepEqual(staffLeft.map((s) => s.id).sort(), [alsoElsewhere.id, operatorMember.id].sort());
    assert.equal(
      (await ctx.db.selectFrom('staff_session').select('id').where('staff_id', '=', onlyHere.id).execute()).length,
      0,
    );
    assert.equal((await ctx.app.request(`/api/v1/console/tenants`, asConsole(onlyHereCookie))).status, 401);
    assert.ok(await ctx.db.selectFrom('report').select('id').where('id', '=', otherReport.id).executeTakeFirst());
    assert.equal((await ctx.app.request(`/api/v1/tenants/${tenant.slug}/config`)).status, 404);

    // The platform chain records the offboarding and still verifies; the tenant's chain is gone.
    assert.ok((await platformActions()).some((e) => e.action === 'tenant.offboarded' && e.targetId === tenant.id));
    const logged = parseExpectations([], [ctx.logs.join('\n')]);
    const result = await verifyAuditLog(ctx.db, ctx.deps.serverSecret, logged);
    assert.deepEqual(result.problems, []);
    assert.equal((await remove(tenant.slug)).status, 404);
  });
});
