import type { ModuleSettings, WebsiteModuleKey } from "@real-estate/types";

export type SeedNeighborhood = {
  slug: string;
  name: string;
  latitude: number;
  longitude: number;
  /** Postal code when it differs from the town's. */
  postalCode?: string;
  /** A short, general description (shown after "Sample content."). */
  description: string;
};

export type SeedTown = {
  slug: string;
  name: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  /** Typical single-family list price used to generate sample listings (never shown). */
  typicalPrice: number;
  /** Relative share of the tenant's sample listings. */
  listingWeight: number;
  description: string;
  neighborhoods: SeedNeighborhood[];
};

/** A page module in display order: [key, enabled, settings]. */
export type SeedModule = readonly [WebsiteModuleKey, boolean, ModuleSettings?];

export type SeedTenant = {
  slug: "fairfield" | "shoreline";
  name: string;
  tagline: string;
  primaryColor: string;
  accentColor: string;
  /** Web host names; the first is primary. */
  webHosts: string[];
  /** CRM host names; the first is primary. */
  crmHosts: string[];
  website: {
    siteTitle: string;
    heroHeadline: string;
    heroSubheadline: string;
    contactEmail: string;
    contactPhone: string;
    officeAddress: string;
  };
  modules: { TOWN: readonly SeedModule[]; NEIGHBORHOOD: readonly SeedModule[] };
  state: string;
  county: string;
  /** Area code for the sample 555 phone numbers of this market. */
  areaCode: string;
  listing: { keyPrefix: string; firstNumber: number; count: number };
  streets: readonly string[];
  otherOffices: readonly string[];
  /** A typical commuter-rail line, used in at-a-glance facts. */
  transitNote: string;
  towns: SeedTown[];
};
