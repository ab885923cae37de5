import { leadSourceLabel } from "@real-estate/types";

/** What routing knows about a new lead: its source, the listing it is about, the local time. */
export type RoutingFacts = {
  source: string;
  listing: { price: number; townSlug: string | null; city: string; office: string | null; agent: string | null } | null;
  /** Minutes after local midnight in the tenant's time zone when the lead arrived. */
  localMinute: number;
};

export type RuleConditions = {
  sources: string[];
  towns: string[];
  minPrice: number | null;
  maxPrice: number | null;
  listingOffice: string | null;
  listingAgent: string | null;
  fromMinute: number | null;
  toMinute: number | null;
};

const money = (n: number) => `$${n.toLocaleString("en-US")}`;
export const clockTime = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
const same = (a: string | null | undefined, b: string | null | undefined) => Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());
const slugOf = (city: string) =>
  city
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function inWindow(minute: number, from: number, to: number): boolean {
  return from <= to ? minute >= from && minute <= to : minute >= from || minute <= to;
}

/**
 * Whether every condition of a rule holds for the lead, and the reasons in words ("source is
 * Listing inquiry; town is Greenwich"). A condition on the listing fails when the lead has no listing.
 */
export function matchRoutingRule(rule: RuleConditions, facts: RoutingFacts): { matches: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const fail = { matches: false, reasons };
  if (rule.sources.length) {
    if (!rule.sources.includes(facts.source)) return fail;
    reasons.push(`source is ${leadSourceLabel(facts.source)}`);
  }
  const { listing } = facts;
  if (rule.towns.length) {
    const town = listing ? (listing.townSlug ?? slugOf(listing.city)) : null;
    if (!town || !rule.towns.includes(town)) return fail;
    reasons.push(`town is ${listing!.city}`);
  }
  if (rule.minPrice != null || rule.maxPrice != null) {
    if (!listing) return fail;
    if (rule.minPrice != null && listing.price < rule.minPrice) return fail;
    if (rule.maxPrice != null && listing.price > rule.maxPrice) return fail;
    const range =
      rule.maxPrice == null
        ? `from ${money(rule.minPrice!)}`
        : rule.minPrice == null
          ? `up to ${money(rule.maxPrice)}`
          : `${money(rule.minPrice)}–${money(rule.maxPrice)}`;
    reasons.push(`price ${money(listing.price)} is ${range}`);
  }
  if (rule.listingOffice) {
    if (!same(listing?.office, rule.listingOffice)) return fail;
    reasons.push(`listing office is ${listing!.office}`);
  }
  if (rule.listingAgent) {
    if (!same(listing?.agent, rule.listingAgent)) return fail;
    reasons.push(`listing agent is ${listing!.agent}`);
  }
  if (rule.fromMinute != null && rule.toMinute != null) {
    if (!inWindow(facts.localMinute, rule.fromMinute, rule.toMinute)) return fail;
    reasons.push(`arrived at ${clockTime(facts.localMinute)}, within ${clockTime(rule.fromMinute)}–${clockTime(rule.toMinute)}`);
  }
  if (!reasons.length) reasons.push("the rule matches every lead");
  return { matches: true, reasons };
}
