import { describe, expect, it } from "vitest";
import { checkDestinationUrl, ForbiddenDestinationError, isPublicAddress, resolveDestination } from "../../src/outbound";

describe("outbound destination guard", () => {
  it("tells public unicast addresses from the platform's own networks", () => {
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"]) expect(isPublicAddress(a), a).toBe(true);
    for (const a of [
      "127.0.0.1",
      "127.8.9.1",
      "10.0.0.1",
      "172.16.5.4",
      "172.31.255.255",
      "192.168.0.10",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fe80::1",
      "fc00::1",
      "fd12::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "not-an-ip",
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });

  it("refuses IPv4-compatible IPv6 (::/96) and the other special IPv6 blocks, literal or resolved", async () => {
    for (const a of [
      // IPv4-compatible (deprecated), however written
      "::7f00:1",
      "::127.0.0.1",
      "::a00:1",
      "::169.254.169.254",
      "::808:808",
      "::0.0.0.2",
      // site-local, discard, documentation, Teredo, ORCHID (v1, v2), benchmarking, multicast
      "fec0::1",
      "feff::1",
      "100::1",
      "2001:db8::1",
      "2001::1",
      "2001:0:7f00:1::1",
      "2001:10::1",
      "2001:20::1",
      "2001:2::1",
      "ff02::1",
      "ff0e::1",
      // IPv4-translated, NAT64, 6to4 (a 6to4 address carries an IPv4 address)
      "::ffff:0:7f00:1",
      "::ffff:0:808:808",
      "64:ff9b::7f00:1",
      "2002:7f00:1::1",
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    expect(checkDestinationUrl("http://[::127.0.0.1]/", [])).toMatch(/private/); // the URL parser writes it [::7f00:1]
    expect(checkDestinationUrl("http://[::7f00:1]:8080/x", [])).toMatch(/private/);
    expect(checkDestinationUrl("http://[::a9fe:a9fe]/latest/meta-data/", [])).toMatch(/private/);
    expect(checkDestinationUrl("http://[2001:4860:4860::8888]/", [])).toBeNull();
    const lookup = async () => [{ address: "::7f00:1", family: 6 }];
    await expect(resolveDestination(new URL("https://compat.example/"), { allowedHosts: [], lookup })).rejects.toBeInstanceOf(ForbiddenDestinationError);
  });

  it("checks URLs before any lookup: scheme, credentials, literal addresses, local names, the allow-list", () => {
    expect(checkDestinationUrl("https://hooks.example.com/x", [])).toBeNull();
    expect(checkDestinationUrl("http://93.184.216.34:8080/x", [])).toBeNull();
    expect(checkDestinationUrl("ftp://example.com/", [])).toMatch(/http/);
    expect(checkDestinationUrl("https://u:p@example.com/", [])).toMatch(/password/);
    expect(checkDestinationUrl("http://[::1]:3000/", [])).toMatch(/private/);
    expect(checkDestinationUrl("http://0x7f000001/", [])).toMatch(/private/); // the URL parser reads it as 127.0.0.1
    expect(checkDestinationUrl("http://2130706433/", [])).toMatch(/private/);
    expect(checkDestinationUrl("http://crm.localhost:3001/", [])).toMatch(/this machine/);
    // The same names written fully qualified (a trailing dot: the URL parser keeps it; resolvers read it as the same name).
    for (const url of [
      "http://localhost./",
      "http://LOCALHOST../x",
      "http://crm.localhost.:3001/",
      "http://printer.local./",
      "http://metadata.google.internal./",
    ])
      expect(checkDestinationUrl(url, []), url).toMatch(/this machine/);
    expect(checkDestinationUrl("not a url", [])).toBe("not a URL");
    // The URL parser drops tabs and line breaks and encodes spaces: the URL stored and shown would not be the one called.
    for (const url of [
      "https://example.com/\r\nX-Injected: 1",
      "https://exa\tmple.com/",
      "https://example.com/a b",
      "https://example.com/\u0085",
      "https://example.com/\u007f",
      // Unicode spaces, which the parser percent-encodes too.
      "https://example.com/a\u00a0b",
      "https://example.com/\u2028",
    ])
      expect(checkDestinationUrl(url, []), JSON.stringify(url)).toMatch(/spaces or control characters/);
    expect(checkDestinationUrl("https://example.com/a%20b?q=%0A", [])).toBeNull();
    expect(checkDestinationUrl("http://127.0.0.1:8027/hooks/a", ["127.0.0.1:8027"])).toBeNull();
    expect(checkDestinationUrl("http://127.0.0.1:8028/hooks/a", ["127.0.0.1:8027"])).toMatch(/private/);
    expect(checkDestinationUrl("http://127.0.0.1:9999/", ["127.0.0.1"])).toBeNull();
  });

  it("refuses a name when any address it resolves to is inside, and keeps the checked addresses", async () => {
    const lookup = async (host: string) =>
      ({
        "mixed.example": [
          { address: "93.184.216.34", family: 4 },
          { address: "10.0.0.2", family: 4 },
        ],
        "public.example": [{ address: "93.184.216.34", family: 4 }],
      })[host] ?? [];
    await expect(resolveDestination(new URL("https://mixed.example/"), { allowedHosts: [], lookup })).rejects.toBeInstanceOf(ForbiddenDestinationError);
    await expect(resolveDestination(new URL("https://public.example/"), { allowedHosts: [], lookup })).resolves.toEqual([
      { address: "93.184.216.34", family: 4 },
    ]);
    await expect(resolveDestination(new URL("https://nowhere.example/"), { allowedHosts: [], lookup })).rejects.toThrow(/cannot resolve/);
  });
});
