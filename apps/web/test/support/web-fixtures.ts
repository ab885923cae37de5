// Test data for the web app: two tenants with towns, neighbourhoods, module settings and
// listings, created through the same data functions a feed or the seed would use.
import type { Db } from "@real-estate/db";
import { upsertNeighborhood, upsertTown } from "@real-estate/sites";
import { upsertListing } from "@real-estate/sites";
import { createTenantFixture } from "@real-estate/db/testing";
import type { AreaContent, WebsiteModuleKey } from "@real-estate/types";

export type WebTenant = { tenantId: string; slug: string; host: string; townSlugs: string[]; listingKeys: string[] };

type TenantSpec = {
  slug: string;
  name: string;
  host: string;
  primaryColor: string;
  accentColor: string;
  tagline: string;
  state: string;
  towns: { slug: string; name: string; lat: number; lon: number; neighborhoods: string[] }[];
  /** Modules on town pages, in order; the rest are off. */
  townModules: WebsiteModuleKey[];
  /** Modules on neighbourhood pages (default: the town modules). */
  neighborhoodModules?: WebsiteModuleKey[];
};

export const FAIRFIELD: TenantSpec = {
  slug: "fairfield",
  name: "Fairfield County Realty",
  host: "fairfield.localhost",
  primaryColor: "#1f4e79",
  accentColor: "#c8102e",
  tagline: "Coastal Connecticut, close to home",
  state: "CT",
  towns: [
    { slug: "fairfield", name: "Fairfield", lat: 41.1408, lon: -73.2613, neighborhoods: ["Southport", "Stratfield"] },
    { slug: "westport", name: "Westport", lat: 41.1415, lon: -73.3579, neighborhoods: ["Saugatuck"] },
    { slug: "darien", name: "Darien", lat: 41.0787, lon: -73.4693, neighborhoods: [] },
  ],
  townModules: ["at-a-glance", "taxes", "schools", "walk-score", "nearby-places", "listings", "valuation-cta"],
  neighborhoodModules: ["at-a-glance", "schools", "listings", "valuation-cta"],
};

/** A third tenant for tests that change a tenant (rename, suspend) while others browse. */
export const HARBOR: TenantSpec = {
  slug: "harbor",
  name: "Harbor Point Properties",
  host: "harbor.localhost",
  primaryColor: "#7c2d12",
  accentColor: "#0369a1",
  tagline: "Waterfront homes",
  state: "ME",
  towns: [{ slug: "portland", name: "Portland", lat: 43.6591, lon: -70.2568, neighborhoods: [] }],
  townModules: ["at-a-glance", "listings"],
};

export const SHORELINE: TenantSpec = {
  slug: "shoreline",
  name: "Shoreline Homes",
  host: "shoreline.localhost",
  primaryColor: "#0f766e",
  accentColor: "#f59e0b",
  tagline: "Homes along the Rhode Island shore",
  state: "RI",
  towns: [
    { slug: "newport", name: "Newport", lat: 41.4901, lon: -71.3128, neighborhoods: ["The Point"] },
    { slug: "narragansett", name: "Narragansett", lat: 41.4501, lon: -71.4495, neighborhoods: [] },
  ],
  townModules: ["listings", "at-a-glance", "schools", "valuation-cta"],
};

function areaContent(name: string): AreaContent {
  return {
    atAGlance: {
      facts: [
        { label: "Population (sample)", value: "61,000" },
        { label: "Commute to NYC (sample)", value: "65 min by train" },
        { label: "Median sale price (sample)", value: "$780,000" },
      ],
    },
    taxes: { millRate: 27.5, note: `Sample mill rate for ${name}; check the town assessor for current rates.`, isSample: true },
    schools: {
      district: `${name} Public Schools (sample)`,
      schools: [
        { name: `${name} Elementary (sample)`, grades: "K-5" },
        { name: `${name} High School (sample)`, grades: "9-12" },
      ],
      isSample: true,
    },
    walkScore: { walk: 62, transit: 35, bike: 48, isSample: true },
    nearbyPlaces: {
      places: [
        { name: "Town Green (sample)", kind: "Park" },
        { name: "Harbor Cafe (sample)", kind: "Restaurant" },
      ],
      isSample: true,
    },
  };
}

const SUBTYPES = ["SingleFamilyResidence", "SingleFamilyResidence", "Condominium", "Townhouse", "SingleFamilyResidence", "Duplex"];
const STATUSES = ["Active", "Active", "Active", "Active", "Pending", "Closed"];
const STREETS = ["Harbor Road", "Old Post Road", "Mill Plain Road", "Beach Road", "Maple Avenue", "Sasco Hill Road", "Greenfield Hill Road"];

