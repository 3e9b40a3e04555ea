import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddressFrom,
  parseTrustedProxies,
  resolveClientAddress,
} from "../../lib/net/client-address";
import { cidrContains, formatIp, networkOf, parseCidr, parseIp } from "../../lib/net/ip-address";

const canon = (s: string) => {
  const ip = parseIp(s);
  return ip ? formatIp(ip) : null;
};

describe("parseIp / formatIp", () => {
  it.each([
    ["1.2.3.4", "1.2.3.4"],
    ["0.0.0.0", "0.0.0.0"],
    ["255.255.255.255", "255.255.255.255"],
    [" 10.0.0.1 ", "10.0.0.1"],
    ["::1", "::1"],
    ["::", "::"],
    ["2001:DB8::1", "2001:db8::1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"], // the first of two equal zero runs
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"], // a single zero group is not shortened
    ["fe80::1%eth0", "fe80::1"],
    ["1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"],
    ["::ffff:1.2.3.4", "1.2.3.4"],
    ["::FFFF:7b7b:7b7b", "123.123.123.123"],
    ["0:0:0:0:0:ffff:192.168.0.1", "192.168.0.1"],
    ["64:ff9b::1.2.3.4", "64:ff9b::102:304"],
    ["::1.2.3.4", "::102:304"],
  ])("%s → %s", (input, out) => {
    expect(canon(input)).toBe(out);
  });

  it.each([
    "",
    "  ",
    "1.2.3",
    "1.2.3.4.5",
    "256.1.1.1",
    "01.2.3.4",
    "1.2.3.-4",
    "a.b.c.d",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7",
    "1::2::3",
    ":::",
    ":1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:",
    "12345::",
    "g::1",
    "1.2.3.4::",
    "::1.2.3.4:5",
    "1:2:3:4:5:6:7::8", // "::" must stand for at least one group
    "unknown",
    "1.2.3.4:80",
    "[::1]",
    "x".repeat(100),
  ])("refuses %j", (input) => {
    expect(parseIp(input)).toBeNull();
  });
});

describe("parseCidr / cidrContains / networkOf", () => {
  const inRange = (cidr: string, ip: string) => cidrContains(parseCidr(cidr)!, parseIp(ip)!);

  it("matches IPv4 ranges at their boundaries", () => {
    expect(inRange("10.0.0.0/8", "10.0.0.0")).toBe(true);
    expect(inRange("10.0.0.0/8", "10.255.255.255")).toBe(true);
    expect(inRange("10.0.0.0/8", "11.0.0.0")).toBe(false);
    expect(inRange("172.16.0.0/12", "172.31.255.255")).toBe(true);
    expect(inRange("172.16.0.0/12", "172.32.0.0")).toBe(false);
    expect(inRange("172.16.0.0/12", "172.15.255.255")).toBe(false);
    expect(inRange("192.168.1.7", "192.168.1.7")).toBe(true);
    expect(inRange("192.168.1.7", "192.168.1.8")).toBe(false);
    expect(inRange("0.0.0.0/0", "8.8.8.8")).toBe(true);
    expect(inRange("10.1.2.3/8", "10.9.9.9")).toBe(true); // host bits ignored
  });

  it("matches IPv6 ranges, never across families", () => {
    expect(inRange("fc00::/7", "fd12:3456::1")).toBe(true);
    expect(inRange("fc00::/7", "fe00::1")).toBe(false);
    expect(inRange("2001:db8::/32", "2001:db8:ffff::1")).toBe(true);
    expect(inRange("2001:db8::/32", "2001:db9::")).toBe(false);
    expect(inRange("::1", "::1")).toBe(true);
    expect(inRange("::/0", "1.2.3.4")).toBe(false);
    expect(inRange("0.0.0.0/0", "::1")).toBe(false);
    expect(inRange("2001:db8::/127", "2001:db8::1")).toBe(true);
    expect(inRange("2001:db8::/128", "2001:db8::1")).toBe(false);
  });

  it("reads IPv4-mapped ranges and addresses as IPv4", () => {
    expect(inRange("::ffff:10.0.0.0/104", "10.1.1.1")).toBe(true);
    expect(inRange("10.0.0.0/8", "::ffff:10.1.1.1")).toBe(true);
    expect(parseCidr("::ffff:10.0.0.0/95")).toBeNull();
  });

  it.each(["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0.0/a", "nope/8", "/8", "10.0.0.0/0008"])(
    "refuses %j",
    (input) => {
      expect(parseCidr(input)).toBeNull();
    },
  );

  it("takes the network of an address", () => {
    expect(formatIp(networkOf(parseIp("2001:db8:1:2:3:4:5:6")!, 64))).toBe("2001:db8:1:2::");
    expect(formatIp(networkOf(parseIp("2001:db8:1:2ff:3:4:5:6")!, 60))).toBe("2001:db8:1:2f0::");
    expect(formatIp(networkOf(parseIp("10.1.2.3")!, 32))).toBe("10.1.2.3");
    expect(formatIp(networkOf(parseIp("10.1.2.3")!, 0))).toBe("0.0.0.0");
  });
});

