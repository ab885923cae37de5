// The production profile's page cache: nginx in front of two website instances. Pages are cached
// per host and URL, personal requests are not, a studio change is visible within 5 s, and a
// killed instance is taken out without losing a request.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { notifySiteChange, SECOND_REVALIDATION_MS } from "@real-estate/sites";
import { nginxAvailable, startEdge, type Edge } from "../src";
import { httpRequest, REPO_DIR, snapshotWebBuild, startInstance, type AppInstance } from "./support/web-instances";

const EDGE_PORT = 8710;
const WEB_PORTS = [3710, 3711];

let testDb: TestDatabase;
let edge: Edge;
let buildDir: string;
let prefix: string;
const instances: AppInstance[] = [];
const token = crypto.randomBytes(32).toString("base64url");
let a: { tenantId: string; host: string };
let b: { tenantId: string; host: string };

const page = (host: string, pathName = "/", headers: Record<string, string> = {}) => httpRequest(EDGE_PORT, host, pathName, { headers });
/** Answered from the cache: fresh (HIT), or expired and being refreshed in the background (STALE, UPDATING: stale-while-revalidate). */
const FROM_CACHE = ["HIT", "STALE", "UPDATING"];
const headline = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? "";

/** Every running instance revalidates the tenant's pages; the answers' statuses. */
async function revalidateInstances(tenantId: string): Promise<number[]> {
  const statuses: number[] = [];
  for (const instance of instances.filter((i) => i.child.exitCode === null && i.child.signalCode === null)) {
    const res = await httpRequest(instance.port, "127.0.0.1", "/api/internal/revalidate", {
      method: "POST",
      headers: { "content-type": "application/json", "x-internal-token": token },
      body: JSON.stringify({ tenantId }),
    });
    statuses.push(res.status);
  }
  return statuses;
}

/**
 * What the studio does after saving a change (apps/studio/lib/revalidate-web.ts): every instance
 * revalidates, the change is announced, and every instance revalidates once more a second later.
 */
async function studioChanged(tenantId: string): Promise<void> {
  for (const status of await revalidateInstances(tenantId)) expect(status).toBe(200);
  await notifySiteChange({ tenantId, db: testDb.db });
  setTimeout(() => void revalidateInstances(tenantId).catch(() => {}), SECOND_REVALIDATION_MS);
}

