// Town and neighbourhood content for the demo. Every figure here is generated and flagged
// isSample: the site must not present it as a fact about the real town.
import { ZAreaContent, type AreaContent } from "@real-estate/types";
import { createRng } from "./random";
import type { SeedNeighborhood, SeedTenant, SeedTown } from "../data";

const SAMPLE_NOTE = "Sample value for demonstration only";

function sampleSchools(area: string, isNeighborhood: boolean) {
  const schools = [
    { name: `${area} Sample Elementary School`, grades: "K-5", note: "Sample entry; not a real school or rating" },
    { name: `${area} Sample Middle School`, grades: "6-8", note: "Sample entry; not a real school or rating" },
    { name: `${area} Sample High School`, grades: "9-12", note: "Sample entry; not a real school or rating" },
  ];
  return isNeighborhood ? schools.slice(0, 2) : schools;
}

function samplePlaces(area: string, coastal: boolean) {
  return [
    { name: `${area} town green (sample)`, kind: "park" },
    { name: "Sample Street Café", kind: "restaurant" },
    { name: "Example Market (sample)", kind: "grocery" },
    { name: coastal ? "Public beach (sample)" : "Nature preserve (sample)", kind: coastal ? "beach" : "park" },
    { name: "Sample public library", kind: "library" },
  ];
}

/** Content for a town page; validated against ZAreaContent before it is returned. */
export function buildTownContent(tenant: SeedTenant, town: SeedTown): AreaContent {
  const rng = createRng(`${tenant.slug}:town:${town.slug}`);
  const content: AreaContent = {
    atAGlance: {
      facts: [
        { label: "County", value: `${tenant.county}, ${tenant.state}` },
        { label: "Neighbourhoods featured", value: town.neighborhoods.map((n) => n.name).join(", ") },
        { label: "Getting around", value: `${tenant.transitNote} (sample summary)` },
        { label: "About this data", value: "Sample content for demonstration; the brokerage replaces it with its own." },
      ],
    },
    taxes: {
      millRate: Math.round((12 + rng.next() * 18) * 100) / 100,
      note: `${SAMPLE_NOTE}. Check the ${town.name} assessor for the current mill rate.`,
      isSample: true,
    },
    schools: { district: `${town.name} schools (sample data)`, schools: sampleSchools(town.name, false), isSample: true },
    walkScore: { walk: rng.int(25, 85), transit: rng.int(10, 60), bike: rng.int(20, 70), isSample: true },
    nearbyPlaces: { places: samplePlaces(town.name, true), isSample: true },
  };
  return ZAreaContent.parse(content);
}

/** Content for a neighbourhood page, derived from its town's sample figures. */
export function buildNeighborhoodContent(tenant: SeedTenant, town: SeedTown, hood: SeedNeighborhood): AreaContent {
  const rng = createRng(`${tenant.slug}:hood:${town.slug}:${hood.slug}`);
  const townContent = buildTownContent(tenant, town);
  const content: AreaContent = {
    atAGlance: {
      facts: [
        { label: "Town", value: `${town.name}, ${tenant.state}` },
        { label: "Postal code", value: hood.postalCode ?? town.postalCode },
        { label: "About this data", value: "Sample content for demonstration; the brokerage replaces it with its own." },
      ],
    },
    taxes: { ...townContent.taxes, note: `${SAMPLE_NOTE}. Neighbourhoods pay the ${town.name} town rate.`, isSample: true },
    schools: { district: `${town.name} schools (sample data)`, schools: sampleSchools(hood.name, true), isSample: true },
    walkScore: { walk: rng.int(20, 90), transit: rng.int(5, 60), bike: rng.int(15, 75), isSample: true },
    nearbyPlaces: { places: samplePlaces(hood.name, rng.chance(0.6)).slice(0, 4), isSample: true },
  };
  return ZAreaContent.parse(content);
}

/** "Sample content. …" summaries, so a visitor never takes them for an editor's text. */
export function sampleSummary(description: string): string {
  return `Sample content. ${description}`;
}
