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
} as const;

export const ZListingMedia = z.array(z.object({ url: z.string().max(2048), caption: z.string().max(300).optional() }).loose()).max(100);
export type TListingMedia = { url: string; caption?: string }[];

/** Media JSON as stored; anything malformed reads as no photos rather than an error. */
export function parseListingMedia(value: unknown): TListingMedia {
  const parsed = ZListingMedia.safeParse(value);
  if (!parsed.success) return [];
  return parsed.data.map((m) => ({ url: m.url, ...(m.caption ? { caption: m.caption } : {}) }));
}

type CardRow = { Media: unknown; ModificationTimestamp: Date } & Record<string, unknown>;

/** A row with Media parsed and the timestamp as an ISO string (safe to cache as JSON). */
export function toListingCard<T extends CardRow>(row: T) {
  return { ...row, Media: parseListingMedia(row.Media), ModificationTimestamp: row.ModificationTimestamp.toISOString() };
}

export type TListingCard = {
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
  Media: TListingMedia;
  isSample: boolean;
  ModificationTimestamp: string;
};
