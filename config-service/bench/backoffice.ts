/**
 * `pnpm bench:backoffice`: the back office (issue 14) on a real PostgreSQL with 1,000,000 reports.
 *
 * 1. Starts a throwaway PostgreSQL (`test/postgres.ts`), migrates it, imports the shipped municipalities of
 *    2025 and makes one tenant per municipality (342, each with a published config: the first imported the
 *    ordinary way, the others cloned from it in SQL).
 * 2. Seeds 1,000,000 reports IN SQL (`INSERT … SELECT … generate_series`, a few statements side by side):
 *    one tenant gets exactly 200,000, the other 800,000 are spread Zipf-like (a few big cities get most);
 *    times over two years leaning to evenings, nights and weekends, mixed precisions, categories, roles,
 *    points clustered in each municipality (so in a few hundred 500 m squares), statuses by age,
 *    descriptions from a varied set, a quarter with (dummy) sealed contact details. Prints how long it took.
 * 3. Starts the real app (`createApp` with real dependencies, served on loopback by @hono/node-server) on
 *    that database, signs in an officer and an analyst of the 200k tenant, and measures sequential
 *    requests (p95): the inbox's first page with three filters and its next page (budget 50 ms), each
 *    figure — `/figures`, `/figures/hot-times`, `/figures/hotspots` — (200 ms), and the CSV export of the
 *    whole tenant (≥ 20,000 rows/s; memory flat: the heap in use after a full GC grows by less than
 *    16 MB — `node --expose-gc` — with the RSS before, at its peak and after printed beside it). The
 *    figures are computed for every request (`figuresCacheMs: 0`), not served from the service's cache.
 * 4. Beside each: the bare SQL. Every statement the app sends is captured (Kysely's `log`) and its reads
 *    are replayed with `pg` directly, timed the same way; the ratio endpoint / bare SQL is printed. A
 *    hand-written reference query per endpoint (what an index-backed implementation must run) is timed
 *    too, so the reference is there before the endpoints are.
 * 5. The figures page's JavaScript in KB gzip on the wire against 120 KB (`console/bench/figures-js.ts`).
 *
 * An endpoint that answers 404 is printed as "not built yet" (no budget then). Exits 1 when a budget is
 * missed. Env: BENCH_REPORTS (1000000), BENCH_BIG (200000), BENCH_ITERATIONS (40), BENCH_SKIP_JS=1,
 * BENCH_EXPLAIN=1 (prints EXPLAIN ANALYZE of each reference and replayed statement).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import pg from 'pg';
import { tenantConfigSchema } from '@meldpunt/contracts';
import { createApp, type AppDeps } from '../src/app.ts';
import { importShippedAreasIfNone } from '../src/areas/demo-areas.ts';
import { AuditLog } from '../src/audit/audit-log.ts';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createLogger } from '../src/logger.ts';
import { ReceiverLookup } from '../src/receivers/receiver-lookup.ts';
import { TrustedProxies } from '../src/http/client-address.ts';
import { ReportRateLimiter } from '../src/reports/rate-limit.ts';
import { ContactSealer } from '../src/secrets/contact-sealer.ts';
import { KeyRing } from '../src/secrets/key-ring.ts';
import { ServerSecret } from '../src/secrets/server-secret.ts';
import { TenantCache } from '../src/tenants/tenant-cache.ts';
import { importTenant } from '../src/tenants/tenant-service.ts';
import { freePort } from '../test/net.ts';
import { startPostgres } from '../test/postgres.ts';
import { signIn, createStaff, asConsole } from '../test/staff.ts';
import { tenantDocument, testProofOfWork } from '../test/helpers.ts';

const totalReports = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const bigReports = Number(process.env.BENCH_BIG ?? 200_000);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 40);
const explain = process.env.BENCH_EXPLAIN === '1';
const run = promisify(execFile);

const budgets = { inboxMs: 50, figureMs: 200, exportRowsPerSecond: 20_000, figuresJsKb: 120 };

/** Plain Dutch descriptions (the inbox's text search needs words to find). */
const descriptions = [
  'Een groepje jongens riep seksuele opmerkingen naar me toen ik langsliep.',
  'Ik werd nageroepen en gevolgd tot aan de fietsenstalling bij het station.',
  'Er werd naar me gefloten en gesist vanuit een groep bij de ingang.',
  'Een man liep me een paar honderd meter achterna en bleef dicht achter me lopen.',
  'In de drukte werd ik aangeraakt zonder dat ik dat wilde.',
  'Iemand filmde me met zijn telefoon zonder te vragen en lachte erbij.',
  'Toen ik zei dat hij moest stoppen, dreigde hij me iets aan te doen.',
  'Er werden racistische opmerkingen naar me geroepen in de tram.',
  'Vanuit een auto werd getoeterd en kusgeluiden gemaakt, meerdere keren.',
  'Bij het uitgaan werd ik de hele avond lastiggevallen door dezelfde man.',
  'Iemand bleef me aanstaren en kwam steeds dichterbij staan op het perron.',
  'Twee mannen op een bankje in het park schreeuwden dingen naar voorbijgangers.',
];

