import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import {
  areaOutlineSchema,
  problemSchema,
  publicTenantConfigSchema,
  routePreviewSchema,
  supportedLocales,
} from '@meldpunt/contracts';
import { importAreaSet, loadAreaSets } from '../areas/area-repository.ts';
import { importDemoAreas } from '../areas/demo-areas.ts';
import { importTenant } from '../tenants/tenant-service.ts';
import {
  countReports,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  sendReport,
  tenantDocument,
  useTestContext,
  type TenantChanges,
} from '../../test/helpers.ts';
import { simpleParser } from 'mailparser';
import { deliveriesOfReport, startTestWorker } from '../../test/delivery-helpers.ts';
import { startSmtpSink } from '../../test/smtp-sink.ts';
import { nonParticipatingResponse } from './texts.ts';

/** Points well inside municipalities of the 2025 boundary file. */
const places = {
  eindhoven: { lat: 51.4416, lng: 5.4697 },
  dordrecht: { lat: 51.8133, lng: 4.6901 },
  almere: { lat: 52.3508, lng: 5.2647 },
  utrecht: { lat: 52.0907, lng: 5.1214 },
  zwijndrecht: { lat: 51.8175, lng: 4.639 },
  brussels: { lat: 50.8503, lng: 4.3517 },
  northSea: { lat: 53.2, lng: 3.6 },
};

interface Tenant {
  slug: string;
  id: string;
  name: string;
}

