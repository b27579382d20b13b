/**
 * The figures API on a real database: counts of chosen reports (inserted in SQL with their times,
 * places and categories), suppression on the API and in the CSV, complete periods only, the time zone,
 * routed reports counted where they were routed to, and who may read what; and (issue 15) the
 * reporters' feedback: its figures and its comments.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import {
  feedbackCommentsSchema,
  feedbackFiguresSchema,
  figuresSchema,
  hotspotsSchema,
  hotTimesSchema,
  nationalFiguresSchema,
  problemSchema,
  type PublishedCount,
} from '@meldpunt/contracts';
import { lastCompletePeriod, periodContaining, amsterdamDate } from '../../figures/periods.ts';
import { rdToWgs84 } from '../../figures/rd-grid.ts';
import { readJson, useTestContext } from '../../../test/helpers.ts';
import { asConsole, createStaff, signIn } from '../../../test/staff.ts';

/** The Westertoren (RD 120700.723, 487525.501): in the square E1205N4875. */
const westertoren = { lat: 52.37453253, lng: 4.88352559 };
/** About 1 km east of it: another square. */
const eastOfIt = { lat: 52.3745, lng: 4.8985 };

interface Seed {
  n: number;
  role: 'victim' | 'bystander' | 'other';
  occurredAt: string;
  receivedAt: string;
  precision: 'exact' | 'part-of-day' | 'approximate';
  partOfDay?: string;
  point?: { lat: number; lng: number };
  categories: string[];
  /** The tenant whose widget it came in through (default: the tenant itself). */
  sourceTenantId?: string;
}

