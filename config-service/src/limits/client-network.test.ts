import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalAddress, clientNetwork } from './client-network.ts';

describe('client network (issue 16)', () => {
  it('four spellings of one IPv4 address are one client', () => {
    const spellings = ['198.51.100.7', '::ffff:198.51.100.7', '::FFFF:c633:6407', '[0:0:0:0:0:ffff:198.51.100.7]'];
    assert.deepEqual(new Set(spellings.map(clientNetwork)), new Set(['198.51.100.7']));
  });

  it('four spellings of one IPv6 address are one client', () => {
    const spellings = [
      '2001:db8:aa:1::1',
      '2001:0DB8:00AA:0001:0000:0000:0000:0001',
      '[2001:db8:aa:1:0::1]',
      'fe80::1',
    ];
    assert.deepEqual(new Set(spellings.slice(0, 3).map(clientNetwork)), new Set(['2001:db8:aa:1::/64']));
    assert.equal(canonicalAddress('2001:0DB8:00AA:0001:0000:0000:0000:0001')?.address, '2001:db8:aa:1::1');
    assert.equal(clientNetwork('fe80::1%eth0'), 'fe80::/64', 'a zone id is not part of the network');
  });

  it('25 addresses of one /64 are one client; the next /64 is another', () => {
    const networks = new Set(
      Array.from({ length: 25 }, (_, i) => clientNetwork(`2001:db8:aa:1:${i.toString(16)}::${i + 1}`)),
    );
    assert.deepEqual(networks, new Set(['2001:db8:aa:1::/64']));
    assert.equal(clientNetwork('2001:db8:aa:2::1'), '2001:db8:aa:2::/64');
    assert.equal(clientNetwork('::1'), '::/64');
  });

  it('anything that is not an address is not a client network', () => {
    for (const junk of [
      undefined,
      '',
      'unknown',
      'localhost',
      '01.2.3.4',
      '1.2.3.4:80',
      '198.51.100.7, 10.0.0.1',
      'x'.repeat(4096),
      '1'.repeat(5000),
    ]) {
      assert.equal(clientNetwork(junk), undefined, String(junk).slice(0, 40));
    }
  });
});
