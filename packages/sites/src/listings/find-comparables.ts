import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { Prisma } from "@real-estate/db";
import { VALUATION_FACTS, type ValuationFact } from "@real-estate/types";

export type ComparableSubject = {
  /** Town slug on the tenant's site. */
  town: string;
  livingArea?: number;
  bedrooms?: number;
  bathrooms?: number;
  yearBuilt?: number;
  /** PropertySubType as stored (e.g. "Single Family Residence"); optional. */
  propertySubType?: string;
};

/** Which of the facts the visitor gave the comparables matched, and which they could not support. */
export type FactsUsed = { used: ValuationFact[]; notUsed: { fact: ValuationFact; reason: string }[] };

export type Comparable = {
  ListingKey: string;
  UnparsedAddress: string;
  StandardStatus: string;
  PropertySubType: string | null;
  BedroomsTotal: number | null;
  BathroomsTotalInteger: number | null;
  LivingArea: number | null;
  YearBuilt: number | null;
  /** ClosePrice for a closed sale, else ListPrice. */
  price: number;
};

/** Statuses whose price says something about value (asking or sold). */
const VALUE_STATUSES = ["Closed", "Active", "Active Under Contract", "Pending"];
const SIZE_WINDOWS = [0.25, 0.4];
/** How far a comparable may be from the subject in each secondary fact. */
const BEDROOMS_WITHIN = 1;
const BATHROOMS_WITHIN = 1;
const YEARS_WITHIN = 15;
/** Comparables used at most. */
export const MAX_COMPARABLES = 8;
/** Fewer comparables than this and no estimate is given. */
export const MIN_COMPARABLES = 3;

const comparableSelect = {
  ListingKey: true,
  UnparsedAddress: true,
  StandardStatus: true,
  PropertySubType: true,
  BedroomsTotal: true,
  BathroomsTotalInteger: true,
  LivingArea: true,
  YearBuilt: true,
  ListPrice: true,
  ClosePrice: true,
} satisfies Prisma.ListingSelect;

type Row = Prisma.ListingGetPayload<{ select: typeof comparableSelect }>;

function toComparable(r: Row): Comparable {
  const { ListPrice, ClosePrice, ...rest } = r;
  return { ...rest, price: r.StandardStatus === "Closed" && ClosePrice ? ClosePrice : ListPrice };
}

type Secondary = "bedrooms" | "bathrooms" | "yearBuilt";

/** How unlike the subject a listing is, over the facts in use (0: alike). */
function distance(subject: ComparableSubject, used: Set<ValuationFact>, r: Row): number {
  let d = 0;
  if (used.has("livingArea") && subject.livingArea && r.LivingArea) d += Math.abs(r.LivingArea - subject.livingArea) / subject.livingArea;
  if (used.has("bedrooms") && subject.bedrooms !== undefined && r.BedroomsTotal !== null) d += 0.1 * Math.abs(r.BedroomsTotal - subject.bedrooms);
  if (used.has("bathrooms") && subject.bathrooms !== undefined && r.BathroomsTotalInteger !== null)
    d += 0.05 * Math.abs(r.BathroomsTotalInteger - subject.bathrooms);
  if (used.has("yearBuilt") && subject.yearBuilt !== undefined && r.YearBuilt !== null) d += 0.005 * Math.abs(r.YearBuilt - subject.yearBuilt);
  return d;
}

function secondaryWhere(subject: ComparableSubject, fact: Secondary): Prisma.ListingWhereInput {
  if (fact === "bedrooms") return { BedroomsTotal: { gte: subject.bedrooms! - BEDROOMS_WITHIN, lte: subject.bedrooms! + BEDROOMS_WITHIN } };
  if (fact === "bathrooms")
    return { BathroomsTotalInteger: { gte: Math.floor(subject.bathrooms! - BATHROOMS_WITHIN), lte: Math.ceil(subject.bathrooms! + BATHROOMS_WITHIN) } };
  return { YearBuilt: { gte: subject.yearBuilt! - YEARS_WITHIN, lte: subject.yearBuilt! + YEARS_WITHIN } };
}

/**
 * Listings of the tenant like the subject, and which of the subject's facts they match. The
 * town, and the property sub-type when given, always hold. The size is the living area (within
 * 25 %, widened to 40 %) or, without one, the bedrooms (within one). The other facts given,
 * bedrooms, bathrooms (within one) and year built (within 15 years), narrow the comparables as
 * long as at least three still match: when too few do, the least telling fact is let go (year
 * built first, then bathrooms, then bedrooms) and said so. Closest first over the facts used,
 * closed sales before asking prices.
 */
export async function findComparables(options: {
  tenantId: string;
  subject: ComparableSubject;
  db?: Db;
}): Promise<{ comparables: Comparable[]; facts: FactsUsed }> {
  const db = options.db ?? getDb();
  const { subject } = options;
  const base: Prisma.ListingWhereInput = {
    tenantId: options.tenantId,
    InternetEntireListingDisplayYN: true,
    townSlug: subject.town,
    StandardStatus: { in: VALUE_STATUSES },
    ListPrice: { gt: 0 },
    ...(subject.propertySubType ? { PropertySubType: subject.propertySubType } : {}),
  };
  const fixed: ValuationFact[] = ["town", ...(subject.propertySubType ? (["propertyType"] as const) : [])];
  const byArea = Boolean(subject.livingArea);
  const bySize: ValuationFact[] = byArea ? ["livingArea"] : subject.bedrooms !== undefined ? ["bedrooms"] : [];
  if (!bySize.length) return { comparables: [], facts: { used: [], notUsed: [] } };
  const secondaries = [
    ...(byArea && subject.bedrooms !== undefined ? (["bedrooms"] as const) : []),
    ...(subject.bathrooms !== undefined ? (["bathrooms"] as const) : []),
    ...(subject.yearBuilt !== undefined ? (["yearBuilt"] as const) : []),
  ] as Secondary[];
  let rows: Row[] = [];
  let kept: Secondary[] = [];
  attempts: for (let n = secondaries.length; n >= 0; n--) {
    kept = secondaries.slice(0, n);
    for (const window of byArea ? SIZE_WINDOWS : [null]) {
      const size: Prisma.ListingWhereInput =
        window === null
          ? secondaryWhere(subject, "bedrooms")
          : { LivingArea: { gte: Math.floor(subject.livingArea! * (1 - window)), lte: Math.ceil(subject.livingArea! * (1 + window)) } };
      rows = await db.listing.findMany({
        where: { AND: [base, size, ...kept.map((f) => secondaryWhere(subject, f))] },
        select: comparableSelect,
        take: 200,
      });
      if (rows.length >= MIN_COMPARABLES) break attempts;
    }
  }
  const used = new Set<ValuationFact>([...fixed, ...bySize, ...kept]);
  const notUsed = secondaries.filter((f) => !kept.includes(f)).map((fact) => ({ fact, reason: "too few comparable homes match it as well" }));
  const comparables = rows
    .sort(
      (a, b) =>
        distance(subject, used, a) - distance(subject, used, b) ||
        Number(b.StandardStatus === "Closed") - Number(a.StandardStatus === "Closed") ||
        a.ListingKey.localeCompare(b.ListingKey),
    )
    .slice(0, MAX_COMPARABLES)
    .map(toComparable);
  return { comparables, facts: { used: VALUATION_FACTS.filter((f) => used.has(f)), notUsed } };
}
