// Walk Score and Google Places answered by a hostile server: every call ends by its deadline with
// null (the module falls back to the area's own content), whatever the server sends or withholds.
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { resetWebEnvForTests } from "@/lib/env";
import { loadAreaModules } from "@/lib/providers/area-modules";
import { getPlaceDetails, searchNearbyPlaces } from "@/lib/providers/google-places-client";
import { fetchJson } from "@/lib/providers/http-json";
import { fetchWalkScore } from "@/lib/providers/walk-score-client";
import { FAIRFIELD_AREA, townModules } from "./support/area-modules-fixture";
import { createWebTenant, FAIRFIELD } from "./support/web-fixtures";

const SCORES = JSON.stringify({ status: 1, walkscore: 88, description: "Very Walkable", ws_link: "https://www.walkscore.com/score/x" });
const testDb = useTestDatabase("web_providers_hostile");
const timers = new Set<NodeJS.Timeout>();
/** When set, every request gets this answer whatever it asks. */
let forced: string | null = null;
let server: http.Server;
let base: string;

/** What the hostile server does, chosen by the request's path (or the Walk Score address). */
function answer(mode: string, res: http.ServerResponse) {
  if (mode === "trickle") {
    // Valid JSON one byte every 200 ms: the socket is never idle for the timeout.
    res.writeHead(200, { "content-type": "application/json" });
    let i = 0;
    const t = setInterval(() => (i < SCORES.length ? res.write(SCORES[i++]!) : (clearInterval(t), res.end())), 200);
    timers.add(t);
  } else if (mode === "endless") {
    // More than the cap, as fast as the client reads, and never an end.
    res.writeHead(200, { "content-type": "application/json" });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const more = () => {
      while (res.write(chunk));
    };
    res.on("drain", more);
    res.write("[");
    more();
  } else if (mode === "large") {
    // 2 MB of valid JSON, then the end.
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...JSON.parse(SCORES), pad: "x".repeat(2_000_000) }));
  } else if (mode === "gzip") {
    // A gzip bomb: a few KB on the wire, 50 MB once undone.
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(zlib.gzipSync(Buffer.alloc(50_000_000, 0x20)));
  } else if (mode === "silent") {
    // Accepts the request and never answers.
  } else {
    res.writeHead(200, { "content-type": "application/json" }).end(SCORES);
  }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    const url = new URL(req.url ?? "/", "http://x");
    // Places search (a fixed path) trickles; details take the mode from the place id.
    const last = url.pathname.split("/").pop() ?? "";
    answer(forced ?? url.searchParams.get("address") ?? (last === "places:searchNearby" ? "trickle" : last), res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.WALKSCORE_BASE_URL = base;
  process.env.GOOGLE_PLACES_BASE_URL = base;
  process.env.PROVIDER_TIMEOUT_MS = "1000";
  resetWebEnvForTests();
});
afterAll(async () => {
  for (const t of timers) clearInterval(t);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The call's result and how long it took; "pending" when it has not settled after `waitMs`. */
async function within<T>(call: Promise<T>, waitMs: number): Promise<{ result: T | "pending"; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([call, new Promise<"pending">((r) => (timer = setTimeout(() => r("pending"), waitMs)))]);
  clearTimeout(timer);
  return { result, ms: performance.now() - started };
}

const walkScore = (address: string, timeoutMs = 1000) => fetchWalkScore({ baseUrl: base, apiKey: "k", latitude: 41.1, longitude: -73.2, address, timeoutMs });

describe("provider calls against a hostile server", () => {
  it("an honest answer is read (the server under test answers normally too)", async () => {
    expect((await within(walkScore("plain"), 5000)).result).toMatchObject({ walk: 88 });
  });

  it("a body trickling a byte every 200 ms ends at the call's deadline, not when the server stops", async () => {
    // The whole answer takes about 20 s; the socket is never idle for 1 s.
    const { result, ms } = await within(walkScore("trickle", 1000), 8000);
    expect(result).toBeNull();
    expect(ms).toBeLessThan(3000);
  });

  it("a server that never answers ends at the deadline", async () => {
    const { result, ms } = await within(walkScore("silent", 1000), 8000);
    expect(result).toBeNull();
    expect(ms).toBeLessThan(3000);
  });

  it("an endless body is cut at the size cap and resolves null", async () => {
    const { result, ms } = await within(walkScore("endless", 5000), 8000);
    expect(result).toBeNull();
    expect(ms).toBeLessThan(4000);
  });

  it("a complete answer over the cap resolves null, and the next call still works", async () => {
    expect((await within(walkScore("large", 5000), 8000)).result).toBeNull();
    expect((await within(walkScore("plain"), 5000)).result).toMatchObject({ walk: 88 });
  });

  it("a gzip bomb is not undone (no compression is asked for): null, quickly", async () => {
    const { result, ms } = await within(fetchJson(`${base}/gzip`, { method: "GET", timeoutMs: 5000 }), 8000);
    expect(result).toBeNull();
    expect(ms).toBeLessThan(4000);
  });

  it("Places search and details degrade the same way", async () => {
    const search = within(searchNearbyPlaces({ baseUrl: base, apiKey: "k", latitude: 1, longitude: 1, includedTypes: ["park"], timeoutMs: 1000 }), 8000);
    const details = within(getPlaceDetails({ baseUrl: base, apiKey: "k", placeId: "endless", timeoutMs: 1000 }), 8000);
    for (const { result, ms } of await Promise.all([search, details])) {
      expect(result).toBeNull();
      expect(ms).toBeLessThan(3000);
    }
  });
});

describe("a town page's area modules against a trickling provider", () => {
  it("show the area's own values by the deadline (the page renders), and nothing is cached", async () => {
    const { db } = testDb();
    const tenant = await createWebTenant(db, FAIRFIELD, { listingsPerTown: 1 });
    await db.websiteConfig.update({ where: { tenantId: tenant.tenantId }, data: { walkScoreApiKey: "ws-key", googlePlacesApiKey: "gp-key" } });
    forced = "trickle";
    try {
      const area = FAIRFIELD_AREA;
      const modules = townModules("walk-score", "nearby-places");
      const started = performance.now();
      const views = await loadAreaModules({ tenantId: tenant.tenantId, area, modules });
      expect(performance.now() - started).toBeLessThan(4_000);
      expect(views[0]).toMatchObject({ walkScore: { source: "sample", scores: { walk: 62 } } });
      expect(views[1]).toMatchObject({ places: { source: "sample" } });
      expect(await db.providerCacheEntry.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
    } finally {
      forced = null;
    }
  });
});
