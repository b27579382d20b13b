import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { reportInputSchema } from '@meldpunt/contracts';
import { deliveriesOf, startTestWorker, testMailFrom, waitUntil } from '../../test/delivery-helpers.ts';
import { databaseKind, minimalReport, randomIp, useTestContext } from '../../test/helpers.ts';
import { startSmtpSink } from '../../test/smtp-sink.ts';
import { openDatabase } from '../db/dialect.ts';
import { submitReport } from '../reports/report-service.ts';
import { reportMessageId } from './mailer.ts';
import { claimDeliveries } from './outbox-repository.ts';

const configServiceDir = fileURLToPath(new URL('../../', import.meta.url));

// A stuck worker must fail the suite, not hang it.
describe(`delivery workers side by side and after a crash (${databaseKind})`, { timeout: 600_000 }, () => {
  const ctx = useTestContext({ ownDatabase: true });

  /** A tenant with one recipient and `count` reports stored (and their deliveries queued) before any worker runs. */
  async function tenantWithReports(address: string, count: number) {
    const tenant = await ctx.createTenant({ settings: { delivery: { email: [{ address }] } } });
    const published = (await ctx.deps.tenants.get(tenant.slug))!;
    const input = reportInputSchema.parse(minimalReport());
    const reportIds: string[] = [];
    for (let i = 0; i < count; i++) {
      // From many phones, as they would come: one client would meet the rate limit.
      const submission = { source: published, input, idempotencyKey: undefined, clientAddress: randomIp() };
      reportIds.push((await submitReport(ctx.deps, submission)).body.id);
    }
    const expected = new Set(reportIds.map((id) => reportMessageId(id, address)));
    return { tenant, reportIds, expected };
  }

  async function allSent(tenantId: string, count: number) {
    const rows = await deliveriesOf(ctx.db, tenantId);
    return rows.length === count && rows.every((d) => d.status === 'sent');
  }

  it('two workers at once on 500 deliveries: each sent exactly once, never twice at the same time', async () => {
    const sink = await startSmtpSink({ delayMs: 2 });
    const { tenant, expected } = await tenantWithReports('oov@druk.example', 500);
    // On PostgreSQL each worker has its own connection pool, as two processes would; PGlite has one connection.
    const second = ctx.databaseUrl ? openDatabase({ url: ctx.databaseUrl, poolSize: 4 }) : undefined;
    const one = startTestWorker(ctx, sink.url, { name: 'worker-one' });
    const two = startTestWorker(ctx, sink.url, { name: 'worker-two', ...(second ? { db: second.db } : {}) });
    try {
      await waitUntil(() => allSent(tenant.id, 500), '500 deliveries to be sent', 240_000);
    } finally {
      await one.stop();
      await two.stop();
      await second?.close();
      await sink.stop();
    }
    const ids = sink.received.map((m) => m.messageId);
    assert.equal(ids.length, 500, 'no message was sent twice');
    assert.equal(new Set(ids).size, 500);
    assert.ok(ids.every((id) => expected.has(id!)));
    assert.ok((await deliveriesOf(ctx.db, tenant.id)).every((d) => d.attempts === 1));
    const sentBy = (name: string) =>
      ctx.logs.filter((l) => l.includes(`"worker":"${name}"`) && l.includes('"outcome":"sent"')).length;
    assert.ok(sentBy('worker-one') > 0 && sentBy('worker-two') > 0, 'both workers took part');
    assert.equal(sentBy('worker-one') + sentBy('worker-two'), 500);
  });

  it('a claim whose lease ran out (its worker died) is claimed again and delivered', async () => {
    const sink = await startSmtpSink();
    const { tenant, expected } = await tenantWithReports('oov@verweesd.example', 3);
    // A worker claims the deliveries and dies before sending: only its lease of 300 ms remains.
    const claimed = await claimDeliveries(ctx.db, 10, 300);
    assert.equal(claimed.filter((d) => d.tenant_id === tenant.id).length, 3);
    assert.ok((await deliveriesOf(ctx.db, tenant.id)).every((d) => d.status === 'sending'));
    const { stop } = startTestWorker(ctx, sink.url);
    try {
      await waitUntil(() => allSent(tenant.id, 3), 'the orphaned deliveries');
    } finally {
      await stop();
      await sink.stop();
    }
    assert.deepEqual(new Set(sink.received.map((m) => m.messageId)), expected);
    assert.ok((await deliveriesOf(ctx.db, tenant.id)).every((d) => d.attempts === 2));
  });

  it(
    'a worker process killed with SIGKILL mid-batch of 200: a new worker finishes; none lost, repeats keep their Message-ID',
    {
      skip:
        databaseKind !== 'postgres' &&
        'needs a database two processes share; PGlite belongs to one process (the lease test above runs here)',
    },
    async (t) => {
      // The kill comes while the 41st message is being sent: its delivery is claimed, not yet recorded.
      let killMidway = () => {};
      const sink = await startSmtpSink({ delayMs: 30, onMailFrom: (n) => n === 41 && killMidway() });
      try {
        const address = 'oov@crash.example';
        const { tenant, expected } = await tenantWithReports(address, 200);
        const child = spawn(process.execPath, ['src/cli/worker.ts'], {
          cwd: configServiceDir,
          stdio: ['ignore', 'ignore', 'pipe'],
          env: {
            ...process.env,
            MELDPUNT_MODE: 'test',
            PUBLIC_ORIGIN: 'http://localhost',
            SERVER_SECRET: Buffer.alloc(32, 5).toString('base64'),
            DATABASE_URL: ctx.databaseUrl!,
            DB_POOL_SIZE: '4',
            SMTP_URL: sink.url,
            MAIL_FROM: testMailFrom,
            CONTACT_ENCRYPTION_KEYS: `1:${ctx.contactKey.toString('base64')}`,
            DELIVERY_CONCURRENCY: '4',
            DELIVERY_LEASE_MS: '2000',
            DELIVERY_POLL_MS: '50',
            DELIVERY_RETRY_BASE_MS: '20',
            DELIVERY_RETRY_MAX_MS: '200',
            LOG_LEVEL: 'warn',
          },
        });
        let stderr = '';
        child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const exited = once(child, 'exit');
        killMidway = () => child.kill('SIGKILL');
        try {
          await Promise.race([
            exited,
            new Promise((_, reject) =>
              setTimeout(() => reject(new Error(`the worker did not get going; stderr: ${stderr}`)), 120_000),
            ),
          ]);
        } finally {
          child.kill('SIGKILL');
          await exited;
        }
        const receivedAtKill = sink.received.length;
        const atKill = await deliveriesOf(ctx.db, tenant.id);
        assert.ok(receivedAtKill < 200, `killed before the end (${receivedAtKill} received)`);
        assert.ok(
          atKill.some((d) => d.status === 'sending'),
          'killed in the middle of sending (claimed deliveries left behind)',
        );

        const { stop } = startTestWorker(ctx, sink.url);
        try {
          await waitUntil(() => allSent(tenant.id, 200), 'a new worker to finish all 200', 120_000);
        } finally {
          await stop();
        }
        const ids = sink.received.map((m) => m.messageId!);
        assert.ok(
          ids.every((id) => expected.has(id)),
          'every message is one of the reports, by its Message-ID',
        );
        assert.equal(new Set(ids).size, 200, 'every report delivered: none lost');
        // A repeat can only be a message in flight at the kill (at most its 4); it carries the same Message-ID.
        assert.ok(ids.length - 200 <= 4, `${ids.length - 200} repeats`);
        t.diagnostic(`killed after ${receivedAtKill} of 200 messages; ${ids.length - 200} repeat(s) after the restart`);
      } finally {
        await sink.stop();
      }
    },
  );
});
