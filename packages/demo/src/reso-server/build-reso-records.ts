// Generated MLS data in RESO Data Dictionary 2.0 form (Property, Media, Member, Office), built
// from the demo listing generator so the local RESO server serves a believable market. Lookup
// values are the Data Dictionary's display names ("Active Under Contract", "Single Family
// Residence"), as RESO Web API servers send them, so the feed mapping is exercised for real.
import type { SeedTenant } from "../data";
import { AGENT_NAMES } from "../data/names";
import { listingPhotoCaption } from "../photos/photo-scenes";
import { generateListing } from "../seed/generate-listings";
import { createRng } from "../seed/random";
import type { ResoRecord } from "./odata-filter";

/** "ActiveUnderContract" -> "Active Under Contract" (the Data Dictionary's lookup display names). */
export function lookupDisplayName(value: string): string {
  return value.replace(/([a-z])([A-Z])/g, "$1 $2");
}

export type ResoDataSet = {
  properties: ResoRecord[];
  /** Media records by ListingKey, in display order. */
  media: Map<string, ResoRecord[]>;
  members: ResoRecord[];
  offices: ResoRecord[];
};

const isoDate = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

/** Offices of the market: the tenant's own brokerage first, then the others it lists. */
export function buildOffices(tenant: SeedTenant): ResoRecord[] {
  return [tenant.name, ...tenant.otherOffices].map((name, i) => ({
    OfficeKey: `${tenant.listing.keyPrefix}-OFF-${i + 1}`,
    OfficeName: name,
    OfficePhone: `(${tenant.areaCode}) 555-01${String(10 + i).padStart(2, "0")}`,
    OfficeStatus: "Active",
    ModificationTimestamp: "2026-01-01T00:00:00.000Z",
  }));
}

export function buildMembers(tenant: SeedTenant, offices: ResoRecord[]): ResoRecord[] {
  return AGENT_NAMES.map((name, i) => ({
    MemberKey: `${tenant.listing.keyPrefix}-MBR-${i + 1}`,
    MemberFullName: name,
    MemberStatus: "Active",
    OfficeKey: offices[i % offices.length]!.OfficeKey,
    ModificationTimestamp: "2026-01-01T00:00:00.000Z",
  }));
}

/**
 * Listing `n` of the market as a RESO Property record with its Media records. `photoBase` is the
 * absolute URL the server serves photos under (e.g. http://127.0.0.1:46100/photos).
 */
export function buildProperty(options: { tenant: SeedTenant; n: number; anchor: Date; photoBase: string; offices: ResoRecord[]; members: ResoRecord[] }) {
  const { tenant, n, anchor, photoBase, offices, members } = options;
  const seed = generateListing(tenant, n, anchor);
  const rng = createRng(`${tenant.slug}:reso:${n}`);
  const office = offices.find((o) => o.OfficeName === seed.ListOfficeName) ?? offices[0]!;
  const member = members.find((m) => m.MemberFullName === seed.ListAgentFullName) ?? members[0]!;
  const modified = seed.ModificationTimestamp.toISOString();
  const photoCount = 3 + (n % 3);
  const media: ResoRecord[] = Array.from({ length: photoCount }, (_, i) => ({
    MediaKey: `${seed.ListingKey}-M${i + 1}`,
    ResourceRecordKey: seed.ListingKey,
    ResourceName: "Property",
    MediaCategory: "Photo",
    MediaType: "image/svg+xml",
    Order: i + 1,
    MediaURL: `${photoBase}/${encodeURIComponent(seed.ListingKey)}/${i + 1}.svg`,
    ShortDescription: listingPhotoCaption(i + 1, seed.PropertySubType),
    ImageWidth: 1200,
    ImageHeight: 800,
    ModificationTimestamp: modified,
  }));
  const lotAcres = seed.LotSizeAcres ?? null;
  const property: ResoRecord = {
    ListingKey: seed.ListingKey,
    ListingId: seed.ListingId,
    StandardStatus: lookupDisplayName(seed.StandardStatus),
    PropertyType: lookupDisplayName(seed.PropertyType),
    PropertySubType: seed.PropertySubType ? lookupDisplayName(seed.PropertySubType) : null,
    ListPrice: seed.ListPrice,
    ClosePrice: seed.ClosePrice ?? null,
    BedroomsTotal: seed.BedroomsTotal ?? null,
    BathroomsTotalInteger: seed.BathroomsTotalInteger ?? null,
    LivingArea: seed.LivingArea ?? null,
    LivingAreaUnits: "Square Feet",
    LotSizeAcres: lotAcres,
    LotSizeSquareFeet: lotAcres === null ? null : Math.round(lotAcres * 43_560),
    YearBuilt: seed.YearBuilt ?? null,
    UnparsedAddress: seed.UnparsedAddress,
    StreetNumber: seed.StreetNumber,
    StreetName: seed.StreetName,
    City: seed.City,
    StateOrProvince: seed.StateOrProvince,
    PostalCode: seed.PostalCode,
    CountyOrParish: seed.CountyOrParish,
    Country: "US",
    Latitude: seed.Latitude,
    Longitude: seed.Longitude,
    PublicRemarks: `${seed.PublicRemarks} (Sample listing from the local RESO server.)`,
    ListAgentKey: member.MemberKey,
    ListAgentFullName: member.MemberFullName,
    ListOfficeKey: office.OfficeKey,
    ListOfficeName: office.OfficeName,
    DaysOnMarket: seed.DaysOnMarket ?? null,
    ListingContractDate: isoDate(seed.ListingContractDate as Date | null),
    OnMarketDate: isoDate(seed.ListingContractDate as Date | null),
    ModificationTimestamp: modified,
    PhotosCount: photoCount,
    // Display rules: about 2% may not appear on the internet at all, 3% without their address.
    InternetEntireListingDisplayYN: !rng.chance(0.02),
    InternetAddressDisplayYN: !rng.chance(0.03),
    // Fields the platform has no column for: they must survive in the listing's extras.
    WaterfrontYN: rng.chance(0.15),
    Heating: rng.chance(0.5) ? ["Forced Air", "Natural Gas"] : ["Hot Water"],
    ParkingTotal: rng.int(0, 4),
    OriginatingSystemName: "Local RESO server (sample data)",
  };
  return { property, media };
}

