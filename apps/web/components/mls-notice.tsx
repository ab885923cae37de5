import type { ListingCardData } from "@real-estate/sites";
import { getDisplayRules } from "@/lib/site/site-data";

const updatedAt = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/**
 * The MLS display rules under listings from a feed: each feed's disclaimer and when its data was
 * last updated. Shown wherever feed listings are (nothing for listings entered here).
 */
export async function MlsNotice({ tenantId, listings }: { tenantId: string; listings: Pick<ListingCardData, "feedId">[] }) {
  const feedIds = new Set(listings.map((l) => l.feedId).filter((id): id is string => !!id));
  if (!feedIds.size) return null;
  const rules = await getDisplayRules({ tenantId });
  const feeds = rules.feeds.filter((f) => feedIds.has(f.id));
  if (!feeds.length) return null;
  return (
    <aside className="mls-notice small muted" aria-label="Listing data">
      {feeds.map((f) => (
        <div key={f.id} data-feed-id={f.id}>
          {f.disclaimer ? <p>{f.disclaimer}</p> : null}
          <p>
            {f.lastSuccessAt ? `Listing data from ${f.name}, last updated ${updatedAt.format(new Date(f.lastSuccessAt))} UTC.` : `Listing data from ${f.name}.`}
          </p>
        </div>
      ))}
    </aside>
  );
}

/** "Listing courtesy of {office}": the MLS attribution of a listing from a feed. */
export function Courtesy({ listing, className = "courtesy small muted" }: { listing: Pick<ListingCardData, "feedId" | "ListOfficeName">; className?: string }) {
  if (!listing.feedId || !listing.ListOfficeName) return null;
  return <p className={className}>Listing courtesy of {listing.ListOfficeName}</p>;
}
