import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKind, useTestContext } from '../../../test/helpers.ts';
import { createMailer } from '../../delivery/mailer.ts';
import { DevMailbox } from '../../dev-mail/dev-mailbox.ts';

/** What @hono/node-server passes the app for a request whose socket peer is `remoteAddress`. */
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
/** A request from this machine. */
const local = from('127.0.0.1');

describe(`GET /dev/mail (${databaseKind})`, () => {
  const ctx = useTestContext();
  let mailbox: DevMailbox;
  before(async () => {
    mailbox = await DevMailbox.start({ limit: 3 });
  });
  after(async () => {
    await mailbox.close();
  });

  async function send(subject: string, html: string) {
    const mailer = createMailer({ smtpUrl: mailbox.smtpUrl, from: 'Meldpunt <meldpunt@localhost>' });
    try {
      await mailer.send({
        to: 'oov@gemeente.example',
        messageId: `<${Date.now()}@test>`,
        subject,
        text: 'Tekst & meer',
        html,
      });
    } finally {
      mailer.close();
    }
  }

  it('is not there without a dev mailbox (as in production): 404 problem+json', async () => {
    for (const path of ['/dev/mail', '/dev/mail/anything', '/dev/mail/anything/html']) {
      const res = await ctx.app.request(path, undefined, local);
      assert.equal(res.status, 404, path);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    }
  });

  it('lists received mail, escaped, under a CSP without scripts; shows one message with its HTML part sandboxed', async () => {
    const app = ctx.appWith({ devMailbox: mailbox });
    await send('Melding <img src=x onerror=alert(1)>', '<p>Hallo</p><script>alert(2)</script>');

    const list = await app.request('/dev/mail', undefined, local);
    assert.equal(list.status, 200);
    const csp = list.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /script-src|unsafe-inline/);
    assert.equal(list.headers.get('cache-control'), 'no-store');
    const page = await list.text();
    assert.ok(page.includes('Melding &lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!page.includes('<img'));
    assert.ok(!/<script/i.test(page));
    assert.ok(page.includes('oov@gemeente.example'));

    const id = mailbox.list()[0]!.id;
    const detail = await app.request(`/dev/mail/${id}`, undefined, local);
    assert.equal(detail.status, 200);
    const body = await detail.text();
    assert.ok(body.includes('Tekst &amp; meer'));
    assert.ok(body.includes(`<iframe sandbox src="/dev/mail/${id}/html"`));
    assert.ok(!/<script/i.test(body));
    assert.match(detail.headers.get('content-security-policy') ?? '', /frame-src 'self'/);

    const part = await app.request(`/dev/mail/${id}/html`, undefined, local);
    assert.equal(part.status, 200);
    assert.match(part.headers.get('content-security-policy') ?? '', /^sandbox; default-src 'none'/);
    assert.equal(part.headers.get('x-content-type-options'), 'nosniff');

    const raw = await app.request(`/dev/mail/${id}/raw`, undefined, local);
    assert.match(raw.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(await raw.text(), /^Subject: /m);

    const unknown = await app.request('/dev/mail/00000000-0000-4000-8000-000000000000', undefined, local);
    assert.equal(unknown.status, 404);
    assert.match(unknown.headers.get('content-type') ?? '', /^application\/problem\+json/);
  });

  it('answers only this machine: other peers, proxied requests and other host names (DNS rebinding) get the 404', async () => {
    const app = ctx.appWith({ devMailbox: mailbox });
    await send('Melding van vanavond', '<p>Contactgegevens</p>');
    const id = mailbox.list()[0]!.id;

    for (const [url, peer] of [
      ['http://localhost/dev/mail', '127.0.0.1'],
      ['http://127.0.0.1:8787/dev/mail', '::ffff:127.0.0.1'],
      ['http://[::1]:8787/dev/mail', '::1'],
      ['http://localhost:8787/dev/mail', '127.0.0.2'],
    ] as const) {
      const res = await app.request(url, undefined, from(peer));
      assert.equal(res.status, 200, `${url} from ${peer}`);
      assert.match(await res.text(), /Melding van vanavond/);
    }

    const refused: [string, Parameters<typeof app.request>[1], Parameters<typeof app.request>[2]][] = [
      ['http://localhost/dev/mail', undefined, undefined], // no socket at all
      ['http://localhost/dev/mail', undefined, from('192.0.2.10')],
      ['http://localhost/dev/mail', undefined, from('::ffff:192.0.2.10')],
      ['http://localhost/dev/mail', undefined, from('fe80::1')],
      ['http://localhost/dev/mail', { headers: { 'X-Forwarded-For': '203.0.113.5' } }, local],
      ['http://localhost/dev/mail', { headers: { Forwarded: 'for=203.0.113.5' } }, local],
      ['http://rebound.example/dev/mail', undefined, local],
      ['http://127.0.0.1.rebound.example/dev/mail', undefined, local],
      [`http://localhost/dev/mail/${id}`, undefined, from('192.0.2.10')],
      [`http://localhost/dev/mail/${id}/raw`, undefined, from('192.0.2.10')],
      [`http://rebound.example/dev/mail/${id}/html`, undefined, local],
    ];
    for (const [url, init, env] of refused) {
      const res = await app.request(url, init, env);
      assert.equal(res.status, 404, `${url} ${JSON.stringify(init)} ${JSON.stringify(env)}`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.doesNotMatch(await res.text(), /Melding van vanavond|Contactgegevens/);
    }
  });

  it('keeps only the newest messages (bounded memory)', async () => {
    for (let i = 0; i < 4; i++) await send(`Bericht ${i}`, `<p>${i}</p>`);
    const subjects = mailbox.list().map((m) => m.subject);
    assert.deepEqual(subjects, ['Bericht 3', 'Bericht 2', 'Bericht 1']);
  });
});
