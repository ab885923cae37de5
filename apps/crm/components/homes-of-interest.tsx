import { getListingsByKeys } from "@real-estate/sites";
import { listHomesOfInterest, type HomeInterest } from "@real-estate/crm";
import { publicSiteOrigin } from "@/lib/public-site";
import { When } from "./when";

/** A price as an agent says it: $875K, $1.2M, $12M. */
export function shortPrice(price: number): string {
  if (price >= 1_000_000) return `$${(price / 1_000_000).toFixed(price >= 10_000_000 ? 0 : 1).replace(/\.0$/, "")}M`;
  if (price >= 1_000) return `$${Math.round(price / 1_000)}K`;
  return `$${price}`;
}

const VERB: Record<HomeInterest["kind"], string> = { viewed: "Viewed", saved: "Saved" };

/**
 * The homes the person viewed and saved on the website, newest first, each in words ("Viewed
 * 12 Oak Street ($1.2M)") with its photo and a link to its public page.
 */
export async function HomesOfInterest({ tenantId, tenantSlug, contactId }: { tenantId: string; tenantSlug: string; contactId: string }) {
  const items = await listHomesOfInterest({ tenantId, contactId, limit: 20 });
  if (!items.length) return null;
  const [listings, siteOrigin] = await Promise.all([
    getListingsByKeys({ tenantId, listingKeys: [...new Set(items.map((i) => i.listingKey))] }),
    publicSiteOrigin(tenantId, tenantSlug),
  ]);
  const byKey = new Map(listings.map((l) => [l.ListingKey, l]));
  return (
    <section className="panel" data-testid="homes-of-interest">
      <h2>Homes they viewed and saved</h2>
      <ul className="homes-of-interest">
        {items.map((item) => {
          const listing = byKey.get(item.listingKey);
          const photo = listing?.Media[0]?.url;
          return (
            <li key={item.activityId} data-kind={item.kind}>
              {listing ? (
                <a href={`${siteOrigin}/homes/${encodeURIComponent(listing.ListingKey)}`} target="_blank" rel="noopener noreferrer">
                  {photo ? <img src={photo.startsWith("http") ? photo : `${siteOrigin}${photo}`} alt="" width={64} height={48} loading="lazy" /> : null}
                  <span>
                    {VERB[item.kind]} {listing.UnparsedAddress} ({shortPrice(listing.ListPrice)})
                  </span>
                </a>
              ) : (
                <span>
                  {VERB[item.kind]} a home no longer on the website <span className="faint mono">({item.listingKey})</span>
                </span>
              )}
              <div className="t-meta">
                {listing ? `${listing.City} · ` : ""}
                <When date={item.occurredAt} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
