/**
 * `pnpm bench:abuse`, the flood (issue 16): two service instances on one real PostgreSQL behind a trusted
 * proxy address (loopback; every client's address comes in `X-Forwarded-For`), a flood of BENCH_FLOOD_RATE
 * (default 500) reports/s for BENCH_SECONDS (default 30) s — from 10,000 distinct IPv6 /64 networks plus
 * one heavy source sending a fifth of it — while genuine reporters send 2 reports/s, each from an address
 * of its own, fetching and solving its challenge as the widget does.
 *
 * The flood solves its proofs too (fetched and solved before the clock starts, at the difficulty the
 * service then asked), and a tenth of its requests replay a proof already used: what holds it back is
 * the per-client limit, shared by both instances, the once-only proofs, and the difficulty that rises
 * within a handful of reports of the flood (proofs made before it are then `proof-outdated`) — not a
 * global ceiling, which would lock the genuine reporters out with it. What keeping up would cost the
 * attacker is printed too: one proof at the flood difficulty of production, solved here, times 500/s.
 * The genuine reporters do what the widget does: a fresh challenge per report, the same Idempotency-Key
 * for a retry, and a refused proof replaced once.
 *
 * Prints: the share of genuine reports accepted (goal ≥ 99 %), flood reports accepted against each
 * client's limit (goal: no client above it), refusals by reason, the service's CPU time per refused
 * request and its memory (RSS of both instances before and after). Exits 1 when a goal is missed.
 * Runs in `MELDPUNT_MODE=test` with `PROOF_MAX_NUMBER` (default 1000) so that solving 15,000 proofs does
 * not make the bench measure its own hashing; production refuses that setting.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createChallenge, randomInt, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { ChildProcess } from 'node:child_process';
import { openDatabase } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { defaultDifficulty } from '../src/proof/difficulty.ts';
import { importTenant } from '../src/tenants/tenant-service.ts';
import { minimalReport, tenantDocument } from '../test/helpers.ts';
import { freePort } from '../test/net.ts';
import { startPostgres } from '../test/postgres.ts';
import { solvedProofAt, solvedProofs } from '../test/proof-client.ts';
import { startProcess, stopProcesses } from './processes.ts';

const floodRate = Number(process.env.BENCH_FLOOD_RATE ?? 500);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const genuineRate = 2;
const networks = 10_000;
const heavyShare = 0.2;
const replayShare = 0.1;
const limit = { reports: 10, windowSeconds: 3600 };
const proofMaxNumber = process.env.PROOF_MAX_NUMBER ?? '1000';
const heavySource = '203.0.113.66';
/**
 * `BENCH_FLOOD_KEEPS_UP=1`: the attacker who pays — its proofs stay good because the difficulty never
 * rises (`PROOF_FLOOD_FACTOR` out of reach), as if it solved each at the flood difficulty. Then only the
 * per-client limits and the intake gate's load shedding stand between the flood and the genuine reports.
 */
const keepsUp = process.env.BENCH_FLOOD_KEEPS_UP === '1';
const now = () => performance.now();

/** The i-th of a list, round and round. */
function nth<T>(list: readonly T[], i: number): T {
  const item = list[i % list.length];
  if (item === undefined) throw new Error('empty list');
  return item;
}

/** The flood's i-th client: one of 10,000 /64 networks (an address of its own inside it each time), or the heavy source. */
function floodClient(i: number): { client: string; address: string } {
  if ((i * 7919) % 100 < heavyShare * 100) return { client: heavySource, address: heavySource };
  const network = (i * 104_729) % networks;
  const prefix = `2001:db8:${(network >> 8).toString(16)}:${(network & 0xff).toString(16)}`;
  // Another interface id every time: the /64 is the client, however the attacker varies the rest.
  return { client: prefix, address: `${prefix}:${(i & 0xffff).toString(16)}:1:2:3` };
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** Resident memory of a process in MB, from /proc. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return Number(line?.[1] ?? 0) / 1024;
}

