/**
 * `pnpm bench:api`: the public API under load on loopback against a real PostgreSQL, beside two
 * references measured in the same run:
 *  - config GET  vs a bare Hono route returning the same JSON        (budget ≥ 0.8×)
 *  - report POST vs pgbench running the exact SQL of one report insert (budget ≥ 0.6×)
 * Prints req/s and p99 latency, the ratios, and exits 1 when a budget is missed.
 */
import { execFile, execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { importTenant } from '../src/tenants/tenant-service.ts';
import { insertReportQuery } from '../src/reports/report-repository.ts';
import { reportRow } from '../src/reports/report-service.ts';
import { reportInputSchema, tenantSettingsSchema } from '@meldpunt/contracts';
import { deliveryTargets, type DeliveryTarget } from '../src/delivery/targets.ts';
import { minimalReport, tenantDocument } from '../test/helpers.ts';
import { findPostgresBin, startPostgres } from '../test/postgres.ts';
import { freePort } from '../test/net.ts';
import { solvedProofs } from '../test/proof-client.ts';

const run = promisify(execFile);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const here = fileURLToPath(new URL('.', import.meta.url));
const placeholderId = '00000000-0000-4000-8000-000000000000';

interface Figure {
  name: string;
  rate: number;
  p99?: number;
  /** CPU time (user + system) the serving process spent per request, in µs. */
  cpuPerRequest?: number;
}

/** Clock ticks per second of `/proc/<pid>/stat` times. */
const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time (user + system) a process has used so far, in µs (Linux `/proc`). */
function cpuTime(pid: number): number {
  // Fields after the `(command)`: state is the 1st, utime the 12th, stime the 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / clockTicks;
}

/** Starts a TypeScript entry point as a child process and waits until its port answers. */
async function startChild(entry: string, env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const child = fork(entry, [], {
    execArgv: [],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(readyUrl)).status < 500) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${entry} did not start`);
}

/** Warm-up, then the measured run; with `pid`, also that process's CPU time per request. */
async function load(name: string, options: autocannon.Options, pid?: number): Promise<Figure> {
  await autocannon({ ...options, duration: 2 });
  const cpuBefore = pid === undefined ? 0 : cpuTime(pid);
  const result = await autocannon({ ...options, duration: seconds });
  const cpuPerRequest = pid === undefined ? undefined : (cpuTime(pid) - cpuBefore) / result.requests.total;
  const non2xx = result.non2xx + result.errors;
  if (non2xx > 0) throw new Error(`${name}: ${non2xx} requests failed (non-2xx or errors)`);
  return { name, rate: result.requests.average, p99: result.latency.p99, cpuPerRequest };
}

async function pgbenchInsert(url: string, tenantId: string, targets: DeliveryTarget[]): Promise<Figure> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('pgbench not found (apt-get install -y postgresql)');
  // The exact statement the service sends for one report (compiled by Kysely), with pgbench-made ids.
  const db = openDatabase({ url });
  const input = reportInputSchema.parse(minimalReport());
  const row = reportRow(
    { id: tenantId, version: 1 },
    { tenant: { id: tenantId }, area: null },
    input,
    { id: placeholderId, reference: 'REF', idempotencyKey: undefined, requestHash: null },
    { seal: () => Buffer.alloc(0) },
  );
  // The report insert and its deliveries are one statement (a CTE), so pgbench runs that statement.
  const compiled = insertReportQuery(db.db, row, targets).compile();
  await db.close();
  let text = compiled.sql;
  compiled.parameters.forEach((value, i) => {
    const literal =
      value === placeholderId
        ? 'gen_random_uuid()'
        : value === 'REF'
          ? 'upper(substr(md5(random()::text), 1, 9))'
          : value === null
            ? 'null'
            : Array.isArray(value)
              ? `'{${value.join(',')}}'`
              : typeof value === 'number' || typeof value === 'boolean'
                ? String(value)
                : `'${String(value).replaceAll("'", "''")}'`;
    text = text.replace(new RegExp(`\\$${i + 1}(?!\\d)`), literal);
  });
  const dir = mkdtempSync(join(tmpdir(), 'meldpunt-pgbench-'));
  const script = join(dir, 'insert.sql');
  writeFileSync(script, text.replace(/\s+/g, ' ') + ';\n');
  const { hostname, port } = new URL(url);
  const args = [
    '-n',
    '-M',
    'extended',
    '-c',
    String(Math.min(connections, 16)),
    '-j',
    '2',
    '-T',
    String(seconds),
    '-f',
    script,
  ];
  const { stdout } = await run(join(bin, 'pgbench'), [
    ...args,
    '-h',
    hostname,
    '-p',
    port,
    '-U',
    'postgres',
    'meldpunt',
  ]);
  const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
  return { name: 'pgbench: one report insert', rate: tps, p99: latency };
}

