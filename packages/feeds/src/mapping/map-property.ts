// One RESO Property record (with its expanded Media) -> one Listing row. Field names are the
// Data Dictionary's, so most fields copy across; lookups are normalised; every field without a
// column is kept in feedExtras, as sent.
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

const text = (v: unknown, max = 10_000): string | null =>
  typeof v === "string" && v.trim() ? v.trim().slice(0, max) : typeof v === "number" ? String(v) : null;
const num = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : null;
const int = (v: unknown): number | null => {
  const n = num(v);
  return n === null || Math.abs(n) > 2_000_000_000 ? null : Math.round(n);
};
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : fallback);
const instant = (v: unknown): string | null => {
  if (typeof v !== "string") return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
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
      const out: MappedMedia = { url: String(m.MediaURL).slice(0, 2048) };
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
  const ListingKey = text(record.ListingKey, 255);
  const ModificationTimestamp = instant(record.ModificationTimestamp);
  if (!ListingKey) return { ok: false, reason: "no ListingKey" };
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
    if (!MAPPED.has(key) && !key.startsWith("@odata.") && !key.includes("@odata.")) feedExtras[key] = value;
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