/**
 * Open houses of listing `n` as RESO OpenHouse records: about one active listing in eight has a
 * public one or two in the coming days (Saturday-style 1-3 pm slots relative to `anchor`), some
 * have one that already took place, and now and then one is canceled or for brokers only.
 */
export function buildOpenHouses(options: { property: ResoRecord; n: number; anchor: Date }): ResoRecord[] {
  const { property, n, anchor } = options;
  if (property.StandardStatus !== "Active") return [];
  const rng = createRng(`reso:openhouse:${String(property.ListingKey)}`);
  if (!rng.chance(0.125)) return [];
  const count = rng.chance(0.3) ? 2 : 1;
  const firstDay = rng.chance(0.15) ? -2 : rng.int(1, 9);
  return Array.from({ length: count }, (_, i) => {
    const day = firstDay + i * 7;
    const start = new Date(anchor.getTime() + day * 86_400_000 + 17 * 3_600_000);
    const end = new Date(start.getTime() + 2 * 3_600_000);
    const status = day < 0 ? "Ended" : rng.chance(0.05) ? "Canceled" : "Active";
    return {
      OpenHouseKey: `${String(property.ListingKey)}-OH${i + 1}`,
      OpenHouseId: `OH${n}-${i + 1}`,
      ListingKey: property.ListingKey,
      ListingId: property.ListingId,
      OpenHouseDate: start.toISOString().slice(0, 10),
      OpenHouseStartTime: start.toISOString(),
      OpenHouseEndTime: end.toISOString(),
      OpenHouseStatus: status,
      OpenHouseType: rng.chance(0.1) ? "Broker" : "Public",
      OpenHouseRemarks: rng.chance(0.5) ? "Come see this home; no appointment needed." : null,
      OpenHouseAttendedBy: "Agent",
      Refreshments: rng.chance(0.3) ? "Coffee and pastries" : null,
      ModificationTimestamp: property.ModificationTimestamp,
    };
  });
}

/** `count` listings of the tenant's market with offices and members. */
export function buildResoDataSet(options: { tenant: SeedTenant; count: number; anchor: Date; photoBase: string }): ResoDataSet {
  const offices = buildOffices(options.tenant);
  const members = buildMembers(options.tenant, offices);
  const properties: ResoRecord[] = [];
  const media = new Map<string, ResoRecord[]>();
  for (let n = 0; n < options.count; n++) {
    const built = buildProperty({ ...options, n, offices, members });
    properties.push(built.property);
    media.set(built.property.ListingKey as string, built.media);
  }
  return { properties, media, members, offices };
}