describe("parseTrustedProxies", () => {
  it("trusts nobody when unset or empty", () => {
    expect(parseTrustedProxies(undefined).ranges).toEqual([]);
    expect(parseTrustedProxies("").ranges).toEqual([]);
    expect(parseTrustedProxies(" , ,").ranges).toEqual([]);
  });

  it("reads addresses, ranges and the named groups, case-insensitively", () => {
    const t = parseTrustedProxies(" 10.0.0.1, 2001:db8::/32 ,LOOPBACK,private");
    expect(t.entries).toEqual(["10.0.0.1", "2001:db8::/32", "LOOPBACK", "private"]);
    expect(t.ranges).toHaveLength(1 + 1 + 2 + 4);
  });

  it.each([
    ["10.0.0.300", /"10\.0\.0\.300" is not an IP address/],
    ["10.0.0.0/40", /"10\.0\.0\.0\/40"/],
    ["loopback, localhost", /"localhost"/],
    ["10.0.0.1;10.0.0.2", /"10\.0\.0\.1;10\.0\.0\.2"/],
    ["*", /WARDEN_TRUSTED_PROXIES/],
  ])("refuses %j with a clear error", (value, message) => {
    expect(() => parseTrustedProxies(value)).toThrow(message);
  });
});

describe("resolveClientAddress", () => {
  const none = parseTrustedProxies(undefined);
  const lb = parseTrustedProxies("10.0.0.0/8, loopback");

  it("is the socket peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.9", "1.1.1.1, 2.2.2.2", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("127.0.0.1", "1.1.1.1", none)).toBe("127.0.0.1");
  });

  it("normalises the peer (IPv4-mapped, IPv6 spelling)", () => {
    expect(resolveClientAddress("::ffff:203.0.113.9", null, none)).toBe("203.0.113.9");
    expect(resolveClientAddress("2001:0DB8::0001", null, none)).toBe("2001:db8::1");
    expect(resolveClientAddress("::ffff:127.0.0.1", "9.9.9.9", lb)).toBe("9.9.9.9"); // mapped loopback is trusted
  });

  it("is the peer when the peer is not a trusted proxy, even if others are", () => {
    expect(resolveClientAddress("203.0.113.9", "10.0.0.5", lb)).toBe("203.0.113.9");
  });

  it("behind a trusted proxy, is the rightmost untrusted X-Forwarded-For entry", () => {
    // The client wrote "6.6.6.6" itself; the proxy appended the address it really saw.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7", lb)).toBe("198.51.100.7");
    // Two trusted hops (a CDN edge inside 10/8, then the load balancer).
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.1.1", lb)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.7, 10.1.1.1"], lb)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", " 2001:DB8::7 ", lb)).toBe("2001:db8::7");
  });

  it("accepts ports and brackets in entries", () => {
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7:51234", lb)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", "[2001:db8::7]:443", lb)).toBe("2001:db8::7");
    expect(resolveClientAddress("10.0.0.2", "[2001:db8::7]", lb)).toBe("2001:db8::7");
    expect(resolveClientAddress("10.0.0.2", "::ffff:198.51.100.7", lb)).toBe("198.51.100.7");
  });

  it("falls back to the last trusted hop when the chain is missing, empty, all trusted or unreadable", () => {
    expect(resolveClientAddress("10.0.0.2", null, lb)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", undefined, lb)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", " , ", lb)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "10.0.0.9, 10.0.0.8", lb)).toBe("10.0.0.9");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7, unknown", lb)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7, garbage, 10.0.0.8", lb)).toBe("10.0.0.8");
  });

  it("is null only when the peer is not an address", () => {
    expect(resolveClientAddress("", "1.1.1.1", lb)).toBeNull();
    expect(resolveClientAddress("nonsense", null, none)).toBeNull();
  });
});

describe("clientAddressFrom", () => {
  it("reads a Fetch Headers object", () => {
    expect(clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddressFrom(new Headers({ "X-Warden-Client-Address": "::ffff:203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("reads next-auth's plain header object (lower-case keys, or any case, or an array)", () => {
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: "2001:DB8::1" })).toBe("2001:db8::1");
    expect(clientAddressFrom({ "X-Warden-Client-Address": "198.51.100.1" })).toBe("198.51.100.1");
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: ["198.51.100.2", "6.6.6.6"] })).toBe("198.51.100.2");
  });

  it("never reads X-Forwarded-For or X-Real-IP", () => {
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" }))).toBeNull();
    expect(clientAddressFrom({ "x-forwarded-for": "6.6.6.6" })).toBeNull();
  });

  it("is null for missing, empty or malformed values", () => {
    expect(clientAddressFrom(undefined)).toBeNull();
    expect(clientAddressFrom(null)).toBeNull();
    expect(clientAddressFrom({})).toBeNull();
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: "" })).toBeNull();
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: [] })).toBeNull();
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: "not an address" })).toBeNull();
    expect(clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: "1.2.3.4, 5.6.7.8" }))).toBeNull();
  });
});
