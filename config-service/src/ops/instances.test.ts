import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { waitUntil, testMailFrom } from '../../test/delivery-helpers.ts';
import { databaseKind, minimalReport, randomIp, useTestContext } from '../../test/helpers.ts';
import { freePort } from '../../test/net.ts';
import { patience } from '../../test/patience.ts';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.ts';
import { asConsole, createStaff, signIn } from '../../test/staff.ts';
import { reportMessageId } from '../delivery/mailer.ts';
import { solvedProofAt } from '../../test/proof-client.ts';

const configServiceDir = fileURLToPath(new URL('../../', import.meta.url));
/** The origin both instances are reached at behind their (imagined) load balancer. */
const publicOrigin = 'http://localhost';

interface Started {
  child: ChildProcess;
  output: () => string;
}

/** `node <entry>` with exactly this environment; its output kept for waiting and for failure messages. */
function start(entry: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, [entry], {
    cwd: configServiceDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, ...env },
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}

async function stop(started: Started | undefined): Promise<void> {
  const child = started?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const closed = once(child, 'close');
  child.kill('SIGTERM');
  await closed;
}

/** Waits until the URL answers 200 (the process is up and ready), failing with the process's output. */
async function waitReady(url: string, started: Started): Promise<void> {
  await waitUntil(
    async () => {
      if (started.child.exitCode !== null) throw new Error(`exited:\n${started.output()}`);
      return fetch(url).then(
        (res) => res.ok,
        () => false,
      );
    },
    `${url} to be ready`,
    120_000,
  );
}

// Real processes on one PostgreSQL: PGlite's data folder belongs to one process.
const skip =
  databaseKind !== 'postgres' && 'needs separate processes sharing one PostgreSQL; runs in the PostgreSQL run';

