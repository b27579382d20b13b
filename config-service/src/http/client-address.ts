import { BlockList } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { canonicalAddress, type CanonicalAddress } from '../limits/client-network.ts';

/** What `TRUST_PROXY=true` trusts (issue 16 keeps it working): loopback and private networks. */
export const privateRanges = ['127.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '::1/128', 'fc00::/7'];

/** `X-Forwarded-For` entries looked at, from the right: a longer chain than this is not ours. */
const maxHops = 20;

export interface TrustedProxiesOptions {
  /** Address ranges (`10.0.0.0/8`, `2001:db8::/32`, a single address) of the proxies in front of us. */
  ranges?: readonly string[];
  /**
   * How many proxies are in front of the service, the connecting one included: the client is the
   * `hops`-th `X-Forwarded-For` entry from the right, whatever its range (for a CDN whose addresses
   * change). Only when the connecting proxy is in `ranges`.
   */
  hops?: number;
  /**
   * Treat a request without a connection (`app.request()` in tests) as if a trusted proxy sent it.
   * Never set in production, where every request has its socket.
   */
  trustRequestsWithoutConnection?: boolean;
}

/**
 * The proxies whose `X-Forwarded-For` the service believes (`TRUSTED_PROXIES`, `TRUSTED_PROXY_HOPS`).
 * Each proxy appends the address of whoever connected to it, so only the right-hand end of the header
 * was written by us; anything further left may be the client's own invention.
 */
export class TrustedProxies {
  readonly #ranges = new BlockList();
  readonly #hops: number | undefined;
  readonly #withoutConnection: boolean;
  readonly ranges: readonly string[];

  constructor(options: TrustedProxiesOptions = {}) {
    this.ranges = options.ranges ?? [];
    for (const range of this.ranges) {
      const parsed = parseRange(range);
      if (!parsed) throw new Error(`Not an address range: ${range.slice(0, 64)}`);
      this.#ranges.addSubnet(parsed.address, parsed.prefix, parsed.family);
    }
    this.#hops = options.hops;
    this.#withoutConnection = options.trustRequestsWithoutConnection ?? false;
  }

  /** No proxy is trusted: the connection's address is the client. */
  static none(): TrustedProxies {
    return new TrustedProxies();
  }

  /** From the environment's comma-separated list; throws naming the first entry that is not a range. */
  static parse(list: string, hops?: number): TrustedProxies {
    const ranges = list
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    return new TrustedProxies({ ranges, hops });
  }

  /** Whether an address is one of our proxies. */
  trusts(address: CanonicalAddress): boolean {
    return this.#ranges.check(address.address, address.family);
  }

  /**
   * The client's address, canonical (`canonicalAddress`), from the connection's address and the
   * `X-Forwarded-For` header:
   * - a connection from outside the trusted ranges is the client; its header is not read;
   * - else, walking the header from the right, the client is the first address not in a trusted range
   *   (or, with `hops`, the `hops`-th entry);
   * - an entry that is not an address (junk, `unknown`, a host name) is never the client: the walk
   *   stops there and the last address before it is taken, as is the left-most when all are trusted.
   * Undefined only when there is no connection and nothing to believe.
   */
  clientOf(connection: string | undefined, forwardedFor: string | undefined): CanonicalAddress | undefined {
    const peer = canonicalAddress(connection);
    const trustedPeer = peer ? this.trusts(peer) : connection === undefined && this.#withoutConnection;
    if (!trustedPeer || !forwardedFor) return peer;
    // Only the right-hand end: a multi-KB header costs one bounded scan, never a split of all of it.
    const cut = forwardedFor.length > maxHops * 64;
    const tail = (cut ? forwardedFor.slice(-maxHops * 64) : forwardedFor).split(',');
    // The cut entry (`11.2.3.4` cut to `1.2.3.4`) could read as another address: it is dropped.
    if (cut) tail.shift();
    const entries = tail.slice(-maxHops).reverse();
    let client = peer;
    for (const [index, entry] of entries.entries()) {
      const address = canonicalAddress(entry);
      if (!address) return client;
      client = address;
      if (this.#hops !== undefined ? index + 2 > this.#hops : !this.trusts(address)) return address;
    }
    return client;
  }
}

/**
 * The client's address, used only for the limits (as a keyed hash of its network) and never stored or
 * logged: see `TrustedProxies.clientOf`. Undefined when it cannot be known.
 */
export function clientAddress(c: Context, proxies: TrustedProxies): string | undefined {
  let connection: string | undefined;
  try {
    connection = getConnInfo(c).remote.address;
  } catch {
    connection = undefined; // Not running on a Node server (e.g. app.request in tests).
  }
  return proxies.clientOf(connection, c.req.header('x-forwarded-for'))?.address;
}

/** `10.0.0.0/8`, `2001:db8::/32`, or a single address (its whole prefix); undefined if not a range. */
function parseRange(range: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [text = '', prefixText, extra] = range.split('/');
  if (extra !== undefined) return undefined;
  const address = canonicalAddress(text);
  if (!address || !/^\d{1,3}$/.test(prefixText ?? '128')) return undefined;
  const max = address.family === 'ipv4' ? 32 : 128;
  // An IPv4-mapped range (`::ffff:10.0.0.0/104`) is canonical IPv4: its prefix loses the 96 bits before.
  const mapped = address.family === 'ipv4' && text.includes(':');
  const prefix = prefixText === undefined ? max : Number(prefixText) - (mapped ? 96 : 0);
  if (prefix < 0 || prefix > max) return undefined;
  return { address: address.address, prefix, family: address.family };
}
