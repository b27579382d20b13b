import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { clientAddress, TrustedProxies } from './client-address.ts';

const proxies = TrustedProxies.parse('10.0.0.0/8,192.168.0.0/16,::1/128,2001:db8:ffff::/48');

describe('the client behind trusted proxies (issue 16)', () => {
  it('a connection from outside the trusted ranges is the client; its X-Forwarded-For is not read', () => {
    assert.equal(proxies.clientOf('203.0.113.9', '198.51.100.7')?.address, '203.0.113.9');
    assert.equal(proxies.clientOf('::ffff:203.0.113.9', '198.51.100.7')?.address, '203.0.113.9');
    assert.equal(TrustedProxies.none().clientOf('10.0.0.1', '198.51.100.7')?.address, '10.0.0.1');
  });

  it('the client is the right-most address not in a trusted range (CDN + load balancer)', () => {
    // The client forged an entry; the edge proxy (192.168.1.4) and load balancer (10.0.0.2) appended theirs.
    const header = '1.1.1.1, 198.51.100.7, 192.168.1.4, 10.0.0.2';
    assert.equal(proxies.clientOf('10.0.0.1', header)?.address, '198.51.100.7');
    assert.equal(proxies.clientOf('::1', '2001:db8:aa:1::5, 2001:db8:ffff:1::1')?.address, '2001:db8:aa:1::5');
    assert.equal(proxies.clientOf('::ffff:10.0.0.1', ' 198.51.100.8 ')?.address, '198.51.100.8');
  });

  it('a junk entry is never the client: the address before it is taken', () => {
    const junk = 'x'.repeat(8 * 1024);
    assert.equal(proxies.clientOf('10.0.0.1', junk)?.address, '10.0.0.1');
    assert.equal(proxies.clientOf('10.0.0.1', `${junk}, 192.168.1.4`)?.address, '192.168.1.4');
    assert.equal(proxies.clientOf('10.0.0.1', `198.51.100.7, ${junk}`)?.address, '10.0.0.1');
    assert.equal(proxies.clientOf('10.0.0.1', 'unknown')?.address, '10.0.0.1');
    assert.equal(proxies.clientOf('10.0.0.1', `${'1.2.3.4,'.repeat(2000)}198.51.100.9`)?.address, '198.51.100.9');
  });

  it('with a hop count the client is that many entries from the right, whatever its range', () => {
    const cdn = TrustedProxies.parse('10.0.0.0/8', 2);
    // Load balancer 10.0.0.1 appended the CDN node (203.0.113.50), which appended the client.
    assert.equal(cdn.clientOf('10.0.0.1', '1.1.1.1, 198.51.100.7, 203.0.113.50')?.address, '198.51.100.7');
    assert.equal(cdn.clientOf('203.0.113.77', '198.51.100.7, 203.0.113.50')?.address, '203.0.113.77');
  });

  it('ranges are checked when configured: IPv4 and IPv6 CIDR and single addresses; junk refused', () => {
    const single = TrustedProxies.parse('10.1.2.3, 2001:db8::1');
    assert.equal(single.clientOf('10.1.2.3', '198.51.100.7')?.address, '198.51.100.7');
    assert.equal(single.clientOf('10.1.2.4', '198.51.100.7')?.address, '10.1.2.4');
    assert.equal(single.clientOf('2001:db8::1', '198.51.100.7')?.address, '198.51.100.7');
    for (const bad of ['10.0.0.0/33', 'proxy.example', '10.0.0.0/8/1', '::1/129'])
      assert.throws(() => TrustedProxies.parse(bad), /Not an address range/, bad);
  });

  it('reads the connection of a real request (the Node server binding)', async () => {
    const app = new Hono().get('/', (c) => c.text(clientAddress(c, proxies) ?? 'none'));
    const from = (remoteAddress: string, xff: string) =>
      app.request('/', { headers: { 'X-Forwarded-For': xff } }, { incoming: { socket: { remoteAddress } } });
    assert.equal(await (await from('10.0.0.1', '198.51.100.7')).text(), '198.51.100.7');
    assert.equal(await (await from('203.0.113.9', '198.51.100.7')).text(), '203.0.113.9');
    assert.equal(await (await app.request('/', { headers: { 'X-Forwarded-For': '198.51.100.7' } })).text(), 'none');
  });
});
