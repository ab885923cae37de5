import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../src/redirect/safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeRedirectPath("/leads?status=NEW#top")).toBe("/leads?status=NEW#top");
    expect(safeRedirectPath("/contacts/abc")).toBe("/contacts/abc");
  });

  const hostile = [
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "/%09/evil.example",
    "%2F%2Fevil.example",
    "/%252F%252Fevil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "HTTP://evil.example",
    "evil.example",
    " /x",
    "/x\u0000",
    "",
    "/%E0%A4%A",
    // Dot segments resolved away leave a path starting with `//`: another host to a browser.
    "/.//evil.example",
    "/..//evil.example",
    "/a/..//evil.example",
    "/a/b/../..//evil.example/x?y#z",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/./%2e//evil.example",
  ];
  for (const value of hostile) {
    it(`refuses ${JSON.stringify(value)}`, () => {
      expect(safeRedirectPath(value)).toBe("/");
      expect(safeRedirectPath(value, "/home")).toBe("/home");
    });
  }

  it("refuses what is not a string", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(["/a"])).toBe("/");
  });
});
