import { describe, expect, it } from "vitest";
import { normalizeHost, tenantHostProblem, ZHostname } from "../src/tenant";

describe("normalizeHost", () => {
  it.each([
    ["Fairfield.LOCALHOST:3000", "fairfield.localhost"],
    ["fairfield.localhost.", "fairfield.localhost"],
    ["  www.example.com  ", "www.example.com"],
    ["localhost", "localhost"],
    ["[::1]:3000", "[::1]"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeHost(raw)).toBe(expected);
  });

  it.each(["", "a.com, b.com", "host:port", "bad_host.com", "-lead.com", "a..b", "ex ample.com", "a".repeat(64) + ".com"])("refuses %j", (raw) => {
    expect(normalizeHost(raw)).toBeNull();
  });

  it("ZHostname normalises valid names and rejects IP literals in brackets and junk", () => {
    expect(ZHostname.parse("WWW.Example.com.")).toBe("www.example.com");
    expect(ZHostname.safeParse("[::1]").success).toBe(false);
    expect(ZHostname.safeParse("not a host").success).toBe(false);
  });

  it.each(["10.0.0.1", "127.1", "192.168.0.1:8080", "[::1]", "[::ffff:10.0.0.1]", "host.123", "host.0x7f"])("ZHostname refuses the IP address %j", (raw) => {
    const result = ZHostname.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("an IP address cannot be a tenant's host");
  });

  it.each(["intranet", "localhost", "LOCALHOST.:3000"])("ZHostname refuses the single-label name %j", (raw) => {
    const result = ZHostname.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("is a single-label name");
  });

  it.each(["demo.localhost", "crm.fairfield.localhost", "www.example.com", "1st.example", "x1.example"])("ZHostname keeps %j", (raw) => {
    expect(ZHostname.parse(raw)).toBe(raw);
    expect(tenantHostProblem(raw)).toBeNull();
  });
});
