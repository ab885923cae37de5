import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import type { WebsiteEventInput } from "@real-estate/types";
import { describeSearchQuery, processWebsiteEvent } from "../src";
import { createCrmTenant, type CrmTenant } from "./support/crm-fixtures";
import { addListing } from "./support/routing-fixtures";
import { leadSubmitted } from "@real-estate/queue/testing";

const testDb = useTestDatabase("crm17_readable_story");

function visitorEvent(
  tenantId: string,
  email: string,
  body: { type: "listing.saved"; listingKey: string } | { type: "search.saved"; name: string; query: Record<string, string> },
) {
  const { type, ...rest } = body;
  return {
    eventId: crypto.randomUUID(),
    tenantId,
    occurredAt: new Date().toISOString(),
    type,
    source: { pageUrl: "https://example.test/" },
    payload: { visitorId: "v-1", contact: { email }, ...rest },
  } as WebsiteEventInput;
}

describe("the lead's story in words", () => {
  it("reads a saved search's query as a sentence", () => {
    expect(describeSearchQuery({ beds: "3", town: "fairfield", maxPrice: "900000" })).toBe("3+ bed homes in Fairfield under $900,000");
    expect(describeSearchQuery({ town: "old-greenwich", minPrice: "1000000" })).toBe("Homes in Old Greenwich from $1,000,000");
    expect(describeSearchQuery({ type: "condominium", minPrice: "500000", maxPrice: "900000", baths: "2", q: "pool", page: "2" })).toBe(
      "Condominium homes from $500,000 to $900,000, 2+ baths, matching “pool”",
    );
    expect(describeSearchQuery({})).toBe("Homes");
    // Nothing the visitor chose is hidden, even a key this CRM does not know.
    expect(describeSearchQuery({ beds: "4", waterfront: "yes" })).toBe("4+ bed homes, waterfront yes");
  });

  describe("on the timeline (two tenants)", () => {
    let a: CrmTenant;
    let b: CrmTenant;
    beforeAll(async () => {
      const { db } = testDb();
      a = await createCrmTenant(db, "story-a");
      b = await createCrmTenant(db, "story-b");
      await addListing(db, a.tenantId, "FF-100152", { price: 875_000, city: "Fairfield" });
    });

    const titlesOf = async (tenantId: string) => {
      const { db } = testDb();
      const rows = await db.activity.findMany({ where: { tenantId, type: "WEBSITE_EVENT" }, orderBy: { id: "asc" }, select: { title: true, body: true } });
      return rows.map((r) => [r.title, r.body]);
    };

    it("names the listing by its address and price, and the saved search as a sentence", async () => {
      await processWebsiteEvent({ tenantId: a.tenantId, event: leadSubmitted(a.tenantId, { email: "lia@example.com" }, { listingKey: "FF-100152" }) });
      await processWebsiteEvent({
        tenantId: a.tenantId,
        event: visitorEvent(a.tenantId, "lia@example.com", { type: "listing.saved", listingKey: "FF-100152" }),
      });
      await processWebsiteEvent({
        tenantId: a.tenantId,
        event: visitorEvent(a.tenantId, "lia@example.com", {
          type: "search.saved",
          name: "Fairfield family homes",
          query: { beds: "3", town: "fairfield", maxPrice: "900000" },
        }),
      });
      expect(await titlesOf(a.tenantId)).toEqual([
        ["Listing inquiry about 1 Main Street, Fairfield ($875,000)", null],
        ["Saved the home at 1 Main Street, Fairfield ($875,000)", null],
        ["Saved a search: 3+ bed homes in Fairfield under $900,000", "Named “Fairfield family homes”"],
      ]);
      // Tenant B has no such listing: its key is shown, never tenant A's home.
      await processWebsiteEvent({
        tenantId: b.tenantId,
        event: visitorEvent(b.tenantId, "bo@example.com", { type: "listing.saved", listingKey: "FF-100152" }),
      });
      expect(await titlesOf(b.tenantId)).toEqual([["Saved listing FF-100152", null]]);
    });
  });
});
