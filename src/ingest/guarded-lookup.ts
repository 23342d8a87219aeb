// Host name → the address we connect to, checked. The check runs inside the socket's own lookup,
// so the address checked is the address connected to: a name that resolves to a public address
// when checked and to 127.0.0.1 a moment later (DNS rebinding) gets no second lookup to exploit.
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { nonPublicAddress } from './address-ranges.ts';

/** Resolves a host name to every address it has (default: node:dns lookup, all: true). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Which hosts may be private: none (default), all (`true`), or these host names. */
export type PrivatePolicy = boolean | readonly string[];

/** A connection the address policy refuses; `reason` is one line. */
export class RefusedAddress extends Error {
  readonly code = 'ERR_REFUSED_ADDRESS';
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RefusedAddress';
  }
}

const HINT = 'not fetched without --allow-private-urls';
/** "localhost" and "*.localhost" name this machine whatever a resolver says (RFC 6761). */
const LOCALHOST = /(?:^|\.)localhost\.?$/i;

/** A host name without brackets or a trailing dot, lower-cased: how policy lists are matched. */
function bareHost(hostname: string): string {
  return hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function privateAllowed(policy: PrivatePolicy, hostname: string): boolean {
  if (typeof policy === 'boolean') return policy;
  const host = bareHost(hostname);
  return policy.some((allowed) => bareHost(allowed) === host);
}

/**
 * Why a URL's host may not be contacted before any lookup (an IP literal outside the public
 * ranges, or a localhost name); null when it may be, or when only its addresses can tell.
 */
export function refusedHost(hostname: string, policy: PrivatePolicy): string | null {
  if (privateAllowed(policy, hostname)) return null;
  const host = bareHost(hostname);
  if (isIP(host)) {
    const reason = nonPublicAddress(host);
    return reason ? `${reason}: ${HINT}` : null;
  }
  return LOCALHOST.test(host) ? `${host} is this machine: ${HINT}` : null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type LookupFunction = (hostname: string, options: { family?: number | string; all?: boolean }, callback: LookupCallback) => void;

/**
 * A `lookup` for node:net / node:http: resolves with `resolve`, refuses the host when any of its
 * addresses is not public (unless the policy allows it), and hands the socket exactly the
 * addresses it checked.
 */
export function guardedLookup(resolve: Resolver, policy: PrivatePolicy): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
    resolve(hostname).then(
      (found) => {
        const addresses = family === 4 || family === 6 ? found.filter((a) => a.family === family) : found;
        if (!addresses.length) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        if (!privateAllowed(policy, hostname)) {
          for (const { address } of addresses) {
            const reason = nonPublicAddress(address);
            if (reason) return callback(new RefusedAddress(`${bareHost(hostname)} resolves to ${reason}: ${HINT}`), '');
          }
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
