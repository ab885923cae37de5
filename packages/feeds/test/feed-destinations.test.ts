// Server-side request forgery: a feed's service root and token URL never reach this machine or its
// networks unless an operator allowed the host (FEED_ALLOWED_HOSTS), neither when saved nor when
// called, whatever a name resolves to by then; a redirect is never followed.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture } from "@real-estate/db/testing";
import { useTestDatabase } from "@real-estate/db/testing";
import type { ResoServer } from "@real-estate/demo/reso-server";
import { failure } from "@real-estate/types/testing";
import { createFeed, FeedInputError, getFeed, syncFeed, testFeedConnection, updateFeed, type FeedInput } from "../src";
import { CLIENT, createFeedFixture, FAST_CLIENT, startTestResoServer } from "./support/feed-fixtures";

const testDb = useTestDatabase("feeds_destinations");
let server: ResoServer;
/** Another service on this machine: what an attacker would like the feed client to read. */
let other: http.Server;
let otherHits = 0;
let otherOrigin: string;

type Lookup = (hostname: string) => Promise<{ address: string; family: number }[]>;
const resolvesTo =
  (address: string): Lookup =>
  async () => [{ address, family: address.includes(":") ? 6 : 4 }];

beforeAll(async () => {
  server = await startTestResoServer({ count: 30 });
  other = http.createServer((req, res) => {
    otherHits++;
    req.resume();
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ access_token: "internal-secret-token", value: [{ ListingKey: "INTERNAL" }] }));
  });
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => other.close(resolve));
});

function input(overrides: { baseUrl?: string; tokenUrl?: string } = {}): FeedInput {
  return {
    name: `MLS ${Math.random().toString(36).slice(2, 8)}`,
    baseUrl: server.serviceRoot,
    authKind: "client_credentials",
    tokenUrl: server.tokenUrl,
    clientId: CLIENT.clientId,
    secret: CLIENT.clientSecret,
    ...overrides,
  } as FeedInput;
}

async function refusal(promise: Promise<unknown>): Promise<Record<string, string>> {
  return (await failure(promise, FeedInputError)).fields;
}