/**
 * The reports of a group of tenants in one statement. Parameters: tenant ids, municipality codes, counts,
 * centre lat/lng per tenant, the global number the group's rows start at (for unique references),
 * category ids, descriptions.
 */
const seedSql = `
with t as (
  select * from unnest($1::uuid[], $2::text[], $3::int[], $4::float8[], $5::float8[])
    as t(id, code, n, lat, lng)
),
p as (select $7::text[] as cats, array_length($7::text[], 1) as ncats, $8::text[] as descs, array_length($8::text[], 1) as ndescs),
g as (
  select t.id as tenant_id, t.code, t.lat, t.lng,
    -- the row's number scrambled: an odd multiplier prime to 29 is a bijection mod 29^8, so references are unique
    (($6::bigint + row_number() over ()) * 2654435761) % 500246412961 as code_n,
    -- two years back, recent weeks a little busier; hours leaning to evening and night
    now() - (power(random(), 1.15) * interval '730 days') as day,
    (18 + floor(power(random(), 1.6) * 16))::int % 24 as hr,
    random() as r_precision, random() as r_delay, random() as r_role, random() as r_cat, random() as r_cat2,
    random() as r_point, random() as r_hot, random() as r_desc, random() as r_status, random() as r_contact,
    random() as r_lat, random() as r_lng, random() as r_weekend, random() as r_minute
  from t, generate_series(1, t.n)
),
h as (
  select g.*,
    -- Fridays and Saturdays: three in ten moved onto them
    case when r_weekend < 0.3 then date_trunc('week', day) + (4 + floor(r_weekend * 6.67)) * interval '1 day'
         else date_trunc('day', day) end
      + hr * interval '1 hour' + floor(r_minute * 60) * interval '1 minute' as candidate
  from g
),
o as (
  select h.*, case when candidate > now() - interval '1 day' then candidate - interval '7 days' else candidate end as occurred
  from h
),
r as (
  select o.*,
    least(now(), occurred + case when r_delay < 0.4 then r_delay * interval '2 hours'
      when r_delay < 0.8 then r_delay * interval '24 hours' else r_delay * interval '10 days' end) as received,
    1 + floor(power(r_cat, 2) * p.ncats)::int as c1,
    p.cats, p.ncats, p.descs, p.ndescs
  from o, p
)
insert into report (id, tenant_id, source_tenant_id, area_code, reference, role, categories, occurred_at,
  time_precision, part_of_day, location_lat, location_lng, location_text, location_source, description,
  intervened, extra, locale, contact_sealed, wants_follow_up, config_version, received_at, status,
  referred_to, closing_reason, status_changed_at)
select gen_random_uuid(), tenant_id, tenant_id, code,
  substr('23456789ABCDEFGHJKMNPQRSTWXYZ', 1 + (code_n / 1 % 29)::int, 1) || substr('23456789ABCDEFGHJKMNPQRSTWXYZ', 1 + (code_n / 29 % 29)::int, 1) || substr('23456789ABCDEFGHJKMNPQRSTWXYZ', 1 + (code_n / 841 % 29)::int, 1) || substr('23456789ABCDEFGHJKMNPQRSTWXYZ', 1 + (code_n / 24389 % 29)::int, 1) || '-' || substr('23456789ABCDEFGHJKMNPQRSTWXYZ', 1 + (code_n / 707281 % 29)::int, 1) || substr('23456789ABCDEFGHJKMNPQRSTWXYZ', 1 + (code_n / 20511149 % 29)::int, 1) || substr('23456789ABCDEFGHJKMNPQRSTWXYZ', 1 + (code_n / 594823321 % 29)::int, 1) || substr('23456789ABCDEFGHJKMNPQRSTWXYZ', 1 + (code_n / 17249876309 % 29)::int, 1),
  case when r_role < 0.68 then 'victim' when r_role < 0.95 then 'bystander' else 'other' end,
  case when r_cat2 < 0.3 then array[cats[c1], cats[1 + (c1 + floor(r_cat2 * 3 * (ncats - 1))::int) % ncats]]
       else array[cats[c1]] end,
  case when r_precision < 0.75 then occurred else date_trunc('hour', occurred) end,
  case when r_precision < 0.75 then 'exact' when r_precision < 0.92 then 'part-of-day' else 'approximate' end,
  case when r_precision >= 0.75 and r_precision < 0.92 then
    case when hr < 6 then 'night' when hr < 12 then 'morning' when hr < 18 then 'afternoon' else 'evening' end
  end,
  -- two in five in one of a few hotspots of the municipality, the others spread over it
  case when r_point < 0.95 then lat + case when r_hot < 0.4 then (floor(r_hot * 12.5) - 2) * 0.004 + (r_lat - 0.5) * 0.003
    else (r_lat - 0.5) * 0.05 end end,
  case when r_point < 0.95 then lng + case when r_hot < 0.4 then (floor(r_hot * 25)::int % 5 - 2) * 0.006 + (r_lng - 0.5) * 0.004
    else (r_lng - 0.5) * 0.08 end end,
  case when r_point >= 0.5 then (array['Stationsplein', 'Markt', 'Stadspark', 'Hoofdstraat', 'Kerkplein'])[1 + floor(r_lat * 5)::int % 5] end,
  case when r_point < 0.95 then 'map' else 'text' end,
  case when r_desc < 0.08 then null else descs[1 + floor(r_desc * ndescs)::int % ndescs] end,
  (array['yes', 'no', 'unknown'])[1 + floor(r_minute * 3)::int % 3],
  '{}', 'nl',
  case when r_contact < 0.25 then '\\x00'::bytea end, false, 1, received,
  case when received > now() - interval '3 days' then (case when r_status < 0.85 then 'new' else 'in-progress' end)
       when r_status < 0.1 then 'new' when r_status < 0.25 then 'in-progress' when r_status < 0.4 then 'referred' else 'closed' end,
  case when received <= now() - interval '3 days' and r_status >= 0.25 and r_status < 0.4 then 'police' end,
  case when received <= now() - interval '3 days' and r_status >= 0.4 then 'handled' end,
  case when received <= now() - interval '3 days' and r_status >= 0.1 or r_status >= 0.85
    then least(now(), received + interval '2 days') end
from r`;

