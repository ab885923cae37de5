import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { Prisma } from "@real-estate/db";
import { internetDisplayWhere, listingCardSelect, toListingCard, type ListingCardData } from "./listing-select";
import { upcomingOpenHouseWhere } from "./open-houses";

export const LISTING_SORTS = ["newest", "price-asc", "price-desc", "beds-desc", "size-desc"] as const;
export type ListingSort = (typeof LISTING_SORTS)[number];

export type ListingFilters = {
  /** Town slug on the tenant's site. */
  town?: string;
  /** Neighbourhood slug (within `town`). */
  neighborhood?: string;
  minPrice?: number;
  maxPrice?: number;
  /** Minimum bedrooms. */
  beds?: number;
  /** Minimum bathrooms. */
  baths?: number;
  /** PropertySubType or PropertyType values to match (exact, as stored). */
  propertyTypes?: string[];
  /** StandardStatus values to match (as stored); default: Active only. */
  statuses?: string[];
  /** Free text: address, city, postal code, listing key or remarks. */
  q?: string;
  /** Minimum living area, square feet. */
  minLivingArea?: number;
  /** Minimum lot size, acres. */
  minLotAcres?: number;
  /** Built in or after this year. */
  minYearBuilt?: number;
  /** On the market within the last N days. */
  newWithinDays?: number;
  /** Only listings with an upcoming public open house (the feed's OpenHouse resource). */
  openHouse?: boolean;
  /** Map bounds: only listings inside (the address-withheld ones have no position and drop out). */
  bounds?: MapBounds;
};

export type MapBounds = { west: number; south: number; east: number; north: number };

export type ListingSearchResult = {
  items: ListingCardData[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

/** The default status filter: what a buyer means by "homes for sale". */
export const DEFAULT_LISTING_STATUSES = ["Active"];

export function buildListingWhere(tenantId: string, filters: ListingFilters): Prisma.ListingWhereInput {
  const and: Prisma.ListingWhereInput[] = [{ tenantId }, internetDisplayWhere];
  if (filters.town) and.push({ townSlug: filters.town });
  if (filters.neighborhood) and.push({ neighborhoodSlug: filters.neighborhood });
  if (filters.minPrice !== undefined) and.push({ ListPrice: { gte: filters.minPrice } });
  if (filters.maxPrice !== undefined) and.push({ ListPrice: { lte: filters.maxPrice } });
  if (filters.beds !== undefined) and.push({ BedroomsTotal: { gte: filters.beds } });
  if (filters.baths !== undefined) and.push({ BathroomsTotalInteger: { gte: filters.baths } });
  if (filters.propertyTypes?.length) {
    and.push({ OR: [{ PropertySubType: { in: filters.propertyTypes } }, { PropertyType: { in: filters.propertyTypes } }] });
  }
  if (filters.minLivingArea !== undefined) and.push({ LivingArea: { gte: filters.minLivingArea } });
  if (filters.minLotAcres !== undefined) and.push({ LotSizeAcres: { gte: filters.minLotAcres } });
  if (filters.minYearBuilt !== undefined) and.push({ YearBuilt: { gte: filters.minYearBuilt } });
  if (filters.newWithinDays !== undefined) {
    const since = new Date(Date.now() - filters.newWithinDays * 86_400_000);
    and.push({ OR: [{ OnMarketDate: { gte: since } }, { OnMarketDate: null, ListingContractDate: { gte: since } }] });
  }
  if (filters.openHouse) and.push({ openHouses: { some: upcomingOpenHouseWhere() } });
  if (filters.bounds) {
    const b = filters.bounds;
    and.push({ Latitude: { gte: b.south, lte: b.north }, Longitude: { gte: b.west, lte: b.east } });
  }
  and.push({ StandardStatus: { in: filters.statuses?.length ? filters.statuses : DEFAULT_LISTING_STATUSES } });
  const q = filters.q?.trim();
  if (q) {
    const contains = { contains: q, mode: "insensitive" as const };
    and.push({
      OR: [{ UnparsedAddress: contains }, { City: contains }, { PostalCode: contains }, { ListingKey: contains }, { PublicRemarks: contains }],
    });
  }
  return { AND: and };
}

function orderBy(sort: ListingSort): Prisma.ListingOrderByWithRelationInput[] {
  switch (sort) {
    case "price-asc":
      return [{ ListPrice: "asc" }, { ListingKey: "asc" }];
    case "price-desc":
      return [{ ListPrice: "desc" }, { ListingKey: "asc" }];
    case "beds-desc":
      return [{ BedroomsTotal: { sort: "desc", nulls: "last" } }, { ListPrice: "desc" }, { ListingKey: "asc" }];
    case "size-desc":
      return [{ LivingArea: { sort: "desc", nulls: "last" } }, { ListingKey: "asc" }];
    default:
      return [{ ModificationTimestamp: "desc" }, { ListingKey: "asc" }];
  }
}

/** One page of a tenant's listings matching the filters, with the total count. */
export async function searchListings(options: {
  tenantId: string;
  filters?: ListingFilters;
  sort?: ListingSort;
  /** 1-based page number (default 1). */
  page?: number;
  /** Listings per page (default 12, at most 60). */
  pageSize?: number;
  db?: Db;
}): Promise<ListingSearchResult> {
  const db = options.db ?? getDb();
  const pageSize = Math.min(Math.max(options.pageSize ?? 12, 1), 60);
  const page = Math.max(options.page ?? 1, 1);
  const where = buildListingWhere(options.tenantId, options.filters ?? {});
  const [total, rows] = await Promise.all([
    db.listing.count({ where }),
    db.listing.findMany({ where, select: listingCardSelect, orderBy: orderBy(options.sort ?? "newest"), skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { items: rows.map(toListingCard), total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
