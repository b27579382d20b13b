import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure } from './classify.ts';
import { checkWebhookUrl, ForbiddenAddressError, isPublicAddress, publicAddressLookup } from './webhook-address.ts';

/** Each range by its first and last address, with the neighbours just outside where those are public. */
const ipv4: [address: string, isPublic: boolean][] = [
  ['0.0.0.0', false], // unspecified
  ['0.255.255.255', false],
  ['1.0.0.0', true],
  ['9.255.255.255', true],
  ['10.0.0.0', false], // private
  ['10.0.0.1', false],
  ['10.255.255.255', false],
  ['11.0.0.0', true],
  ['100.63.255.255', true],
  ['100.64.0.0', false], // carrier-grade NAT
  ['100.127.255.255', false],
  ['100.128.0.0', true],
  ['126.255.255.255', true],
  ['127.0.0.0', false], // loopback
  ['127.0.0.1', false],
  ['127.255.255.255', false],
  ['128.0.0.0', true],
  ['169.253.255.255', true],
  ['169.254.0.0', false], // link-local
  ['169.254.169.254', false], // cloud metadata
  ['169.254.255.255', false],
  ['169.255.0.0', true],
  ['172.15.255.255', true],
  ['172.16.0.0', false], // private
  ['172.31.255.255', false],
  ['172.32.0.0', true],
  ['191.255.255.255', true],
  ['192.0.0.0', false], // IETF protocol assignments
  ['192.0.0.255', false],
  ['192.0.1.0', true],
  ['192.0.2.0', false], // TEST-NET-1
  ['192.0.2.255', false],
  ['192.0.3.0', true],
  ['192.88.98.255', true],
  ['192.88.99.0', false], // 6to4 relay anycast
  ['192.88.99.255', false],
  ['192.88.100.0', true],
  ['192.167.255.255', true],
  ['192.168.0.0', false], // private
  ['192.168.255.255', false],
  ['192.169.0.0', true],
  ['198.17.255.255', true],
  ['198.18.0.0', false], // benchmarking
  ['198.19.255.255', false],
  ['198.20.0.0', true],
  ['198.51.99.255', true],
  ['198.51.100.0', false], // TEST-NET-2
  ['198.51.100.255', false],
  ['198.51.101.0', true],
  ['203.0.112.255', true],
  ['203.0.113.0', false], // TEST-NET-3
  ['203.0.113.255', false],
  ['203.0.114.0', true],
  ['223.255.255.255', true],
  ['224.0.0.0', false], // multicast
  ['239.255.255.255', false],
  ['240.0.0.0', false], // reserved
  ['255.255.255.255', false], // broadcast
  ['8.8.8.8', true],
  ['145.97.39.155', true],
];