// ── Statements the app sends, captured while a request runs ──

interface Captured {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}
let capturing: Captured[] | undefined;
function logQuery(event: LogEvent): void {
  if (!capturing) return;
  capturing.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}

// ── 1 and 2: the database ──

const postgres = await startPostgres({ fast: true });
const pool = new pg.Pool({ connectionString: postgres.url, max: 16 });
pool.on('error', () => {});
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: logQuery });
let server: ReturnType<typeof serve> | undefined;
let missed = false;
try {
  await migrateToLatest(db);
  await importShippedAreasIfNone(db);
  const areas = (await db.selectFrom('area').select(['code', 'name', 'geometry']).orderBy('code').execute()).map(
    (a) => {
      // A point inside the municipality: the middle of its largest ring's vertices (good enough to cluster).
      const ring = a.geometry.flat().sort((x, y) => y.length - x.length)[0] ?? [];
      const lng = ring.reduce((s, p) => s + (p[0] ?? 0), 0) / Math.max(1, ring.length);
      const lat = ring.reduce((s, p) => s + (p[1] ?? 0), 0) / Math.max(1, ring.length);
      return { code: a.code, name: a.name, lat, lng };
    },
  );
  console.log(`Meldpunt back-office benchmark: ${areas.length} municipalities, ${totalReports} reports\n`);

  const seedStart = performance.now();
  // The 200k tenant, imported the ordinary way; its published config is the template of the others.
  const big = areas.find((a) => a.code === 'GM0363') ?? areas[0];
  if (!big) throw new Error('No municipalities imported');
  const categories = ['verbal', 'sounds', 'following', 'touching', 'gestures', 'filming', 'threat', 'other'];
  const template = tenantDocument('bench-big', {
    config: { name: `Gemeente ${big.name}`, categories: categories.map((id) => ({ id })) },
  });
  tenantConfigSchema.parse(template.config);
  const bigTenant = await importTenant(db, template);
  await sql`update tenant set municipality_code = ${big.code} where id = ${bigTenant.tenantId}`.execute(db);
  const others = areas.filter((a) => a !== big);
  await sql`
    with t as (
      insert into tenant (id, slug, name, kind, municipality_code, is_demo, settings, published_version)
      select gen_random_uuid(), 'bench-' || lower(a.code), 'Gemeente ' || a.name, 'municipality', a.code, false,
        b.settings, null
      from unnest(${others.map((a) => a.code)}::text[], ${others.map((a) => a.name)}::text[]) as a(code, name)
      cross join (select settings from tenant where id = ${bigTenant.tenantId}) b
      returning id, slug, name
    )
    insert into tenant_config_version (tenant_id, version, config, published_at)
    select t.id, 1, jsonb_set(jsonb_set(v.config, '{slug}', to_jsonb(t.slug)), '{name}', to_jsonb(t.name)), now()
    from t cross join (select config from tenant_config_version where tenant_id = ${bigTenant.tenantId}
      order by version desc limit 1) v`.execute(db);
  await sql`update tenant set published_version = 1 where published_version is null`.execute(db);
  const tenants = await db
    .selectFrom('tenant')
    .select(['id', 'municipality_code'])
    .where('id', '!=', bigTenant.tenantId)
    .orderBy('municipality_code')
    .execute();
  const tenantSetup = performance.now() - seedStart;

  // Zipf-like shares (s = 1.1) of what the big tenant does not get, in a shuffled order of municipalities.
  const rest = totalReports - bigReports;
  const weights = tenants.map((_, i) => 1 / (i + 1) ** 1.1);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((rest * w) / weightSum));
  counts[0] = (counts[0] ?? 0) + rest - counts.reduce((a, b) => a + b, 0);
  const order = tenants.map((t, i) => ({ t, i, key: randomBytes(4).readUInt32BE() })).sort((a, b) => a.key - b.key);
  const plan = [
    { id: bigTenant.tenantId, code: big.code, n: bigReports, lat: big.lat, lng: big.lng },
    ...order.map(({ t }, rank) => {
      const area = areas.find((a) => a.code === t.municipality_code) ?? big;
      return { id: t.id, code: area.code, n: counts[rank] ?? 0, lat: area.lat, lng: area.lng };
    }),
  ].filter((p) => p.n > 0);

  const reportsStart = performance.now();
  // Bulk loading: the report's secondary indexes (not its keys and unique constraints) are dropped and
  // built again afterwards — one sorted build each is far cheaper than a million index inserts.
  const secondary = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes i
    where tablename = 'report' and schemaname = current_schema()
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db);
  for (const index of secondary.rows) await sql`drop index ${sql.id(index.name)}`.execute(db);
  // Side by side on 4 connections, each a share of the tenants (the big one alone in the first).
  const groups: (typeof plan)[] = [[], [], [], []];
  const sizes = [0, 0, 0, 0];
  for (const p of plan) {
    const g = sizes.indexOf(Math.min(...sizes));
    groups[g]?.push(p);
    sizes[g] = (sizes[g] ?? 0) + p.n;
  }
  let offset = 0;
  await Promise.all(
    groups.map((group, g) => {
      const start = offset;
      offset += sizes[g] ?? 0;
      return seedReports(group, start);
    }),
  );
  const loadTook = performance.now() - reportsStart;
  await Promise.all(secondary.rows.map((index) => pool.query(index.definition)));
  const reportsTook = performance.now() - reportsStart;
  const analyzeStart = performance.now();
  await sql`vacuum analyze report`.execute(db);
  const analyzeTook = performance.now() - analyzeStart;
  const stored = await sql<{ n: string }>`select count(*) as n from report`.execute(db);
  const bigStored = await sql<{
    n: string;
  }>`select count(*) as n from report where tenant_id = ${bigTenant.tenantId}`.execute(db);
  console.log(
    `Seeded ${stored.rows[0]?.n} reports (${bigStored.rows[0]?.n} of ${big.name}, the 200k tenant; the largest ` +
      `others ${counts
        .slice(0, 3)
        .map((n) => n.toLocaleString('en'))
        .join(', ')}, the smallest ${counts.at(-1)}) in ${s(reportsTook)} ` +
      `(rows ${s(loadTook)}, then ${secondary.rows.length} secondary indexes built again; + tenants ` +
      `${s(tenantSetup)}, vacuum analyze ${s(analyzeTook)}) with ${groups.length} statements side by side\n`,
  );

  /** One `INSERT … SELECT` for a group of tenants: their reports, generated by the database. */
  async function seedReports(group: typeof plan, startAt: number): Promise<void> {
    if (group.length === 0) return;
    const client = await pool.connect();
    try {
      await client.query(seedSql, [
        group.map((p) => p.id),
        group.map((p) => p.code),
        group.map((p) => p.n),
        group.map((p) => p.lat),
        group.map((p) => p.lng),
        startAt,
        categories,
        descriptions,
      ]);
    } finally {
      client.release();
    }
  }

  // ── 3: the app, signed-in staff ──

  const secret = new ServerSecret(randomBytes(32));
  const logger = createLogger('warn');
  const tenantCache: TenantCache = new TenantCache(db, {
    refreshAfterMs: 60_000,
    areas: { outline: (code) => receivers.outline(code) },
  });
  const receivers = new ReceiverLookup(db, tenantCache, { refreshAfterMs: 60_000 });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const deps: AppDeps = {
    db,
    tenants: tenantCache,
    receivers,
    sealer: new ContactSealer(new KeyRing([[1, randomBytes(32)]])),
    serverSecret: secret,
    rateLimiter: new ReportRateLimiter({ db, serverSecret: secret }),
    // Issue 16: posts no reports; the proof of work is there because every app has one.
    proof: testProofOfWork(db, secret),
    logger,
    auditLog: new AuditLog({ db, serverSecret: secret, logger }),
    trustedProxies: TrustedProxies.none(),
    publicOrigin: origin,
    // Every figures request computed afresh: the budgets hold for the computation, not for the service's
    // short cache of a complete period's figures (which the console's three requests of a page share).
    figuresCacheMs: 0,
  };
  const app = createApp(deps);
  server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  const ctx = { db, deps };
  const officer = await createStaff(ctx, { tenantId: bigTenant.tenantId, roles: ['officer'] });
  const analyst = await createStaff(ctx, { tenantId: bigTenant.tenantId, roles: ['analyst'] });
  const officerCookie = await signIn(ctx, officer.id);
  const analystCookie = await signIn(ctx, analyst.id);
  const base = `${origin}/api/v1/backoffice/tenants/${bigTenant.slug}`;

  interface Row {
    name: string;
    figure: string;
    budget: string;
    bare: string;
    reference: string;
    ok: boolean | undefined;
  }
  const rows: Row[] = [];

  /** GET as the console does (cookie, own Origin), timed; `captured` gets the statements it sent. */
  async function timedGet(path: string, cookie: string, captured?: Captured[]) {
    const init = asConsole(cookie, { headers: { Origin: origin } });
    capturing = captured;
    const started = performance.now();
    const res = await fetch(`${base}${path}`, init);
    const body = await res.text();
    const ms = performance.now() - started;
    capturing = undefined;
    return { res, body, ms };
  }

  /** Replays the reads of `statements` with pg directly, `iterations` times; p95 of their summed time. */
  async function bare(statements: Captured[]): Promise<number | undefined> {
    const reads = statements.filter(
      (q) => /^\s*(with|select)\b/i.test(q.sql) && !/\b(insert|update|delete)\b/i.test(q.sql),
    );
    if (reads.length === 0) return undefined;
    const client = await pool.connect();
    try {
      for (const q of reads) {
        if (explain) await printPlan(client, q.sql, q.parameters as unknown[]);
        await client.query(q.sql, q.parameters as unknown[]);
      }
      const samples: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const started = performance.now();
        for (const q of reads) await client.query(q.sql, q.parameters as unknown[]);
        samples.push(performance.now() - started);
      }
      return p95(samples);
    } finally {
      client.release();
    }
  }

  /** Times a hand-written reference statement with pg directly (p95 over `iterations`). */
  async function reference(text: string, parameters: unknown[]): Promise<number> {
    const client = await pool.connect();
    try {
      if (explain) await printPlan(client, text, parameters);
      await client.query(text, parameters);
      const samples: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const started = performance.now();
        await client.query(text, parameters);
        samples.push(performance.now() - started);
      }
      return p95(samples);
    } finally {
      client.release();
    }
  }

  /** Measures one GET endpoint (p95 against `budgetMs`) beside its bare SQL and the reference. */
  async function measure(
    name: string,
    path: () => Promise<string | undefined> | string | undefined,
    cookie: string,
    budgetMs: number,
    referenceMs: number,
  ): Promise<string | undefined> {
    const target = await path();
    if (target === undefined) {
      rows.push({
        name,
        figure: 'not built yet',
        budget: `p95 ≤ ${budgetMs} ms`,
        bare: '–',
        reference: ms(referenceMs),
        ok: undefined,
      });
      return undefined;
    }
    const first = await timedGet(target, cookie);
    if (first.res.status === 404) {
      rows.push({
        name,
        figure: 'not built yet',
        budget: `p95 ≤ ${budgetMs} ms`,
        bare: '–',
        reference: ms(referenceMs),
        ok: undefined,
      });
      return undefined;
    }
    if (!first.res.ok) throw new Error(`${name}: ${first.res.status} ${first.body.slice(0, 500)}`);
    for (let i = 0; i < 3; i++) await timedGet(target, cookie);
    const samples: number[] = [];
    const captured: Captured[] = [];
    for (let i = 0; i < iterations; i++) {
      const one: Captured[] = [];
      samples.push((await timedGet(target, cookie, one)).ms);
      if (i === 0) captured.push(...one);
    }
    const p = p95(samples);
    const bareMs = await bare(captured);
    const ok = p <= budgetMs;
    if (!ok) missed = true;
    rows.push({
      name,
      figure: `p95 ${ms(p)} (${captured.length} statements)`,
      budget: `p95 ≤ ${budgetMs} ms ${ok ? 'ok' : 'MISSED'}`,
      bare: bareMs === undefined ? '–' : `${ms(bareMs)} (× ${(p / bareMs).toFixed(1)})`,
      reference: `${ms(referenceMs)} (× ${(p / referenceMs).toFixed(1)})`,
      ok,
    });
    return first.body;
  }

  // Hand-written references: what an index-backed implementation of each endpoint must at least run.
  const now = new Date();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const inboxReference = `select id, reference, received_at, occurred_at, time_precision, part_of_day, role, categories,
      location_text, left(description, 200) as excerpt, status, assignee_id, contact_sealed is not null as has_contact,
      source_tenant_id, demo
    from report where tenant_id = $1 and status = any($2) and categories && $3 and role = any($4)
      and (received_at, id) < ($5, $6)
    order by received_at desc, id desc limit 51`;
  const inboxParams = [
    bigTenant.tenantId,
    ['new', 'in-progress'],
    ['verbal'],
    ['victim'],
    new Date(Date.now() + 1e9),
    'ffffffff-ffff-4fff-bfff-ffffffffffff',
  ];
  const inboxRef = await reference(inboxReference, inboxParams);
  const figuresRef = await reference(
    `select date_trunc('week', received_at at time zone 'Europe/Amsterdam') as week, unnest(categories) as category,
       role, count(*) from report where tenant_id = $1 and received_at >= $2 and received_at < $3
     group by grouping sets ((week), (category), (role))`,
    [bigTenant.tenantId, monthStart, monthEnd],
  );
  const hotTimesRef = await reference(
    `select extract(isodow from occurred_at at time zone 'Europe/Amsterdam') as weekday,
       extract(hour from occurred_at at time zone 'Europe/Amsterdam') as hour, count(*)
     from report where tenant_id = $1 and received_at >= $2 and received_at < $3 and time_precision = 'exact'
     group by 1, 2`,
    [bigTenant.tenantId, monthStart, monthEnd],
  );
  const hotspotsRef = await reference(
    `select grid_e, grid_n, count(*) from report
     where tenant_id = $1 and received_at >= $2 and received_at < $3 and grid_e is not null group by 1, 2`,
    [bigTenant.tenantId, monthStart, monthEnd],
  );

  const inboxQuery = '/reports?status=new,in-progress&category=verbal&role=victim';
  const firstPage = await measure(
    'inbox, first page (3 filters)',
    () => inboxQuery,
    officerCookie,
    budgets.inboxMs,
    inboxRef,
  );
  await measure(
    'inbox, next page',
    () => {
      const next = firstPage ? (JSON.parse(firstPage) as { nextCursor?: string | null }).nextCursor : undefined;
      return next ? `${inboxQuery}&cursor=${encodeURIComponent(next)}` : undefined;
    },
    officerCookie,
    budgets.inboxMs,
    inboxRef,
  );
  await measure('figures (month)', () => '/figures?period=month', analystCookie, budgets.figureMs, figuresRef);
  await measure(
    'hot times (month)',
    () => '/figures/hot-times?period=month',
    analystCookie,
    budgets.figureMs,
    hotTimesRef,
  );
  await measure(
    'hotspots (month)',
    () => '/figures/hotspots?period=month',
    analystCookie,
    budgets.figureMs,
    hotspotsRef,
  );

  // The CSV export of the whole 200k tenant, streamed: rows/s and this process's memory.
  {
    const exportRef = await (async () => {
      const client = await pool.connect();
      try {
        const started = performance.now();
        // Read as text (no type parsing in JavaScript): the database's and the wire's share alone.
        const result = await client.query({
          types: { getTypeParser: () => (value: string) => value },
          text: `select reference, received_at, occurred_at, time_precision, categories, role, location_text, grid_e, grid_n,
             description, status, assignee_id, tenant_id, source_tenant_id
           from report where tenant_id = $1 order by received_at desc, id desc`,
          values: [bigTenant.tenantId],
        });
        return (result.rowCount ?? 0) / ((performance.now() - started) / 1000);
      } finally {
        client.release();
      }
    })();
    // What the export keeps is what counts: the heap in use after a full collection, before and after
    // (`node --expose-gc`); the resident set's peak is printed too, garbage awaiting collection included.
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const captured: Captured[] = [];
    capturing = captured;
    const started = performance.now();
    const res = await fetch(`${base}/reports.csv`, asConsole(officerCookie, { headers: { Origin: origin } }));
    let lines = 0;
    if (res.ok && res.body) {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        for (const byte of chunk) if (byte === 10) lines++;
      }
    } else await res.text();
    const seconds = (performance.now() - started) / 1000;
    capturing = undefined;
    clearInterval(sampler);
    const rssAfter = process.memoryUsage().rss;
    global.gc?.();
    const heapAfter = process.memoryUsage().heapUsed;
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    const refText = `${Math.round(exportRef).toLocaleString('en')} rows/s (pg, all rows as text)`;
    if (res.status === 404) {
      rows.push({
        name: 'CSV export (whole tenant)',
        figure: 'not built yet',
        budget: '≥ 20,000 rows/s',
        bare: '–',
        reference: refText,
        ok: undefined,
      });
    } else if (!res.ok) {
      throw new Error(`CSV export: ${res.status}`);
    } else {
      const rows_ = Math.max(0, lines - 1);
      const rate = rows_ / seconds;
      // Flat: what the export leaves behind in the heap stays under 16 MB (200,000 rows of CSV are ~60 MB).
      const retained = heapAfter - heapBefore;
      const flat = global.gc !== undefined && retained < 16 * 1024 * 1024;
      const ok = rate >= budgets.exportRowsPerSecond && flat;
      if (!ok) missed = true;
      rows.push({
        name: 'CSV export (whole tenant)',
        figure: `${Math.round(rate).toLocaleString('en')} rows/s (${rows_} rows); heap after GC ${mb(heapBefore)} → ${mb(heapAfter)}; RSS ${mb(rssBefore)} → peak ${mb(rssPeak)} → ${mb(rssAfter)}`,
        budget: `≥ 20,000 rows/s, flat ${ok ? 'ok' : 'MISSED'}`,
        bare: `${captured.length} statements`,
        reference: `${refText} (× ${(rate / exportRef).toFixed(2)})`,
        ok,
      });
    }
  }

  // ── 5: the figures page's JavaScript ──
  if (process.env.BENCH_SKIP_JS !== '1') {
    const consoleBench = fileURLToPath(new URL('../../console/bench/figures-js.ts', import.meta.url));
    try {
      const { stdout } = await run(process.execPath, [consoleBench, '--json'], {
        cwd: fileURLToPath(new URL('../../console/', import.meta.url)),
        maxBuffer: 64 * 1024 * 1024,
      });
      const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
        missing: string[];
        gzip: number;
        brotli: number;
        lazy: string[];
      };
      if (result.missing.length) {
        rows.push({
          name: 'figures page JS',
          figure: 'not built yet',
          budget: '≤ 120 KB gzip',
          bare: '–',
          reference: '–',
          ok: undefined,
        });
      } else {
        const kbGzip = result.gzip / 1024;
        const ok = kbGzip <= budgets.figuresJsKb;
        if (!ok) missed = true;
        rows.push({
          name: 'figures page JS (less first screen)',
          figure: `${kbGzip.toFixed(1)} KB gzip (brotli ${(result.brotli / 1024).toFixed(1)} KB; lazy parts: ${result.lazy.length})`,
          budget: `≤ 120 KB gzip ${ok ? 'ok' : 'MISSED'}`,
          bare: '–',
          reference: '–',
          ok,
        });
      }
    } catch (error) {
      rows.push({
        name: 'figures page JS',
        figure: `failed: ${(error as Error).message.split('\n')[0]}`,
        budget: '≤ 120 KB gzip',
        bare: '–',
        reference: '–',
        ok: false,
      });
      missed = true;
    }
  }

  console.log(
    `Sequential requests, p95 of ${iterations} (after 3 warm-ups); bare SQL = the app's reads replayed with pg`,
  );
  const header = {
    name: 'figure',
    figure: 'measured',
    budget: 'budget',
    bare: 'bare SQL (ratio)',
    reference: 'reference SQL (ratio)',
  };
  const widths = (['name', 'figure', 'budget', 'bare', 'reference'] as const).map((k) =>
    Math.max(header[k].length, ...rows.map((r) => r[k].length)),
  );
  for (const r of [header, ...rows]) {
    console.log(
      `  ${(['name', 'figure', 'budget', 'bare', 'reference'] as const).map((k, i) => r[k].padEnd(widths[i] ?? 0)).join('  ')}`,
    );
  }
  const notBuilt = rows.filter((r) => r.ok === undefined).length;
  console.log(
    missed
      ? '\nFAIL: a budget was missed'
      : `\nOK: every measured figure within its budget${notBuilt ? ` (${notBuilt} not built yet)` : ''}`,
  );
  process.exitCode = missed ? 1 : 0;
} finally {
  server?.close();
  await db.destroy();
  await postgres.stop();
}

/** `BENCH_EXPLAIN=1`: EXPLAIN ANALYZE of every reference and replayed statement (where the time goes). */
async function printPlan(client: pg.PoolClient, text: string, parameters: unknown[]): Promise<void> {
  const plan = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, parameters);
  console.log(`\n${text.replace(/\s+/g, ' ').slice(0, 160)}…`);
  for (const row of plan.rows) console.log(`    ${row['QUERY PLAN']}`);
}

function s(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}
function ms(milliseconds: number): string {
  return `${milliseconds.toFixed(1)} ms`;
}
