import { describe, expect, it } from "vitest";
import { resolveClientAddress } from "../src/client-address/resolve-client-address";
import { parseTrustSettings } from "../src/client-address/trust-proxy";
import { addressBucket, rateLimitKey } from "../src/rate-limit/rate-limit-key";

const resolve = (socket: string, headers: Record<string, string>, env: { TRUST_PROXY?: string; TRUST_PROXY_HEADER?: string } = {}) => {
  const { trust, header } = parseTrustSettings(env);
  return resolveClientAddress({ socketAddress: socket, headers, trust, header });
};

describe("client address", () => {
  it("is the socket's peer when no proxy is trusted, whatever the forwarding headers say", () => {
    expect(resolve("::ffff:203.0.113.9", { "x-forwarded-for": "1.2.3.4", forwarded: "for=5.6.7.8" })).toBe("203.0.113.9");
    expect(resolve("203.0.113.9", { "x-forwarded-for": "1.2.3.4" }, { TRUST_PROXY: "0" })).toBe("203.0.113.9");
  });

  it("walks back as many hops as TRUST_PROXY names, never further", () => {
    expect(resolve("10.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.7" }, { TRUST_PROXY: "1" })).toBe("198.51.100.7");
    expect(resolve("10.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" }, { TRUST_PROXY: "2" })).toBe("198.51.100.7");
    expect(resolve("10.0.0.1", {}, { TRUST_PROXY: "1" })).toBe("10.0.0.1");
  });

  it("trusts only the listed proxy addresses", () => {
    const env = { TRUST_PROXY: "loopback, 10.0.0.0/8" };
    expect(resolve("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.1.1.1" }, env)).toBe("198.51.100.7");
    expect(resolve("203.0.113.9", { "x-forwarded-for": "6.6.6.6" }, env)).toBe("203.0.113.9");
  });

  it("reads the Forwarded header only when told to", () => {
    const headers = { forwarded: 'for=6.6.6.6, for="[2001:db8::1]:4711";proto=https', "x-forwarded-for": "7.7.7.7" };
    expect(resolve("10.0.0.1", headers, { TRUST_PROXY: "1", TRUST_PROXY_HEADER: "forwarded" })).toBe("2001:db8::1");
    expect(resolve("10.0.0.1", headers, { TRUST_PROXY: "1" })).toBe("7.7.7.7");
  });

  it("stops at a hop that is not an address", () => {
    expect(resolve("10.0.0.1", { "x-forwarded-for": "evil, garbage" }, { TRUST_PROXY: "2" })).toBe("10.0.0.1");
  });

  it("refuses settings that would let a client choose", () => {
    expect(() => parseTrustSettings({ TRUST_PROXY: "true" })).toThrow(/every hop/);
    expect(() => parseTrustSettings({ TRUST_PROXY: "not-an-address" })).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustSettings({ TRUST_PROXY: "99" })).toThrow(/1-16/);
    expect(() => parseTrustSettings({ TRUST_PROXY_HEADER: "x-real-ip" })).toThrow(/TRUST_PROXY_HEADER/);
  });

  it("counts an IPv6 client by its /64", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe(addressBucket("2001:db8:1:2:bbbb::7"));
    expect(addressBucket("2001:db8:1:3::1")).not.toBe(addressBucket("2001:db8:1:2::1"));
    expect(rateLimitKey({ scope: "forms", tenantId: "t1", address: "::ffff:192.0.2.1" })).toBe("forms|t1|192.0.2.1");
  });
});
