// The studio's MLS feeds tab through the running studio: add a feed (secret never returned or
// shown), test its connection against the local RESO server, ask for a sync, see it on the page;
// another tenant's feed is a 404 and bad settings change nothing.
import { SHORELINE_TENANT } from "@real-estate/demo";
import { startResoServer, type ResoServer } from "@real-estate/demo/reso-server";
import { listOperatorActions } from "@real-estate/operator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoIds } from "./support/ids";
import { api, operatorCookie, testDb } from "./support/studio-client";

const TOKEN = "studio-Bearer-Token-3c1d-e8f0";
let reso: ResoServer;
let cookie: string;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  // On the port the studio allows in FEED_ALLOWED_HOSTS (global-setup.ts).
  reso = await startResoServer({ tenant: SHORELINE_TENANT, count: 20, bearerTokens: [TOKEN], port: inject("resoPorts")[0] });
  cookie = await operatorCookie();
  ids = await demoIds();
});
afterAll(() => reso?.close());

describe("studio MLS feeds", () => {
  it("adds a feed, tests its connection, asks for a sync and shows it, never showing the secret", async () => {
    const feeds = `/api/tenants/${ids.fairfield}/feeds`;
    const bad = await api("POST", feeds, { cookie, json: { name: "", baseUrl: "ftp://x", authKind: "bearer" } });
    expect([bad.status, bad.body.error]).toEqual([422, "validation_failed"]);
    // This machine (the studio itself, on a port not allowed), its networks, cloud metadata: 422
    // naming the field and the reason, nothing stored.
    for (const baseUrl of [
      `http://127.0.0.1:${inject("studioPort")}/api`,
      "https://10.1.2.3/reso/odata",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/odata",
    ]) {
      const inward = await api("POST", feeds, { cookie, json: { name: "Inward", baseUrl, authKind: "bearer", secret: TOKEN } });
      expect([inward.status, inward.body.error], baseUrl).toEqual([422, "validation_failed"]);
      expect(inward.body.fields.baseUrl[0], baseUrl).toMatch(/^not allowed: .*(private|this machine).*FEED_ALLOWED_HOSTS/);
    }
    const inwardToken = await api("POST", feeds, {
      cookie,
      json: { name: "Inward", baseUrl: reso.serviceRoot, authKind: "client_credentials", tokenUrl: "https://localhost./token", clientId: "c", secret: TOKEN },
    });
    expect([inwardToken.status, Object.keys(inwardToken.body.fields)]).toEqual([422, ["tokenUrl"]]);
    expect(await testDb().feed.count({ where: { tenantId: ids.fairfield, name: "Inward" } })).toBe(0);
    const created = await api("POST", feeds, {
      cookie,
      json: { name: "Studio test MLS", baseUrl: reso.serviceRoot, authKind: "bearer", secret: TOKEN, disclaimer: "Studio test disclaimer." },
    });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(TOKEN);
    const feedId = created.body.feed.id as string;

    const test = await api("POST", `${feeds}/${feedId}/test`, { cookie });
    expect(test.status).toBe(200);
    expect(test.body.ok).toBe(true);
    expect(test.body.sampleKeys.length).toBeGreaterThan(0);
    // The test sent the stored secret to the feed's URL: audited, without the secret.
    const [audit] = (await listOperatorActions({ tenantId: ids.fairfield, action: "feed.test", limit: 1 })).rows;
    expect(audit).toMatchObject({
      targetType: "feed",
      targetId: feedId,
      actorEmail: expect.stringContaining("@"),
      after: { baseUrl: reso.serviceRoot, authKind: "bearer", ok: true, sampleKeys: test.body.sampleKeys.length },
    });
    expect(JSON.stringify(audit)).not.toContain(TOKEN);

    const run = await api("POST", `${feeds}/${feedId}/runs`, { cookie, json: { kind: "incremental" } });
    expect([run.status, run.body.requested]).toEqual([202, "incremental"]);
    expect(
      (await testDb().feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId: ids.fairfield, id: feedId } }, select: { requestedKind: true } }))
        .requestedKind,
    ).toBe("incremental");

    const page = await api("GET", `/tenants/${ids.fairfield}/feeds`, { cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Studio test MLS");
    expect(page.text).toContain(reso.serviceRoot);
    expect(page.text).toContain("Recent runs");
    expect(page.text).not.toContain(TOKEN);

    // Shoreline naming Fairfield's feed: the same 404 as a feed that does not exist.
    const other = `/api/tenants/${ids.shoreline}/feeds/${feedId}`;
    expect((await api("PUT", other, { cookie, json: { name: "Taken over", baseUrl: reso.serviceRoot, authKind: "bearer" } })).status).toBe(404);
    expect((await api("POST", `${other}/runs`, { cookie, json: { kind: "full" } })).status).toBe(404);
    expect((await api("POST", `${other}/test`, { cookie })).status).toBe(404);
    expect((await testDb().feed.findUniqueOrThrow({ where: { tenantId_id: { tenantId: ids.fairfield, id: feedId } }, select: { name: true } })).name).toBe(
      "Studio test MLS",
    );
    // Without an operator session the routes do not exist.
    expect((await api("POST", `${feeds}/${feedId}/runs`, { json: { kind: "full" } })).status).toBe(404);
  });
});
