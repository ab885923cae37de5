// One RESO Property record (with its expanded Media) -> one Listing row. Field names are the
// Data Dictionary's, so most fields copy across; lookups are normalised; every field without a
// column is kept in feedExtras, as sent.
import { isStorableText, stripUnstorable, truncateText } from "@real-estate/types";
import { normalizeLookup } from "./lookups";

export type ResoRecordIn = Record<string, unknown>;

export type MappedMedia = { url: string; caption?: string; width?: number; height?: number };

export type MappedListing = {
  ListingKey: string;
  ListingId: string | null;
  StandardStatus: string;
  PropertyType: string;
  PropertySubType: string | null;
  ListPrice: number;
  ClosePrice: number | null;
  BedroomsTotal: number | null;
  BathroomsTotalInteger: number | null;
  LivingArea: number | null;
  LotSizeAcres: number | null;
  LotSizeSquareFeet: number | null;
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
  ListAgentKey: string | null;
  ListOfficeKey: string | null;
  DaysOnMarket: number | null;
  ListingContractDate: string | null;
  OnMarketDate: string | null;
  ModificationTimestamp: string;
  InternetEntireListingDisplayYN: boolean;
  InternetAddressDisplayYN: boolean;
  Media: MappedMedia[];
  feedExtras: Record<string, unknown>;
};

/** Fields read into columns (or deliberately derived); everything else goes to feedExtras. */
const MAPPED = new Set([
  "ListingKey",
  "ListingId",
  "StandardStatus",
  "PropertyType",
  "PropertySubType",
  "ListPrice",
  "ClosePrice",
  "BedroomsTotal",
  "BathroomsTotalInteger",
  "LivingArea",
  "LotSizeAcres",
  "LotSizeSquareFeet",
  "YearBuilt",
  "UnparsedAddress",
  "StreetNumber",
  "StreetName",
  "City",
  "StateOrProvince",
  "PostalCode",
  "CountyOrParish",
  "Latitude",
  "Longitude",
  "PublicRemarks",
  "ListAgentFullName",
  "ListOfficeName",
  "ListAgentKey",
  "ListOfficeKey",
  "DaysOnMarket",
  "ListingContractDate",
  "OnMarketDate",
  "ModificationTimestamp",
  "InternetEntireListingDisplayYN",
  "InternetAddressDisplayYN",
  "Media",
]);

/**
 * NUL and unpaired surrogates: PostgreSQL stores neither in text or jsonb, so one of them anywhere
 * in a page failed the page's statement, on every run, and stalled the feed at that record. Dropped
 * from every string, and text is cut on a character boundary (a cut emoji left half a pair).
 */
export const text = (v: unknown, max = 10_000): string | null => {
  if (typeof v === "number") return String(v);
  if (typeof v !== "string") return null;
  const out = stripUnstorable(v).trim();
  return out ? truncateText(out, max) : null;
};

/** Nesting kept in feedExtras; deeper values are dropped (serialising them overflowed the stack). */
export const EXTRAS_MAX_DEPTH = 16;

/** An unknown field's value as it can be stored: NUL and unpaired surrogates dropped from strings and names, nesting capped. */
export function extraValue(v: unknown, depth: number): unknown {
  if (typeof v === "string") return stripUnstorable(v);
  if (v === null || typeof v !== "object") return v;
  if (depth >= EXTRAS_MAX_DEPTH) return undefined;
  if (Array.isArray(v)) return v.map((item) => extraValue(item, depth + 1) ?? null);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    const kept = extraValue(value, depth + 1);
    if (kept !== undefined && key !== "__proto__") out[stripUnstorable(key)] = kept;
  }
  return out;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The record's key, or null: a string of 1 to 255 characters without control characters or
 * unpaired surrogates. A longer key is refused, not cut (two keys cut to the same 255 characters
 * would be one listing).
 */
export const listingKey = (v: unknown): string | null => {
  const key = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
  return key && key.length <= 255 && isStorableText(key) && !CONTROL.test(key) ? key : null;
};
const num = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : null;
const int = (v: unknown): number | null => {
  const n = num(v);
  return n === null || Math.abs(n) > 2_000_000_000 ? null : Math.round(n);
};
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : fallback);
/**
 * An ISO instant, or null: not a date, or outside the years 1000 to 9999 (JavaScript reads
 * "+010000-01-01", PostgreSQL refuses it, and one such date failed its whole page on every run).
 */
export const instant = (v: unknown): string | null => {
  if (typeof v !== "string") return null;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  return /^[1-9]\d{3}-/.test(iso) ? iso : null;
};
const coordinate = (v: unknown, limit: number): number | null => {
  const n = num(v);
  return n === null || Math.abs(n) > limit || n === 0 ? null : n;
};

