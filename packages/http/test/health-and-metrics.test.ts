import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createHealthResponder } from "../src/health/health-endpoints";
import { createHttpMetrics, createMetricsRegistry, loadRouteMatcher } from "../src/metrics";
import { startMetricsServer, type MetricsServer } from "../src/metrics/metrics-server";

const PROMTOOL = ["/usr/bin/promtool", "/usr/local/bin/promtool"].find((p) => fs.existsSync(p));

function promtoolCheck(text: string): { ok: boolean; output: string } {
  const r = spawnSync(PROMTOOL!, ["check", "metrics"], { input: text, encoding: "utf8" });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** A build's manifests as Next.js writes them (`.next/routes-manifest.json`, `app-path-routes-manifest.json`), for the website's shape. */
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "routes-quality-"));
  fs.mkdirSync(path.join(dir, ".next"));
  const manifest = {
    staticRoutes: [
      { page: "/_not-found", regex: "^/_not\\-found(?:/)?$" },
      { page: "/api/lead", regex: "^/api/lead(?:/)?$" },
    ],
    dynamicRoutes: [
      { page: "/sites/[tenantId]", regex: "^/sites/([^/]+?)(?:/)?$" },
      { page: "/sites/[tenantId]/homes/[listingKey]", regex: "^/sites/([^/]+?)/homes/([^/]+?)(?:/)?$" },
      { page: "/sites/[tenantId]/[...missing]", regex: "^/sites/([^/]+?)/(.+?)(?:/)?$" },
    ],
  };
  fs.writeFileSync(path.join(dir, ".next", "routes-manifest.json"), JSON.stringify(manifest));
  const appPaths = {
    "/_not-found/page": "/_not-found",
    "/api/lead/route": "/api/lead",
    "/sites/[tenantId]/page": "/sites/[tenantId]",
    "/sites/[tenantId]/homes/[listingKey]/page": "/sites/[tenantId]/homes/[listingKey]",
    "/sites/[tenantId]/[...missing]/page": "/sites/[tenantId]/[...missing]",
  };
  fs.writeFileSync(path.join(dir, ".next", "app-path-routes-manifest.json"), JSON.stringify(appPaths));
  return dir;
}

const servers: MetricsServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe("route templates", () => {
  it("label a request by the route that served it, never by its raw path", () => {
    const routes = loadRouteMatcher({ dir: fakeBuild(), extraRoutes: ["/healthz"] });
    expect(routes.match("/sites/0192-tenant/homes/CT12345")).toBe("/sites/[tenantId]/homes/[listingKey]");
    expect(routes.match("/sites/0192-tenant")).toBe("/sites/[tenantId]");
    expect(routes.match("/sites/0192-tenant/anything/else")).toBe("/sites/[tenantId]/[...missing]");
    expect(routes.match("/api/lead")).toBe("/api/lead");
    expect(routes.match("/healthz")).toBe("/healthz");
    expect(routes.match("/_next/static/chunks/abc.js")).toBe("/_next/static");
    expect(routes.match("/wp-admin/setup.php")).toBe("unmatched");
    expect(routes.templates).not.toContain("/_not-found");
  });

  it("tell a route handler from a page, and from a path no route serves", () => {
    const routes = loadRouteMatcher({ dir: fakeBuild(), extraRoutes: ["/healthz"] });
    expect(["/api/lead", "/api/lead/", "/sites/t1/homes/CT1", "/sites/t1", "/api/other", "/healthz"].map((p) => [p, routes.routeHandler(p)])).toEqual([
      ["/api/lead", true],
      ["/api/lead/", true],
      ["/sites/t1/homes/CT1", false],
      ["/sites/t1", false],
      ["/api/other", false],
      ["/healthz", false],
    ]);
  });
});

describe("metrics", { timeout: 60_000 }, () => {
  it.skipIf(!PROMTOOL)("pass promtool, with every route at zero before the first request", async () => {
    const registry = createMetricsRegistry();
    const routes = loadRouteMatcher({ dir: fakeBuild() });
    const metrics = createHttpMetrics({ registry, routes: routes.templates });
    const before = await registry.metrics();
    expect(before).toContain('http_requests_total{route="/sites/[tenantId]/homes/[listingKey]",status="200"} 0');
    expect(before).toContain('http_request_duration_seconds_count{route="/api/lead",status="500"} 0');
    expect(before).not.toMatch(/^nodejs_active_handles_total/m);
    expect(promtoolCheck(before)).toEqual({ ok: true, output: "" });

    metrics.observe(routes.match("/sites/t1/homes/CT1"), 200, 0.02);
    metrics.observe(routes.match("/sites/t1/homes/CT2"), 200, 0.03);
    metrics.observe(routes.match("/nope/../etc"), 404, 0.001);
    const after = await registry.metrics();
    expect(after).toContain('http_requests_total{route="/sites/[tenantId]/homes/[listingKey]",status="200"} 2');
    expect(after).toContain('http_requests_total{route="unmatched",status="404"} 1');
    expect(after).not.toContain("CT1");
    expect(promtoolCheck(after)).toEqual({ ok: true, output: "" });
  });

  it("are served on the operator's listener with the health paths, and nothing else", async () => {
    const registry = createMetricsRegistry({ defaultMetrics: false });
    createHttpMetrics({ registry, routes: ["/"] });
    let ready = true;
    const logged: string[] = [];
    const health = createHealthResponder({
      ready: async () => (ready ? { ok: true } : { ok: false, reason: "database is 1 migration(s) behind" }),
      log: (l) => logged.push(l),
    });
    const server = await startMetricsServer({ port: 0, registry, health });
    servers.push(server);
    const base = `http://127.0.0.1:${server.port}`;
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await metrics.text()).toContain('http_requests_total{route="/",status="200"} 0');
    expect((await fetch(`${base}/other`)).status).toBe(404);

    const live = await fetch(`${base}/healthz`);
    expect([live.status, await live.json()]).toEqual([200, { status: "ok" }]);
    expect(live.headers.get("cache-control")).toBe("no-store");
    expect([(await fetch(`${base}/readyz`)).status]).toEqual([200]);
    ready = false;
    const notReady = await fetch(`${base}/readyz`);
    // The reason goes to the log, never to whoever asks.
    expect([notReady.status, await notReady.text()]).toEqual([503, '{"status":"unavailable"}']);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    ready = true;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(logged).toEqual(["[health] not ready: database is 1 migration(s) behind", "[health] ready"]);
    expect((await fetch(`${base}/readyz`, { method: "POST" })).status).toBe(405);
  });

  it("answer not ready when the check hangs", async () => {
    const health = createHealthResponder({ ready: () => new Promise(() => {}), timeoutMs: 50, log: () => {} });
    const server = http.createServer((req, res) => {
      if (!health(req, res, new URL(req.url ?? "/", "http://x").pathname)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(res.status).toBe(503);
    server.close();
  });
});
