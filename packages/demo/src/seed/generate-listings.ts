// The demo listings of one tenant, generated from a seeded PRNG: the same list on every run.
// Each listing draws from its own seed (tenant + number), so changing the count or one
// listing's rules does not reshuffle all the others.
import { listingMediaFor } from "../photos/listing-media";
import { AGENT_NAMES } from "../data/names";
import type { SeedNeighborhood, SeedTenant, SeedTown } from "../data";
import type { ListingSeed } from "../factories/build-listing";
import { DAY_MS, createRng, hashString, type Rng } from "./random";
import { describeListing } from "./describe-listing";

type Kind = "house" | "condo" | "townhouse" | "income" | "land";

const KIND_WEIGHTS = [
  ["house", 55],
  ["condo", 17],
  ["townhouse", 12],
  ["income", 8],
  ["land", 8],
] as const;
const STATUS_WEIGHTS = [
  ["Active", 60],
  ["Pending", 9],
  ["ActiveUnderContract", 8],
  ["ComingSoon", 6],
  ["Closed", 17],
] as const;
/** Price relative to a typical single-family house in the same town. */
const KIND_PRICE: Record<Kind, number> = { house: 1, condo: 0.42, townhouse: 0.6, income: 0.72, land: 0.33 };

type Shape = Pick<ListingSeed, "PropertyType" | "PropertySubType" | "BedroomsTotal" | "BathroomsTotalInteger" | "LivingArea" | "LotSizeAcres" | "YearBuilt">;

function shapeFor(kind: Kind, rng: Rng): Shape {
  const acres = (min: number, max: number) => Math.round((min + rng.next() * (max - min)) * 100) / 100;
  switch (kind) {
    case "house": {
      const beds = rng.weighted([
        [3, 35],
        [4, 40],
        [5, 18],
        [6, 7],
      ] as const);
      return {
        PropertyType: "Residential",
        PropertySubType: "SingleFamilyResidence",
        BedroomsTotal: beds,
        BathroomsTotalInteger: Math.max(2, beds - rng.int(1, 2) + rng.int(0, 1)),
        LivingArea: 550 * beds + rng.int(-300, 900),
        LotSizeAcres: acres(0.18, 2.6),
        YearBuilt: rng.int(1890, 2023),
      };
    }
    case "condo": {
      const beds = rng.weighted([
        [1, 30],
        [2, 50],
        [3, 20],
      ] as const);
      return {
        PropertyType: "Residential",
        PropertySubType: "Condominium",
        BedroomsTotal: beds,
        BathroomsTotalInteger: Math.max(1, beds - rng.int(0, 1)),
        LivingArea: 480 * beds + rng.int(150, 500),
        LotSizeAcres: null,
        YearBuilt: rng.int(1965, 2024),
      };
    }
    case "townhouse": {
      const beds = rng.int(2, 4);
      return {
        PropertyType: "Residential",
        PropertySubType: "Townhouse",
        BedroomsTotal: beds,
        BathroomsTotalInteger: beds,
        LivingArea: 520 * beds + rng.int(100, 600),
        LotSizeAcres: acres(0.03, 0.15),
        YearBuilt: rng.int(1975, 2024),
      };
    }
    case "income": {
      const subType = rng.weighted([
        ["Duplex", 60],
        ["Triplex", 30],
        ["Quadruplex", 10],
      ] as const);
      const units = subType === "Duplex" ? 2 : subType === "Triplex" ? 3 : 4;
      return {
        PropertyType: "ResidentialIncome",
        PropertySubType: subType,
        BedroomsTotal: units * rng.int(2, 3),
        BathroomsTotalInteger: units + rng.int(0, 1),
        LivingArea: units * rng.int(900, 1250),
        LotSizeAcres: acres(0.1, 0.45),
        YearBuilt: rng.int(1880, 1995),
      };
    }
    case "land":
      return {
        PropertyType: "Land",
        PropertySubType: "UnimprovedLand",
        BedroomsTotal: null,
        BathroomsTotalInteger: null,
        LivingArea: null,
        LotSizeAcres: acres(0.4, 6),
        YearBuilt: null,
      };
  }
}

/** Rounds like a listing agent: $874,000, $1,249,000, $3,195,000. */
function marketPrice(raw: number, rng: Rng): number {
  const step = raw >= 2_000_000 ? 25_000 : raw >= 1_000_000 ? 10_000 : 5_000;
  const rounded = Math.max(step, Math.round(raw / step) * step);
  return rng.chance(0.45) ? rounded - 1_000 : rounded;
}

