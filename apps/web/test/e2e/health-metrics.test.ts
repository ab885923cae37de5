import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { useE2e } from "../support/e2e-context";

const e2e = useE2e();
const { ff, sl, get, metricsPort } = e2e;
const PROMTOOL = ["/usr/bin/promtool", "/usr/local/bin/promtool"].find((p) => fs.existsSync(p));

/** The value of one series in Prometheus text, 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const scrape = async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();

describe("health and metrics of the website", () => {
  it("answers liveness and readiness on any host, before tenant resolution, revealing nothing", async () => {
    for (const host of [ff.host, "nobody.example"]) {
      const live = await get(host, "/healthz");
      expect([live.status, JSON.parse(live.body)]).toEqual([200, { status: "ok" }]);
      const ready = await get(host, "/readyz");
      // The database is reachable and has every migration this build expects.
      expect([ready.status, JSON.parse(ready.body)]).toEqual([200, { status: "ok" }]);
      expect(ready.headers["cache-control"]).toBe("no-store");
    }
  });

  it("counts requests by route template and status, never by the tenant or the raw path", async () => {
    const homeSeries = 'http_requests_total{route="/sites/[site]/homes/[listingKey]",status="200"}';
    const missingSeries = 'http_requests_total{route="/sites/[site]/[...missing]",status="404"}';
    const before = await scrape();
    // Every route of the build is there from the start, at zero or more.
    expect(before).toContain('http_requests_total{route="/api/lead",status="200"}');
    expect((await get(ff.host, `/homes/${ff.listingKeys[0]}`)).status).toBe(200);
    expect((await get(sl.host, `/homes/${sl.listingKeys[1]}`)).status).toBe(200);
    expect((await get(ff.host, "/no/such/page-quality")).status).toBe(404);
    const after = await scrape();
    expect(sample(after, homeSeries) - sample(before, homeSeries)).toBeGreaterThanOrEqual(2);
    expect(sample(after, missingSeries) - sample(before, missingSeries)).toBeGreaterThanOrEqual(1);
    for (const secret of [ff.tenantId, sl.tenantId, ff.listingKeys[0]!, "page-quality", "fairfield"]) expect(after).not.toContain(secret);
    if (PROMTOOL) {
      const check = spawnSync(PROMTOOL, ["check", "metrics"], { input: after, encoding: "utf8" });
      expect(`${check.stdout}${check.stderr}`).toBe("");
    }
  });

  it("keeps metrics off the public port", async () => {
    const res = await get(ff.host, "/metrics");
    expect(res.status).toBe(404);
    expect(res.body).not.toContain("http_requests_total");
  });
});