describe(`routing reports by location (${databaseKind})`, () => {
  // Its own database on PostgreSQL: municipality links are unique, and areas apply to every tenant there.
  const ctx = useTestContext({ ownDatabase: true });
  /** National; Eindhoven, Dordrecht and Almere participate; Utrecht keeps reports placed elsewhere. */
  const t = {} as Record<'national' | 'eindhoven' | 'dordrecht' | 'almere' | 'utrecht', Tenant>;

  async function tenant(key: keyof typeof t, changes: TenantChanges): Promise<void> {
    const slug = `r-${key}-${randomUUID().slice(0, 8)}`;
    const doc = tenantDocument(slug, changes);
    const result = await importTenant(ctx.db, doc);
    t[key] = { slug, id: result.tenantId, name: doc.config.name };
  }

  before(async () => {
    const imported = await importDemoAreas(ctx.db);
    assert.equal(imported.count, 342);
    await tenant('national', {
      config: { kind: 'national', name: 'Meldpunt Nederland (test)' },
      settings: { delivery: { email: [{ address: 'landelijk@nederland.example' }] } },
    });
    await tenant('eindhoven', {
      config: { municipalityCode: 'GM0772', name: 'Eindhoven (test)' },
      settings: { delivery: { email: [{ address: 'oov@eindhoven.example' }, { address: 'wijk@eindhoven.example' }] } },
    });
    await tenant('dordrecht', {
      config: { municipalityCode: 'GM0505', name: 'Dordrecht (test)' },
      settings: { delivery: { email: [{ address: 'oov@dordrecht.example' }] } },
    });
    await tenant('almere', {
      config: {
        municipalityCode: 'GM0034',
        name: 'Almere (test)',
        followUp: {
          mode: 'none',
          response: { title: { nl: 'Bedankt' }, body: { nl: 'Almere geeft geen actieve opvolging.' } },
        },
      },
      settings: { delivery: { email: [] } },
    });
    await tenant('utrecht', {
      config: { municipalityCode: 'GM0344', name: 'Utrecht (test)' },
      settings: {
        routing: { keepReportsElsewhere: true },
        delivery: { email: [{ address: 'oov@utrecht.example' }] },
      },
    });
    await ctx.deps.receivers.refresh();
  });

  async function send(from: Tenant, overrides: Record<string, unknown>, headers?: Record<string, string>) {
    const body = await sendReport(ctx, from.slug, minimalReport(overrides), { headers });
    const row = await ctx.db.selectFrom('report').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    return { body, row };
  }

  async function expectProblem(res: Response, status: number) {
    assert.equal(res.status, status, await res.clone().text());
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    return problemSchema.parse(await readJson(res));
  }

  it('national: a report placed in Eindhoven goes to the Eindhoven tenant, its texts and its recipients', async () => {
    const { body, row } = await send(t.national, { location: places.eindhoven });
    assert.equal(body.tenant, t.eindhoven.slug);
    assert.deepEqual(body.routedTo, {
      slug: t.eindhoven.slug,
      name: 'Eindhoven (test)',
      municipality: { code: 'GM0772', name: 'Eindhoven' },
      participating: true,
    });
    assert.equal(body.followUp, 'active');
    assert.deepEqual(body.response, { title: 'Dank je wel voor je melding', body: 'We lezen elke melding.' });
    assert.equal(row.tenant_id, t.eindhoven.id);
    assert.equal(row.source_tenant_id, t.national.id);
    assert.equal(row.area_code, 'GM0772');
    // Forwarding follows the routed tenant: Eindhoven's two recipients, not the national one.
    const deliveries = await deliveriesOfReport(ctx.db, body.id);
    assert.deepEqual(
      deliveries.map((d) => [d.tenant_id, d.target]),
      [
        [t.eindhoven.id, 'oov@eindhoven.example'],
        [t.eindhoven.id, 'wijk@eindhoven.example'],
      ],
    );
  });

  it('forwarding follows the routed tenant: the mail reaches Eindhoven and says which reporting point it came through', async () => {
    const sink = await startSmtpSink();
    const { stop } = startTestWorker(ctx, sink.url);
    try {
      const { body } = await send(t.national, { location: places.eindhoven, categories: ['following'] });
      await sink.waitFor((all) => all.filter((m) => m.messageId?.startsWith(`<${body.id}.`)).length === 2);
      const mails = sink.received.filter((m) => m.messageId?.startsWith(`<${body.id}.`));
      assert.deepEqual(mails.flatMap((m) => m.to).sort(), ['oov@eindhoven.example', 'wijk@eindhoven.example']);
      const mail = await simpleParser(mails[0]!.raw);
      assert.match(mail.subject ?? '', new RegExp(`${body.reference} – Eindhoven \\(test\\)`));
      assert.match(mail.text ?? '', /Gemeld via: Meldpunt Nederland \(test\)/);
      assert.match(mail.text ?? '', /Wat er gebeurde: Achtervolgen/);
    } finally {
      await stop();
      await sink.stop();
    }
  });

  it('national: Dordrecht and Almere reach their own tenants; Almere gives no follow-up, so no contact is kept', async () => {
    const dordrecht = await send(t.national, { location: places.dordrecht });
    assert.equal(dordrecht.row.tenant_id, t.dordrecht.id);
    assert.equal(dordrecht.body.routedTo.municipality?.name, 'Dordrecht');

    const almere = await send(t.national, {
      location: places.almere,
      contact: { email: 'iemand@example.org', wantsFollowUp: true },
    });
    assert.equal(almere.row.tenant_id, t.almere.id);
    assert.equal(almere.body.followUp, 'none');
    assert.equal(almere.body.response.body, 'Almere geeft geen actieve opvolging.');
    assert.equal(almere.row.contact_sealed, null);
    assert.equal(almere.row.wants_follow_up, false);
    assert.equal((await deliveriesOfReport(ctx.db, almere.body.id)).length, 0);
  });

  it('a municipal tenant: a point in another participating municipality is routed there by default', async () => {
    const { body, row } = await send(t.dordrecht, {
      location: places.eindhoven,
      contact: { email: 'melder@example.org', wantsFollowUp: true },
    });
    assert.equal(body.tenant, t.eindhoven.slug);
    assert.equal(row.tenant_id, t.eindhoven.id);
    assert.equal(row.source_tenant_id, t.dordrecht.id);
    // Sealed for the tenant that holds it: the worker of Eindhoven's deliveries can open it.
    assert.ok(row.contact_sealed);
    assert.deepEqual(ctx.deps.sealer.open(row.contact_sealed, { reportId: row.id, tenantId: t.eindhoven.id }), {
      email: 'melder@example.org',
      wantsFollowUp: true,
    });
  });

  it('a tenant without follow-up refuses contact details for its own reports, but passes them on to one that follows up', async () => {
    const own = await postReport(
      ctx,
      t.almere.slug,
      minimalReport({ location: places.almere, contact: { email: 'a@example.org', wantsFollowUp: true } }),
    );
    const problem = await expectProblem(own, 422);
    assert.deepEqual(
      problem.errors?.map((e) => e.path),
      ['/contact'],
    );
    const { body, row } = await send(t.almere, {
      location: places.eindhoven,
      contact: { email: 'a@example.org', wantsFollowUp: true },
    });
    assert.equal(body.tenant, t.eindhoven.slug);
    assert.equal(body.followUp, 'active');
    assert.ok(row.contact_sealed);
    assert.equal(row.wants_follow_up, true);
  });

  it('a municipal tenant keeps its own reports, and with keepReportsElsewhere keeps the others too', async () => {
    const own = await send(t.dordrecht, { location: places.dordrecht });
    assert.equal(own.row.tenant_id, t.dordrecht.id);
    assert.deepEqual(own.body.routedTo.municipality, { code: 'GM0505', name: 'Dordrecht' });

    const kept = await send(t.utrecht, { location: places.eindhoven });
    assert.equal(kept.body.tenant, t.utrecht.slug);
    assert.equal(kept.row.tenant_id, t.utrecht.id);
    assert.equal(kept.row.area_code, 'GM0772');
    assert.deepEqual(kept.body.routedTo, {
      slug: t.utrecht.slug,
      name: 'Utrecht (test)',
      municipality: { code: 'GM0772', name: 'Eindhoven' },
      participating: true,
    });
  });

  it('a municipality without a tenant: kept by the national tenant without follow-up, and the reporter told to contact it', async () => {
    const { body, row } = await send(t.dordrecht, {
      location: places.zwijndrecht,
      locale: 'en',
      contact: { phone: '0612345678', wantsFollowUp: true },
    });
    assert.equal(body.tenant, t.national.slug);
    assert.deepEqual(body.routedTo, {
      slug: t.national.slug,
      name: 'Meldpunt Nederland (test)',
      municipality: { code: 'GM0642', name: 'Zwijndrecht' },
      participating: false,
    });
    assert.equal(body.followUp, 'none');
    assert.deepEqual(body.response, nonParticipatingResponse('en', 'Zwijndrecht'));
    assert.match(body.response.body, /contact the municipality of Zwijndrecht directly/);
    assert.equal(row.tenant_id, t.national.id);
    assert.equal(row.contact_sealed, null);
    assert.equal(row.area_code, 'GM0642');
  });

  it('the contact-them-directly answer exists in every language and names the municipality', () => {
    for (const locale of supportedLocales) {
      const text = nonParticipatingResponse(locale, 'Zwijndrecht');
      assert.equal(text.body.match(/Zwijndrecht/g)?.length, 2, locale);
      assert.match(text.body, /112/, locale);
    }
    // Each in its own language: none falls back to another.
    const bodies = supportedLocales.map((locale) => nonParticipatingResponse(locale, 'Zwijndrecht').body);
    assert.equal(new Set(bodies).size, supportedLocales.length);
  });

  it('a point outside the Netherlands: 422 with a clear message, nothing stored', async () => {
    for (const [from, place] of [
      [t.national, places.brussels],
      [t.dordrecht, places.northSea],
    ] as const) {
      const before = await countReports(ctx.db, from.id);
      const problem = await expectProblem(await postReport(ctx, from.slug, minimalReport({ location: place })), 422);
      assert.equal(problem.type, 'https://meldpunt.dev/problems/outside-netherlands');
      assert.equal(problem.title, 'This place is not in the Netherlands');
      assert.deepEqual(problem.errors, [{ path: '/location', message: 'Choose a place in the Netherlands' }]);
      assert.equal(await countReports(ctx.db, from.id), before);
    }
  });

  it('no point, only words: the embedding tenant keeps it', async () => {
    for (const from of [t.national, t.dordrecht]) {
      const { body, row } = await send(from, { location: { text: 'Bij het station, onder de brug' } });
      assert.equal(row.tenant_id, from.id);
      assert.equal(row.area_code, null);
      assert.deepEqual(body.routedTo, { slug: from.slug, name: from.name, municipality: null, participating: true });
    }
  });

  it('an idempotent retry of a routed report answers the same, routed, body; the key belongs to the widget', async () => {
    const key = randomUUID();
    const first = await send(t.national, { location: places.eindhoven }, { 'Idempotency-Key': key });
    const again = await send(t.national, { location: places.eindhoven }, { 'Idempotency-Key': key });
    // Issue 15: the same body, but for a new receipt code (and feedback token) in place of the first.
    const withoutCodes = ({ receiptCode: _code, feedbackToken: _token, ...body }: typeof first.body) => body;
    assert.deepEqual(withoutCodes(again.body), withoutCodes(first.body));
    assert.ok(again.body.receiptCode && again.body.receiptCode !== first.body.receiptCode);
    const stored = await ctx.db
      .selectFrom('report')
      .select('id')
      .where('source_tenant_id', '=', t.national.id)
      .where('idempotency_key', '=', key)
      .execute();
    assert.equal(stored.length, 1);
    // Another widget using the same key by chance stores its own report.
    const other = await send(t.dordrecht, { location: places.eindhoven }, { 'Idempotency-Key': key });
    assert.notEqual(other.body.id, first.body.id);

    const replayElsewhere = await send(
      t.dordrecht,
      { location: places.zwijndrecht },
      { 'Idempotency-Key': `${key}-z` },
    );
    const replayed = await send(t.dordrecht, { location: places.zwijndrecht }, { 'Idempotency-Key': `${key}-z` });
    assert.deepEqual(withoutCodes(replayed.body), withoutCodes(replayElsewhere.body));
    assert.equal(replayed.body.receiptCode, undefined, 'no follow-up, no code');
    assert.equal(replayed.body.routedTo.participating, false);
  });

  it('areas are versioned by date: a report dated before a merger routes by the areas of that date', async () => {
    // A made-up earlier boundary set in which Eindhoven's ground belonged to a municipality that later merged.
    const [current] = await loadAreaSets(ctx.db);
    assert.ok(current);
    const before2025 = current.features.map((f) =>
      f.code === 'GM0772' ? { ...f, code: 'GM9772', name: 'Oud-Eindhoven (vóór de fusie)' } : f,
    );
    assert.equal(
      (await importAreaSet(ctx.db, { validFrom: '2020-01-01', source: 'test', features: before2025 })).outcome,
      'created',
    );
    await ctx.deps.receivers.refresh();

    const old = await send(t.national, { location: places.eindhoven, occurredAt: '2022-06-01T21:00:00+02:00' });
    assert.equal(old.row.tenant_id, t.national.id);
    assert.deepEqual(old.body.routedTo.municipality, { code: 'GM9772', name: 'Oud-Eindhoven (vóór de fusie)' });
    assert.equal(old.body.routedTo.participating, false);

    const recent = await send(t.national, { location: places.eindhoven, occurredAt: '2025-01-01T00:30:00+01:00' });
    assert.equal(recent.row.tenant_id, t.eindhoven.id);

    // The preview takes the report's date too.
    const preview = routePreviewSchema.parse(
      await readJson(
        await ctx.app.request(
          `/api/v1/tenants/${t.national.slug}/route?lat=${places.eindhoven.lat}&lng=${places.eindhoven.lng}&at=2021-03-01T12:00:00Z`,
        ),
      ),
    );
    assert.equal(preview.routedTo.municipality?.code, 'GM9772');
  });

  it('GET …/route previews where a report would go, without storing anything', async () => {
    const before = await countReports(ctx.db, t.eindhoven.id);
    const res = await ctx.app.request(
      `/api/v1/tenants/${t.national.slug}/route?lat=${places.eindhoven.lat}&lng=${places.eindhoven.lng}`,
      { headers: { Origin: 'https://www.testgemeente.example' } },
    );
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://www.testgemeente.example');
    assert.deepEqual(routePreviewSchema.parse(await readJson(res)), {
      routedTo: {
        slug: t.eindhoven.slug,
        name: 'Eindhoven (test)',
        municipality: { code: 'GM0772', name: 'Eindhoven' },
        participating: true,
      },
      followUp: 'active',
    });
    assert.equal(await countReports(ctx.db, t.eindhoven.id), before);

    const almere = routePreviewSchema.parse(
      await readJson(
        await ctx.app.request(
          `/api/v1/tenants/${t.dordrecht.slug}/route?lat=${places.almere.lat}&lng=${places.almere.lng}`,
        ),
      ),
    );
    assert.equal(almere.routedTo.slug, t.almere.slug);
    assert.equal(almere.followUp, 'none');

    const outside = await expectProblem(
      await ctx.app.request(
        `/api/v1/tenants/${t.national.slug}/route?lat=${places.brussels.lat}&lng=${places.brussels.lng}`,
      ),
      422,
    );
    assert.equal(outside.type, 'https://meldpunt.dev/problems/outside-netherlands');

    const bad = await expectProblem(
      await ctx.app.request(`/api/v1/tenants/${t.national.slug}/route?lat=north&lng=5`),
      422,
    );
    assert.ok(
      bad.errors?.some((e) => e.path === '/lat'),
      JSON.stringify(bad.errors),
    );
    // The report's rule for its moment: no UTC offset beyond ±14:00.
    const farOffset = await expectProblem(
      await ctx.app.request(`/api/v1/tenants/${t.national.slug}/route?lat=52&lng=5&at=2025-01-01T12:00:00%2B16:00`),
      422,
    );
    assert.deepEqual(farOffset.errors, [{ path: '/at', message: 'Use a UTC offset between -14:00 and +14:00' }]);
    await expectProblem(await ctx.app.request(`/api/v1/tenants/nobody-here/route?lat=52&lng=5`), 404);
  });

  it('the public config of a municipal tenant carries its simplified outline; the national one none', async () => {
    const res = await ctx.app.request(`/api/v1/tenants/${t.dordrecht.slug}/config`);
    const served = publicTenantConfigSchema.parse(await readJson(res));
    const area = areaOutlineSchema.parse(served.area);
    assert.equal(area.code, 'GM0505');
    assert.equal(area.name, 'Dordrecht');
    for (const polygon of area.outline) {
      for (const ring of polygon) assert.deepEqual(ring.at(0), ring.at(-1));
    }
    const national = publicTenantConfigSchema.parse(
      await readJson(await ctx.app.request(`/api/v1/tenants/${t.national.slug}/config`)),
    );
    assert.equal(national.area, undefined);
    assert.equal(national.config.kind, 'national');
  });

  it('one tenant per municipality: importing a second tenant for Dordrecht is refused', async () => {
    await assert.rejects(
      importTenant(
        ctx.db,
        tenantDocument(`r-dup-${randomUUID().slice(0, 8)}`, { config: { municipalityCode: 'GM0505' } }),
      ),
      /municipality GM0505 is already served by tenant "r-dordrecht-/,
    );
  });
});