// Without nginx (a developer machine that has none) the suite is skipped; CI installs it (.ci/run) and never skips.
describe.skipIf(!nginxAvailable() && !process.env.CI)("edge cache (nginx) in front of two website instances", () => {
  beforeAll(async () => {
    testDb = await createTestDatabase("edge_cache");
    const ta = await createTenantFixture(testDb.db, { slug: "edge-a", name: "Edge A Realty", webHosts: ["edge-a.localhost"] });
    const tb = await createTenantFixture(testDb.db, { slug: "edge-b", name: "Edge B Homes", webHosts: ["edge-b.localhost"] });
    await testDb.db.websiteConfig.update({ where: { tenantId: ta.tenantId }, data: { heroHeadline: "Homes by A, first edition" } });
    await testDb.db.websiteConfig.update({ where: { tenantId: tb.tenantId }, data: { heroHeadline: "Homes by B" } });
    a = { tenantId: ta.tenantId, host: ta.webHost };
    b = { tenantId: tb.tenantId, host: tb.webHost };
    buildDir = snapshotWebBuild("edge");
    const env = {
      DATABASE_URL: testDb.url,
      INTERNAL_API_TOKEN: token,
      EDGE_CACHE_TAGS: "1",
      TRUST_PROXY: "loopback",
      WEB_FORM_MIN_FILL_MS: "0",
      WEB_RATE_LIMIT_PER_MINUTE: "1000",
    };
    for (const port of WEB_PORTS) instances.push(await startInstance({ dir: buildDir, port, env }));
    prefix = fs.mkdtempSync(path.join(os.tmpdir(), "edge-cache-test-"));
    edge = await startEdge({
      databaseUrl: testDb.url,
      config: { prefix, cacheDir: path.join(prefix, "cache"), webPort: EDGE_PORT, webUpstreams: WEB_PORTS, workers: 1 },
    });
  });

  afterAll(async () => {
    // Each server's output, for a failure's story.
    const logDir = path.join(REPO_DIR, "test-artifacts", "edge");
    fs.mkdirSync(logDir, { recursive: true });
    for (const i of instances) fs.writeFileSync(path.join(logDir, `web-${i.port}.log`), i.logs());
    if (edge) fs.writeFileSync(path.join(logDir, "nginx-error.log"), edge.nginx.errors());
    await edge?.stop();
    for (const i of instances) await i.stop();
    if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
    if (prefix) fs.rmSync(prefix, { recursive: true, force: true });
    await testDb?.drop();
  });

  it("caches a page per host and URL, and never shows the tenant tag", async () => {
    const first = await page(a.host);
    expect(first.status).toBe(200);
    expect(headline(first.body)).toBe("Homes by A, first edition");
    expect(first.headers["cache-control"]).toMatch(/s-maxage=\d+/);
    const second = await page(a.host);
    expect(FROM_CACHE).toContain(second.headers["x-cache-status"]);
    expect(second.body).toBe(first.body);
    expect(second.headers["x-cache-tenant"]).toBeUndefined();
    // Same URL, other host: the other tenant's own page, not A's cached one.
    const other = await page(b.host);
    expect(headline(other.body)).toBe("Homes by B");
    expect(FROM_CACHE).toContain((await page(b.host)).headers["x-cache-status"]);
  });

  it("never stores one tenant's page under another's host through a request target naming that host", async () => {
    // A's Host header (the app renders A's page), B's host in an absolute-form target (nginx's $host).
    const confused = await httpRequest(EDGE_PORT, a.host, `http://${b.host}/?via=target`);
    const bPage = await page(b.host, "/?via=target");
    expect(headline(bPage.body)).toBe("Homes by B");
    expect(confused.status).toBe(400);
    expect(confused.body).not.toContain("Homes by A");
  });

  it("never serves or stores personal responses: signed-in visitors, APIs, forms", async () => {
    await page(a.host);
    const signedIn = await page(a.host, "/", { cookie: "visitor_session=abc; theme=dark" });
    expect(signedIn.headers["x-cache-status"]).toBe("BYPASS");
    expect((await page(a.host, "/", { cookie: "visitor_signed_in=1" })).headers["x-cache-status"]).toBe("BYPASS");
    // Other cookies do not make a page personal.
    expect(FROM_CACHE).toContain((await page(a.host, "/", { cookie: "theme=dark" })).headers["x-cache-status"]);
    // The visitor API answers from the app every time (no cache status at all: not a cached location).
    for (let i = 0; i < 2; i++) {
      const me = await page(a.host, "/api/user/profile");
      expect(me.headers["x-cache-status"]).toBeUndefined();
      expect(me.status).toBe(401);
    }
    // A form post goes to the app and is stored each time.
    const eventIds = [crypto.randomUUID(), crypto.randomUUID()];
    for (const eventId of eventIds) {
      // As a browser sends it from the page on the edge's port: Host and Origin both name the port.
      const res = await httpRequest(EDGE_PORT, `${a.host}:${EDGE_PORT}`, "/api/lead", {
        method: "POST",
        headers: { "content-type": "application/json", origin: `http://${a.host}:${EDGE_PORT}` },
        body: JSON.stringify({ eventId, name: "Ann Buyer", email: "ann@example.com", message: "Hello" }),
      });
      expect(res.status).toBe(202);
      expect(res.headers["x-cache-status"]).toBeUndefined();
    }
    const jobs = await testDb.db.ingestionJob.findMany({ where: { tenantId: a.tenantId, eventId: { in: eventIds } } });
    expect(jobs).toHaveLength(2);
  });

  it("shows a studio change within 5 s and never the old page after it; the other tenant keeps its cache", async () => {
    // Both pages cached.
    await page(a.host);
    expect(FROM_CACHE).toContain((await page(a.host)).headers["x-cache-status"]);
    await page(b.host);
    expect(FROM_CACHE).toContain((await page(b.host)).headers["x-cache-status"]);
    await testDb.db.websiteConfig.update({ where: { tenantId: a.tenantId }, data: { heroHeadline: "Homes by A, second edition" } });
    const changedAt = Date.now();
    await studioChanged(a.tenantId);
    let firstFresh: number | null = null;
    const seen: { at: number; headline: string }[] = [];
    while (Date.now() - changedAt < 8_000) {
      const res = await page(a.host);
      const h = headline(res.body);
      seen.push({ at: Date.now() - changedAt, headline: h });
      if (h === "Homes by A, second edition" && firstFresh === null) firstFresh = Date.now() - changedAt;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(firstFresh).not.toBeNull();
    expect(firstFresh!).toBeLessThanOrEqual(5_000);
    // Nothing old after the first fresh page, and nothing old later than 5 s after the change.
    const afterFresh = seen.filter((s) => s.at >= firstFresh!);
    expect(afterFresh.filter((s) => s.headline !== "Homes by A, second edition")).toEqual([]);
    expect(seen.filter((s) => s.at > 5_000 && s.headline !== "Homes by A, second edition")).toEqual([]);
    // Tenant B was not purged: its entry is still there (a purged entry is a MISS). Cached more
    // than 5 s ago, it may have expired: then this request fetches it again (EXPIRED).
    const bPage = await page(b.host);
    expect(headline(bPage.body)).toBe("Homes by B");
    expect([...FROM_CACHE, "EXPIRED"]).toContain(bPage.headers["x-cache-status"]);
  });

  it("takes a killed instance out: every page and form post is still answered, nothing lost", async () => {
    await instances[0]!.kill();
    const eventIds = Array.from({ length: 12 }, () => crypto.randomUUID());
    for (const [i, eventId] of eventIds.entries()) {
      // As a browser sends it from the page on the edge's port: Host and Origin both name the port.
      const res = await httpRequest(EDGE_PORT, `${b.host}:${EDGE_PORT}`, "/api/lead", {
        method: "POST",
        headers: { "content-type": "application/json", origin: `http://${b.host}:${EDGE_PORT}` },
        body: JSON.stringify({ eventId, name: "Bo Buyer", email: `bo${i}@example.com`, message: "Hi" }),
      });
      expect(res.status).toBe(202);
      // Uncached pages too (a new URL each time goes to the app).
      const fresh = await page(b.host, `/?v=${i}`);
      expect(fresh.status).toBe(200);
    }
    const jobs = await testDb.db.ingestionJob.count({ where: { tenantId: b.tenantId, eventId: { in: eventIds } } });
    expect(jobs).toBe(eventIds.length);
  });
});
