import type { ComparableSubject, HomeValueEstimate } from "@real-estate/sites";
import type { ValuationSubmission } from "./valuation-schema";

type TSubjectFacts = Pick<ValuationSubmission, "livingArea" | "bedrooms" | "bathrooms" | "yearBuilt" | "propertyType"> & { town: string };

/** What the estimate compares: every property fact the visitor gave. */
export function valuationSubject(input: TSubjectFacts): ComparableSubject {
  return {
    town: input.town,
    livingArea: input.livingArea,
    bedrooms: input.bedrooms,
    bathrooms: input.bathrooms,
    yearBuilt: input.yearBuilt,
    propertySubType: input.propertyType,
  };
}

/** The query of /home-value/estimate for a submission: the property facts only, never contact details. */
export function estimateQuery(
  input: Pick<ValuationSubmission, "address" | "town" | "livingArea" | "bedrooms" | "bathrooms" | "yearBuilt" | "propertyType">,
): string {
  const entries: [string, string][] = [["address", input.address]];
  if (input.town) entries.push(["town", input.town]);
  if (input.livingArea) entries.push(["livingArea", String(input.livingArea)]);
  if (input.bedrooms !== undefined) entries.push(["bedrooms", String(input.bedrooms)]);
  if (input.bathrooms !== undefined) entries.push(["bathrooms", String(input.bathrooms)]);
  if (input.yearBuilt !== undefined) entries.push(["yearBuilt", String(input.yearBuilt)]);
  if (input.propertyType) entries.push(["propertyType", input.propertyType]);
  return new URLSearchParams(entries).toString();
}

/** The estimate as the API returns it (comparables trimmed to what the page shows). */
export function publicEstimate(estimate: HomeValueEstimate | null) {
  if (!estimate) return { status: "not_enough_facts" as const, comparables: [] };
  const comparables = estimate.comparables.map((c) => ({
    listingKey: c.ListingKey,
    address: c.UnparsedAddress.split(",")[0]!.trim(),
    status: c.StandardStatus,
    price: c.price,
    livingArea: c.LivingArea,
    bedrooms: c.BedroomsTotal,
    bathrooms: c.BathroomsTotalInteger,
    yearBuilt: c.YearBuilt,
  }));
  const facts = { factsUsed: estimate.facts.used, factsNotUsed: estimate.facts.notUsed };
  if (estimate.status === "insufficient_data") return { status: estimate.status, minimum: estimate.minimum, comparables, ...facts };
  return { status: estimate.status, low: estimate.low, high: estimate.high, midpoint: estimate.midpoint, basis: estimate.basis, comparables, ...facts };
}
export type PublicEstimate = ReturnType<typeof publicEstimate>;
