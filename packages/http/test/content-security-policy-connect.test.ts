import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../src/index";

const NONCE = "0123456789abcdef0123456789abcdef";
const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe("the policy for connections (fetch, XHR)", () => {
  it("lets a website's map fetch its tile style from HTTPS hosts, plain http only on loopback under next dev", () => {
    expect(directive(contentSecurityPolicy({ app: "web", nonce: NONCE }), "connect-src")).toBe("connect-src 'self' https:");
    expect(directive(contentSecurityPolicy({ app: "web", nonce: NONCE, dev: true }), "connect-src")).toBe(
      "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
    );
  });

  it("keeps the CRM and the studio to their own origin (and Clerk's host when it signs in)", () => {
    for (const app of ["crm", "studio"] as const) {
      expect(directive(contentSecurityPolicy({ app, nonce: NONCE }), "connect-src"), app).toBe("connect-src 'self'");
      expect(directive(contentSecurityPolicy({ app, nonce: NONCE, dev: true }), "connect-src"), app).toBe("connect-src 'self'");
      expect(directive(contentSecurityPolicy({ app, nonce: NONCE, clerkFrontendApi: "clerk.example.com" }), "connect-src"), app).toBe(
        "connect-src 'self' https://clerk.example.com",
      );
    }
  });
});
