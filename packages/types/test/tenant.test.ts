import { describe, expect, it } from "vitest";
import { normalizeHost, ZHostname } from "../src/tenant";

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
});
