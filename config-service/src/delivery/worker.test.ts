import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import * as openpgp from 'openpgp';
import { reportInputSchema } from '@meldpunt/contracts';
import { deliveriesOf, deliveriesOfReport, startTestWorker, waitUntil } from '../../test/delivery-helpers.ts';
import {
  countReports,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  sendReport,
  tenantDocument,
  useTestContext,
  type TestContext,
} from '../../test/helpers.ts';
import { startSmtpSink } from '../../test/smtp-sink.ts';
import { newReference } from '../reports/reference.ts';
import { insertReport } from '../reports/report-repository.ts';
import { reportRow } from '../reports/report-service.ts';
import { importTenant } from '../tenants/tenant-service.ts';
import { reportMessageId } from './mailer.ts';
import { listDeliveries, redriveDeliveries } from './outbox-repository.ts';
import { deliveryTargets } from './targets.ts';
import { blockNonLoopbackConnections, freePort } from '../../test/net.ts';

describe(`delivery (${databaseKind})`, { timeout: 600_000 }, () => {
  // Workers claim every due delivery in their database: this file gets a database of its own.
  const ctx = useTestContext({ ownDatabase: true });

  /** POSTs a report through `app` and returns its id and reference. */
  const report = (app: TestContext['app'], slug: string, body = minimalReport()) => sendReport({ app }, slug, body);

  async function deliveryOf(reportId: string) {
    const [delivery] = await deliveriesOfReport(ctx.db, reportId);
    assert.ok(delivery, 'the report has a delivery');
    return delivery;
  }

  describe('scheduling', () => {
    it('schedules one queued delivery per recipient and webhook, in the same statement as the report', async () => {
      const webhook = { url: 'https://meldingen.gemeente.example/hook', secret: `whsec_${'A'.repeat(32)}` };
      const tenant = await ctx.createTenant({
        settings: {
          delivery: { email: [{ address: 'oov1@gemeente.example' }, { address: 'oov2@gemeente.example' }], webhook },
        },
      });
      const created = await report(ctx.app, tenant.slug);
      const rows = await deliveriesOfReport(ctx.db, created.id);
      assert.deepEqual(
        rows.map((d) => [d.channel, d.target, d.status, d.attempts]),
        [
          ['webhook', webhook.url, 'queued', 0],
          ['email', 'oov1@gemeente.example', 'queued', 0],
          ['email', 'oov2@gemeente.example', 'queued', 0],
        ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
      );
      assert.ok(rows.every((d) => d.tenant_id === tenant.id));
    });

    it('a replay with the same Idempotency-Key schedules nothing more; a tenant without channels schedules nothing', async () => {
      const tenant = await ctx.createTenant();
      const headers = { 'Idempotency-Key': randomUUID() };
      const first = await postReport(ctx, tenant.slug, minimalReport(), { headers });
      const again = await postReport(ctx, tenant.slug, minimalReport(), { headers });
      assert.equal((await readJson(again)).id, (await readJson(first)).id);
      assert.equal((await deliveriesOf(ctx.db, tenant.id)).length, 1);

      const silent = await ctx.createTenant({
        config: {
          followUp: { mode: 'none', response: { title: { nl: 'Dank je wel' }, body: { nl: 'Geen opvolging.' } } },
        },
        settings: { delivery: { email: [] } },
      });
      await report(ctx.app, silent.slug);
      assert.equal(await countReports(ctx.db, silent.id), 1);
      assert.equal((await deliveriesOf(ctx.db, silent.id)).length, 0);
    });

    it('a transaction rolled back after the report insert leaves no report and no delivery', async () => {
      const tenant = await ctx.createTenant();
      const published = (await ctx.deps.tenants.get(tenant.slug))!;
      const row = () =>
        reportRow(
          published,
          { tenant: published, area: null },
          reportInputSchema.parse(minimalReport()),
          { id: randomUUID(), reference: newReference(), idempotencyKey: undefined, requestHash: null },
          ctx.deps.sealer,
        );
      await assert.rejects(
        ctx.db.transaction().execute(async (trx) => {
          assert.ok(await insertReport(trx, row(), deliveryTargets(published.settings)));
          const inside = await trx.selectFrom('delivery').select('id').where('tenant_id', '=', tenant.id).execute();
          assert.equal(inside.length, 1, 'inside the transaction the delivery is scheduled');
          throw new Error('failure after the insert');
        }),
        /failure after the insert/,
      );
      assert.equal(await countReports(ctx.db, tenant.id), 0);
      assert.equal((await deliveriesOf(ctx.db, tenant.id)).length, 0);

      // The other way round: the delivery half of the statement fails, so the report is not stored either.
      await assert.rejects(insertReport(ctx.db, row(), [{ channel: 'fax' as never, target: 'x' }]));
      assert.equal(await countReports(ctx.db, tenant.id), 0);
      assert.equal((await deliveriesOf(ctx.db, tenant.id)).length, 0);
    });
  });

  describe('e-mail', () => {
    it('reaches every recipient of its tenant and only its tenant, with the fields, escaped HTML and contact', async () => {
      const sink = await startSmtpSink();
      const a = await ctx.createTenant({
        settings: {
          delivery: { email: [{ address: 'oov-a1@gemeente-a.example' }, { address: 'oov-a2@gemeente-a.example' }] },
        },
      });
      const b = await ctx.createTenant({
        settings: { delivery: { email: [{ address: 'oov-b@gemeente-b.example' }] } },
      });
      const { worker, stop } = startTestWorker(ctx, sink.url);
      try {
        const app = ctx.appWith({ nudgeDelivery: worker.nudge });
        const description = 'Hij riep <script>alert("x")</script> & liep me na';
        const contact = {
          name: 'Sam <b>Melder</b>',
          email: 'sam.melder@voorbeeld.example',
          phone: '06 12345678',
          wantsFollowUp: true,
        };
        const ra = await report(
          app,
          a.slug,
          minimalReport({
            role: 'bystander',
            categories: ['verbal', 'following'],
            location: { lat: 51.8133, lng: 4.6901, text: 'Bij de bushalte & het station', source: 'map' },
            description,
            intervened: 'yes',
            extra: { age_group: '18_24' },
            contact,
          }),
        );
        const rb = await report(app, b.slug);
        const idsA = ['oov-a1@gemeente-a.example', 'oov-a2@gemeente-a.example'].map((to) => reportMessageId(ra.id, to));
        const idB = reportMessageId(rb.id, 'oov-b@gemeente-b.example');
        await sink.waitFor((all) => [...idsA, idB].every((id) => all.some((m) => m.messageId === id)));

        const forA = sink.received.filter((m) => idsA.includes(m.messageId ?? ''));
        assert.deepEqual(forA.flatMap((m) => m.to).sort(), ['oov-a1@gemeente-a.example', 'oov-a2@gemeente-a.example']);
        const forB = sink.received.filter((m) => m.messageId === idB);
        assert.deepEqual(
          forB.flatMap((m) => m.to),
          ['oov-b@gemeente-b.example'],
        );
        for (const m of sink.received) {
          if (m.to.includes('oov-b@gemeente-b.example')) assert.ok(!m.raw.includes(ra.id), 'B never gets A’s report');
        }

        const mail = await simpleParser(forA[0]!.raw);
        assert.match(mail.subject ?? '', new RegExp(ra.reference));
        assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
        const text = mail.text ?? '';
        for (const expected of [
          ra.reference,
          'Opmerkingen of naroepen, Achtervolgen',
          'Getuige: zag het gebeuren',
          'vrijdag 20 november 2026 om 22:30',
          '51.81330, 4.69010',
          'https://www.openstreetmap.org/?mlat=51.81330&mlon=4.69010',
          'Plaats in woorden: Bij de bushalte & het station',
          description,
          'Ingegrepen of geholpen: Ja',
          'Leeftijd: 18 tot 24',
          'Naam: Sam <b>Melder</b>',
          'E-mailadres: sam.melder@voorbeeld.example',
          'Telefoonnummer: 06 12345678',
        ]) {
          assert.ok(text.includes(expected), `the text part shows ${expected}`);
        }
        const htmlPart = String(mail.html);
        assert.ok(
          htmlPart.includes('>Hij riep &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; liep me na</td>'),
        );
        assert.ok(htmlPart.includes('Sam &lt;b&gt;Melder&lt;/b&gt;'));
        assert.ok(htmlPart.includes('Bij de bushalte &amp; het station'));
        assert.ok(htmlPart.includes('href="https://www.openstreetmap.org/?mlat=51.81330&amp;mlon=4.69010'));
        assert.ok(!/<script/i.test(htmlPart), 'no script element in the HTML part');
        assert.ok(!htmlPart.includes('<b>Melder'), 'reporter text never becomes markup');

        // Contact details only when given.
        const mailB = await simpleParser(forB[0]!.raw);
        assert.ok(!(mailB.text ?? '').includes('E-mailadres:'));
        assert.ok((mailB.text ?? '').includes('de melder meldt anoniem'));

        await waitUntil(
          async () => (await deliveriesOf(ctx.db, a.id)).every((d) => d.status === 'sent'),
          'A’s deliveries to be recorded as sent',
        );
        const rows = await deliveriesOf(ctx.db, a.id);
        assert.deepEqual(
          rows.map((d) => [d.status, d.attempts, d.last_error]),
          [
            ['sent', 1, null],
            ['sent', 1, null],
          ],
        );
        assert.ok(rows.every((d) => d.sent_at instanceof Date));

        // The logs say which delivery ended how — never the content or contact details.
        const logs = ctx.logs.join('\n');
        assert.ok(ctx.logs.some((l) => l.includes('"outcome":"sent"') && l.includes(ra.id)));
        for (const secret of ['liep me na', 'sam.melder', '12345678', 'Melder', 'bushalte']) {
          assert.ok(!logs.includes(secret), `logs contain ${secret}`);
        }
      } finally {
        await stop();
        await sink.stop();
      }
    });

    it('PGP/MIME: encrypted to the recipient’s key, decrypts with the matching private key only', async () => {
      const address = 'oov-pgp@gemeente.example';
      const { privateKey, publicKey } = await openpgp.generateKey({
        userIDs: [{ name: 'Team OOV', email: address }],
        format: 'armored',
      });
      const other = await openpgp.generateKey({ userIDs: [{ email: 'ander@gemeente.example' }], format: 'armored' });
      const sink = await startSmtpSink();
      const tenant = await ctx.createTenant({
        settings: { delivery: { email: [{ address, pgpPublicKey: publicKey }] } },
      });
      const { worker, stop } = startTestWorker(ctx, sink.url);
      try {
        const secret = 'Geheim-verhaal-9c1e <script>';
        const created = await report(
          ctx.appWith({ nudgeDelivery: worker.nudge }),
          tenant.slug,
          minimalReport({ description: secret }),
        );
        const messageId = reportMessageId(created.id, address);
        await sink.waitFor((all) => all.some((m) => m.messageId === messageId));
        const raw = sink.received.find((m) => m.messageId === messageId)!.raw.toString('utf8');

        assert.ok(!raw.includes('Geheim-verhaal'), 'the report is not readable on the wire');
        assert.match(raw, /Content-Type: multipart\/encrypted; protocol="application\/pgp-encrypted"/);
        assert.match(raw, /Content-Type: application\/pgp-encrypted[\s\S]*?Version: 1/);
        const outer = await simpleParser(Buffer.from(raw));
        assert.match(outer.subject ?? '', new RegExp(created.reference));

        const armoredMessage = /-----BEGIN PGP MESSAGE-----[\s\S]+?-----END PGP MESSAGE-----/.exec(raw)![0];
        const { data } = await openpgp.decrypt({
          message: await openpgp.readMessage({ armoredMessage }),
          decryptionKeys: await openpgp.readPrivateKey({ armoredKey: privateKey }),
          format: 'binary',
        });
        const inner = await simpleParser(Buffer.from(data));
        assert.ok((inner.text ?? '').includes(secret));
        assert.ok(String(inner.html).includes('Geheim-verhaal-9c1e &lt;script&gt;'));
        assert.match(inner.subject ?? '', new RegExp(created.reference));

        await assert.rejects(
          openpgp.decrypt({
            message: await openpgp.readMessage({ armoredMessage }),
            decryptionKeys: await openpgp.readPrivateKey({ armoredKey: other.privateKey }),
          }),
        );
      } finally {
        await stop();
        await sink.stop();
      }
    });

    it('SMTP server down for several attempts, then up: delivered exactly once', async () => {
      const port = await freePort();
      const tenant = await ctx.createTenant({ settings: { delivery: { email: [{ address: 'oov@later.example' }] } } });
      const { worker, stop } = startTestWorker(ctx, `smtp://127.0.0.1:${port}/?requireTLS=false`);
      let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
      try {
        const created = await report(ctx.appWith({ nudgeDelivery: worker.nudge }), tenant.slug);
        await waitUntil(async () => {
          const d = await deliveryOf(created.id);
          return d.attempts >= 3 && d.status === 'retrying';
        }, 'three failed attempts');
        const down = await deliveryOf(created.id);
        assert.equal(down.last_error, 'ECONNREFUSED');
        assert.ok(down.next_attempt_at instanceof Date);

        sink = await startSmtpSink({ port });
        await waitUntil(async () => (await deliveryOf(created.id)).status === 'sent', 'the delivery to be sent');
        await stop(); // a second copy could only be one still in flight: stop() lets those finish
        const messageId = reportMessageId(created.id, 'oov@later.example');
        assert.equal(sink.received.filter((m) => m.messageId === messageId).length, 1);
        const sent = await deliveryOf(created.id);
        assert.ok(sent.attempts >= 4);
        assert.equal(sent.last_error, null);
        assert.ok(ctx.logs.some((l) => l.includes(created.id) && l.includes('"outcome":"retry"')));
      } finally {
        await stop();
        await sink?.stop();
      }
    });

    it('SMTP 4xx is retried; SMTP 550 fails at once without retries, and a re-drive delivers it', async () => {
      let rejectWith: number | undefined = 451;
      let refusals = 0;
      const sink = await startSmtpSink({
        rejectRecipient: (address) => {
          if (!address.startsWith('oov-refused@') || rejectWith === undefined) return undefined;
          refusals += 1;
          return rejectWith;
        },
      });
      const tenant = await ctx.createTenant({
        settings: { delivery: { email: [{ address: 'oov-refused@gemeente.example' }] } },
      });
      const { worker, stop } = startTestWorker(ctx, sink.url);
      try {
        const app = ctx.appWith({ nudgeDelivery: worker.nudge });
        // 451: temporary.
        const first = await report(app, tenant.slug);
        await waitUntil(async () => (await deliveryOf(first.id)).attempts >= 2, 'a retry after 451');
        assert.equal((await deliveryOf(first.id)).last_error, 'smtp-451');

        // 550: permanent, no retries.
        rejectWith = 550;
        const second = await report(app, tenant.slug);
        await waitUntil(async () => (await deliveryOf(second.id)).status === 'failed', 'the 550 to fail the delivery');
        await waitUntil(async () => (await deliveryOf(first.id)).status === 'failed', 'the retried one to fail on 550');
        const refusalsThen = refusals;
        await new Promise((r) => setTimeout(r, 400));
        const failed = await deliveryOf(second.id);
        assert.deepEqual([failed.status, failed.attempts, failed.last_error], ['failed', 1, 'smtp-550']);
        assert.equal(refusals, refusalsThen, 'no further attempts after 550');

        const listed = await listDeliveries(ctx.db, { tenantSlug: tenant.slug });
        assert.deepEqual(
          listed.map((d) => [d.reference, d.status, d.last_error]).sort(),
          [
            [first.reference, 'failed', 'smtp-550'],
            [second.reference, 'failed', 'smtp-550'],
          ].sort(),
        );

        // The operator fixes the mailbox and re-drives one delivery, then the tenant's rest.
        rejectWith = undefined;
        assert.equal(await redriveDeliveries(ctx.db, { id: failed.id }), 1);
        worker.nudge();
        await waitUntil(async () => (await deliveryOf(second.id)).status === 'sent', 'the re-driven delivery');
        assert.equal((await deliveryOf(first.id)).status, 'failed', 'only the one re-driven');
        assert.equal(await redriveDeliveries(ctx.db, { tenantSlug: tenant.slug }), 1);
        worker.nudge();
        await waitUntil(async () => (await deliveryOf(first.id)).status === 'sent', 'the tenant’s re-drive');
        assert.equal(await redriveDeliveries(ctx.db, { id: failed.id }), 0, 'a sent delivery is not re-driven');

        for (const created of [first, second]) {
          const messageId = reportMessageId(created.id, 'oov-refused@gemeente.example');
          assert.equal(sink.received.filter((m) => m.messageId === messageId).length, 1);
        }
      } finally {
        await stop();
        await sink.stop();
      }
    });

    it('a recipient removed from the settings since the report gets nothing (failed, visible); the others do', async () => {
      const sink = await startSmtpSink();
      const keep = 'oov-blijft@gemeente.example';
      const removed = 'oov-weg@gemeente.example';
      const tenant = await ctx.createTenant({
        settings: { delivery: { email: [{ address: keep }, { address: removed }] } },
      });
      const created = await report(ctx.app, tenant.slug); // no worker yet: both deliveries wait in the outbox
      await importTenant(
        ctx.db,
        tenantDocument(tenant.slug, { settings: { delivery: { email: [{ address: keep }] } } }),
      );
      const { stop } = startTestWorker(ctx, sink.url);
      try {
        await waitUntil(
          async () =>
            (await deliveriesOfReport(ctx.db, created.id)).every((d) => d.status === 'sent' || d.status === 'failed'),
          'both deliveries to end',
        );
      } finally {
        await stop();
        await sink.stop();
      }
      const rows = await deliveriesOfReport(ctx.db, created.id);
      assert.deepEqual(
        rows.map((d) => [d.target, d.status, d.last_error]),
        [
          [keep, 'sent', null],
          [removed, 'failed', 'recipient-removed'],
        ],
      );
      assert.deepEqual(
        sink.received.flatMap((m) => m.to),
        [keep],
      );
    });
  });

  describe('webhook', () => {
    it('signs per Standard Webhooks (verifies; a tampered body does not), retries 503, stops at 400', async () => {
      const secret = `whsec_${randomBytes(24).toString('base64')}`;
      const requests: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
      let unavailable = 1;
      const receiver = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          requests.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
          if (req.url === '/reject') res.writeHead(400).end();
          else if (unavailable-- > 0) res.writeHead(503).end();
          else res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
      const sink = await startSmtpSink();
      // The receiver is plain http: on loopback: allowed for tests only.
      const { worker, stop } = startTestWorker(ctx, sink.url, { overrides: { allowPrivateAddresses: true } });
      try {
        const tenant = await ctx.createTenant({
          settings: { delivery: { email: [], webhook: { url: `${base}/hook`, secret } } },
        });
        const app = ctx.appWith({ nudgeDelivery: worker.nudge });
        const contact = { email: 'melder@voorbeeld.example', wantsFollowUp: true };
        const created = await report(app, tenant.slug, minimalReport({ contact }));
        await waitUntil(async () => (await deliveryOf(created.id)).status === 'sent', 'the webhook delivery');
        const delivery = await deliveryOf(created.id);
        assert.deepEqual([delivery.attempts, delivery.last_error], [2, null]);

        const hooks = requests.filter((r) => r.path === '/hook');
        assert.equal(hooks.length, 2, 'one 503, then delivered');
        const last = hooks[1]!;
        assert.equal(last.headers['webhook-id'], delivery.id);
        assert.equal(hooks[0]!.headers['webhook-id'], delivery.id, 'the same id on every attempt');
        assert.match(last.headers['content-type'] ?? '', /^application\/json/);
        assert.equal(verifyStandardWebhook(secret, last.headers, last.body), true);
        assert.equal(
          verifyStandardWebhook(secret, last.headers, last.body.replace(created.reference, 'ABCD-EFGH')),
          false,
        );
        assert.equal(
          verifyStandardWebhook(`whsec_${randomBytes(24).toString('base64')}`, last.headers, last.body),
          false,
        );

        const event = JSON.parse(last.body);
        assert.equal(event.type, 'report.created');
        assert.equal(event.data.reference, created.reference);
        assert.equal(event.data.tenant, tenant.slug);
        assert.deepEqual(event.data.contact, contact);
        assert.deepEqual(event.data.categories, [{ id: 'verbal', label: 'Opmerkingen of naroepen' }]);

        const rejecting = await ctx.createTenant({
          settings: { delivery: { email: [], webhook: { url: `${base}/reject`, secret } } },
        });
        const refused = await report(app, rejecting.slug);
        await waitUntil(async () => (await deliveryOf(refused.id)).status === 'failed', 'the 400 to fail the delivery');
        const failed = await deliveryOf(refused.id);
        assert.deepEqual([failed.attempts, failed.last_error], [1, 'http-400']);

        // The secret is stored sealed only; one no key opens (here: bound to another tenant) signs nothing.
        const moved = await ctx.createTenant({
          settings: { delivery: { email: [], webhook: { url: `${base}/moved`, secret } } },
        });
        const { webhook_secret_sealed: ofTenant } = await ctx.db
          .selectFrom('tenant')
          .select('webhook_secret_sealed')
          .where('id', '=', tenant.id)
          .executeTakeFirstOrThrow();
        await ctx.db
          .updateTable('tenant')
          .set({ webhook_secret_sealed: ofTenant })
          .where('id', '=', moved.id)
          .execute();
        const unsigned = await report(app, moved.slug);
        await waitUntil(async () => (await deliveryOf(unsigned.id)).status === 'failed', 'the unopenable secret');
        assert.deepEqual((await deliveryOf(unsigned.id)).last_error, 'webhook-secret-key');
        assert.equal(requests.filter((r) => r.path === '/moved').length, 0, 'nothing was sent unsigned');
      } finally {
        await stop();
        await sink.stop();
        await new Promise((resolve) => receiver.close(resolve));
      }
    });

    it('to loopback, link-local, private or unique-local addresses, or over http:, fails at once as webhook-forbidden-address; nothing reaches them', async () => {
      // Receivers on both loopback addresses that would answer 204 to anything reaching them.
      let connections = 0;
      const receivers = ['127.0.0.1', '::1'].map((host) => {
        const receiver = createServer((_req, res) => res.writeHead(204).end());
        receiver.on('connection', () => (connections += 1));
        return new Promise<Server>((resolve) => receiver.listen(0, host, () => resolve(receiver)));
      });
      const [receiver, receiver6] = await Promise.all(receivers);
      const port = (receiver!.address() as AddressInfo).port;
      const port6 = (receiver6!.address() as AddressInfo).port;
      const urls = [
        `http://127.0.0.1:${port}/hook`,
        `https://127.0.0.1:${port}/hook`,
        `https://localhost:${port}/hook`,
        `https://[::1]:${port6}/hook`,
        `https://[::ffff:127.0.0.1]:${port}/hook`,
        'https://169.254.169.254/latest/meta-data/',
        'https://10.0.0.1/hook',
        'https://[fc00::1]/hook',
      ];
      const guard = blockNonLoopbackConnections();
      const sink = await startSmtpSink();
      const { worker, stop } = startTestWorker(ctx, sink.url);
      try {
        const secret = `whsec_${randomBytes(24).toString('base64')}`;
        const app = ctx.appWith({ nudgeDelivery: worker.nudge });
        const description = 'Geheim-verhaal-5b7d bij de poort';
        const contact = { email: 'melder-ssrf@voorbeeld.example', wantsFollowUp: true };
        const sent: { url: string; slug: string; id: string }[] = [];
        for (const url of urls) {
          const tenant = await ctx.createTenant({ settings: { delivery: { email: [], webhook: { url, secret } } } });
          const created = await report(app, tenant.slug, minimalReport({ description, contact }));
          sent.push({ url, slug: tenant.slug, id: created.id });
        }
        await waitUntil(async () => {
          const rows = await Promise.all(sent.map((s) => deliveryOf(s.id)));
          return rows.every((d) => d.status === 'failed' || d.status === 'sent' || d.status === 'retrying');
        }, 'every webhook delivery to be tried');
        const rows = await Promise.all(sent.map(async (s) => [s.url, await deliveryOf(s.id)] as const));
        assert.deepEqual(
          rows.map(([url, d]) => [url, d.status, d.attempts, d.last_error]),
          urls.map((url) => [url, 'failed', 1, 'webhook-forbidden-address']),
        );
        assert.equal(connections, 0, 'no connection reached the loopback receiver');
        // (Deliveries other tests left queued, to names like meldingen.gemeente.example, are blocked too.)
        const hosts = urls.map((url) => new URL(url).hostname.replace(/^\[(.*)\]$/, '$1'));
        assert.deepEqual(
          guard.blocked.filter((host) => hosts.includes(host)),
          [],
          'no connection to another host was even attempted',
        );

        // What `pnpm deliveries:list` shows.
        const listed = await listDeliveries(ctx.db, { tenantSlug: sent[0]!.slug });
        assert.deepEqual(
          listed.map((d) => [d.channel, d.target, d.status, d.last_error]),
          [['webhook', urls[0], 'failed', 'webhook-forbidden-address']],
        );

        // The logs name the class, never the report.
        const failures = ctx.logs.filter((l) => sent.some((s) => l.includes(s.id)) && l.includes('"outcome":"failed"'));
        assert.equal(failures.length, urls.length);
        assert.ok(failures.every((l) => l.includes('"errorClass":"webhook-forbidden-address"')));
        const logs = ctx.logs.join('\n');
        for (const secretText of ['Geheim-verhaal', 'melder-ssrf']) assert.ok(!logs.includes(secretText));
      } finally {
        await stop();
        await sink.stop();
        guard.restore();
        for (const r of [receiver, receiver6]) await new Promise((resolve) => r!.close(resolve));
      }
    });
  });
});

/**
 * The receiver's check, written from the Standard Webhooks spec (not with our signer): HMAC-SHA256
 * over `id.timestamp.body` with the base64-decoded secret, compared with each `v1,` signature;
 * the timestamp must be within five minutes.
 */
function verifyStandardWebhook(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const id = String(headers['webhook-id']);
  const timestamp = String(headers['webhook-timestamp']);
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.split('_')[1]!, 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers['webhook-signature'])
    .split(' ')
    .map((entry) => entry.split(','))
    .some(([version, signature]) => {
      if (version !== 'v1' || !signature) return false;
      const given = Buffer.from(signature, 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