async function post(
  base: string,
  slug: string,
  address: string,
  proof: string,
  idempotencyKey?: string,
): Promise<{ status: number; type: string }> {
  try {
    const res = await fetch(`${base}/api/v1/tenants/${slug}/reports`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': address,
        'meldpunt-proof': proof,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify(minimalReport()),
    });
    const type = res.status === 201 ? '' : (((await res.json()) as { type?: string }).type ?? '').split('/').pop();
    if (res.status === 201) await res.arrayBuffer().catch(() => undefined);
    return { status: res.status, type: type ?? '' };
  } catch (error) {
    return { status: 0, type: `network: ${(error as Error).message}` };
  }
}

/**
 * A genuine reporter, as the widget sends (`widget/src/send.ts`): a challenge from one instance, solved,
 * the report to the other with an Idempotency-Key; a refused proof (expired, or made just before the
 * difficulty rose) replaced once by a fresh one; a `busy` answer (503, load shed) sent again after 2–3 s,
 * up to three times. Resolves with the last answer, what it took, and how long.
 */
async function genuineReport(
  challengeBase: string,
  reportBase: string,
  slug: string,
  address: string,
): Promise<{ status: number; type: string; retried: boolean; busy: number; ms: number }> {
  const start = now();
  const key = randomUUID();
  let proof = await solvedProofAt(challengeBase, slug);
  let retried = false;
  for (let busy = 0; ;) {
    const result = await post(reportBase, slug, address, proof, key);
    if (result.status === 403 && result.type.startsWith('proof-') && !retried) {
      retried = true;
      proof = await solvedProofAt(challengeBase, slug);
    } else if (result.status === 503 && result.type === 'busy' && busy < 3) {
      busy++;
      await new Promise((r) => setTimeout(r, 2000 + Math.random() * 1000));
    } else return { ...result, retried, busy, ms: now() - start };
  }
}

/** Milliseconds one proof at production's flood difficulty takes to solve here (Node, one core): the mean of 20. */
async function floodProofMs(): Promise<number> {
  const maxNumber = defaultDifficulty.baseMaxNumber * defaultDifficulty.floodMultiplier;
  const start = now();
  for (let i = 0; i < 20; i++) {
    const challenge = await createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: randomInt(maxNumber, 0),
      deriveKey,
      hmacSignatureSecret: 'bench',
      hmacKeySignatureSecret: 'bench-key',
    });
    if (!(await solveChallenge({ challenge, deriveKey }))) throw new Error('no solution');
  }
  return (now() - start) / 20;
}