async function createListingsFor(db: Db, tenantId: string, spec: TenantSpec, perTown: number): Promise<string[]> {
  const keys: string[] = [];
  let n = 0;
  for (const town of spec.towns) {
    for (let i = 0; i < perTown; i++, n++) {
      const key = `${spec.slug.slice(0, 2).toUpperCase()}${String(1000 + n)}`;
      const sub = SUBTYPES[n % SUBTYPES.length]!;
      const area = 1_200 + ((n * 137) % 2_600);
      const status = STATUSES[n % STATUSES.length]!;
      const price = Math.round((area * (280 + ((n * 53) % 180))) / 1000) * 1000;
      const nb = town.neighborhoods[i % Math.max(1, town.neighborhoods.length)];
      await upsertListing({
        tenantId,
        db,
        listing: {
          ListingKey: key,
          ListingId: `MLS-${key}`,
          StandardStatus: status,
          PropertyType: "Residential",
          PropertySubType: sub,
          ListPrice: price,
          ClosePrice: status === "Closed" ? price - 10_000 : null,
          BedroomsTotal: 2 + (n % 4),
          BathroomsTotalInteger: 1 + (n % 3),
          LivingArea: area,
          LotSizeAcres: 0.25 + (n % 5) * 0.2,
          YearBuilt: 1920 + ((n * 7) % 100),
          UnparsedAddress: `${10 + n * 3} ${STREETS[n % STREETS.length]}`,
          City: town.name,
          StateOrProvince: spec.state,
          PostalCode: spec.state === "CT" ? "06824" : "02840",
          Latitude: town.lat + (i % 5) * 0.004,
          Longitude: town.lon - (i % 3) * 0.004,
          PublicRemarks: `Sample listing: a bright ${sub === "Condominium" ? "condo" : "home"} in ${town.name} with an updated kitchen${n % 4 === 0 ? " and water views" : ""}.`,
          ListAgentFullName: "Alex Agent (sample)",
          ListOfficeName: spec.name,
          DaysOnMarket: (n * 3) % 90,
          ListingContractDate: new Date(Date.UTC(2026, 8, 1 + (n % 28))),
          ModificationTimestamp: new Date(Date.UTC(2026, 10, 1, 0, n)),
          Media: [1, 2, 3, 4].map((p) => ({ url: `/media/listings/${key}/${p}.svg`, caption: `Photo ${p} (sample photo)` })),
          townSlug: town.slug,
          neighborhoodSlug: nb ? nb.toLowerCase().replace(/[^a-z0-9]+/g, "-") : null,
          isSample: true,
        },
      });
      keys.push(key);
    }
  }
  return keys;
}

export async function createWebTenant(db: Db, spec: TenantSpec, options: { listingsPerTown?: number; extraHosts?: string[] } = {}): Promise<WebTenant> {
  const t = await createTenantFixture(db, {
    slug: spec.slug,
    name: spec.name,
    webHosts: [spec.host, ...(options.extraHosts ?? [])],
    crmHosts: [`crm.${spec.host}`],
  });
  await db.tenant.update({ where: { id: t.tenantId }, data: { primaryColor: spec.primaryColor, accentColor: spec.accentColor, tagline: spec.tagline } });
  await db.websiteConfig.update({
    where: { tenantId: t.tenantId },
    data: {
      siteTitle: spec.name,
      heroHeadline: `Find your place with ${spec.name}`,
      heroSubheadline: spec.tagline,
      contactEmail: `hello@${spec.host}`,
      contactPhone: "(203) 555-0100",
      officeAddress: `1 Main Street, ${spec.towns[0]!.name}, ${spec.state}`,
    },
  });
  for (const [i, town] of spec.towns.entries()) {
    await upsertTown({
      tenantId: t.tenantId,
      db,
      town: {
        slug: town.slug,
        name: town.name,
        state: spec.state,
        summary: `${town.name} is a sample town description: beaches, parks and a lively downtown.`,
        latitude: town.lat,
        longitude: town.lon,
        content: areaContent(town.name),
        isSample: true,
        sortOrder: i,
      },
    });
    for (const [j, nb] of town.neighborhoods.entries()) {
      const slug = nb.toLowerCase().replace(/[^a-z0-9]+/g, "-");
      await upsertNeighborhood({
        tenantId: t.tenantId,
        townSlug: town.slug,
        db,
        neighborhood: {
          slug,
          name: nb,
          summary: `${nb} is a sample neighborhood of ${town.name}.`,
          latitude: town.lat + 0.01,
          longitude: town.lon + 0.01,
          content: areaContent(nb),
          isSample: true,
          sortOrder: j,
        },
      });
    }
  }
  const modules = (["TOWN", "NEIGHBORHOOD"] as const).flatMap((pageKind) =>
    (pageKind === "TOWN" ? spec.townModules : (spec.neighborhoodModules ?? spec.townModules)).map((moduleKey, sortOrder) => ({
      tenantId: t.tenantId,
      pageKind,
      moduleKey,
      enabled: true,
      sortOrder,
    })),
  );
  await db.moduleConfig.createMany({ data: modules });
  const listingKeys = await createListingsFor(db, t.tenantId, spec, options.listingsPerTown ?? 10);
  return { tenantId: t.tenantId, slug: spec.slug, host: spec.host, townSlugs: spec.towns.map((x) => x.slug), listingKeys };
}
