// PublicRemarks for sample listings: varied enough to read naturally, always labelled.
import type { Rng } from "./random";
import type { ListingKind, ListingShape } from "./generate-listings";

const OPENERS = ["Bright", "Updated", "Well-kept", "Light-filled", "Classic", "Charming", "Spacious", "Quiet"];
const FEATURES: Record<ListingKind, readonly string[]> = {
  house: [
    "an open kitchen",
    "hardwood floors",
    "a screened porch",
    "a level back yard",
    "a finished lower level",
    "a two-car garage",
    "a fireplace in the living room",
    "a primary suite with walk-in closet",
  ],
  condo: ["an elevator building", "a private balcony", "in-unit laundry", "deeded parking", "an updated kitchen", "low-maintenance living"],
  townhouse: ["an end-unit position", "a private patio", "an attached garage", "a finished lower level", "an open main floor"],
  income: ["separate utilities", "a shared yard", "off-street parking", "updated systems", "long-term rental history (sample)"],
  land: ["gentle slopes", "mature trees", "a stone wall along the road", "a quiet road", "room for a garden"],
};
const KIND_NAMES: Record<ListingKind, string> = {
  house: "home",
  condo: "condominium",
  townhouse: "townhouse",
  income: "multi-family property",
  land: "building lot",
};

export function describeListing(options: { kind: ListingKind; shape: ListingShape; place: string; rng: Rng }): string {
  const { kind, shape, place, rng } = options;
  const features = FEATURES[kind];
  const first = rng.pick(features);
  const second = rng.pick(features.filter((f) => f !== first));
  const size =
    kind === "land"
      ? `${shape.LotSizeAcres}-acre ${KIND_NAMES[kind]}`
      : kind === "income"
        ? `${shape.PropertySubType?.toLowerCase()} ${KIND_NAMES[kind]}`
        : `${shape.BedroomsTotal}-bedroom ${KIND_NAMES[kind]}`;
  return `Sample listing for demonstration. ${rng.pick(OPENERS)} ${size} in ${place} with ${first} and ${second}. Not a real property; photos are illustrations.`;
}
