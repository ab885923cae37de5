// The demo's saved-search alert, end to end with the demo's own parts: the Shoreline visitor and
// search that `npm start` adds, the local RESO server with the demo's market churn, the "feed.sync"
// job, the alert check and the outbox delivering to the SMTP sink. The first sync only records
// what the search matches; the feed's next changes arrive in the sink as one alert.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { DEMO_VISITOR, ensureDemoAlertVisitor, SHORELINE_TENANT } from "@real-estate/demo";
import { churnDemoMarket, startResoServer, type ResoServer } from "@real-estate/demo/reso-server";
import { createFeed, requestFeedRun } from "@real-estate/feeds";
import { createVisitor, saveSearch } from "@real-estate/sites";
import { useSmtpSink } from "./support/smtp";
import { systemClock } from "../src/clock";
import { standardJobKinds } from "../src/job-kinds";
import { testWorker } from "./helpers";

const testDb = useTestDatabase("m16_demo_alert");
const CLIENT = { clientId: "demo-alert-client", clientSecret: crypto.randomBytes(18).toString("base64url") };
const smtp = useSmtpSink();
let reso: ResoServer;

beforeAll(async () => {
  process.env.FEED_CREDENTIALS_KEY ??= crypto.randomBytes(32).toString("base64");
  reso = await startResoServer({ tenant: SHORELINE_TENANT, count: 30, clients: [CLIENT] });
  // Feeds reach this machine only where an operator allowed it: exactly the local RESO server.
  process.env.FEED_ALLOWED_HOSTS = new URL(reso.serviceRoot).host;
});
afterAll(async () => {
  await reso?.close();
});

/** A small deterministic generator, so the churn picks the same listings on every run. */
function seededRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

describe("the demo's saved-search alert", () => {
  it("reaches the SMTP sink after the demo feed changes listings the visitor's search matches, and only then", { timeout: 180_000 }, async () => {
    const { db } = testDb();
    const shoreline = await createTenantFixture(db, { slug: DEMO_VISITOR.tenantSlug, name: "Shoreline Realty" });
    // Another tenant's visitor with the same address and an instant search of everything: never mailed for Shoreline's listings.
    const other = await createTenantFixture(db, { slug: "m16-other" });
    const stranger = await createVisitor({ tenantId: other.tenantId, email: DEMO_VISITOR.email, password: "a-long-password-1", db });
    if (!stranger.ok) throw new Error("visitor not created");
    await db.visitor.update({
      where: { tenantId_id: { tenantId: other.tenantId, id: stranger.visitor.id } },
      data: { emailVerifiedAt: new Date(), preferences: { emailAlerts: true } },
    });
    expect((await saveSearch({ tenantId: other.tenantId, visitorId: stranger.visitor.id, name: "Everything", query: {}, db })).ok).toBe(true);

    const first = await ensureDemoAlertVisitor({ db });
    expect(first).toMatchObject({ tenantId: shoreline.tenantId, created: true });
    // npm start runs it on every start: the same visitor and search, nothing new.
    const again = await ensureDemoAlertVisitor({ db });
    expect(again).toEqual({ ...first, created: false });
    expect(await db.visitor.count({ where: { tenantId: shoreline.tenantId } })).toBe(1);
    expect(await db.savedSearch.count({ where: { tenantId: shoreline.tenantId } })).toBe(1);

    const feed = await createFeed({
      tenantId: shoreline.tenantId,
      db,
      input: {
        name: "Demo MLS",
        baseUrl: reso.serviceRoot,
        authKind: "client_credentials",
        tokenUrl: reso.tokenUrl,
        clientId: CLIENT.clientId,
        secret: CLIENT.clientSecret,
        syncIntervalSeconds: 3_600,
      },
    });
    smtp.sink.clear();
    const { worker } = testWorker(db, { clock: systemClock, kinds: standardJobKinds({ transport: smtp.transport }), pollIntervalMs: 100, concurrency: 4 });
    const running = worker.run();
    try {
      // The first sync brings the feed's listings; the check it asks for records them as seen, mailing nothing.
      const searchId = first!.savedSearchId;
      const baselined = () => db.savedSearch.findUniqueOrThrow({ where: { tenantId_id: { tenantId: shoreline.tenantId, id: searchId } } });
      await expect.poll(async () => (await baselined()).alertBaselineAt !== null, { timeout: 90_000, interval: 250 }).toBe(true);
      const seen = await db.savedSearchListing.count({ where: { tenantId: shoreline.tenantId, savedSearchId: searchId } });
      expect(seen).toBeGreaterThan(0);
      expect(smtp.sink.messages()).toHaveLength(0);

      // The demo market's next round: price cuts and a contract on active listings; the next sync brings them.
      const changes = churnDemoMarket(reso.store, { tick: 1, random: seededRandom(1) });
      expect(changes.priceCuts).toHaveLength(3);
      expect(changes.pending).toHaveLength(1);
      expect(await requestFeedRun({ tenantId: shoreline.tenantId, feedId: feed.id, kind: "incremental", db })).toBe(true);
      await expect.poll(() => smtp.sink.messages().length, { timeout: 90_000, interval: 250 }).toBeGreaterThanOrEqual(1);
      // Give a stray second alert time to show up before counting.
      await new Promise((r) => setTimeout(r, 1_500));
      const mails = smtp.sink.messages();
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail!.envelope.to).toEqual([DEMO_VISITOR.email]);
      // Every changed listing the MLS lets the website show is told, by its link; one kept off the internet is not.
      const onInternet = (key: string) => reso.store.get(key)!.InternetEntireListingDisplayYN !== false;
      const told = [...changes.priceCuts, ...changes.pending].filter(onInternet);
      expect(told.length).toBeGreaterThan(0);
      expect(mail!.subject).toBe(`${told.length} update${told.length === 1 ? "" : "s"} for “${DEMO_VISITOR.searchName}”`);
      expect(mail!.from).toContain("Shoreline Realty");
      for (const key of [...changes.priceCuts, ...changes.pending]) {
        if (onInternet(key)) expect(mail!.text).toContain(`/homes/${key}`);
        else expect(mail!.text).not.toContain(`/homes/${key}`);
      }
      if (changes.priceCuts.some(onInternet)) expect(mail!.text).toContain("Price reduced from");
      if (changes.pending.some(onInternet)) expect(mail!.text).toContain("Now Pending (was Active)");
      expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
      const stored = await db.emailMessage.findFirstOrThrow({ where: { tenantId: shoreline.tenantId, template: "saved-search-alert" } });
      expect(stored).toMatchObject({ status: "SENT", visitorId: first!.visitorId });
      expect(mail!.messageId).toBe(`<${stored.messageId}>`);
      expect(await db.emailMessage.count({ where: { tenantId: other.tenantId } })).toBe(0);
    } finally {
      await worker.stop();
      await running;
    }
  });
});