describe("saving a feed", () => {
  it("refuses a service root or token URL on this machine or its networks, and stores nothing", async () => {
    const { db } = testDb();
    const { tenantId } = await createTenantFixture(db, { slug: "dest-save-a" });
    const refused: [{ baseUrl?: string; tokenUrl?: string }, "baseUrl" | "tokenUrl", (Lookup | undefined)?][] = [
      // Another port of the allowed stand-in's host: the allow-list names host:port.
      [{ baseUrl: `${otherOrigin}/odata` }, "baseUrl"],
      [{ baseUrl: "https://10.1.2.3/reso/odata" }, "baseUrl"],
      [{ baseUrl: "https://169.254.169.254/latest/meta-data" }, "baseUrl"],
      [{ baseUrl: "https://localhost./odata" }, "baseUrl"],
      [{ baseUrl: "https://[::1]:8443/odata" }, "baseUrl"],
      [{ baseUrl: "https://[::ffff:127.0.0.1]/odata" }, "baseUrl"],
      [{ baseUrl: "https://mls.example/odata" }, "baseUrl", resolvesTo("127.0.0.1")],
      [{ baseUrl: "https://mls.example/odata" }, "baseUrl", resolvesTo("10.0.0.7")],
      [{ tokenUrl: "https://10.1.2.3/token" }, "tokenUrl"],
      [{ tokenUrl: `${otherOrigin}/token` }, "tokenUrl"],
      [{ tokenUrl: "https://auth.example/token" }, "tokenUrl", resolvesTo("169.254.169.254")],
      // http only for an allowed host.
      [{ baseUrl: "http://mls.example/odata" }, "baseUrl", resolvesTo("93.184.216.34")],
    ];
    for (const [overrides, field, lookup] of refused) {
      const fields = await refusal(createFeed({ tenantId, db, input: input(overrides), destinations: { lookup } }));
      expect(fields[field], JSON.stringify(overrides)).toMatch(/not allowed|https/);
    }
    expect((await refusal(createFeed({ tenantId, db, input: input({ baseUrl: "https://10.1.2.3/odata" }) }))).baseUrl).toMatch(/FEED_ALLOWED_HOSTS/);
    expect(await db.feed.count({ where: { tenantId } })).toBe(0);
    expect(otherHits).toBe(0);

    // A public name, and the allowed stand-in, are saved.
    await createFeed({
      tenantId,
      db,
      input: input({ baseUrl: "https://mls.example/odata", tokenUrl: "https://auth.example/token" }),
      destinations: { lookup: resolvesTo("93.184.216.34") },
    });
    await createFeed({ tenantId, db, input: input() });
    expect(await db.feed.count({ where: { tenantId } })).toBe(2);
  });

  it("refuses an edit that points a tenant's feed inward, and leaves the feed and the other tenant's as they were", async () => {
    const { db } = testDb();
    const a = await createFeedFixture(db, server, { slug: "dest-edit-a" });
    const b = await createFeedFixture(db, server, { slug: "dest-edit-b" });
    const fields = await refusal(
      updateFeed({ tenantId: a.tenantId, feedId: a.feedId, db, input: input({ baseUrl: "https://169.254.169.254/odata", tokenUrl: "https://[::1]/token" }) }),
    );
    expect(Object.keys(fields).sort()).toEqual(["baseUrl", "tokenUrl"]);
    await refusal(
      updateFeed({
        tenantId: a.tenantId,
        feedId: a.feedId,
        db,
        input: input({ baseUrl: "https://mls.example/odata" }),
        destinations: { lookup: resolvesTo("::1") },
      }),
    );
    for (const { tenantId, feedId } of [a, b]) {
      expect(await getFeed({ tenantId, feedId, db })).toMatchObject({ baseUrl: server.serviceRoot, tokenUrl: server.tokenUrl });
    }
  });
});