function mapMedia(value: unknown): MappedMedia[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((m): m is Record<string, unknown> => !!m && typeof m === "object")
    .filter(
      (m) =>
        typeof m.MediaURL === "string" &&
        /^https?:\/\//i.test(m.MediaURL) &&
        (m.MediaCategory === undefined || m.MediaCategory === null || /photo/i.test(String(m.MediaCategory))),
    )
    .sort((a, b) => (num(a.Order) ?? 0) - (num(b.Order) ?? 0))
    .slice(0, 100)
    .map((m) => {
      const out: MappedMedia = { url: truncateText(stripUnstorable(String(m.MediaURL)), 2048) };
      const caption = text(m.ShortDescription, 300) ?? text(m.LongDescription, 300);
      if (caption) out.caption = caption;
      const width = int(m.ImageWidth),
        height = int(m.ImageHeight);
      if (width && height && width > 0 && height > 0) Object.assign(out, { width, height });
      return out;
    });
}

export type MapPropertyResult = { ok: true; listing: MappedListing } | { ok: false; reason: string };

/** Maps one Property record; a record without a key or modification time is refused. */
export function mapProperty(record: ResoRecordIn): MapPropertyResult {
  const ListingKey = listingKey(record.ListingKey);
  const ModificationTimestamp = instant(record.ModificationTimestamp);
  if (!ListingKey) return { ok: false, reason: "no ListingKey (or one longer than 255 characters or with control characters)" };
  if (!ModificationTimestamp) return { ok: false, reason: `${ListingKey}: no ModificationTimestamp` };
  const City = text(record.City, 200) ?? "";
  const StateOrProvince = text(record.StateOrProvince, 50) ?? "";
  const PostalCode = text(record.PostalCode, 20) ?? "";
  const StreetNumber = text(record.StreetNumber, 50);
  const StreetName = text(record.StreetName, 200);
  const street = [StreetNumber, StreetName].filter(Boolean).join(" ");
  const UnparsedAddress =
    text(record.UnparsedAddress, 500) ?? [street, City, [StateOrProvince, PostalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  const feedExtras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (MAPPED.has(key) || key.startsWith("@odata.") || key.includes("@odata.")) continue;
    const kept = extraValue(value, 0);
    if (kept !== undefined) feedExtras[stripUnstorable(key)] = kept;
  }
  return {
    ok: true,
    listing: {
      ListingKey,
      ListingId: text(record.ListingId, 255),
      StandardStatus: normalizeLookup("StandardStatus", record.StandardStatus) ?? "Active",
      PropertyType: normalizeLookup("PropertyType", record.PropertyType) ?? "Residential",
      PropertySubType: normalizeLookup("PropertySubType", record.PropertySubType),
      ListPrice: int(record.ListPrice) ?? int(record.ClosePrice) ?? 0,
      ClosePrice: int(record.ClosePrice),
      BedroomsTotal: int(record.BedroomsTotal),
      BathroomsTotalInteger: int(record.BathroomsTotalInteger),
      LivingArea: int(record.LivingArea),
      LotSizeAcres:
        num(record.LotSizeAcres) ?? (num(record.LotSizeSquareFeet) !== null ? Math.round((num(record.LotSizeSquareFeet)! / 43_560) * 100) / 100 : null),
      LotSizeSquareFeet: num(record.LotSizeSquareFeet),
      YearBuilt: int(record.YearBuilt),
      UnparsedAddress,
      StreetNumber,
      StreetName,
      City,
      StateOrProvince,
      PostalCode,
      CountyOrParish: text(record.CountyOrParish, 200),
      Latitude: coordinate(record.Latitude, 90),
      Longitude: coordinate(record.Longitude, 180),
      PublicRemarks: text(record.PublicRemarks, 20_000),
      ListAgentFullName: text(record.ListAgentFullName, 200),
      ListOfficeName: text(record.ListOfficeName, 300),
      ListAgentKey: text(record.ListAgentKey, 255),
      ListOfficeKey: text(record.ListOfficeKey, 255),
      DaysOnMarket: int(record.DaysOnMarket),
      ListingContractDate: instant(record.ListingContractDate),
      OnMarketDate: instant(record.OnMarketDate),
      ModificationTimestamp,
      InternetEntireListingDisplayYN: bool(record.InternetEntireListingDisplayYN, true),
      InternetAddressDisplayYN: bool(record.InternetAddressDisplayYN, true),
      Media: mapMedia(record.Media),
      feedExtras,
    },
  };
}
