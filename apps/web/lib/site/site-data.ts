// Cached reads for the public pages. Every entry is tagged with its tenant, so
// POST /api/internal/revalidate drops one tenant's pages and data at once; the short TTL is the
// fallback when a change does not come with an explicit revalidation (another process, a feed).
import { unstable_cache } from "next/cache";
import { getNeighborhood, getTown, listTowns } from "@real-estate/sites";
import { getListingDisplayRules } from "@real-estate/sites";
import { getListing, listFeaturedListings, listListingFacets, listListingKeys, listListingPoints, searchListings } from "@real-estate/sites";
import { getSiteProfile } from "@real-estate/sites";
import { listPageModules } from "@real-estate/sites";
import { findListingAgentProfile, listWebsiteAgents, type MemberProfile } from "@real-estate/sites";

/** Seconds a cached page or read lives before it is refreshed in the background. */
export const SITE_REVALIDATE_SECONDS = 5;

export const tenantTag = (tenantId: string) => `tenant:${tenantId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isTenantId = (value: string) => UUID.test(value);

function cachedRead<A extends { tenantId: string }, R>(name: string, read: (args: A) => Promise<R>) {
  return (args: A): Promise<R> =>
    unstable_cache(() => read(args), ["site", name, JSON.stringify(args)], {
      tags: [tenantTag(args.tenantId)],
      revalidate: SITE_REVALIDATE_SECONDS,
    })();
}

export const getSite = cachedRead("site-profile", (a: { tenantId: string }) => (isTenantId(a.tenantId) ? getSiteProfile(a) : Promise.resolve(null)));
export const getTowns = cachedRead("towns", listTowns);
export const getTownCached = cachedRead("town", getTown);
export const getNeighborhoodCached = cachedRead("neighborhood", getNeighborhood);
export const getPageModules = cachedRead("modules", listPageModules);
export const getFeatured = cachedRead("featured", listFeaturedListings);
export const getFacets = cachedRead("facets", listListingFacets);
export const getListingCached = cachedRead("listing", getListing);
/** The members the contact page shows (those who gave their profile a name). */
export const getWebsiteAgents: (a: { tenantId: string }) => Promise<MemberProfile[]> = cachedRead("agents", (a: { tenantId: string }) => listWebsiteAgents(a));
/** The member who lists a home, when the brokerage knows them (else the page shows the brokerage). */
export const getListingAgent: (a: { tenantId: string; listingKey: string }) => Promise<MemberProfile | null> = cachedRead(
  "listing-agent",
  (a: { tenantId: string; listingKey: string }) => findListingAgentProfile(a),
);
export const searchListingsCached = cachedRead("search", searchListings);
/** The search map's dots: the same filters as the list (map area included), every page at once. */
export const getListingPointsCached = cachedRead("listing-points", listListingPoints);
export const getListingKeys = cachedRead("listing-keys", listListingKeys);
export const getDisplayRules = cachedRead("display-rules", getListingDisplayRules);
