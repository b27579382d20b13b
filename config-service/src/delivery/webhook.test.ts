import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { blockNonLoopbackConnections } from '../../test/net.ts';
import { ForbiddenAddressError } from './webhook-address.ts';
import { sendWebhook } from './webhook.ts';

describe('sendWebhook: where it may connect', () => {
  /** Requests and TCP connections that reached the receiver, on 127.0.0.1 or ::1. */
  const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
  let connections = 0;
  const receive: RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  };
  const receiver = createServer(receive);
  const receiver6 = createServer(receive);
  let port = 0;
  let port6 = 0;
  let guard: ReturnType<typeof blockNonLoopbackConnections>;

  before(async () => {
    guard = blockNonLoopbackConnections();
    for (const server of [receiver, receiver6]) server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => receiver6.listen(0, '::1', resolve));
    port = (receiver.address() as AddressInfo).port;
    port6 = (receiver6.address() as AddressInfo).port;
  });
  after(async () => {
    guard.restore();
    await new Promise((resolve) => receiver.close(resolve));
    await new Promise((resolve) => receiver6.close(resolve));
  });

  const send = (url: string, allowPrivateAddresses: boolean) =>
    sendWebhook({
      url,
      secret: `whsec_${'A'.repeat(32)}`,
      id: 'delivery-1',
      body: '{"type":"report.created","data":{"description":"geheim"}}',
      allowPrivateAddresses,
    });

  it('refuses http: unless private addresses are allowed; allowed, it delivers over http: as before', async () => {
    const before = { connections, received: received.length };
    await assert.rejects(send(`http://127.0.0.1:${port}/hook`, false), (error: unknown) => {
      assert.ok(error instanceof ForbiddenAddressError);
      assert.equal(error.errorClass, 'webhook-forbidden-address');
      assert.match(error.message, /must use https:/);
      return true;
    });
    assert.equal(connections, before.connections, 'no connection reached the receiver');

    await send(`http://127.0.0.1:${port}/allowed`, true);
    const [hook] = received.slice(before.received);
    assert.equal(hook?.path, '/allowed');
    assert.equal(hook.body, '{"type":"report.created","data":{"description":"geheim"}}');
    assert.equal(hook.headers['webhook-id'], 'delivery-1');
    assert.match(String(hook.headers['webhook-signature']), /^v1,/);
    assert.equal(hook.headers['content-type'], 'application/json');
  });

  it('refuses loopback, link-local, private and unique-local addresses, by literal and by name, before any connection', async () => {
    const before = connections;
    const refused = [
      `https://127.0.0.1:${port}/hook`,
      `https://localhost:${port}/hook`, // a name that resolves to loopback: refused when connecting
      `https://localhost:${port6}/hook`,
      `https://[::1]:${port6}/hook`,
      `https://[::ffff:127.0.0.1]:${port}/hook`,
      `https://0x7f.1:${port}/hook`,
      'https://169.254.169.254/latest/meta-data/',
      'https://10.0.0.1/hook',
      'https://192.168.1.1/hook',
      'https://100.64.0.1/hook',
      'https://[fc00::1]/hook',
      'https://[fe80::1]/hook',
      'https://[64:ff9b::a9fe:a9fe]/hook',
    ];
    const outcomes = await Promise.allSettled(refused.map((url) => send(url, false)));
    assert.deepEqual(
      outcomes.map((o, i) => [
        refused[i],
        o.status === 'rejected' && o.reason instanceof ForbiddenAddressError ? o.reason.errorClass : o,
      ]),
      refused.map((url) => [url, 'webhook-forbidden-address']),
    );
    assert.equal(connections, before, 'no connection reached the loopback receivers');
    assert.deepEqual(guard.blocked, [], 'no connection to another host was even attempted');
  });

  it('with private addresses allowed, loopback works as before: by literal, by name, over IPv6', async () => {
    const before = received.length;
    await send(`http://127.0.0.1:${port}/v4`, true);
    await send(`http://[::1]:${port6}/v6`, true);
    await send(`http://localhost:${port}/by-name`, true);
    assert.deepEqual(
      received.slice(before).map((r) => r.path),
      ['/v4', '/v6', '/by-name'],
    );
  });
});
