// Which IP addresses a URL may make us connect to. A page named on the command line or in a feed
// must not reach the machine's own services or its private network (SSRF): loopback, private,
// link-local (cloud metadata at 169.254.169.254), unique-local, CGNAT, multicast, unspecified and
// reserved addresses are refused, in IPv4 and IPv6 alike, including IPv6 forms that carry an
// IPv4 address (mapped ::ffff:a.b.c.d, NAT64, 6to4). Ranges from the IANA special-purpose
// address registries (RFC 6890 and successors).
import { isIPv4, isIPv6 } from 'node:net';

interface Range {
  prefix: number[];
  bits: number;
  kind: string;
}

function v4(cidr: string, kind: string): Range {
  const [address, bits] = cidr.split('/') as [string, string];
  return { prefix: parseIPv4(address)!, bits: Number(bits), kind };
}

function v6(cidr: string, kind: string): Range {
  const [address, bits] = cidr.split('/') as [string, string];
  return { prefix: parseIPv6(address)!, bits: Number(bits), kind };
}

const IPV4_RANGES: Range[] = [
  v4('0.0.0.0/8', 'unspecified'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'shared (CGNAT)'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local'),
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'reserved'),
  v4('192.0.2.0/24', 'documentation'),
  v4('192.88.99.0/24', 'reserved'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'benchmarking'),
  v4('198.51.100.0/24', 'documentation'),
  v4('203.0.113.0/24', 'documentation'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'), // includes the broadcast address 255.255.255.255
];

/** IPv6 ranges that carry an IPv4 address in their last (or, for 6to4, 3rd–6th) bytes. */
const IPV6_EMBEDDING: { range: Range; at: number }[] = [
  { range: v6('::ffff:0:0/96', 'IPv4-mapped'), at: 12 },
  { range: v6('::ffff:0:0:0/96', 'IPv4-translated'), at: 12 },
  { range: v6('64:ff9b::/96', 'NAT64'), at: 12 },
  { range: v6('2002::/16', '6to4'), at: 2 },
];

const IPV6_RANGES: Range[] = [
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('::/96', 'reserved'), // IPv4-compatible (deprecated)
  v6('64:ff9b:1::/48', 'private'),
  v6('100::/64', 'reserved'),
  v6('2001::/23', 'reserved'), // IETF protocol assignments, Teredo among them
  v6('2001:db8::/32', 'documentation'),
  v6('3fff::/20', 'documentation'),
  v6('fc00::/7', 'unique-local'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'site-local'),
  v6('ff00::/8', 'multicast'),
];
/** Globally routed unicast IPv6 lies in 2000::/3; everything else is unassigned or special. */
const IPV6_GLOBAL = v6('2000::/3', 'global');

/**
 * Why `address` (an IP literal, IPv6 with or without brackets or zone) must not be connected to,
 * e.g. "a loopback address (127.0.0.1)"; null for a public address.
 */
export function nonPublicAddress(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  const kind = addressKind(bare);
  return kind === null ? null : `${/^un[rs]/.test(kind) ? 'an' : 'a'} ${kind} address (${bare})`;
}

function addressKind(address: string): string | null {
  if (isIPv4(address)) return matchRange(parseIPv4(address)!, IPV4_RANGES);
  const bytes = isIPv6(address) ? parseIPv6(address) : undefined;
  if (!bytes) return 'unrecognised';
  for (const { range, at } of IPV6_EMBEDDING) {
    if (inRange(bytes, range)) {
      const inner = matchRange(bytes.slice(at, at + 4), IPV4_RANGES);
      return inner === null ? null : `${inner} (${range.kind})`;
    }
  }
  const special = matchRange(bytes, IPV6_RANGES);
  if (special !== null) return special;
  return inRange(bytes, IPV6_GLOBAL) ? null : 'reserved';
}

function matchRange(bytes: number[], ranges: Range[]): string | null {
  // Most specific first: "2001:db8::" is documentation rather than the wider IETF block.
  let best: Range | null = null;
  for (const r of ranges) if (inRange(bytes, r) && (!best || r.bits > best.bits)) best = r;
  return best?.kind ?? null;
}

function inRange(bytes: number[], range: Range): boolean {
  if (bytes.length !== range.prefix.length) return false;
  for (let bit = 0; bit < range.bits; bit += 8) {
    const take = Math.min(8, range.bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[bit / 8]! & mask) !== (range.prefix[bit / 8]! & mask)) return false;
  }
  return true;
}

/** Dotted-quad IPv4 → 4 bytes (callers pass what node:net's isIPv4 accepts). */
function parseIPv4(address: string): number[] | undefined {
  const parts = address.split('.').map(Number);
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ? parts : undefined;
}

/** IPv6 text (with "::", an embedded dotted quad, a zone) → 16 bytes. */
function parseIPv6(address: string): number[] | undefined {
  const zone = address.indexOf('%');
  let text = zone < 0 ? address : address.slice(0, zone);
  const tail: number[] = [];
  const quad = text.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (quad) {
    const four = parseIPv4(quad[2]!);
    if (!four) return undefined;
    tail.push(...four);
    text = quad[1]!.endsWith('::') ? quad[1]! : quad[1]!.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - tail.length / 2 - head.length - rest.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const all = [...head, ...Array<string>(missing).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return [...bytes, ...tail];
}
