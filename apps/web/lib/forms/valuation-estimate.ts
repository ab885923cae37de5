import type { THomeValueEstimate } from "@real-estate/db/listings";
import type { TValuationSubmission } from "./valuation-schema";

/** The query of /home-value/estimate for a submission: the property facts only, never contact details. */
export function estimateQuery(input: Pick<TValuationSubmission, "address" | "town" | "livingArea" | "bedrooms" | "bathrooms" | "propertyType">): string {
  const entries: [string, string][] = [["address", input.address]];
  if (input.town) entries.push(["town", input.town]);
  if (input.livingArea) entries.push(["livingArea", String(input.livingArea)]);
  if (input.bedrooms !== undefined) entries.push(["bedrooms", String(input.bedrooms)]);
  if (input.bathrooms !== undefined) entries.push(["bathrooms", String(input.bathrooms)]);
  if (input.propertyType) entries.push(["propertyType", input.propertyType]);
  return new URLSearchParams(entries).toString();
}

/** The estimate as the API returns it (comparables trimmed to what the page shows). */
export function publicEstimate(estimate: THomeValueEstimate | null) {
  if (!estimate) return { status: "not_enough_facts" as const, comparables: [] };
  const comparables = estimate.comparables.map((c) => ({
    listingKey: c.ListingKey,
    address: c.UnparsedAddress.split(",")[0]!.trim(),
    status: c.StandardStatus,
    price: c.price,
    livingArea: c.LivingArea,
    bedrooms: c.BedroomsTotal,
    bathrooms: c.BathroomsTotalInteger,
  }));
  if (estimate.status === "insufficient_data") return { status: estimate.status, minimum: estimate.minimum, comparables };
  return { status: estimate.status, low: estimate.low, high: estimate.high, midpoint: estimate.midpoint, basis: estimate.basis, comparables };
}
export type TPublicEstimate = ReturnType<typeof publicEstimate>;
