import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import type { Prisma } from "../generated/prisma/client";

export type TComparableSubject = {
  /** Town slug on the tenant's site. */
  town: string;
  livingArea?: number;
  bedrooms?: number;
  /** PropertySubType as stored (e.g. "Single Family Residence"); optional. */
  propertySubType?: string;
};

export type TComparable = {
  ListingKey: string;
  UnparsedAddress: string;
  StandardStatus: string;
  PropertySubType: string | null;
  BedroomsTotal: number | null;
  BathroomsTotalInteger: number | null;
  LivingArea: number | null;
  /** ClosePrice for a closed sale, else ListPrice. */
  price: number;
};

/** Statuses whose price says something about value (asking or sold). */
const VALUE_STATUSES = ["Closed", "Active", "Active Under Contract", "Pending"];
const SIZE_WINDOWS = [0.25, 0.4];
/** Comparables used at most. */
export const MAX_COMPARABLES = 8;

const comparableSelect = {
  ListingKey: true,
  UnparsedAddress: true,
  StandardStatus: true,
  PropertySubType: true,
  BedroomsTotal: true,
  BathroomsTotalInteger: true,
  LivingArea: true,
  ListPrice: true,
  ClosePrice: true,
} satisfies Prisma.ListingSelect;

type Row = Prisma.ListingGetPayload<{ select: typeof comparableSelect }>;

function toComparable(r: Row): TComparable {
  const { ListPrice, ClosePrice, ...rest } = r;
  return { ...rest, price: r.StandardStatus === "Closed" && ClosePrice ? ClosePrice : ListPrice };
}

function closeness(subject: TComparableSubject, r: Row): number {
  if (subject.livingArea && r.LivingArea) return Math.abs(r.LivingArea - subject.livingArea) / subject.livingArea;
  if (subject.bedrooms !== undefined && r.BedroomsTotal !== null) return Math.abs(r.BedroomsTotal - subject.bedrooms);
  return 0;
}

/**
 * Listings of the tenant like the subject: same town, similar size (living area within 25 %,
 * widened to 40 % when fewer than three match; bedrooms within one when no size is given), the
 * same property sub-type when given. Closest first, closed sales before asking prices.
 */
export async function findComparables(options: { tenantId: string; subject: TComparableSubject; db?: Db }): Promise<TComparable[]> {
  const db = options.db ?? getDb();
  const { subject } = options;
  const base: Prisma.ListingWhereInput = {
    tenantId: options.tenantId,
    townSlug: subject.town,
    StandardStatus: { in: VALUE_STATUSES },
    ListPrice: { gt: 0 },
    ...(subject.propertySubType ? { PropertySubType: subject.propertySubType } : {}),
  };
  let rows: Row[] = [];
  if (subject.livingArea) {
    for (const window of SIZE_WINDOWS) {
      const area = subject.livingArea;
      rows = await db.listing.findMany({
        where: { ...base, LivingArea: { gte: Math.floor(area * (1 - window)), lte: Math.ceil(area * (1 + window)) } },
        select: comparableSelect,
        take: 200,
      });
      if (rows.length >= 3) break;
    }
  } else if (subject.bedrooms !== undefined) {
    rows = await db.listing.findMany({
      where: { ...base, BedroomsTotal: { gte: subject.bedrooms - 1, lte: subject.bedrooms + 1 } },
      select: comparableSelect,
      take: 200,
    });
  }
  return rows
    .sort((a, b) => closeness(subject, a) - closeness(subject, b) || Number(b.StandardStatus === "Closed") - Number(a.StandardStatus === "Closed") || a.ListingKey.localeCompare(b.ListingKey))
    .slice(0, MAX_COMPARABLES)
    .map(toComparable);
}
