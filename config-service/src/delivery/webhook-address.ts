/**
 * Where a webhook may connect: public unicast addresses only. A tenant's webhook URL must not reach
 * the service's own machine, its network or the cloud's metadata endpoint (SSRF) — the report with
 * the reporter's contact details would be POSTed there, and the recorded status would let a tenant
 * probe internal hosts.
 */
import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { PermanentDeliveryError } from './classify.ts';

/** A webhook URL that is not `https:` or that reaches a non-public address: fails the delivery at once. */
export class ForbiddenAddressError extends PermanentDeliveryError {
  constructor(message: string) {
    super('webhook-forbidden-address', message);
    this.name = 'ForbiddenAddressError';
  }
}

/** IPv4 ranges that are not public unicast (IANA special-purpose registry, RFC 6890 and successors). */
const forbiddenIpv4 = new BlockList();
forbiddenIpv4.addSubnet('0.0.0.0', 8, 'ipv4'); // "this network", with the unspecified 0.0.0.0
forbiddenIpv4.addSubnet('10.0.0.0', 8, 'ipv4'); // private (RFC 1918)
forbiddenIpv4.addSubnet('100.64.0.0', 10, 'ipv4'); // carrier-grade NAT (RFC 6598)
forbiddenIpv4.addSubnet('127.0.0.0', 8, 'ipv4'); // loopback
forbiddenIpv4.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, with the cloud metadata endpoint 169.254.169.254
forbiddenIpv4.addSubnet('172.16.0.0', 12, 'ipv4'); // private (RFC 1918)
forbiddenIpv4.addSubnet('192.0.0.0', 24, 'ipv4'); // IETF protocol assignments
forbiddenIpv4.addSubnet('192.0.2.0', 24, 'ipv4'); // documentation (TEST-NET-1)
forbiddenIpv4.addSubnet('192.88.99.0', 24, 'ipv4'); // 6to4 relay anycast (deprecated)
forbiddenIpv4.addSubnet('192.168.0.0', 16, 'ipv4'); // private (RFC 1918)
forbiddenIpv4.addSubnet('198.18.0.0', 15, 'ipv4'); // benchmarking
forbiddenIpv4.addSubnet('198.51.100.0', 24, 'ipv4'); // documentation (TEST-NET-2)
forbiddenIpv4.addSubnet('203.0.113.0', 24, 'ipv4'); // documentation (TEST-NET-3)
forbiddenIpv4.addSubnet('224.0.0.0', 4, 'ipv4'); // multicast
forbiddenIpv4.addSubnet('240.0.0.0', 4, 'ipv4'); // reserved, with the broadcast 255.255.255.255

/**
 * IPv6 is public only inside global unicast, 2000::/3: that leaves out the unspecified ::, loopback
 * ::1, the deprecated IPv4-compatible ::a.b.c.d, unique local fc00::/7, link-local fe80::/10,
 * site-local fec0::/10, multicast ff00::/8 and everything IANA has not allocated.
 */
const globalUnicastIpv6 = new BlockList();
globalUnicastIpv6.addSubnet('2000::', 3, 'ipv6');

/** Ranges inside 2000::/3 that are not public unicast either. */
const forbiddenIpv6 = new BlockList();
forbiddenIpv6.addSubnet('2001::', 23, 'ipv6'); // IETF protocol assignments: Teredo, benchmarking, ORCHID
forbiddenIpv6.addSubnet('2001:db8::', 32, 'ipv6'); // documentation
forbiddenIpv6.addSubnet('2002::', 16, 'ipv6'); // 6to4 (deprecated): carries an IPv4 address of any kind
forbiddenIpv6.addSubnet('3fff::', 20, 'ipv6'); // documentation (RFC 9637)

/**
 * IPv6 addresses that carry an IPv4 address in their last 32 bits and reach it: IPv4-mapped
 * (::ffff:a.b.c.d, a dual-stack socket connects to the IPv4 address) and the NAT64 well-known
 * prefix (64:ff9b::/96, a NAT64 gateway forwards to it; DNS64 hands these out for IPv4-only hosts
 * on IPv6-only networks). They are judged by that IPv4 address. The local-use NAT64 prefix
 * 64:ff9b:1::/48 is outside 2000::/3, so refused.
 */
const carriesIpv4 = new BlockList();
carriesIpv4.addSubnet('::ffff:0:0', 96, 'ipv6');
carriesIpv4.addSubnet('64:ff9b::', 96, 'ipv6');

/**
 * Whether a webhook may connect to `address`: an IPv4 or IPv6 address (no zone) outside every
 * loopback, private, link-local, shared, multicast, documentation and reserved range. Anything that
 * is not an address is not public.
 */
export function isPublicAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return !forbiddenIpv4.check(address, 'ipv4');
  // An address with a zone (`fe80::1%eth0`) names an interface of this machine's: not for webhooks.
  if (version !== 6 || address.includes('%')) return false;
  if (carriesIpv4.check(address, 'ipv6')) return isPublicAddress(lastIpv4(address));
  return globalUnicastIpv6.check(address, 'ipv6') && !forbiddenIpv6.check(address, 'ipv6');
}

/** The IPv4 address in the last 32 bits of an IPv6 address. */
function lastIpv4(address: string): string {
  // The URL parser writes IPv6 in its shortest form, with the last 32 bits always as two hex groups
  // (`::ffff:127.0.0.1` becomes `[::ffff:7f00:1]`); an empty group is part of the `::` run of zeros.
  const groups = new URL(`http://[${address}]/`).hostname.slice(1, -1).split(':');
  const high = parseInt(groups.at(-2) || '0', 16);
  const low = parseInt(groups.at(-1) || '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * Checks a webhook URL before connecting: `https:` only, and a literal IP address must be public
 * (Node connects to an IP literal without calling `lookup`). A host name is checked by
 * {@link publicAddressLookup} when the connection is made.
 */
export function checkWebhookUrl(url: URL): void {
  if (url.protocol !== 'https:') {
    throw new ForbiddenAddressError(`A webhook must use https:, not ${url.protocol}`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) && !isPublicAddress(host)) {
    throw new ForbiddenAddressError(`The webhook's address ${host} is not a public address`);
  }
}

/**
 * A `lookup` for `net.connect`/`https.request` that resolves a host name and refuses it unless every
 * address it resolves to is public. The socket connects to the addresses this returns, so what was
 * checked is what is connected to (a second resolution cannot swap in another address).
 */
export const publicAddressLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const [first] = addresses;
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (!first || refused) {
      const reason = refused ? `resolves to ${refused.address}, not a public address` : 'resolves to no address';
      return callback(new ForbiddenAddressError(`The webhook's host ${hostname} ${reason}`), []);
    }
    if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  });
};

/**
 * Why a tenant may not save this webhook URL, or undefined when it may: the rule `sendWebhook` applies
 * when it connects (`https:` to a public address), applied when the URL is saved — in the console and
 * by `pnpm tenant:import` alike. `allowPrivateAddresses` (tests and the demo only,
 * `DELIVERY_ALLOW_PRIVATE_ADDRESSES`) lets `http:` and loopback or private addresses through.
 */
export function webhookUrlProblem(url: string, allowPrivateAddresses: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Not a web address';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'Use an https: address';
  if (parsed.username || parsed.password) return 'No user name or password in the address: the secret signs each call';
  if (allowPrivateAddresses) return undefined;
  try {
    checkWebhookUrl(parsed);
  } catch (error) {
    return error instanceof ForbiddenAddressError && parsed.protocol !== 'https:'
      ? 'Use an https: address (http: is not allowed in production)'
      : 'The address is not a public one';
  }
  return undefined;
}
