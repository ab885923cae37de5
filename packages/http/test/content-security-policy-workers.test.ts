import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../src/index";

const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe("the policy for web workers", () => {
  it("allows workers from the site's own origin only, in every app (the website's map runs one)", () => {
    for (const app of ["web", "crm", "studio"] as const) {
      const policy = contentSecurityPolicy({ app, nonce: "0123456789abcdef0123456789abcdef" });
      expect(directive(policy, "worker-src"), app).toBe("worker-src 'self'");
      // Nothing wider: no blob:, data: or other hosts for scripts that run as workers.
      expect(policy).not.toMatch(/worker-src[^;]*(blob:|data:|https:|\*)/);
    }
  });
});
