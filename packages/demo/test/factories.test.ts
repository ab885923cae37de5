// The demo's building blocks on their own: the row factories tests and the seed use, and the
// generated listing photos.
import { describe, expect, it } from "vitest";
import { normalizePhoneE164 } from "@real-estate/types";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { renderListingPhotoSvg } from "../src/photos";
import { buildListing, createContactFixture, createLeadFixture, createListingFixture } from "../src";

const testDb = useTestDatabase("factories");

describe("factories", () => {
  it("build and insert listings and CRM rows with sensible defaults", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    const built = buildListing({ City: "Westport", ListPrice: 1_250_000 });
    expect(built).toMatchObject({ City: "Westport", ListPrice: 1_250_000, StandardStatus: "Active", isSample: true });
    const listing = await createListingFixture(db, { tenantId: t.tenantId, ListingKey: "T-1" });
    expect(listing.ListingKey).toBe("T-1");
    const lead = await createLeadFixture(db, { tenantId: t.tenantId, status: "QUALIFIED" });
    expect(lead.status).toBe("QUALIFIED");
    const contact = await createContactFixture(db, { tenantId: t.tenantId });
    expect(normalizePhoneE164(contact.phone)).toBe(contact.phone);
  });
});

describe("renderListingPhotoSvg", () => {
  const subTypes = ["SingleFamilyResidence", "Condominium", "Townhouse", "Duplex", "UnimprovedLand", null];

  it("is deterministic, differs between listings, and draws a labelled, well-formed SVG", () => {
    for (const propertySubType of subTypes) {
      for (let index = 1; index <= 5; index++) {
        const svg = renderListingPhotoSvg({ listingKey: "FF-100001", index, propertySubType });
        expect(renderListingPhotoSvg({ listingKey: "FF-100001", index, propertySubType })).toBe(svg);
        expect(svg.startsWith("<svg")).toBe(true);
        expect(svg.endsWith("</svg>")).toBe(true);
        expect(svg).toContain("Sample photo");
        expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
        // Every opened tag is closed, in order.
        const stack: string[] = [];
        for (const [, close, name, self] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
          if (close) expect(stack.pop()).toBe(name);
          else if (!self) stack.push(name!);
        }
        expect(stack).toEqual([]);
      }
    }
    expect(renderListingPhotoSvg({ listingKey: "FF-100001", index: 1 })).not.toBe(renderListingPhotoSvg({ listingKey: "FF-100002", index: 1 }));
    expect(renderListingPhotoSvg({ listingKey: "A&B<", index: 1 })).toContain("aria-label");
  });
});