function priceFor(kind: Kind, shape: Shape, town: SeedTown, hood: SeedNeighborhood | null, rng: Rng): number {
  const hoodFactor = hood ? 0.85 + (hashString(hood.slug) % 40) / 100 : 1;
  const sizeFactor = shape.LivingArea ? Math.pow(shape.LivingArea / (kind === "house" ? 2_600 : 1_400), 0.75) : 1;
  const landFactor = kind === "land" ? Math.pow(shape.LotSizeAcres ?? 1, 0.4) : 1;
  const noise = 0.78 + rng.next() * 0.5;
  return marketPrice(town.typicalPrice * KIND_PRICE[kind] * hoodFactor * sizeFactor * landFactor * noise, rng);
}

function jitter(rng: Rng, spread: number): number {
  return Math.round((rng.next() - 0.5) * 2 * spread * 1e6) / 1e6;
}

/** Listing number `n` (0-based) of a tenant, as of `anchor` (start of today, UTC). */
export function generateListing(tenant: SeedTenant, n: number, anchor: Date): ListingSeed {
  const rng = createRng(`${tenant.slug}:listing:${n}`);
  const town = rng.weighted(tenant.towns.map((t) => [t, t.listingWeight] as const));
  const hood = rng.chance(0.8) ? rng.pick(town.neighborhoods) : null;
  const kind = rng.weighted(KIND_WEIGHTS);
  const status =
    kind === "land"
      ? rng.weighted([
          ["Active", 80],
          ["Pending", 8],
          ["Closed", 12],
        ] as const)
      : rng.weighted(STATUS_WEIGHTS);
  const shape = shapeFor(kind, rng);
  const ListPrice = priceFor(kind, shape, town, hood, rng);
  const number = tenant.listing.firstNumber + n;
  const ListingKey = `${tenant.listing.keyPrefix}-${number}`;
  const streetNumber = String(rng.int(2, 1480));
  const street = rng.pick(tenant.streets);
  const unit = kind === "condo" ? ` Unit ${rng.int(1, 5)}${rng.pick(["A", "B", "C", "D"])}` : "";
  const postal = hood?.postalCode ?? town.postalCode;
  const modifiedDaysAgo = rng.next() * 90;
  const ModificationTimestamp = new Date(anchor.getTime() - Math.round(modifiedDaysAgo * 24 * 60) * 60_000);
  const contractDaysBefore = status === "ComingSoon" ? 0 : rng.int(3, 110);
  const ListingContractDate = new Date(ModificationTimestamp.getTime() - contractDaysBefore * DAY_MS);
  const onMarketUntil = status === "Closed" || status === "Pending" ? ModificationTimestamp : anchor;
  const center = hood ?? town;
  return {
    ListingKey,
    ListingId: String(number),
    StandardStatus: status,
    ...shape,
    ListPrice,
    ClosePrice: status === "Closed" ? marketPrice(ListPrice * (0.94 + rng.next() * 0.1), rng) : null,
    UnparsedAddress: `${streetNumber} ${street}${unit}, ${town.name}, ${tenant.state} ${postal}`,
    StreetNumber: streetNumber,
    StreetName: street,
    City: town.name,
    StateOrProvince: tenant.state,
    PostalCode: postal,
    CountyOrParish: tenant.county,
    Latitude: center.latitude + jitter(rng, hood ? 0.008 : 0.018),
    Longitude: center.longitude + jitter(rng, hood ? 0.01 : 0.022),
    PublicRemarks: describeListing({ kind, shape, place: hood?.name ?? town.name, rng }),
    ListAgentFullName: rng.pick(AGENT_NAMES),
    ListOfficeName: rng.chance(0.65) ? tenant.name : rng.pick(tenant.otherOffices),
    DaysOnMarket: status === "ComingSoon" ? 0 : Math.max(1, Math.round((onMarketUntil.getTime() - ListingContractDate.getTime()) / DAY_MS)),
    ListingContractDate,
    ModificationTimestamp,
    Media: listingMediaFor({ listingKey: ListingKey, count: rng.int(3, 5), propertySubType: shape.PropertySubType }),
    townSlug: town.slug,
    neighborhoodSlug: hood?.slug ?? null,
    isSample: true,
  };
}

/** All demo listings of a tenant. */
export function generateDemoListings(tenant: SeedTenant, anchor: Date): ListingSeed[] {
  return Array.from({ length: tenant.listing.count }, (_, n) => generateListing(tenant, n, anchor));
}

export type { Kind as ListingKind, Shape as ListingShape };
