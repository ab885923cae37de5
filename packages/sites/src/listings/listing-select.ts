import { z } from "zod";

/** Fields a listing card needs (search results, featured, saved homes). */
export const listingCardSelect = {
  ListingKey: true,
  StandardStatus: true,
  PropertyType: true,
  PropertySubType: true,
  ListPrice: true,
  ClosePrice: true,
  BedroomsTotal: true,
  BathroomsTotalInteger: true,
  LivingArea: true,
  UnparsedAddress: true,
  City: true,
  StateOrProvince: true,
  PostalCode: true,
  Latitude: true,
  Longitude: true,
  townSlug: true,
  neighborhoodSlug: true,
  Media: true,
  isSample: true,
  ModificationTimestamp: true,
  ListOfficeName: true,
  InternetAddressDisplayYN: true,
  feedId: true,
} as const;

/** Everything the listing page shows. */
export const listingDetailSelect = {
  ...listingCardSelect,
  ListingId: true,
  LotSizeAcres: true,
  YearBuilt: true,
  StreetNumber: true,
  StreetName: true,
  CountyOrParish: true,
  PublicRemarks: true,
  ListAgentFullName: true,
  ListOfficeName: true,
  DaysOnMarket: true,
  ListingContractDate: true,
  LotSizeSquareFeet: true,
  OnMarketDate: true,
  feedExtras: true,
} as const;

/**
 * The MLS display rule every public read applies: a listing flagged not for internet display is
 * never shown (RESO InternetEntireListingDisplayYN).
 */
export const internetDisplayWhere = { InternetEntireListingDisplayYN: true } as const;

export const ZListingMedia = z
  .array(
    z
      .object({
        url: z.string().max(2048),
        caption: z.string().max(300).optional(),
        width: z.number().int().positive().optional(),
        height: z.number().int().positive().optional(),
      })
      .loose(),
  )
  .max(100);
export type ListingMedia = { url: string; caption?: string; width?: number; height?: number }[];

/** Media JSON as stored; anything malformed reads as no photos rather than an error. */
export function parseListingMedia(value: unknown): ListingMedia {
  const parsed = ZListingMedia.safeParse(value);
  if (!parsed.success) return [];
  return parsed.data.map((m) => ({
    url: m.url,
    ...(m.caption ? { caption: m.caption } : {}),
    ...(m.width && m.height ? { width: m.width, height: m.height } : {}),
  }));
}

type CardRow = {
  Media: unknown;
  ModificationTimestamp: Date;
  InternetAddressDisplayYN: boolean;
  City: string;
  StateOrProvince: string;
  PostalCode: string;
} & Record<string, unknown>;

/**
 * A row with Media parsed and the timestamp as an ISO string (safe to cache as JSON). When the MLS
 * withholds the address (InternetAddressDisplayYN false), the street and the exact position are
 * removed here, before anything can render them.
 */
export function toListingCard<T extends CardRow>(row: T) {
  // Rest, not a spread of `row`: a generic spread keeps the row's JSON type intersected with the
  // parsed one, and which of the two an array method resolves to then depends on checking order.
  const { Media, ModificationTimestamp, ...rest } = row;
  const card = { ...rest, Media: parseListingMedia(Media), ModificationTimestamp: ModificationTimestamp.toISOString() };
  if (row.InternetAddressDisplayYN) return card;
  return {
    ...card,
    UnparsedAddress: `Address withheld, ${row.City}, ${row.StateOrProvince} ${row.PostalCode}`,
    StreetNumber: null,
    StreetName: null,
    Latitude: null,
    Longitude: null,
  };
}

export type ListingCardData = {
  ListingKey: string;
  StandardStatus: string;
  PropertyType: string;
  PropertySubType: string | null;
  ListPrice: number;
  ClosePrice: number | null;
  BedroomsTotal: number | null;
  BathroomsTotalInteger: number | null;
  LivingArea: number | null;
  UnparsedAddress: string;
  City: string;
  StateOrProvince: string;
  PostalCode: string;
  Latitude: number | null;
  Longitude: number | null;
  townSlug: string | null;
  neighborhoodSlug: string | null;
  Media: ListingMedia;
  isSample: boolean;
  ModificationTimestamp: string;
  /** The listing office, for "Listing courtesy of …" (MLS attribution). */
  ListOfficeName: string | null;
  InternetAddressDisplayYN: boolean;
  /** The feed the listing came from; null for listings entered here. */
  feedId: string | null;
};