const ipv6: [address: string, isPublic: boolean][] = [
  ['::', false], // unspecified
  ['::1', false], // loopback
  ['::2', false],
  ['::7f00:1', false], // IPv4-compatible (deprecated) ::127.0.0.1
  ['::808:808', false], // IPv4-compatible ::8.8.8.8: not an address anything routes
  ['1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', false], // just below global unicast
  ['2000::', true], // global unicast starts
  ['2001::', false], // Teredo (IETF protocol assignments)
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false],
  ['2001:2::1', false], // benchmarking
  ['2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ['2001:200::1', true],
  ['2001:db7:ffff:ffff:ffff:ffff:ffff:ffff', true],
  ['2001:db8::', false], // documentation
  ['2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ['2001:db9::', true],
  ['2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff', true],
  ['2002::', false], // 6to4
  ['2002:7f00:1::1', false],
  ['2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ['2003::', true],
  ['2a00:1450:4001:82b::200e', true],
  ['3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff', true],
  ['3fff::', false], // documentation (RFC 9637)
  ['3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ['3fff:1000::', true],
  ['3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', true], // last of global unicast
  ['4000::', false],
  ['5f00::1', false], // SRv6 segment identifiers
  ['fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ['fc00::', false], // unique local
  ['fc00::1', false],
  ['fd12:3456:789a::1', false],
  ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ['fe80::', false], // link-local
  ['fe80::1', false],
  ['febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ['fec0::1', false], // site-local (deprecated)
  ['ff00::', false], // multicast
  ['ff02::1', false],
  ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', false],
];

/** IPv6 addresses that carry an IPv4 address: judged by it. */
const carryingIpv4: [address: string, isPublic: boolean][] = [
  ['::ffff:127.0.0.1', false], // IPv4-mapped, as DNS answers write it
  ['::ffff:7f00:1', false], // the same, as the URL parser writes it
  ['::ffff:0.0.0.0', false],
  ['::ffff:0:0', false],
  ['::ffff:10.0.0.1', false],
  ['::ffff:169.254.169.254', false],
  ['::ffff:172.16.0.1', false],
  ['::ffff:192.168.1.1', false],
  ['::ffff:100.64.0.1', false],
  ['::ffff:224.0.0.1', false],
  ['::ffff:255.255.255.255', false],
  ['::ffff:8.8.8.8', true],
  ['::ffff:808:808', true],
  ['::ffff:ffff:ffff', false], // 255.255.255.255
  ['64:ff9b::', false], // NAT64 well-known prefix, 0.0.0.0
  ['64:ff9b::127.0.0.1', false],
  ['64:ff9b::a00:1', false], // 10.0.0.1
  ['64:ff9b::a9fe:a9fe', false], // 169.254.169.254
  ['64:ff9b::c0a8:101', false], // 192.168.1.1
  ['64:ff9b::808:808', true], // 8.8.8.8
  ['64:ff9b::1', false], // 0.0.0.1
  ['64:ff9b::100:0', true], // 1.0.0.0
  ['64:ff9b::1:0:0', false], // outside the /96, so not NAT64: and outside global unicast
  ['64:ff9b:1::808:808', false], // local-use NAT64 (RFC 8215)
];

describe('isPublicAddress', () => {
  for (const [name, table] of [
    ['IPv4', ipv4],
    ['IPv6', ipv6],
    ['IPv4-mapped and NAT64 IPv6', carryingIpv4],
  ] as const) {
    it(`${name}: refuses every non-public range, edges included, and lets public addresses through`, () => {
      const wrong = table.filter(([address, expected]) => isPublicAddress(address) !== expected);
      assert.deepEqual(wrong, [], 'addresses judged wrongly');
    });
  }

  it('anything that is not a plain address is not public: names, zones, brackets, shorthand', () => {
    for (const notAnAddress of [
      '',
      'localhost',
      'example.com',
      '127.1',
      '0x7f000001',
      '[::1]',
      '[2a00:1450:4001:82b::200e]',
      'fe80::1%eth0',
      '2a00:1450:4001:82b::200e%eth0',
      '8.8.8.8.',
      ' 8.8.8.8',
    ]) {
      assert.equal(isPublicAddress(notAnAddress), false, notAnAddress);
    }
  });
});

describe('checkWebhookUrl', () => {
  const refused = (url: string) =>
    assert.throws(() => checkWebhookUrl(new URL(url)), ForbiddenAddressError, `${url} is refused`);

  it('refuses http: even to a public address, and every non-https scheme', () => {
    refused('http://8.8.8.8/hook');
    refused('http://meldingen.gemeente.example/hook');
    refused('ftp://meldingen.gemeente.example/hook');
    assert.throws(() => checkWebhookUrl(new URL('http://8.8.8.8/hook')), /must use https:/);
  });

  it('refuses IP literals that are not public, however the URL writes them; names wait for the lookup', () => {
    for (const url of [
      'https://127.0.0.1/hook',
      'https://127.1/hook', // the URL parser reads IPv4 shorthand…
      'https://2130706433/hook', // …decimal…
      'https://0x7f.0.0.1/hook', // …and hex
      'https://10.0.0.1/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://[::1]/hook',
      'https://[::]/hook',
      'https://[fc00::1]/hook',
      'https://[fe80::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://[::ffff:a9fe:a9fe]/hook',
      'https://[64:ff9b::10.0.0.1]/hook',
    ]) {
      refused(url);
    }
    for (const url of [
      'https://8.8.8.8/hook',
      'https://[2a00:1450:4001:82b::200e]/hook',
      'https://[::ffff:8.8.8.8]/hook',
      'https://meldingen.gemeente.example/hook',
      'https://localhost/hook', // a name: refused by publicAddressLookup when connecting
    ]) {
      assert.doesNotThrow(() => checkWebhookUrl(new URL(url)), url);
    }
  });

  it('its refusal is the permanent delivery error class webhook-forbidden-address', () => {
    assert.deepEqual(classifyFailure(new ForbiddenAddressError('x')), {
      temporary: false,
      errorClass: 'webhook-forbidden-address',
    });
  });
});

describe('publicAddressLookup', () => {
  const lookup = (hostname: string, all: boolean) =>
    new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      publicAddressLookup(hostname, { all }, (error, address) => resolve({ error, address })),
    );

  it('refuses a name that resolves to loopback, in both callback forms', async () => {
    for (const all of [true, false]) {
      const { error } = await lookup('localhost', all);
      assert.ok(error instanceof ForbiddenAddressError, `all: ${all}`);
      assert.match(error.message, /localhost resolves to (127\.0\.0\.1|::1), not a public address/);
    }
  });

  it('refuses IP literals given to it the same way', async () => {
    for (const address of ['127.0.0.1', '::1', '10.0.0.1', '169.254.169.254', 'fc00::1']) {
      const { error } = await lookup(address, true);
      assert.ok(error instanceof ForbiddenAddressError, address);
    }
  });

  it('passes a public address through in the form asked for (literal, so no DNS traffic)', async () => {
    assert.deepEqual(await lookup('8.8.8.8', true), { error: null, address: [{ address: '8.8.8.8', family: 4 }] });
    assert.deepEqual(await lookup('2a00:1450:4001:82b::200e', false), {
      error: null,
      address: '2a00:1450:4001:82b::200e',
    });
  });
});
