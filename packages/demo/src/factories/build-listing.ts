// A listing row in RESO Data Dictionary shape with sensible defaults, for the demo seed and
// for tests (`buildListing({ City: "Westport", ListPrice: 1_250_000 })`).
import crypto from "node:crypto";
import type { Db } from "@real-estate/db";
import { listingMediaFor } from "../photos/listing-media";

export type ListingMediaItem = { url: string; caption: string };

export type ListingSeed = {
  ListingKey: string;
  ListingId: string | null;
  StandardStatus: "Active" | "Pending" | "ActiveUnderContract" | "Closed" | "ComingSoon" | "Withdrawn" | "Expired" | "Canceled";
  PropertyType: "Residential" | "ResidentialIncome" | "Land" | "ResidentialLease" | "CommercialSale";
  PropertySubType: string | null;
  ListPrice: number;
  ClosePrice: number | null;
  BedroomsTotal: number | null;
  BathroomsTotalInteger: number | null;
  LivingArea: number | null;
  LotSizeAcres: number | null;
  YearBuilt: number | null;
  UnparsedAddress: string;
  StreetNumber: string | null;
  StreetName: string | null;
  City: string;
  StateOrProvince: string;
  PostalCode: string;
  CountyOrParish: string | null;
  Latitude: number | null;
  Longitude: number | null;
  PublicRemarks: string | null;
  ListAgentFullName: string | null;
  ListOfficeName: string | null;
  DaysOnMarket: number | null;
  ListingContractDate: Date | null;
  ModificationTimestamp: Date;
  Media: ListingMediaItem[];
  townSlug: string | null;
  neighborhoodSlug: string | null;
  isSample: boolean;
};

/** A sample single-family listing in Fairfield, CT; any field can be overridden. */
export function buildListing(overrides: Partial<ListingSeed> = {}): ListingSeed {
  const ListingKey = overrides.ListingKey ?? `TEST-${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
  const PropertySubType = overrides.PropertySubType === undefined ? "SingleFamilyResidence" : overrides.PropertySubType;
  return {
    ListingKey,
    ListingId: null,
    StandardStatus: "Active",
    PropertyType: "Residential",
    PropertySubType,
    ListPrice: 875_000,
    ClosePrice: null,
    BedroomsTotal: 4,
    BathroomsTotalInteger: 3,
    LivingArea: 2_450,
    LotSizeAcres: 0.5,
    YearBuilt: 1965,
    UnparsedAddress: "12 Sample Lane, Fairfield, CT 06824",
    StreetNumber: "12",
    StreetName: "Sample Lane",
    City: "Fairfield",
    StateOrProvince: "CT",
    PostalCode: "06824",
    CountyOrParish: "Fairfield County",
    Latitude: 41.1412,
    Longitude: -73.2637,
    PublicRemarks: "Sample listing for demonstration. Not a real property.",
    ListAgentFullName: "Alex Sample",
    ListOfficeName: "Sample Realty Group",
    DaysOnMarket: 12,
    ListingContractDate: new Date(Date.now() - 12 * 86_400_000),
    ModificationTimestamp: new Date(),
    Media: listingMediaFor({ listingKey: ListingKey, count: 3, propertySubType: PropertySubType }),
    townSlug: "fairfield",
    neighborhoodSlug: null,
    isSample: true,
    ...overrides,
  };
}

/** Inserts one listing for a tenant (tests); returns its id and ListingKey. */
export async function createListingFixture(db: Db, options: { tenantId: string } & Partial<ListingSeed>): Promise<{ id: string; ListingKey: string }> {
  const { tenantId, ...overrides } = options;
  const listing = buildListing(overrides);
  const row = await db.listing.create({
    data: { ...listing, tenantId },
    select: { id: true, ListingKey: true },
  });
  return row;
}
