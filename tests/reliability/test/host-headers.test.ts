// Host header and proxy headers against web, CRM and studio: 0 pages of another tenant, 0
// absolute links or redirects to a foreign host, unknown hosts 404, sitemap and canonical URLs
// from the tenant's configuration only, x-middleware-subrequest bypasses nothing.
import { describe, expect, it } from "vitest";
import { absoluteHosts, allowedLinkHosts, hostCases } from "../src/hosts/host-combinations";
import { rawRequest, runPool } from "../src/http/raw-request";
import { allowedMarkers, leakedMarkers } from "../src/isolation/actors";
import { currentProfile } from "../src/profile";
import { recordFigures } from "../src/report/summary";
import { useSharedWorld } from "../src/world/shared-world";

const profile = currentProfile();
// The shared world's servers: this check only reads.
const { apps, world, origins } = useSharedWorld();
const servers = { origins };

describe("host header and proxy headers", () => {
  it(`serves ${profile.hostCombinations} header combinations per app without a foreign page or link`, async () => {
    const findings: string[] = [];
    let probes = 0;
    let leaks = 0;
    let fiveXx = 0;
    // The apps' cases interleaved, so the three servers work side by side.
    const perApp = apps.map((app, i) => hostCases(app, world, profile.hostCombinations, 4242 + i));
    const cases = Array.from({ length: profile.hostCombinations }, (_, k) => perApp.map((list) => list[k]!)).flat();
    await runPool(cases, 12, async (c) => {
      const app = c.app;
      probes++;
      const res = await rawRequest({ origin: servers.origins[app]!, method: "GET", path: c.path, headers: c.headers, timeoutMs: 30_000 }).catch((e: Error) => ({
        status: 0,
        body: e.message,
        headers: {} as Record<string, string>,
      }));
      const text = `${res.body}\n${res.headers.location ?? ""}`;
      const leaked = leakedMarkers(world, text, allowedMarkers(world, app, c.hostTenant, "anon"));
      if (leaked.length) {
        leaks++;
        findings.push(`leak ${leaked.join(",")}: ${c.label} -> ${res.status}`);
      }
      const allowed = allowedLinkHosts(app, c.hostTenant);
      const foreign = absoluteHosts(text).filter((h) => !allowed.has(h));
      if (foreign.length) findings.push(`foreign link ${foreign.join(",")}: ${c.label} -> ${res.status}`);
      if (res.status >= 500 || res.status === 0) {
        fiveXx++;
        findings.push(`status ${res.status}: ${c.label}`);
      }
      if (!c.hostTenant && app !== "studio" && res.status !== 404) findings.push(`unknown host not 404 (${res.status}): ${c.label}`);
    });
    const distinct = [...new Set(findings.map((f) => f.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id")))];
    recordFigures({
      check: "host / forwarded / x-tenant / subrequest headers",
      probes,
      leaks,
      fiveXx,
      failures: findings.length - leaks - fiveXx,
      note: distinct.slice(0, 8).join(" | ") || undefined,
    });
    expect(distinct.slice(0, 30)).toEqual([]);
  });

  it("builds sitemap and canonical URLs from the tenant's configuration, whatever the request's headers say", async () => {
    const headers = { host: `${world.a.webHost.toUpperCase()}:8080`, "x-forwarded-host": "evil.example", "x-forwarded-proto": "gopher" };
    const sitemap = await rawRequest({ origin: servers.origins.web!, method: "GET", path: "/sitemap.xml", headers });
    expect(sitemap.status).toBe(200);
    const locs = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!));
    expect(locs.length).toBeGreaterThan(2);
    expect([...new Set(locs.map((u) => u.host))]).toEqual([world.a.webHost]);
    const page = await rawRequest({ origin: servers.origins.web!, method: "GET", path: `/homes/${world.a.ids.listingKey![0]}`, headers });
    const canonical =
      /<link[^>]+rel="canonical"[^>]+href="([^"]+)"/.exec(page.body)?.[1] ?? /<link[^>]+href="([^"]+)"[^>]+rel="canonical"/.exec(page.body)?.[1];
    expect(canonical && new URL(canonical).host).toBe(world.a.webHost);
  });
});
