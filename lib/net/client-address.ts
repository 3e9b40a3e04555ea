import { cidrContains, formatIp, parseCidr, parseIp, type CidrRange, type IpAddress } from "./ip-address";

/**
 * The request header carrying the client's address. Warden's own server sets it from the
 * socket (through trusted proxies only) and overwrites whatever the client sent; the app reads
 * nothing else, so a client cannot choose the address it is throttled under.
 */
export const CLIENT_ADDRESS_HEADER = "x-warden-client-address";

export type TrustedProxies = { readonly entries: readonly string[]; readonly ranges: readonly CidrRange[] };

// Named groups, as in common proxy configurations ("private" = RFC 1918 and IPv6 unique-local).
const NAMED: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/**
 * Parses WARDEN_TRUSTED_PROXIES: comma-separated IPs, CIDR ranges (IPv4 and IPv6) and the words
 * `loopback` and `private`. Unset or empty trusts no proxy. An invalid entry throws, so a typo
 * stops the server at start instead of silently trusting the wrong hops.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const entries = (value ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const ranges: CidrRange[] = [];
  for (const entry of entries) {
    const named = NAMED[entry.toLowerCase()];
    if (named) {
      ranges.push(...named.map((c) => parseCidr(c)!));
      continue;
    }
    const range = parseCidr(entry);
    if (!range) {
      throw new Error(
        `WARDEN_TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR range (such as 10.0.0.0/8 or fd00::/8), "loopback" or "private".`,
      );
    }
    ranges.push(range);
  }
  return { entries, ranges };
}

export function isTrustedProxy(trusted: TrustedProxies, ip: IpAddress): boolean {
  return trusted.ranges.some((r) => cidrContains(r, ip));
}

/** One X-Forwarded-For entry: an address, optionally with a port ("1.2.3.4:80", "[::1]:80"). */
function parseForwardedEntry(entry: string): IpAddress | null {
  const s = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) return parseIp(bracketed[1]);
  const v4WithPort = /^([\d.]+):\d{1,5}$/.exec(s);
  if (v4WithPort) return parseIp(v4WithPort[1]);
  return parseIp(s);
}

/**
 * The client's address for a request that arrived from `peer` (the socket's remote address).
 * A peer that is not a trusted proxy is the client. Behind trusted proxies, X-Forwarded-For is
 * read from the right (each proxy appends the address it saw) and the first untrusted entry is
 * the client; entries further left were written by the client and are never believed. When the
 * chain runs out or holds something unreadable, the last trusted hop is the best we know.
 * Null only when the peer itself is not an address.
 */
export function resolveClientAddress(
  peer: string,
  forwardedFor: string | readonly string[] | null | undefined,
  trusted: TrustedProxies,
): string | null {
  let hop = parseIp(peer);
  if (!hop) return null;
  if (!isTrustedProxy(trusted, hop)) return formatIp(hop);
  const chain = (typeof forwardedFor === "string" ? [forwardedFor] : (forwardedFor ?? []))
    .flatMap((h) => h.split(","))
    .map((e) => e.trim())
    .filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    const entry = parseForwardedEntry(chain[i]);
    if (!entry) break;
    hop = entry;
    if (!isTrustedProxy(trusted, hop)) break;
  }
  return formatIp(hop);
}

type HeaderBag = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/**
 * The address Warden's server resolved for this request, from a Fetch `Headers` or the plain
 * header object next-auth hands to `authorize`. Null when absent or not an address.
 */
export function clientAddressFrom(headers: HeaderBag | null | undefined): string | null {
  if (!headers) return null;
  let raw: string | string[] | null | undefined;
  if (typeof headers.get === "function") {
    raw = (headers as { get(name: string): string | null }).get(CLIENT_ADDRESS_HEADER);
  } else {
    const bag = headers as Record<string, string | string[] | undefined>;
    raw = bag[CLIENT_ADDRESS_HEADER] ?? Object.entries(bag).find(([k]) => k.toLowerCase() === CLIENT_ADDRESS_HEADER)?.[1];
  }
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return null;
  const ip = parseIp(value);
  return ip ? formatIp(ip) : null;
}