describe('figures', { timeout: 120_000 }, () => {
  const ctx = useTestContext();

  async function insert(tenantId: string, seeds: Seed[]) {
    for (const s of seeds) {
      for (let i = 0; i < s.n; i++) {
        await sql`insert into report (id, tenant_id, source_tenant_id, reference, role, categories, occurred_at,
            time_precision, part_of_day, location_lat, location_lng, locale, config_version, received_at)
          values (${randomUUID()}, ${tenantId}, ${s.sourceTenantId ?? tenantId}, ${randomUUID()}, ${s.role},
            ${sql`${`{${s.categories.join(',')}}`}::text[]`}, ${new Date(s.occurredAt)}, ${s.precision},
            ${s.partOfDay ?? null}, ${s.point?.lat ?? null}, ${s.point?.lng ?? null}, 'nl', 1,
            ${new Date(s.receivedAt)})`.execute(ctx.db);
      }
    }
  }

  /** A tenant with reports in June 2026, its officer, analyst and editor, and another tenant. */
  async function setUp() {
    const tenant = await ctx.createTenant({
      config: {
        categories: [
          { id: 'verbal' },
          { id: 'following' },
          { id: 'threat' },
          {
            id: 'sneaky',
            label: { nl: '=HYPERLINK("https://evil.example")', en: '=HYPERLINK("https://evil.example")' },
          },
        ],
      },
    });
    const other = await ctx.createTenant();
    await insert(tenant.id, [
      // Sunday 14 June, 23:30 in Amsterdam (21:30 UTC), received 23:45 local the same Sunday.
      {
        n: 6,
        role: 'victim',
        occurredAt: '2026-06-14T21:30:00Z',
        receivedAt: '2026-06-14T21:45:00Z',
        precision: 'exact',
        point: westertoren,
        categories: ['verbal'],
      },
      {
        n: 10,
        role: 'victim',
        occurredAt: '2026-06-10T08:00:00Z',
        receivedAt: '2026-06-12T10:00:00Z',
        precision: 'part-of-day',
        partOfDay: 'morning',
        categories: ['following'],
      },
      // Four bystanders, entered in the other tenant's widget and routed here by their point.
      {
        n: 4,
        role: 'bystander',
        occurredAt: '2026-06-01T10:00:00Z',
        receivedAt: '2026-06-20T10:00:00Z',
        precision: 'approximate',
        point: westertoren,
        categories: ['verbal', 'threat'],
        sourceTenantId: other.id,
      },
      // Monday 15 June, 12:00 local.
      {
        n: 5,
        role: 'other',
        occurredAt: '2026-06-15T10:00:00Z',
        receivedAt: '2026-06-15T20:00:00Z',
        precision: 'exact',
        point: eastOfIt,
        categories: ['sneaky'],
      },
      // Outside June (Amsterdam): 1 July 00:30 local is still 30 June in UTC.
      {
        n: 7,
        role: 'victim',
        occurredAt: '2026-06-30T22:00:00Z',
        receivedAt: '2026-06-30T22:30:00Z',
        precision: 'exact',
        categories: ['verbal'],
      },
    ]);
    const officer = await createStaff(ctx, { tenantId: tenant.id, roles: ['officer'] });
    const analyst = await createStaff(ctx, { tenantId: tenant.id, roles: ['analyst'] });
    const editor = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor', 'admin'] });
    const otherOfficer = await createStaff(ctx, { tenantId: other.id, roles: ['officer'] });
    return {
      tenant,
      other,
      officer: await signIn(ctx, officer.id),
      analyst: await signIn(ctx, analyst.id),
      editor: await signIn(ctx, editor.id),
      otherOfficer: await signIn(ctx, otherOfficer.id),
    };
  }

  const get = (path: string, cookie: string) => ctx.app.request(path, asConsole(cookie));
  const shown = (count: number): PublishedCount => ({ count, suppressed: null });
  const below: PublishedCount = { count: null, suppressed: 'below-minimum' };
  const complementary: PublishedCount = { count: null, suppressed: 'complementary' };
  const byKey = <T extends { key: string }>(rows: T[]) =>
    Object.fromEntries(rows.map(({ key, ...rest }) => [key, rest]));

  it('counts a month by category, role, part of day and delay, hiding what is below the minimum and what would give it away', async () => {
    const s = await setUp();
    const base = `/api/v1/backoffice/tenants/${s.tenant.slug}/figures?period=month&at=2026-06-15`;
    const res = await get(`${base}&lang=en`, s.analyst);
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const figures = figuresSchema.parse(await res.json());
    assert.deepEqual(figures.period, { kind: 'month', start: '2026-06-01', end: '2026-07-01' });
    assert.deepEqual(figures.previous, { kind: 'month', start: '2026-05-01', end: '2026-06-01' });
    assert.equal(figures.minimumCount, 5);
    assert.deepEqual(figures.total, shown(25));
    assert.deepEqual(figures.previousTotal, below);
    assert.equal(figures.trend.length, 12);
    assert.deepEqual(figures.trend.at(-1), { period: figures.period, ...shown(25) });
    assert.deepEqual(figures.trend[0]!.period.start, '2025-07-01');

    // 4 bystanders: never 4; and as total − victims − other would give them, `other` goes too.
    assert.deepEqual(byKey(figures.byRole), { victim: shown(16), bystander: below, other: complementary });
    assert.deepEqual(byKey(figures.byPartOfDay), {
      night: below,
      morning: shown(10),
      afternoon: shown(5),
      evening: shown(6),
      unknown: below,
    });
    // 1 to 24 hours (5) hidden as well: otherwise total − the others = the 4 reported after a week.
    assert.deepEqual(byKey(figures.byDelay), {
      'under-1-hour': shown(6),
      '1-to-24-hours': complementary,
      '1-to-7-days': shown(10),
      'over-7-days': below,
    });
    assert.deepEqual(byKey(figures.byCategory), {
      verbal: shown(10),
      following: shown(10),
      threat: below,
      sneaky: shown(5),
    });
    assert.equal(figures.categoryLabels['verbal'], 'Remarks or calling after');
    assert.equal(figures.categoryLabels['sneaky'], '=HYPERLINK("https://evil.example")');

    // The same month in Dutch labels (and the tenant's default language without `lang`).
    const nl = figuresSchema.parse(await readJson(await get(base, s.officer)));
    assert.notEqual(nl.categoryLabels['verbal'], figures.categoryLabels['verbal']);
    assert.notEqual(nl.categoryLabels['verbal'], 'verbal');
    assert.deepEqual(nl.byRole, figures.byRole);
  });

  it('places exact times in Amsterdam’s weekday × hour grid and reports in 500 m squares, suppressed with the counts', async () => {
    const s = await setUp();
    const base = `/api/v1/backoffice/tenants/${s.tenant.slug}/figures`;
    const hot = hotTimesSchema.parse(
      await readJson(await get(`${base}/hot-times?period=month&at=2026-06-03`, s.analyst)),
    );
    assert.equal(hot.cells.length, 7 * 24);
    const cell = (weekday: number, hour: number) => hot.cells.find((c) => c.weekday === weekday && c.hour === hour)!;
    // 23:30 local on Sunday is Sunday 23h (21:30 UTC would be 21h).
    assert.deepEqual({ count: cell(7, 23).count, suppressed: cell(7, 23).suppressed }, shown(6));
    assert.deepEqual({ count: cell(1, 12).count, suppressed: cell(1, 12).suppressed }, shown(5));
    assert.equal(cell(7, 21).suppressed, 'below-minimum');
    assert.equal(hot.cells.filter((c) => c.count !== null).length, 2);
    assert.deepEqual(hot.exactTotal, shown(11));
    assert.deepEqual(hot.withoutExactTime, shown(14));

    const spots = hotspotsSchema.parse(
      await readJson(await get(`${base}/hotspots?period=month&at=2026-06-30`, s.analyst)),
    );
    assert.equal(spots.grid, 'rd-500m');
    assert.deepEqual(spots.locatedTotal, shown(15));
    assert.deepEqual(spots.withoutLocation, shown(10));
    assert.equal(spots.cells.length, 2);
    const tower = spots.cells.find((c) => c.id === 'E1205N4875');
    assert.ok(tower, JSON.stringify(spots.cells));
    assert.deepEqual({ count: tower.count, suppressed: tower.suppressed }, shown(10));
    const [south, west] = rdToWgs84(120500, 487500);
    assert.ok(Math.abs(tower.bounds[0][0] - south) < 1e-9 && Math.abs(tower.bounds[0][1] - west) < 1e-9);
    assert.ok(tower.bounds[0][0] < westertoren.lat && westertoren.lat < tower.bounds[1][0]);
    assert.ok(tower.bounds[0][1] < westertoren.lng && westertoren.lng < tower.bounds[1][1]);
    // Nothing of a single report: no point, no reference.
    assert.doesNotMatch(JSON.stringify(spots), /52\.3745325|4\.8835255|"lat"|"lng"/);

    // No answer of the month shows the 4.
    const all = [
      await (await get(`${base}?period=month&at=2026-06-01`, s.analyst)).text(),
      JSON.stringify(hot),
      JSON.stringify(spots),
    ];
    for (const text of all) assert.doesNotMatch(text, /"count":4\b/);
  });

  it('serves ISO weeks of Amsterdam, only complete periods, and the last complete one by default', async () => {
    const s = await setUp();
    const base = `/api/v1/backoffice/tenants/${s.tenant.slug}/figures`;
    // The week of Monday 8 June: 10 part-of-day reports and the 6 of Sunday evening (23:45 local).
    const week = figuresSchema.parse(await readJson(await get(`${base}?period=week&at=2026-06-14`, s.officer)));
    assert.deepEqual(week.period, { kind: 'week', start: '2026-06-08', end: '2026-06-15' });
    assert.deepEqual(week.total, shown(16));
    // The 7 reports of 1 July 00:30 local are July's.
    const july = figuresSchema.parse(await readJson(await get(`${base}?period=month&at=2026-07-31`, s.officer)));
    assert.deepEqual(july.total, shown(7));
    assert.deepEqual(july.previousTotal, shown(25));

    const byDefault = figuresSchema.parse(await readJson(await get(base, s.officer)));
    assert.deepEqual(byDefault.period, lastCompletePeriod('month', new Date()));

    const today = amsterdamDate(new Date());
    for (const path of [`${base}?period=week&at=${today}`, `${base}/hotspots?at=2099-01-01`]) {
      const res = await get(path, s.analyst);
      assert.equal(res.status, 422);
      const problem = problemSchema.passthrough().parse(await res.json());
      assert.equal(problem.type, 'https://meldpunt.dev/problems/period-not-complete');
      assert.ok(problem['lastComplete']);
    }
    const current = periodContaining('week', today);
    assert.ok(current.end > today);

    const bad = await get(`${base}?period=year`, s.analyst);
    assert.equal(bad.status, 422);
    assert.equal(bad.headers.get('content-type'), 'application/problem+json');
  });

  it('counts routed reports where they were routed to, not where they were entered', async () => {
    const s = await setUp();
    const res = await get(`/api/v1/backoffice/tenants/${s.other.slug}/figures?at=2026-06-10`, s.otherOfficer);
    const figures = figuresSchema.parse(await res.json());
    assert.deepEqual(figures.total, below);
    const db = await sql<{ n: number }>`select count(*)::int as n from report where tenant_id = ${s.other.id}`.execute(
      ctx.db,
    );
    assert.equal(db.rows[0]!.n, 0);
  });

  it('exports the month as CSV for Dutch Excel, suppressed as "< 5" and "x", inert formulas, audited', async () => {
    const s = await setUp();
    const res = await get(
      `/api/v1/backoffice/tenants/${s.tenant.slug}/figures.csv?period=month&at=2026-06-15`,
      s.analyst,
    );
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /attachment; filename="figures-.+-month-2026-06-01\.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split('\r\n');
    assert.equal(lines[0], 'figure;key;label;value');
    for (const line of [
      'total;;;25',
      'role;victim;;16',
      'role;bystander;;< 5',
      'role;other;;x',
      'delay;1-to-24-hours;;x',
      'hot-time;7-23;;6',
      'hotspot;E1205N4875;;10',
      'legend;< 5;below-minimum;',
      'legend;x;complementary;',
    ]) {
      assert.ok(lines.includes(line), `${line} in\n${text}`);
    }
    // The tenant's category label that looks like a formula comes out inert.
    const sneaky = lines.find((l) => l.startsWith('category;sneaky;'));
    assert.ok(sneaky);
    assert.doesNotMatch(sneaky, /;=HYPERLINK/);
    assert.match(sneaky, /'=HYPERLINK/);
    // Never the 4.
    assert.ok(lines.every((l) => !l.endsWith(';4')));

    const entries = await ctx.db
      .selectFrom('audit_entry')
      .select(['action', 'details'])
      .where('tenant_id', '=', s.tenant.id)
      .where('action', '=', 'export.created')
      .execute();
    assert.equal(entries.length, 1);
    assert.deepEqual(
      { ...(entries[0]!.details as object), rows: undefined },
      { of: 'figures', format: 'csv', rows: undefined },
    );
  });

  it('answers officers and analysts of the tenant only', async () => {
    const s = await setUp();
    const operator = await signIn(ctx, (await createStaff(ctx, { platformAdmin: true })).id);
    for (const path of ['/figures', '/figures/hot-times', '/figures/hotspots', '/figures.csv']) {
      const url = `/api/v1/backoffice/tenants/${s.tenant.slug}${path}?at=2026-06-01`;
      assert.equal((await get(url, s.officer)).status, 200, path);
      assert.equal((await get(url, s.analyst)).status, 200, path);
      assert.equal((await get(url, s.editor)).status, 403, path);
      assert.equal((await get(url, s.otherOfficer)).status, 404, path);
      assert.equal((await get(url, operator)).status, 404, path);
      assert.equal((await ctx.app.request(url, asConsole(undefined))).status, 401, path);
    }
  });

  it('gives the platform operator the national overview per tenant, suppressed with the platform minimum', async () => {
    const s = await setUp();
    const operator = await signIn(ctx, (await createStaff(ctx, { platformAdmin: true })).id);
    const path = '/api/v1/backoffice/platform/figures?period=month&at=2026-06-15';
    const res = await get(path, operator);
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const national = nationalFiguresSchema.parse(await res.json());
    assert.equal(national.minimumCount, 5);
    const mine = national.tenants.find((t) => t.slug === s.tenant.slug);
    const theirs = national.tenants.find((t) => t.slug === s.other.slug);
    assert.deepEqual({ count: mine?.count, suppressed: mine?.suppressed }, shown(25));
    assert.deepEqual({ count: theirs?.count, suppressed: theirs?.suppressed }, below);
    assert.doesNotMatch(JSON.stringify(national), /"count":4\b/);

    assert.equal((await get(path, s.officer)).status, 403);
    assert.equal((await get(path, s.analyst)).status, 403);
    assert.equal((await get('/api/v1/backoffice/platform/figures?at=2099-01-01', operator)).status, 422);
  });

  it('uses the minimum count an admin sets in the private settings (audited as group figures), never below 3', async () => {
    const s = await setUp();
    const admin = await createStaff(ctx, { tenantId: s.tenant.id, roles: ['admin'] });
    const adminCookie = await signIn(ctx, admin.id);
    const settingsPath = `/api/v1/console/tenants/${s.tenant.slug}/settings`;
    const view = await readJson(await get(settingsPath, adminCookie));
    assert.deepEqual(view.settings.figures, { minimumCount: 5 });
    const body = (minimumCount: number | undefined) => ({
      allowedOrigins: ['https://www.testgemeente.example'],
      rateLimit: { reports: 10, windowSeconds: 3600 },
      routing: { keepReportsElsewhere: false },
      delivery: { email: [{ address: 'oov@testgemeente.example' }], webhook: null },
      ...(minimumCount === undefined ? {} : { figures: { minimumCount } }),
    });
    const put = (minimumCount: number | undefined) =>
      ctx.app.request(
        settingsPath,
        asConsole(adminCookie, { method: 'PUT', body: body(minimumCount), headers: { 'If-Match': '*' } }),
      );

    assert.equal((await put(2)).status, 422);
    const saved = await put(3);
    assert.equal(saved.status, 200, await saved.clone().text());
    assert.deepEqual((await readJson(saved)).settings.figures, { minimumCount: 3 });
    const entries = await ctx.db
      .selectFrom('audit_entry')
      .select(['details'])
      .where('tenant_id', '=', s.tenant.id)
      .where('action', '=', 'settings.changed')
      .execute();
    assert.ok(entries.some((e) => (e.details as { groups: string[] }).groups.includes('figures')));

    const figures = figuresSchema.parse(
      await readJson(await get(`/api/v1/backoffice/tenants/${s.tenant.slug}/figures?at=2026-06-15`, s.analyst)),
    );
    assert.equal(figures.minimumCount, 3);
    assert.deepEqual(byKey(figures.byRole), { victim: shown(16), bystander: shown(4), other: shown(5) });

    // Omitted: the default again.
    assert.equal((await put(undefined)).status, 200);
    const back = figuresSchema.parse(
      await readJson(await get(`/api/v1/backoffice/tenants/${s.tenant.slug}/figures?at=2026-06-15`, s.analyst)),
    );
    assert.equal(back.minimumCount, 5);
  });

  it('counts categories no longer in the config too, and lists the config’s own with 0', async () => {
    const tenant = await ctx.createTenant();
    await insert(tenant.id, [
      {
        n: 6,
        role: 'victim',
        occurredAt: '2026-03-10T12:00:00Z',
        receivedAt: '2026-03-10T12:30:00Z',
        precision: 'exact',
        categories: ['verbal', 'retired-category'],
      },
    ]);
    const analyst = await signIn(ctx, (await createStaff(ctx, { tenantId: tenant.id, roles: ['analyst'] })).id);
    const figures = figuresSchema.parse(
      await readJson(await get(`/api/v1/backoffice/tenants/${tenant.slug}/figures?at=2026-03-01`, analyst)),
    );
    assert.deepEqual(byKey(figures.byCategory), {
      verbal: shown(6),
      following: below,
      touching: below,
      'retired-category': shown(6),
    });
    assert.equal(figures.categoryLabels['retired-category'], 'retired-category');
  });

  // ── Issue 15: "how was reporting for you?" ──

  /** A report of the tenant with feedback answers given at `at` (ISO), each `[moment, rating, comment?]`. */
  async function feedback(tenantId: string, at: string, answers: ['sent' | 'closed', number, string?][]) {
    const id = randomUUID();
    const reference = `MP-${randomUUID().slice(0, 8).toUpperCase()}`;
    await sql`insert into report (id, tenant_id, source_tenant_id, reference, role, categories, occurred_at,
        time_precision, locale, config_version, received_at)
      values (${id}, ${tenantId}, ${tenantId}, ${reference}, 'victim', ${sql`'{verbal}'::text[]`}, ${new Date(at)},
        'approximate', 'nl', 1, ${new Date(at)})`.execute(ctx.db);
    for (const [moment, rating, comment] of answers) {
      await ctx.db
        .insertInto('report_feedback')
        .values({ tenant_id: tenantId, report_id: id, moment, rating, comment: comment ?? null })
        .execute();
      await ctx.db
        .updateTable('report_feedback')
        .set({ created_at: new Date(at) })
        .where('report_id', '=', id)
        .where('moment', '=', moment)
        .execute();
    }
    return { id, reference };
  }

  it('feedback: counts and averages per moment, this period and the one before; below the minimum neither', async () => {
    const s = await setUp();
    // April 2026: 6 answers after sending (ratings 5,4,4,3,5,2 → 23/6 = 3.83), 2 after closing (hidden).
    for (const rating of [5, 4, 4, 3, 5]) await feedback(s.tenant.id, '2026-04-10T10:00:00Z', [['sent', rating]]);
    await feedback(s.tenant.id, '2026-04-30T21:30:00Z', [
      ['sent', 2],
      ['closed', 4, 'Fijn dat er iets mee gedaan werd'],
    ]);
    await feedback(s.tenant.id, '2026-04-20T10:00:00Z', [['closed', 1]]);
    // 30 April 23:30 local is April; 30 April 22:30 UTC is 1 May 00:30 local: May's.
    await feedback(s.tenant.id, '2026-04-30T22:30:00Z', [['sent', 1]]);
    // March: 5 after closing (average 4.4), 1 after sending.
    for (const rating of [5, 5, 4, 4, 4]) await feedback(s.tenant.id, '2026-03-05T10:00:00Z', [['closed', rating]]);
    await feedback(s.tenant.id, '2026-03-05T10:00:00Z', [['sent', 3]]);
    // Another tenant's feedback counts there only.
    for (let i = 0; i < 6; i++) await feedback(s.other.id, '2026-04-10T10:00:00Z', [['sent', 1]]);

    const url = `/api/v1/backoffice/tenants/${s.tenant.slug}/figures/feedback?period=month&at=2026-04-15`;
    for (const who of [s.officer, s.analyst]) {
      const res = await get(url, who);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const figures = feedbackFiguresSchema.parse(await readJson(res));
      assert.deepEqual(figures.period, { kind: 'month', start: '2026-04-01', end: '2026-05-01' });
      assert.deepEqual(figures.previous, { kind: 'month', start: '2026-03-01', end: '2026-04-01' });
      assert.equal(figures.minimumCount, 5);
      assert.deepEqual(figures.moments, [
        {
          moment: 'sent',
          current: { count: shown(6), average: 3.8 },
          previous: { count: below, average: null },
        },
        {
          moment: 'closed',
          current: { count: below, average: null },
          previous: { count: shown(5), average: 4.4 },
        },
      ]);
    }
    // An empty period: everything hidden, no average.
    const empty = feedbackFiguresSchema.parse(
      await readJson(
        await get(`/api/v1/backoffice/tenants/${s.tenant.slug}/figures/feedback?at=2025-01-01`, s.analyst),
      ),
    );
    assert.ok(empty.moments.every((m) => m.current.count.suppressed === 'below-minimum' && m.current.average === null));
    // Complete periods only; the query is the figures' (no labels).
    const today = amsterdamDate(new Date());
    const res = await get(
      `/api/v1/backoffice/tenants/${s.tenant.slug}/figures/feedback?period=week&at=${today}`,
      s.officer,
    );
    assert.equal(res.status, 422);
    assert.match((await readJson(res)).type, /period-not-complete$/);
    assert.equal((await get(`${url}&lang=en`, s.officer)).status, 422);
  });

  it('feedback comments: the period’s, newest first, with their report — for officers only', async () => {
    const s = await setUp();
    const older = await feedback(s.tenant.id, '2026-05-03T10:00:00Z', [['sent', 2, 'Het formulier was lang']]);
    const newer = await feedback(s.tenant.id, '2026-05-20T10:00:00Z', [
      ['sent', 5],
      ['closed', 4, 'Dank voor het bericht'],
    ]);
    await feedback(s.tenant.id, '2026-06-02T10:00:00Z', [['sent', 1, 'Niet in mei']]);
    await feedback(s.other.id, '2026-05-10T10:00:00Z', [['sent', 3, 'Van een andere gemeente']]);

    const url = `/api/v1/backoffice/tenants/${s.tenant.slug}/feedback/comments?at=2026-05-31`;
    const res = await get(url, s.officer);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = feedbackCommentsSchema.parse(await readJson(res));
    assert.deepEqual(body.period, { kind: 'month', start: '2026-05-01', end: '2026-06-01' });
    assert.deepEqual(
      body.comments.map((c) => [c.reportId, c.reference, c.moment, c.rating, c.comment, c.at]),
      [
        [newer.id, newer.reference, 'closed', 4, 'Dank voor het bericht', '2026-05-20T10:00:00.000Z'],
        [older.id, older.reference, 'sent', 2, 'Het formulier was lang', '2026-05-03T10:00:00.000Z'],
      ],
    );
    // An analyst reads the figures, not the reporters' words (403); other tenants' people 404; nobody 401.
    assert.equal((await get(url, s.analyst)).status, 403);
    assert.equal((await get(url, s.editor)).status, 403);
    assert.equal((await get(url, s.otherOfficer)).status, 404);
    const operator = await signIn(ctx, (await createStaff(ctx, { platformAdmin: true })).id);
    assert.equal((await get(url, operator)).status, 404);
    assert.equal((await ctx.app.request(url, asConsole(undefined))).status, 401);
    const figures = `/api/v1/backoffice/tenants/${s.tenant.slug}/figures/feedback?at=2026-05-31`;
    assert.equal((await get(figures, s.editor)).status, 403);
    assert.equal((await get(figures, s.otherOfficer)).status, 404);
    // Reading the comments is not audited (see routes/backoffice/figures.ts), and no comment is in a log.
    const audit = await ctx.db
      .selectFrom('audit_entry')
      .select('action')
      .where('tenant_id', '=', s.tenant.id)
      .where('action', 'not like', 'auth.%')
      .execute();
    assert.deepEqual(audit, []);
    assert.ok(!ctx.logs.join('\n').includes('formulier was lang'));
  });
});