describe(
  `two service instances and a worker process on one PostgreSQL (${databaseKind}; PostgreSQL run only)`,
  {
    skip,
    timeout: 600_000,
  },
  () => {
    const ctx = useTestContext({ ownDatabase: true });
    let sink: SmtpSink;
    const instances: { base: string; metrics: string; started: Started }[] = [];
    let worker: Started | undefined;

    before(async () => {
      if (skip) return;
      sink = await startSmtpSink();
      const shared = {
        MELDPUNT_MODE: 'test',
        DATABASE_URL: ctx.databaseUrl!,
        DB_POOL_SIZE: '4',
        PUBLIC_ORIGIN: publicOrigin,
        HOST: '127.0.0.1',
        // The same secrets on every instance, as a deployment gives them: sessions and keyed hashes agree.
        SERVER_SECRET: ctx.serverSecret.toString('base64'),
        CONTACT_ENCRYPTION_KEYS: `1:${ctx.contactKey.toString('base64')}`,
        SMTP_URL: sink.url,
        MAIL_FROM: testMailFrom,
        TRUSTED_PROXIES: '127.0.0.0/8,::1/128',
        // Issue 16: proofs of work quick to solve (test mode only; production refuses the setting).
        PROOF_MAX_NUMBER: '10',
        // The longest the cache may hold a config without being told: a publish seen within 5 s is NOTIFY's doing.
        CONFIG_REFRESH_MS: '7500',
        RETENTION_INTERVAL_MS: '0',
        LOG_LEVEL: 'info',
      };
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        const metricsPort = await freePort();
        const started = start('src/server.ts', {
          ...shared,
          PORT: String(port),
          METRICS_PORT: String(metricsPort),
          // Intake only: the worker below is the one that sends.
          DELIVERY_WORKER: 'false',
        });
        instances.push({
          base: `http://127.0.0.1:${port}`,
          metrics: `http://127.0.0.1:${metricsPort}/metrics`,
          started,
        });
      }
      // Polls once in ten minutes: a mail within the test's patience came because NOTIFY woke it.
      worker = start('src/cli/worker.ts', { ...shared, DELIVERY_POLL_MS: '600000', DELIVERY_CONCURRENCY: '4' });
      for (const instance of instances) await waitReady(`${instance.base}/api/v1/ready`, instance.started);
      await waitUntil(() => /listening for notifications/.test(worker!.output()), 'the worker to listen', 120_000);
    });

    after(async () => {
      await Promise.all([...instances.map((i) => stop(i.started)), stop(worker)]);
      await sink?.stop();
    });

    /**
     * POSTs a report to an instance as a browser behind the load balancer would (its address forwarded),
     * with a proof of work solved on the OTHER instance's challenge: challenges are shared.
     */
    async function report(base: string, slug: string, body = minimalReport(), address = randomIp()) {
      const other = instances.find((i) => i.base !== base)!.base;
      return fetch(`${base}/api/v1/tenants/${slug}/reports`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Forwarded-For': address,
          'Meldpunt-Proof': await solvedProofAt(other, slug),
        },
        body: JSON.stringify(body),
      });
    }

    it('a report is accepted by either instance, and the worker, woken by NOTIFY, delivers each within moments', async () => {
      const address = 'oov@instances.example';
      const tenant = await ctx.createTenant({ settings: { delivery: { email: [{ address }] } } });
      const ids: string[] = [];
      for (const { base } of instances) {
        const res = await report(base, tenant.slug);
        assert.equal(res.status, 201, await res.clone().text());
        ids.push(((await res.json()) as { id: string }).id);
      }
      const expected = ids.map((id) => reportMessageId(id, address));
      // Far below the worker's poll of ten minutes.
      await sink.waitFor((all) => expected.every((m) => all.some((r) => r.messageId === m)), patience);
      const received = sink.received.filter((m) => expected.includes(m.messageId ?? ''));
      assert.equal(received.length, 2, 'each delivered once');
    });

    it('after its LISTEN connection is cut, the worker reconnects and is woken again', async () => {
      const address = 'oov@reconnect.example';
      const tenant = await ctx.createTenant({ settings: { delivery: { email: [{ address }] } } });
      const listensBefore = worker!.output().split('listening for notifications').length;
      const cut = await sql<{ n: number }>`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = current_database() and query ilike 'listen %meldpunt_delivery%'`.execute(ctx.db);
      assert.ok((cut.rows[0]?.n ?? 0) >= 1, 'the worker’s LISTEN connection was found and cut');
      await waitUntil(
        () => worker!.output().split('listening for notifications').length > listensBefore,
        'the worker to listen again',
      );
      const res = await report(instances[0]!.base, tenant.slug);
      assert.equal(res.status, 201);
      const { id } = (await res.json()) as { id: string };
      await sink.waitFor((all) => all.some((m) => m.messageId === reportMessageId(id, address)), patience);
    });

    it('a config published through one instance is served by both within 5 s', async () => {
      const tenant = await ctx.createTenant();
      const publisher = await createStaff(ctx, { tenantId: tenant.id, roles: ['publisher'] });
      const cookie = await signIn(ctx, publisher.id);
      const versionOn = async (base: string) =>
        ((await (await fetch(`${base}/api/v1/tenants/${tenant.slug}/config`)).json()) as { version: number }).version;
      // Both have the tenant in memory now, fresh for another 7.5 s.
      const before = await Promise.all(instances.map((i) => versionOn(i.base)));
      const published = await fetch(
        `${instances[0]!.base}/api/v1/console/tenants/${tenant.slug}/config/publish`,
        asConsole(cookie, { method: 'POST', body: { note: 'Published through the first instance' } }),
      );
      assert.equal(published.status, 201, await published.clone().text());
      const { version } = (await published.json()) as { version: number };
      assert.ok(version > before[0]!);
      const t0 = performance.now();
      const seenAfter: number[] = [];
      for (const { base } of instances) {
        await waitUntil(async () => (await versionOn(base)) === version, `version ${version} on ${base}`, 5000);
        seenAfter.push(Math.round(performance.now() - t0));
      }
      assert.ok(
        seenAfter.every((ms) => ms < 5000),
        `served by both within 5 s (${seenAfter.join(', ')} ms)`,
      );
    });

    it('a staff session made through one instance is valid on both; without it neither lets in', async () => {
      const tenant = await ctx.createTenant();
      const officer = await createStaff(ctx, { tenantId: tenant.id, roles: ['officer'] });
      const cookie = await signIn(ctx, officer.id);
      for (const { base } of instances) {
        const me = await fetch(`${base}/api/v1/auth/me`, asConsole(cookie));
        assert.equal(me.status, 200, base);
        assert.equal(((await me.json()) as { email?: string }).email, officer.email);
        assert.equal((await fetch(`${base}/api/v1/auth/me`, asConsole(undefined))).status, 401, base);
      }
    });

    it('one report limit and one count of receipt-code guesses for both instances together', async () => {
      const tenant = await ctx.createTenant({ settings: { rateLimit: { reports: 3, windowSeconds: 3600 } } });
      // One client (one /64) sending by turns to either instance: three reports in, then refused by both.
      const sent = [];
      for (let i = 0; i < 6; i++) {
        const res = await report(instances[i % 2]!.base, tenant.slug, minimalReport(), `2001:db8:16:1::${i + 1}`);
        sent.push(res.status);
      }
      assert.deepEqual(sent, [201, 201, 201, 429, 429, 429]);
      // Wrong receipt codes by turns: five free failures and a sixth that starts the wait, for both together.
      const looked = [];
      for (let i = 0; i < 8; i++) {
        const res = await fetch(`${instances[i % 2]!.base}/api/v1/tenants/${tenant.slug}/follow-up`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.61' },
          body: JSON.stringify({ code: 'ABCD-EFGH-JKMN-PQRS' }),
        });
        looked.push(res.status);
      }
      assert.deepEqual(looked, [404, 404, 404, 404, 404, 404, 429, 429]);
    });

    it('each instance serves readiness, liveness and metrics; the metrics carry no address and no report text', async () => {
      const tenant = await ctx.createTenant();
      const address = '198.51.100.23';
      const res = await report(
        instances[1]!.base,
        tenant.slug,
        minimalReport({ description: 'Metriektekst die nergens mag staan.' }),
        address,
      );
      assert.equal(res.status, 201);
      const { id } = (await res.json()) as { id: string };
      for (const { base, metrics } of instances) {
        assert.equal((await fetch(`${base}/api/v1/health`)).status, 200);
        assert.equal((await fetch(`${base}/api/v1/ready`)).status, 200);
        // Not on the public port.
        assert.equal((await fetch(`${base}/metrics`)).status, 404);
        const scraped = await fetch(metrics);
        assert.equal(scraped.status, 200);
        const text = await scraped.text();
        assert.match(text, /^meldpunt_deliveries_pending \d/m);
        assert.match(text, /^meldpunt_notifications_listening 1$/m);
        assert.ok(!text.includes(address) && !text.includes(id) && !/Metriektekst/.test(text));
      }
      const second = await (await fetch(instances[1]!.metrics)).text();
      assert.match(second, new RegExp(`^meldpunt_reports_accepted_total\\{tenant="${tenant.slug}"\\} 1$`, 'm'));
    });
  },
);
