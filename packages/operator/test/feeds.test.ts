import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { failure } from "@real-estate/types/testing";
import { addTenantFeed, editTenantFeed, listOperatorActions, listTenantFeeds, requestTenantFeedRun, StudioError, testTenantFeed } from "../src";

const testDb = useTestDatabase("studio_feeds");
const actor = { userId: "op-1", email: "operator@platform.example" };

beforeAll(() => {
  // This run's own key for sealing feed secrets (never a constant, never the data folder's).
  process.env.FEED_CREDENTIALS_KEY = crypto.randomBytes(32).toString("base64");
});

const SECRET = "s3cret-client-secret-9876";
const input = (over: Record<string, unknown> = {}) => ({
  name: "Coast MLS",
  baseUrl: "https://api.mls.example/reso/odata",
  authKind: "client_credentials",
  tokenUrl: "https://api.mls.example/oauth/token",
  clientId: "client-1",
  secret: SECRET,
  disclaimer: "Deemed reliable, not guaranteed.",
  ...over,
});

describe("studio MLS feeds", () => {
  it("adds a feed with its secret sealed, audits it without the secret, and refuses bad settings with nothing stored", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "feeds-a" });
    const feed = await addTenantFeed({ tenantId: t.tenantId, actor, input: input(), db });
    expect(feed).toMatchObject({ name: "Coast MLS", authKind: "client_credentials", clientId: "client-1", status: "active" });
    expect(JSON.stringify(feed)).not.toContain(SECRET);
    const stored = await db.feed.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenantId, id: feed.id } },
      select: { secretCiphertext: true, secretHint: true },
    });
    expect(stored.secretCiphertext).not.toContain(SECRET);
    expect(SECRET.endsWith(stored.secretHint.replace(/^\W+/, ""))).toBe(true);
    const [audit] = (await listOperatorActions({ tenantId: t.tenantId, limit: 1 })).rows;
    expect(audit).toMatchObject({ action: "feed.add", actorEmail: actor.email });
    expect(JSON.stringify(audit)).not.toContain(SECRET);

    const bad = await failure(
      addTenantFeed({ tenantId: t.tenantId, actor, input: input({ name: "Plain", baseUrl: "http://mls.example/odata", secret: "" }), db }),
      StudioError,
    );
    expect([bad.status, Object.keys(bad.fields ?? {}).sort()]).toEqual([422, ["baseUrl"]]);
    // Not URLs at all: a field error each (never an exception from the URL check).
    const notUrls = await failure(
      addTenantFeed({ tenantId: t.tenantId, actor, input: input({ name: "Typo", baseUrl: "mls odata", tokenUrl: "not a url" }), db }),
      StudioError,
    );
    expect([notUrls.status, Object.keys(notUrls.fields ?? {}).sort()]).toEqual([422, ["baseUrl", "tokenUrl"]]);
    // This machine and its networks (cloud metadata, loopback): refused with the reason, nothing stored.
    const inward = await failure(
      addTenantFeed({
        tenantId: t.tenantId,
        actor,
        input: input({ name: "Inward", baseUrl: "https://169.254.169.254/latest", tokenUrl: "http://127.0.0.1:8443/token" }),
        db,
      }),
      StudioError,
    );
    expect(inward.status).toBe(422);
    expect(inward.fields).toEqual({
      baseUrl: [expect.stringMatching(/^not allowed: a private, loopback or link-local address \(.*FEED_ALLOWED_HOSTS\)$/)],
      tokenUrl: [expect.stringMatching(/^not allowed: a private, loopback or link-local address/)],
    });
    const noSecret = await failure(addTenantFeed({ tenantId: t.tenantId, actor, input: input({ name: "No secret", secret: undefined }), db }), StudioError);
    expect([noSecret.status, Object.keys(noSecret.fields ?? {})]).toEqual([422, ["secret"]]);
    const twice = await failure(addTenantFeed({ tenantId: t.tenantId, actor, input: input(), db }), StudioError);
    expect(twice.status).toBe(409);
    expect(await db.feed.count({ where: { tenantId: t.tenantId } })).toBe(1);
  });

  it("edits keeping the stored secret, asks for runs, and treats another tenant's feed as missing", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "feeds-b" });
    const b = await createTenantFixture(db, { slug: "feeds-c" });
    const feed = await addTenantFeed({ tenantId: a.tenantId, actor, input: input(), db });
    const before = await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: feed.id } }, select: { secretCiphertext: true } });
    const edited = await editTenantFeed({
      tenantId: a.tenantId,
      feedId: feed.id,
      actor,
      input: input({ secret: "", filter: "ListOfficeKey eq 'OFF-1'", syncIntervalSeconds: 600 }),
      db,
    });
    expect(edited).toMatchObject({ filter: "ListOfficeKey eq 'OFF-1'", syncIntervalSeconds: 600 });
    const after = await db.feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: feed.id } }, select: { secretCiphertext: true } });
    expect(after.secretCiphertext).toBe(before.secretCiphertext);

    await db.feed.update({ where: { tenantId_id: { tenantId: a.tenantId, id: feed.id } }, data: { status: "paused", consecutiveFailures: 5 } });
    expect(await requestTenantFeedRun({ tenantId: a.tenantId, feedId: feed.id, actor, input: { kind: "full" }, db })).toEqual({ kind: "full" });
    expect(
      await db.feed.findUniqueOrThrow({
        where: { tenantId_id: { tenantId: a.tenantId, id: feed.id } },
        select: { status: true, requestedKind: true, consecutiveFailures: true },
      }),
    ).toEqual({ status: "active", requestedKind: "full", consecutiveFailures: 0 });
    expect((await listOperatorActions({ tenantId: a.tenantId, limit: 1 })).rows[0]).toMatchObject({ action: "feed.reconcile" });
    expect((await failure(requestTenantFeedRun({ tenantId: a.tenantId, feedId: feed.id, actor, input: { kind: "everything" }, db }), StudioError)).status).toBe(
      422,
    );

    // Tenant B naming A's feed: 404 for every action, and A's feed is unchanged.
    expect((await failure(editTenantFeed({ tenantId: b.tenantId, feedId: feed.id, actor, input: input({ name: "Hijacked" }), db }), StudioError)).status).toBe(
      404,
    );
    expect(
      (await failure(requestTenantFeedRun({ tenantId: b.tenantId, feedId: feed.id, actor, input: { kind: "incremental" }, db }), StudioError)).status,
    ).toBe(404);
    expect(await listTenantFeeds({ tenantId: b.tenantId, db })).toEqual([]);
    const listed = await listTenantFeeds({ tenantId: a.tenantId, db });
    expect(listed.map((f) => f.name)).toEqual(["Coast MLS"]);
    expect(listed[0]!.listings).toMatchObject({ countsByStatus: [], hiddenFromInternet: 0, runs: [] });
  });

  it("audits each connection test (URL and outcome, never the secret), even when the feed echoes the secret back", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "feeds-d" });
    const b = await createTenantFixture(db, { slug: "feeds-e" });
    const seen: string[] = [];
    // A RESO server on a loopback port: /good answers keys; /echo refuses, quoting the credentials it was sent.
    const server = http.createServer((req, res) => {
      seen.push(req.headers.authorization ?? "");
      res.setHeader("content-type", "application/json");
      if (req.url?.startsWith("/good/")) res.end(JSON.stringify({ value: [{ ListingKey: "K1" }, { ListingKey: "K2" }] }));
      else res.writeHead(401).end(JSON.stringify({ error: `bad credentials: ${req.headers.authorization ?? ""}` }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // An operator allowed exactly this server (feeds never reach this machine otherwise).
    process.env.FEED_ALLOWED_HOSTS = new URL(root).host;
    try {
      const bearer = (path: string) => ({ name: `Local ${path}`, baseUrl: `${root}/${path}`, authKind: "bearer", secret: SECRET, disclaimer: "Local." });
      const good = await addTenantFeed({ tenantId: a.tenantId, actor, input: bearer("good"), db });
      const echo = await addTenantFeed({ tenantId: a.tenantId, actor, input: bearer("echo"), db });

      expect(await testTenantFeed({ tenantId: a.tenantId, feedId: good.id, actor, db })).toEqual({ ok: true, sampleKeys: ["K1", "K2"], moreAvailable: false });
      const refused = await testTenantFeed({ tenantId: a.tenantId, feedId: echo.id, actor, db });
      expect(refused.ok).toBe(false);
      expect(JSON.stringify(refused)).not.toContain(SECRET);
      expect(seen).toEqual([`Bearer ${SECRET}`, `Bearer ${SECRET}`]);

      const tests = (await listOperatorActions({ tenantId: a.tenantId, action: "feed.test" })).rows;
      expect(tests).toHaveLength(2);
      expect(tests.find((r) => r.targetId === good.id)).toMatchObject({
        actorEmail: actor.email,
        targetType: "feed",
        tenantId: a.tenantId,
        after: { baseUrl: `${root}/good`, authKind: "bearer", ok: true, sampleKeys: 2 },
      });
      expect(tests.find((r) => r.targetId === echo.id)).toMatchObject({ after: { baseUrl: `${root}/echo`, ok: false, error: expect.stringContaining("401") } });
      expect(JSON.stringify(tests)).not.toContain(SECRET);
      const rows = await db.operatorAuditLog.findMany({ where: { action: "feed.test" } });
      expect(rows.map((r) => r.createdAt).every((t) => t instanceof Date)).toBe(true);
      expect(JSON.stringify(rows)).not.toContain(SECRET);

      // Another tenant naming A's feed: 404, nothing sent, nothing audited.
      expect((await failure(testTenantFeed({ tenantId: b.tenantId, feedId: good.id, actor, db }), StudioError)).status).toBe(404);
      expect((await failure(testTenantFeed({ tenantId: a.tenantId, feedId: "not-a-uuid", actor, db }), StudioError)).status).toBe(404);
      expect(seen).toHaveLength(2);
      expect(await db.operatorAuditLog.count({ where: { action: "feed.test" } })).toBe(2);
    } finally {
      delete process.env.FEED_ALLOWED_HOSTS;
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