function print(figures: Figure[]): void {
  for (const f of figures) {
    const p99 = f.p99 === undefined ? '' : `  ${f.name.startsWith('pgbench') ? 'avg' : 'p99'} ${f.p99.toFixed(1)} ms`;
    const cpu = f.cpuPerRequest === undefined ? '' : `  CPU ${f.cpuPerRequest.toFixed(1)} µs/request`;
    console.log(`  ${f.name.padEnd(40)} ${f.rate.toFixed(0).padStart(8)} /s${p99}${cpu}`);
  }
}

const postgres = await startPostgres({ fast: false });
const children: ChildProcess[] = [];
try {
  const setup = openDatabase({ url: postgres.url });
  await migrateToLatest(setup.db);
  const slug = `bench-${randomUUID().slice(0, 8)}`;
  const doc = tenantDocument(slug, { settings: { rateLimit: { reports: 100_000, windowSeconds: 1 } } });
  const tenant = await importTenant(setup.db, doc);
  const targets = deliveryTargets(tenantSettingsSchema.parse(doc.settings));
  await setup.close();

  const servicePort = await freePort();
  const base = `http://127.0.0.1:${servicePort}`;
  const service = await startChild(
    join(here, '../src/server.ts'),
    {
      // Production in every way but one: the proof of work at its lowest (issue 16), so solving the
      // proofs for the run (one per report) takes seconds; checking one costs the same at any difficulty.
      MELDPUNT_MODE: 'test',
      PROOF_MAX_NUMBER: '1',
      // One tenant taking thousands of reports a minute is the load measured here, not a flood to fend off.
      PROOF_FLOOD_FACTOR: '1000000',
      PUBLIC_ORIGIN: base,
      SERVER_SECRET: Buffer.alloc(32, 8).toString('base64'),
      PORT: String(servicePort),
      HOST: '127.0.0.1',
      DATABASE_URL: postgres.url,
      DB_POOL_SIZE: '16',
      CONTACT_ENCRYPTION_KEYS: `1:${Buffer.alloc(32, 7).toString('base64')}`,
      LOG_LEVEL: 'info',
      // Intake only: the deliveries queue up (measured by `pnpm bench:delivery`).
      DELIVERY_WORKER: 'false',
    },
    `${base}/api/v1/ready`,
  );
  children.push(service);
  const configUrl = `${base}/api/v1/tenants/${slug}/config`;
  const configBody = await (await fetch(configUrl)).text();

  const barePort = await freePort();
  const bareRoute = await startChild(
    join(here, 'bare-hono.ts'),
    { PORT: String(barePort), BARE_BODY: configBody },
    `http://127.0.0.1:${barePort}/config`,
  );
  children.push(bareRoute);

  console.log(`Meldpunt API benchmark: ${seconds}s per run, ${connections} connections, PostgreSQL on loopback\n`);
  const bare = await load(
    'bare Hono route (same JSON)',
    { url: `http://127.0.0.1:${barePort}/config`, connections },
    bareRoute.pid,
  );
  const config = await load('GET /tenants/:slug/config', { url: configUrl, connections }, service.pid);
  const pgbench = await pgbenchInsert(postgres.url, tenant.tenantId, targets);
  // Issue 16: one solved proof per report, more than the warm-up and the run can use.
  const proofs = await solvedProofs(base, slug, Number(process.env.BENCH_PROOFS ?? (seconds + 2) * 3000));
  const post = await load(
    'POST /tenants/:slug/reports',
    {
      url: `${base}/api/v1/tenants/${slug}/reports`,
      connections,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(minimalReport()),
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, 'meldpunt-proof': proofs.pop() ?? 'none left' },
          }),
        },
      ],
    },
    service.pid,
  );
  print([bare, config, pgbench, post]);

  const configRatio = config.rate / bare.rate;
  const postRatio = post.rate / pgbench.rate;
  const check = (ratio: number, budget: number) => (ratio >= budget ? 'ok' : 'MISSED');
  console.log(`\n  config GET / bare Hono   = ${configRatio.toFixed(2)}  (budget ≥ 0.80) ${check(configRatio, 0.8)}`);
  console.log(`  report POST / pgbench    = ${postRatio.toFixed(2)}  (budget ≥ 0.60) ${check(postRatio, 0.6)}`);

  const verify = openDatabase({ url: postgres.url });
  const stored = await sql<{
    n: string;
  }>`select count(*) as n from report where tenant_id = ${tenant.tenantId}`.execute(verify.db);
  console.log(`  (${stored.rows[0]?.n} reports stored during the run)`);
  await verify.close();
  process.exitCode = configRatio >= 0.8 && postRatio >= 0.6 ? 0 : 1;
} finally {
  for (const child of children) child.kill('SIGTERM');
  await postgres.stop();
}
