import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import type { WebsiteEventInput } from "@real-estate/types";
import { listHomesOfInterest, processWebsiteEvent } from "../src";
import { createCrmTenant, type CrmTenant } from "./support/crm-fixtures";
import { addListing } from "./support/routing-fixtures";
import { leadSubmitted } from "@real-estate/queue/testing";

const testDb = useTestDatabase("crm17_listing_viewed");

function homeEvent(
  tenantId: string,
  email: string,
  type: "listing.viewed" | "listing.saved",
  listingKey: string,
  o: { eventId?: string; occurredAt?: Date } = {},
): WebsiteEventInput {
  return {
    eventId: o.eventId ?? `${type}:v-${email}:${listingKey}:${crypto.randomUUID()}`,
    tenantId,
    occurredAt: (o.occurredAt ?? new Date()).toISOString(),
    type,
    source: { pageUrl: `https://example.test/homes/${listingKey}` },
    payload: { visitorId: `v-${email}`, contact: { email }, listingKey },
  };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe("listing.viewed: the homes a visitor viewed, on the CRM timeline", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  beforeAll(async () => {
    const { db } = testDb();
    a = await createCrmTenant(db, "viewed-a");
    b = await createCrmTenant(db, "viewed-b");
    await addListing(db, a.tenantId, "OAK-12", { price: 1_200_000, city: "Greenwich" });
    await addListing(db, a.tenantId, "ELM-4", { price: 875_000, city: "Fairfield" });
  });

  it("adds the view to the open lead's story in words, without opening a lead, moving its home or alerting anyone", async () => {
    const { db } = testDb();
    const first = await processWebsiteEvent({ tenantId: a.tenantId, event: leadSubmitted(a.tenantId, { email: "vera@example.com" }, { listingKey: "ELM-4" }) });
    if (first.outcome !== "applied") throw new Error("expected a lead");
    const alertsBefore = await db.ingestionJob.count({ where: { tenantId: a.tenantId, kind: "lead.alert" } });
    const viewed = await processWebsiteEvent({ tenantId: a.tenantId, event: homeEvent(a.tenantId, "vera@example.com", "listing.viewed", "OAK-12") });
    expect(viewed).toMatchObject({ outcome: "applied", leadId: first.leadId, leadCreated: false, contactId: first.contactId });
    const lead = await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: first.leadId } } });
    expect(lead.listingKey).toBe("ELM-4");
    expect(await db.lead.count({ where: { tenantId: a.tenantId, contactId: first.contactId } })).toBe(1);
    expect(await db.ingestionJob.count({ where: { tenantId: a.tenantId, kind: "lead.alert" } })).toBe(alertsBefore);
    const activity = await db.activity.findFirstOrThrow({
      where: { tenantId: a.tenantId, eventId: { startsWith: "listing.viewed:" }, contactId: first.contactId },
    });
    expect([activity.title, activity.leadId]).toEqual(["Viewed the home at 1 Main Street, Greenwich ($1,200,000)", first.leadId]);
  });

  it("puts a view on the contact's timeline alone when no lead is open (closed leads stay closed, none is opened)", async () => {
    const { db } = testDb();
    const first = await processWebsiteEvent({ tenantId: a.tenantId, event: leadSubmitted(a.tenantId, { email: "wes@example.com" }) });
    if (first.outcome !== "applied") throw new Error("expected a lead");
    await db.lead.update({ where: { tenantId_id: { tenantId: a.tenantId, id: first.leadId } }, data: { status: "WON" } });
    const viewed = await processWebsiteEvent({ tenantId: a.tenantId, event: homeEvent(a.tenantId, "wes@example.com", "listing.viewed", "OAK-12") });
    expect(viewed).toMatchObject({ outcome: "recorded", contactId: first.contactId });
    if (viewed.outcome !== "recorded") throw new Error("expected a contact entry");
    expect(await db.lead.findMany({ where: { tenantId: a.tenantId, contactId: first.contactId }, select: { status: true } })).toEqual([{ status: "WON" }]);
    const activity = await db.activity.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: viewed.activityId } } });
    expect([activity.contactId, activity.leadId, activity.type]).toEqual([first.contactId, null, "WEBSITE_EVENT"]);
    const ledger = await db.ingestedEvent.findFirstOrThrow({ where: { tenantId: a.tenantId, activityId: viewed.activityId } });
    expect([ledger.contactId, ledger.leadId]).toEqual([first.contactId, null]);
  });

  it("applies one view once, however often and however concurrently it is delivered", async () => {
    const { db } = testDb();
    await processWebsiteEvent({ tenantId: a.tenantId, event: leadSubmitted(a.tenantId, { email: "rita@example.com" }) });
    const event = homeEvent(a.tenantId, "rita@example.com", "listing.viewed", "OAK-12");
    const results = await Promise.all([1, 2, 3, 4].map(() => processWebsiteEvent({ tenantId: a.tenantId, event })));
    expect(results.filter((r) => r.outcome === "applied")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(3);
    expect(await processWebsiteEvent({ tenantId: a.tenantId, event })).toEqual({ outcome: "duplicate" });
    expect(await db.activity.count({ where: { tenantId: a.tenantId, eventId: event.eventId } })).toBe(1);
  });

  it("lists the homes a contact viewed and saved, newest first, and none of another tenant's", async () => {
    const { db } = testDb();
    const first = await processWebsiteEvent({ tenantId: a.tenantId, event: leadSubmitted(a.tenantId, { email: "sam@example.com" }) });
    if (first.outcome !== "applied") throw new Error("expected a lead");
    const steps: ["listing.viewed" | "listing.saved", string, number][] = [
      ["listing.viewed", "ELM-4", 50],
      ["listing.viewed", "OAK-12", 40],
      ["listing.saved", "OAK-12", 30],
      ["listing.viewed", "ELM-4", 5],
    ];
    // Delivered out of order (retries do that): the list follows when it happened.
    for (const [type, key, ago] of [...steps].reverse()) {
      await processWebsiteEvent({ tenantId: a.tenantId, event: homeEvent(a.tenantId, "sam@example.com", type, key, { occurredAt: minutesAgo(ago) }) });
    }
    const homes = await listHomesOfInterest({ tenantId: a.tenantId, contactId: first.contactId });
    expect(homes.map((h) => [h.kind, h.listingKey])).toEqual([
      ["viewed", "ELM-4"],
      ["saved", "OAK-12"],
      ["viewed", "OAK-12"],
      ["viewed", "ELM-4"],
    ]);
    expect(await listHomesOfInterest({ tenantId: a.tenantId, contactId: first.contactId, limit: 2 })).toHaveLength(2);

    // Tenant B: the same person and listing key are B's own; A's contact is nobody there.
    expect(await listHomesOfInterest({ tenantId: b.tenantId, contactId: first.contactId })).toEqual([]);
    const inB = await processWebsiteEvent({ tenantId: b.tenantId, event: homeEvent(b.tenantId, "sam@example.com", "listing.viewed", "OAK-12") });
    if (inB.outcome !== "recorded") throw new Error(`expected a contact entry in B, got ${inB.outcome}`);
    expect(inB.contactCreated).toBe(true);
    const bActivity = await db.activity.findUniqueOrThrow({ where: { tenantId_id: { tenantId: b.tenantId, id: inB.activityId } } });
    expect(bActivity.title).toBe("Viewed listing OAK-12");
    expect((await listHomesOfInterest({ tenantId: b.tenantId, contactId: inB.contactId })).map((h) => h.listingKey)).toEqual(["OAK-12"]);
    expect(await listHomesOfInterest({ tenantId: a.tenantId, contactId: first.contactId })).toHaveLength(4);
    expect(await listHomesOfInterest({ tenantId: a.tenantId, contactId: "not-a-uuid" })).toEqual([]);
  });
});
