import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ListingDetail } from "@real-estate/sites";
import { ListingFacts } from "@/components/listing-details";

const listing = {
  ListingKey: "FF-1001",
  ListingId: "CT170001",
  StandardStatus: "Closed",
  ListPrice: 725_000,
  ClosePrice: 740_000,
  PropertyType: "Residential",
  PropertySubType: "SingleFamilyResidence",
  BedroomsTotal: 4,
  BathroomsTotalInteger: 3,
  LivingArea: 2450,
  LotSizeAcres: 0.85,
  YearBuilt: 1962,
  CountyOrParish: "Fairfield",
  DaysOnMarket: 21,
  ListingContractDate: "2026-09-01",
  ListOfficeName: "Sample Realty",
} as unknown as ListingDetail;

describe("listing facts table", () => {
  it("reads in plain words, with no internal field codes in the visible text", () => {
    const html = renderToStaticMarkup(createElement(ListingFacts, { listing }));
    const text = html.replace(/<[^>]+>/g, " ");
    for (const label of ["Status", "Closed", "Sold price", "$740,000", "Property sub-type", "Single Family Residence", "Lot size (acres)", "0.85"]) {
      expect(text).toContain(label);
    }
    for (const code of ["StandardStatus", "ClosePrice", "BathroomsTotalInteger", "LotSizeAcres", "ListOfficeName", "SingleFamilyResidence"]) {
      expect(text).not.toContain(code);
    }
    expect(html).not.toContain("<code");
    expect(html).toContain('data-field="ClosePrice"');
  });
});
