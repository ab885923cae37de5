// RESO Data Dictionary 2.0 lookups. Servers send a lookup's display name ("Active Under
// Contract") or its legacy value ("ActiveUnderContract"); the platform stores the compact form
// (what its search filters and badges use). Values outside the Dictionary are kept as sent.
import { stripUnstorable } from "@real-estate/types";

const STANDARD_STATUS = [
  "Active",
  "ActiveUnderContract",
  "Canceled",
  "Closed",
  "ComingSoon",
  "Delete",
  "Expired",
  "Hold",
  "Incomplete",
  "Pending",
  "Withdrawn",
];
const PROPERTY_TYPE = [
  "BusinessOpportunity",
  "CommercialLease",
  "CommercialSale",
  "Farm",
  "Land",
  "ManufacturedInPark",
  "Residential",
  "ResidentialIncome",
  "ResidentialLease",
];
const PROPERTY_SUB_TYPE = [
  "Apartment",
  "BoatSlip",
  "Cabin",
  "Condominium",
  "DeededParking",
  "Duplex",
  "Farm",
  "ManufacturedHome",
  "ManufacturedOnLand",
  "MobileHome",
  "OwnYourOwn",
  "Quadruplex",
  "Ranch",
  "SingleFamilyResidence",
  "StockCooperative",
  "Timeshare",
  "Townhouse",
  "Triplex",
  "UnimprovedLand",
  "MultiFamily",
  "MixedUse",
  "Office",
  "Retail",
  "Warehouse",
  "Industrial",
  "Agriculture",
];

function table(values: string[]): Map<string, string> {
  return new Map(values.map((v) => [v.toLowerCase(), v]));
}
const TABLES = { StandardStatus: table(STANDARD_STATUS), PropertyType: table(PROPERTY_TYPE), PropertySubType: table(PROPERTY_SUB_TYPE) };

export type LookupField = keyof typeof TABLES;

/** The stored form of a lookup value: the Dictionary's compact name, or the value as sent. */
export function normalizeLookup(field: LookupField, value: unknown): string | null {
  if (typeof value !== "string" || !value.trim()) return null;
  const compact = value.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  // A value outside the lookup is kept as sent, without NUL or unpaired surrogates (PostgreSQL stores neither).
  return TABLES[field].get(compact) ?? (stripUnstorable(value).trim() || null);
}

/** Statuses a buyer can still act on (shown by default in search). */
export const FOR_SALE_STATUSES = ["Active", "ActiveUnderContract", "ComingSoon", "Pending"] as const;