describe("calling a feed", () => {
  it("refuses a name that resolves to this machine by the time of the run, before any request", async () => {
    const { db } = testDb();
    const port = new URL(server.serviceRoot).port;
    // Saved while mls.example resolved to a public address (http: an operator allowed it then);
    // it now resolves to this machine.
    const { tenantId } = await createTenantFixture(db, { slug: "dest-flip" });
    const feed = await createFeed({
      tenantId,
      db,
      input: input({ baseUrl: `http://mls.example:${port}/odata`, tokenUrl: `http://mls.example:${port}/token` }),
      destinations: { lookup: resolvesTo("93.184.216.34"), allowedHosts: ["mls.example:1"] },
    }).catch(() => null);
    expect(feed).toBeNull(); // http needs the allow-list entry for this very port
    const saved = await createFeed({
      tenantId,
      db,
      input: input({ baseUrl: `https://mls.example:${port}/odata`, tokenUrl: `https://mls.example:${port}/token` }),
      destinations: { lookup: resolvesTo("93.184.216.34") },
    });
    const before = server.stats.tokenRequests + server.stats.odataRequests;
    const result = await syncFeed({ tenantId, feedId: saved.id, db, client: { ...FAST_CLIENT, lookup: resolvesTo("127.0.0.1") } });
    expect(result).toMatchObject({ outcome: "failed", paused: true });
    expect(result.error).toMatch(/refused destination mls\.example:\d+: resolves to a private, loopback or link-local address/);
    expect(server.stats.tokenRequests + server.stats.odataRequests).toBe(before);
    const runs = await db.feedRun.findMany({ where: { tenantId, feedId: saved.id } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "failed", error: expect.stringMatching(/refused destination/) });

    // Over http, with the name allowed by host:port, it reaches the stand-in (on the checked address).
    await db.feed.update({
      where: { tenantId_id: { tenantId, id: saved.id } },
      data: { baseUrl: `http://mls.example:${port}/odata`, tokenUrl: `http://mls.example:${port}/token`, status: "active" },
    });
    const allowed = await syncFeed({
      tenantId,
      feedId: saved.id,
      db,
      client: { ...FAST_CLIENT, lookup: resolvesTo("127.0.0.1"), allowedHosts: [`mls.example:${port}`] },
    });
    expect(allowed).toMatchObject({ outcome: "succeeded", upserted: 30 });
  });

  it("fails the run of a feed stored before the check, with the reason in its run history; the service is never called", async () => {
    const { db } = testDb();
    const a = await createFeedFixture(db, server, { slug: "dest-old-a" });
    const b = await createFeedFixture(db, server, { slug: "dest-old-b" });
    // Stored by an earlier version: a token URL and a service root on another local service.
    await db.feed.update({ where: { tenantId_id: { tenantId: a.tenantId, id: a.feedId } }, data: { tokenUrl: `${otherOrigin}/token` } });
    await db.feed.update({ where: { tenantId_id: { tenantId: b.tenantId, id: b.feedId } }, data: { baseUrl: `${otherOrigin}/odata` } });
    for (const { tenantId, feedId } of [a, b]) {
      const result = await syncFeed({ tenantId, feedId, db, client: FAST_CLIENT });
      expect(result).toMatchObject({ outcome: "failed", paused: true });
      expect(result.error).toMatch(/refused destination 127\.0\.0\.1:\d+: a private, loopback or link-local address/);
      expect(result.error).toMatch(/FEED_ALLOWED_HOSTS/);
      const runs = await db.feedRun.findMany({ where: { tenantId, feedId } });
      expect(runs.map((r) => r.status)).toEqual(["failed"]);
      expect(runs[0]!.error).toMatch(/refused destination/);
      expect(await getFeed({ tenantId, feedId, db })).toMatchObject({ status: "paused", lastError: expect.stringMatching(/refused destination/) });
      // "Test connection" shows the refusal, not the other service's answer.
      const tested = await testFeedConnection({ tenantId, feedId, db });
      expect(tested).toMatchObject({ ok: false, error: expect.stringMatching(/refused destination/) });
      expect(JSON.stringify(tested)).not.toContain("INTERNAL");
    }
    expect(otherHits).toBe(0);
    expect(await db.listing.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } })).toBe(0);
  });

  it("does not follow a redirect, to this machine or anywhere", async () => {
    const { db } = testDb();
    const redirecting = http.createServer((req, res) => {
      req.resume();
      res.writeHead(307, { location: `${otherOrigin}${req.url}` }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, "127.0.0.1", resolve));
    try {
      const port = (redirecting.address() as AddressInfo).port;
      const { tenantId } = await createTenantFixture(db, { slug: "dest-redirect" });
      const feed = await createFeed({
        tenantId,
        db,
        input: input({ baseUrl: `http://127.0.0.1:${port}/odata`, tokenUrl: `http://127.0.0.1:${port}/token` }),
        destinations: { allowedHosts: [`127.0.0.1:${port}`] },
      });
      const result = await syncFeed({ tenantId, feedId: feed.id, db, client: { ...FAST_CLIENT, allowedHosts: [`127.0.0.1:${port}`] } });
      expect(result).toMatchObject({ outcome: "failed" });
      expect(result.error).toMatch(/answered 307: a redirect, not followed/);
      expect(otherHits).toBe(0);
    } finally {
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });

  it("still reaches the allowed stand-in end to end", async () => {
    const { db } = testDb();
    const { tenantId, feedId } = await createFeedFixture(db, server, { slug: "dest-allowed" });
    expect(process.env.FEED_ALLOWED_HOSTS).toBe(new URL(server.serviceRoot).host);
    expect(await syncFeed({ tenantId, feedId, db, client: FAST_CLIENT })).toMatchObject({ outcome: "succeeded", upserted: 30 });
    expect(await testFeedConnection({ tenantId, feedId, db })).toMatchObject({ ok: true });
  });
});
