import { isIP } from 'node:net';

/**
 * An address as the limits see it: IPv4 as four decimal numbers, IPv6 as its 16 bytes. Only what
 * `net.isIP` accepts is an address; anything else (a host name, `unknown`, a multi-KB header) is not.
 */
export type CanonicalAddress =
  { family: 'ipv4'; address: string } | { family: 'ipv6'; address: string; bytes: number[] };

/** The longest text an address can be: a full IPv6 address with an IPv4 tail, brackets and a zone id. */
const maxAddressLength = 64;

/**
 * One spelling for each address: `1.2.3.4`, `::ffff:1.2.3.4`, `::ffff:102:304` and
 * `[0:0:0:0:0:ffff:1.2.3.4]` are all `1.2.3.4` (an IPv4-mapped IPv6 address is the IPv4 address the
 * dual-stack socket saw); an IPv6 address in its 16 bytes, whatever the case, zeros or `::`. Brackets and
 * a zone id (`fe80::1%eth0`) are dropped. Undefined for anything that is not an address.
 */
export function canonicalAddress(text: string | undefined): CanonicalAddress | undefined {
  if (text === undefined || text.length > maxAddressLength) return undefined;
  let bare = text.trim();
  if (bare.startsWith('[') && bare.endsWith(']')) bare = bare.slice(1, -1);
  bare = bare.replace(/%[0-9A-Za-z._~-]+$/, '');
  const version = isIP(bare);
  if (version === 4) return { family: 'ipv4', address: bare };
  if (version !== 6) return undefined;
  const bytes = ipv6Bytes(bare);
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return { family: 'ipv4', address: bytes.slice(12).join('.') };
  return { family: 'ipv6', address: ipv6Text(bytes), bytes };
}

/**
 * The network a client counts as, for every limit: an IPv4 address as it is, an IPv6 address by its
 * /64 (`2001:db8:1:2::/64`) — one subscriber's line gets a whole /64, so its 2⁶⁴ addresses are one
 * client. Undefined when the text is not an address.
 */
export function clientNetwork(text: string | undefined): string | undefined {
  const canonical = canonicalAddress(text);
  if (!canonical) return undefined;
  if (canonical.family === 'ipv4') return canonical.address;
  return `${ipv6Text([...canonical.bytes.slice(0, 8), ...Array<number>(8).fill(0)])}/64`;
}

/** The 16 bytes of an address `net.isIP` accepted as IPv6 (groups, `::`, an IPv4 tail). */
function ipv6Bytes(address: string): number[] {
  const lastColon = address.lastIndexOf(':');
  const tail = address.slice(lastColon + 1);
  // An IPv4 tail (`::ffff:1.2.3.4`) stands for the last two groups.
  const ipv4Tail = tail.includes('.') ? tail.split('.').map(Number) : undefined;
  const groupsText = ipv4Tail ? address.slice(0, lastColon + 1) + '0:0' : address;
  const [head = '', rest] = groupsText.split('::');
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const headGroups = parse(head);
  const tailGroups = rest === undefined ? [] : parse(rest);
  const groups =
    rest === undefined
      ? headGroups
      : [...headGroups, ...Array<number>(8 - headGroups.length - tailGroups.length).fill(0), ...tailGroups];
  const bytes = groups.flatMap((g) => [g >> 8, g & 0xff]);
  if (ipv4Tail) bytes.splice(12, 4, ...ipv4Tail);
  return bytes;
}

/** RFC 5952 text of 16 bytes: lower case, no leading zeros, the longest run of zero groups as `::`. */
function ipv6Text(bytes: number[]): string {
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}
