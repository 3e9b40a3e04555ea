// IP addresses and CIDR ranges, pure and dependency-free: parsed to bytes so that one client
// has exactly one spelling (throttling keys on it) and range checks are plain bit compares.

export type IpAddress = { version: 4; bytes: readonly number[] } | { version: 6; bytes: readonly number[] };
export type CidrRange = { version: 4 | 6; bytes: readonly number[]; prefix: number };

const V4_PART = /^(0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function parseV4(s: string): number[] | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const p of parts) {
    // Leading zeros are refused: some parsers read them as octal, so "010" is ambiguous.
    if (!V4_PART.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    bytes.push(n);
  }
  return bytes;
}

function parseV6(s: string): number[] | null {
  if (s.length > 45) return null;
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groups = (half: string): number[] | null => {
    if (half === "") return [];
    const out: number[] = [];
    const parts = half.split(":");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes(".")) {
        const v4 = parseV4(p);
        if (!v4) return null;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (HEX_GROUP.test(p)) {
        out.push(parseInt(p, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return null;
  // An embedded IPv4 part may only end the address.
  if (halves.length === 2 && halves[0].includes(".")) return null;
  let words: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    if (head.length !== 8) return null;
    words = head;
  }
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

const isV4Mapped = (b: readonly number[]) => b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;

/**
 * Parses an IPv4 or IPv6 address (a zone such as "%eth0" is dropped). IPv4-mapped IPv6
 * (::ffff:1.2.3.4) becomes the IPv4 address it carries. Anything else is null.
 */
export function parseIp(input: string): IpAddress | null {
  const s = input.trim();
  if (!s || s.length > 64) return null;
  if (!s.includes(":")) {
    const v4 = parseV4(s);
    return v4 ? { version: 4, bytes: v4 } : null;
  }
  const zone = s.indexOf("%");
  const bytes = parseV6(zone >= 0 ? s.slice(0, zone) : s);
  if (!bytes) return null;
  if (isV4Mapped(bytes)) return { version: 4, bytes: bytes.slice(12) };
  return { version: 6, bytes };
}

/** The canonical text form: dotted IPv4; RFC 5952 IPv6 (lower case, longest zero run as "::"). */
export function formatIp(ip: IpAddress): string {
  if (ip.version === 4) return ip.bytes.join(".");
  const words = Array.from({ length: 8 }, (_, i) => (ip.bytes[2 * i] << 8) | ip.bytes[2 * i + 1]);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) [bestStart, bestLen] = [i, j - i];
    i = j;
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(":");
  if (bestLen < 2) return hex(words);
  return `${hex(words.slice(0, bestStart))}::${hex(words.slice(bestStart + bestLen))}`;
}

/** "10.0.0.0/8", "2001:db8::/32", or a single address (a /32 or /128). Host bits are ignored. */
export function parseCidr(input: string): CidrRange | null {
  const s = input.trim();
  const slash = s.indexOf("/");
  const ip = parseIp(slash >= 0 ? s.slice(0, slash) : s);
  if (!ip) return null;
  const bits = ip.bytes.length * 8;
  if (slash < 0) return { version: ip.version, bytes: ip.bytes, prefix: bits };
  const p = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(p)) return null;
  let prefix = Number(p);
  // An IPv4-mapped range (::ffff:10.0.0.0/104) was parsed as IPv4: its prefix counts from bit 96.
  const written = s.slice(0, slash).includes(":");
  if (ip.version === 4 && written) {
    if (prefix < 96 || prefix > 128) return null;
    prefix -= 96;
  }
  if (prefix > bits) return null;
  return { version: ip.version, bytes: ip.bytes, prefix };
}

export function cidrContains(range: CidrRange, ip: IpAddress): boolean {
  if (range.version !== ip.version) return false;
  let left = range.prefix;
  for (let i = 0; left > 0; i++, left -= 8) {
    const mask = left >= 8 ? 0xff : (0xff << (8 - left)) & 0xff;
    if ((range.bytes[i] & mask) !== (ip.bytes[i] & mask)) return false;
  }
  return true;
}

/** The first `prefix` bits of an address, the rest zero (e.g. the /64 an IPv6 host lives in). */
export function networkOf(ip: IpAddress, prefix: number): IpAddress {
  const bytes = ip.bytes.map((b, i) => {
    const left = prefix - i * 8;
    return left >= 8 ? b : left <= 0 ? 0 : b & ((0xff << (8 - left)) & 0xff);
  });
  return { version: ip.version, bytes } as IpAddress;
}
