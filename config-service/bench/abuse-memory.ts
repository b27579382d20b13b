/**
 * `pnpm bench:abuse`, part 1 (issue 16): memory and cost per request of the rate limits under many
 * distinct clients. Run with `--expose-gc` (the package script does).
 *
 *  1. In process: BENCH_CLIENTS (default 1,000,000) distinct clients, each refused, through everything
 *     the service does in its own memory for a report's limits — `X-Forwarded-For` behind a trusted
 *     proxy, the canonical network, the day's client key, the reservation and the remembered refusal.
 *     The database round trip is Kysely's `DummyDriver` (it answers "no row", i.e. "over the limit",
 *     so every client leaves the most it can behind). Budget: the heap grows by < 64 MB, and the last
 *     100,000 clients cost no more per request than the first (flat, no scans of all clients).
 *  2. In PostgreSQL: the shared table with BENCH_WINDOWS (default 1,000,000) live windows, filled by
 *     one `generate_series`; reservations of new clients and refusals timed against an empty table.
 *     Budget: p50 with the full table at most twice the empty table's, and the service's heap unchanged.
 * Prints the figures and exits 1 when a budget is missed.
 */
import { randomBytes } from 'node:crypto';
import { Kysely, DummyDriver, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { openDatabase } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { TrustedProxies } from '../src/http/client-address.ts';
import { clientNetwork } from '../src/limits/client-network.ts';
import { ReportRateLimiter } from '../src/reports/rate-limit.ts';
import { ServerSecret } from '../src/secrets/server-secret.ts';
import { startPostgres } from '../test/postgres.ts';

const clients = Number(process.env.BENCH_CLIENTS ?? 1_000_000);
const windows = Number(process.env.BENCH_WINDOWS ?? 1_000_000);
const budgetBytes = 64 * 1024 * 1024;
const serverSecret = new ServerSecret(randomBytes(32));
const proxies = TrustedProxies.parse('10.0.0.0/8');
const tenant = (id: string) => ({ id, settings: { rateLimit: { reports: 5, windowSeconds: 3600 } } });
const sending = tenant('00000000-0000-4000-8000-000000000001');
const receiving = tenant('00000000-0000-4000-8000-000000000002');

function heapBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
}
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The i-th distinct client: half IPv4, half IPv6 networks, behind the trusted load balancer. */
function forwardedFor(i: number): string {
  return i % 2
    ? `1.1.1.1, ${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}.${(i >>> 24) + 1}`
    : `2001:db8:${(i >>> 16).toString(16)}:${(i & 0xffff).toString(16)}::1`;
}

async function inProcess(): Promise<boolean> {
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const limiter = new ReportRateLimiter({ db, serverSecret }, { sweepEveryMs: Number.MAX_SAFE_INTEGER });
  const before = heapBytes();
  const batch = 100_000;
  const batchMs: number[] = [];
  let refused = 0;
  for (let start = 0; start < clients; start += batch) {
    const t0 = performance.now();
    for (let i = start; i < Math.min(clients, start + batch); i++) {
      const address = proxies.clientOf('10.0.0.1', forwardedFor(i))?.address;
      await limiter.reserve(clientNetwork(address), sending, receiving).catch(() => refused++);
    }
    batchMs.push(performance.now() - t0);
  }
  const grown = heapBytes() - before;
  const perRequestUs = batchMs.map((ms) => (ms * 1000) / batch);
  const first = perRequestUs[0] ?? 0;
  const last = perRequestUs.at(-1) ?? 0;
  console.log(`in process: ${clients.toLocaleString('en')} distinct clients, ${refused.toLocaleString('en')} refused`);
  console.log(`  heap growth ${mb(grown)} MB (budget 64 MB); ${limiter.rememberedRefusals} refusals remembered`);
  console.log(`  µs per request, first vs last 100k: ${first.toFixed(1)} vs ${last.toFixed(1)}`);
  const ok = grown < budgetBytes && refused === clients && last < first * 2 + 5;
  if (!ok) console.log('  BUDGET MISSED');
  return ok;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function inPostgres(): Promise<boolean> {
  const postgres = await startPostgres({ fast: false });
  const handle = openDatabase({ url: postgres.url, poolSize: 4 });
  try {
    await migrateToLatest(handle.db);
    const limiter = new ReportRateLimiter({ db: handle.db, serverSecret });
    const time = async (label: string, offset: number) => {
      const ms: number[] = [];
      for (let i = 0; i < 2000; i++) {
        const network = `198.18.${(offset + i) >> 8}.${(offset + i) & 255}`;
        const t0 = performance.now();
        await limiter.reserve(network, sending, receiving).catch(() => undefined);
        ms.push(performance.now() - t0);
      }
      console.log(
        `  ${label}: reserve p50 ${percentile(ms, 50).toFixed(2)} ms, p99 ${percentile(ms, 99).toFixed(2)} ms`,
      );
      return percentile(ms, 50);
    };
    console.log(`PostgreSQL: the shared table, empty and with ${windows.toLocaleString('en')} live windows`);
    const empty = await time('empty table', 0);
    const heapBefore = heapBytes();
    const filled = performance.now();
    await sql`insert into rate_limit_window (scope, client_hash, window_start, count, expires_at)
      select 'report-sent:' || ${sending.id}, md5(i::text), date_trunc('hour', now()), 5, now() + interval '1 hour'
      from generate_series(1, ${windows}) as i`.execute(handle.db);
    console.log(`  filled in ${((performance.now() - filled) / 1000).toFixed(1)} s`);
    const full = await time('full table', 4000);
    const heapGrown = heapBytes() - heapBefore;
    console.log(`  service heap growth while the table holds them: ${mb(heapGrown)} MB`);
    const ok = full <= empty * 2 + 0.2 && heapGrown < budgetBytes;
    if (!ok) console.log('  BUDGET MISSED');
    return ok;
  } finally {
    await handle.close();
    await postgres.stop();
  }
}

const results = [await inProcess(), await inPostgres()];
process.exit(results.every(Boolean) ? 0 : 1);