const postgres = await startPostgres({ fast: false });
const children: ChildProcess[] = [];
let exitCode = 0;
try {
  const setup = openDatabase({ url: postgres.url, poolSize: 4 });
  await migrateToLatest(setup.db);
  const slug = `flood-${randomUUID().slice(0, 8)}`;
  await importTenant(setup.db, tenantDocument(slug, { settings: { rateLimit: limit } }));
  await setup.db.destroy();

  const env = {
    MELDPUNT_MODE: 'test',
    PUBLIC_ORIGIN: 'http://localhost',
    SERVER_SECRET: Buffer.alloc(32, 9).toString('base64'),
    CONTACT_ENCRYPTION_KEYS: `1:${Buffer.alloc(32, 3).toString('base64')}`,
    DATABASE_URL: postgres.url,
    DB_POOL_SIZE: '8',
    DELIVERY_WORKER: 'false',
    RETENTION_INTERVAL_MS: '0',
    TRUSTED_PROXIES: '127.0.0.0/8,::1/128',
    PROOF_MAX_NUMBER: proofMaxNumber,
    ...(keepsUp ? { PROOF_FLOOD_FACTOR: '1000000' } : {}),
    // As in production: a request log line per request (and the ready line the bench waits for).
    LOG_LEVEL: 'info',
  };
  const bases: string[] = [];
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    children.push(
      await startProcess(
        'src/server.ts',
        { ...env, PORT: String(port), HOST: '127.0.0.1' },
        'config-service listening',
      ),
    );
    bases.push(`http://127.0.0.1:${port}`);
  }
  for (const base of bases) {
    for (;;) {
      const ready = await fetch(`${base}/api/v1/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const total = floodRate * seconds;
  const fresh = Math.round(total * (1 - replayShare));
  console.log(
    `\nMeldpunt abuse benchmark: 2 instances behind a trusted proxy, one PostgreSQL; limit ${limit.reports} reports per client per ${limit.windowSeconds / 3600} h`,
  );
  console.log(
    keepsUp
      ? '  the attacker keeps up: its proofs stay good all along (the difficulty does not rise), as if solved at the flood difficulty'
      : '  the attacker solved its proofs in advance, at the difficulty asked before the flood',
  );
  console.log(`  solving ${fresh} flood proofs before the clock starts (PROOF_MAX_NUMBER ${proofMaxNumber}) …`);
  const proofs = await solvedProofs(nth(bases, 0), slug, fresh);

  const pids = children.map((c) => c.pid ?? 0);
  const cpuBefore = pids.map(cpuSeconds);
  const rssBefore = pids.map(rssMb);
  const flood: Promise<{ client: string; status: number; type: string }>[] = [];
  const genuine: ReturnType<typeof genuineReport>[] = [];
  const t0 = now();
  let used = 0;
  let nextGenuine = 0;
  for (let i = 0; i < total; i++) {
    const due = (i * 1000) / floodRate;
    const wait = t0 + due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // Genuine reporters, at their own pace: a challenge from one instance, solved, sent to the other.
    while (nextGenuine * (1000 / genuineRate) <= due) {
      const n = nextGenuine++;
      const address = `198.18.${(n >> 8) & 0xff}.${n & 0xff}`;
      genuine.push(genuineReport(nth(bases, n), nth(bases, n + 1), slug, address));
    }
    const { client, address } = floodClient(i);
    // A tenth replays a proof already sent; the rest bring their own.
    const replay = i % Math.round(1 / replayShare) === 0 && used > 0;
    const proof = replay ? nth(proofs, (i * 31) % used) : nth(proofs, used++);
    flood.push(post(nth(bases, i), slug, address, proof).then((r) => ({ client, ...r })));
  }
  const sentIn = (now() - t0) / 1000;
  const floodResults = await Promise.all(flood);
  const genuineResults = await Promise.all(genuine);
  const cpuUsed = pids.map((pid, i) => cpuSeconds(pid) - (cpuBefore[i] ?? 0)).reduce((a, b) => a + b, 0);
  const rssAfter = pids.map(rssMb);

  const acceptedPerClient = new Map<string, number>();
  const reasons = new Map<string, number>();
  for (const r of floodResults) {
    if (r.status === 201) acceptedPerClient.set(r.client, (acceptedPerClient.get(r.client) ?? 0) + 1);
    else reasons.set(`${r.status} ${r.type}`, (reasons.get(`${r.status} ${r.type}`) ?? 0) + 1);
  }
  const floodAccepted = [...acceptedPerClient.values()].reduce((a, b) => a + b, 0);
  const refused = floodResults.length - floodAccepted;
  const mostByOne = Math.max(0, ...acceptedPerClient.values());
  const genuineAccepted = genuineResults.filter((r) => r.status === 201).length;
  const genuineShare = genuineAccepted / genuineResults.length;
  const genuineMs = genuineResults.map((r) => r.ms).sort((a, b) => a - b);
  const percentile = (p: number) => genuineMs[Math.min(genuineMs.length - 1, Math.floor(p * genuineMs.length))] ?? 0;
  const genuineFailures = new Map<string, number>();
  for (const r of genuineResults.filter((g) => g.status !== 201))
    genuineFailures.set(`${r.status} ${r.type}`, (genuineFailures.get(`${r.status} ${r.type}`) ?? 0) + 1);

  console.log(
    `\n  sent ${floodResults.length} flood requests in ${sentIn.toFixed(1)} s (${(floodResults.length / sentIn).toFixed(0)}/s), ${genuineResults.length} genuine`,
  );
  console.log(
    `  genuine reports accepted      ${genuineAccepted} of ${genuineResults.length} = ${(genuineShare * 100).toFixed(1)} %   (goal ≥ 99 %)`,
  );
  console.log(
    `    challenge, solving and sending: median ${percentile(0.5).toFixed(0)} ms, p99 ${percentile(0.99).toFixed(0)} ms; as the widget does, ${genuineResults.filter((r) => r.retried).length} replaced a refused proof, ${genuineResults.filter((r) => r.busy > 0).length} were sent again after a busy answer`,
  );
  for (const [reason, count] of genuineFailures) console.log(`    not accepted: ${count}× ${reason}`);
  console.log(
    `  flood reports accepted        ${floodAccepted} from ${acceptedPerClient.size} clients; most by one client ${mostByOne}   (goal: ≤ ${limit.reports}, each client's limit)`,
  );
  console.log(
    `  the heavy source              ${acceptedPerClient.get(heavySource) ?? 0} accepted of ${floodResults.filter((r) => r.client === heavySource).length}`,
  );
  console.log('  flood refused, by reason:');
  for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]))
    console.log(`    ${String(count).padStart(7)}  ${reason}`);
  console.log(
    `  service CPU (both instances)  ${cpuUsed.toFixed(1)} s for ${floodResults.length + genuineResults.length} requests; ${((cpuUsed * 1e6) / Math.max(1, floodResults.length)).toFixed(0)} µs per flood request (accepted ones and their inserts included)`,
  );
  console.log(
    `  RSS per instance              ${rssBefore.map((v) => v.toFixed(0)).join(' / ')} MB before, ${rssAfter.map((v) => v.toFixed(0)).join(' / ')} MB after`,
  );

  // What a refusal costs, by reason: requests that are all refused, sent after the flood, the instances'
  // CPU time divided by their number (the flood's own figure above includes the accepted reports).
  const refusals = 1000;
  console.log(`  service CPU per refused request (${refusals} each, after the flood):`);
  const overLimitProofs = await solvedProofs(nth(bases, 0), slug, refusals);
  const forged = Buffer.from(
    JSON.stringify({ challenge: { parameters: { nonce: 'x' }, signature: 'forged' }, solution: {} }),
  ).toString('base64');
  // The flood's own proofs (made before it) are outdated by now, unless it keeps up; the over-limit ones are used once sent.
  const kinds: [string, (i: number) => string][] = [
    ['forged proof (403 proof-invalid)', () => forged],
    ...(keepsUp
      ? []
      : ([['made before the flood (403 proof-outdated)', (i) => nth(proofs, i)]] as [string, (i: number) => string][])),
    ['over its limit, valid proof (429)', (i) => nth(overLimitProofs, i)],
    ['replayed proof (403 proof-replayed)', (i) => nth(overLimitProofs, i)],
  ];
  for (const [label, proofOf] of kinds) {
    const before = pids.map(cpuSeconds);
    const statuses = new Map<number, number>();
    for (let i = 0; i < refusals; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, (_, j) => post(nth(bases, i + j), slug, heavySource, proofOf(i + j))),
      );
      for (const r of batch) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    const cpu = pids.map((pid, i) => cpuSeconds(pid) - (before[i] ?? 0)).reduce((a, b) => a + b, 0);
    const answered = [...statuses].map(([status, n]) => `${n}× ${status}`).join(', ');
    console.log(`    ${label.padEnd(44)}${((cpu * 1e6) / refusals).toFixed(0).padStart(6)} µs   (${answered})`);
    if (statuses.get(201)) exitCode = 1;
  }

  const solveMs = await floodProofMs();
  const floodMaxNumber = defaultDifficulty.baseMaxNumber * defaultDifficulty.floodMultiplier;
  console.log(
    `  keeping up instead: one proof at production's flood difficulty (maxNumber ${floodMaxNumber}) takes ${solveMs.toFixed(1)} ms here (Node, one core), so ${floodRate}/s needs ${((floodRate * solveMs) / 1000).toFixed(1)} such cores`,
  );

  if (genuineShare < 0.99) {
    console.error('  MISSED: fewer than 99 % of the genuine reports were accepted');
    exitCode = 1;
  }
  if (mostByOne > limit.reports) {
    console.error(`  MISSED: a flood client got ${mostByOne} reports in, above its limit of ${limit.reports}`);
    exitCode = 1;
  }
  if (refused === 0) exitCode = 1;
} finally {
  await stopProcesses(children);
  await postgres.stop();
}
process.exit(exitCode);
