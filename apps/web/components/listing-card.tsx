import type { ListingCardData } from "@real-estate/sites";
import { formatNumber, formatPrice, humanize, listingAddress } from "@/lib/format";
import { listingPhotos } from "@/lib/site/listing-photos";
import { Courtesy } from "./mls-notice";
import { listingPath } from "@/lib/site/site-urls";

export function statusClass(status: string): string {
  const s = status.toLowerCase();
  if (s === "active" || s === "coming soon") return "badge badge-active";
  if (s.includes("pending") || s.includes("contract")) return "badge badge-pending";
  return "badge badge-closed";
}

/**
 * `first`: the card is the first of a grid at the top of its page; its photo is then likely the
 * largest thing in the first view, so it is fetched at once and first, not lazily.
 */
export function ListingCard({ listing, headingLevel = 3, first = false }: { listing: ListingCardData; headingLevel?: 2 | 3; first?: boolean }) {
  const photo = listingPhotos(listing)[0];
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const price = listing.StandardStatus === "Closed" && listing.ClosePrice ? listing.ClosePrice : listing.ListPrice;
  return (
    <article className="card listing-card" data-listing-key={listing.ListingKey}>
      <div className="photo">
        {photo ? (
          <img
            src={photo.url}
            srcSet={photo.srcSet}
            sizes={photo.srcSet ? "(max-width: 700px) 100vw, (max-width: 1100px) 50vw, 400px" : undefined}
            alt={photo.caption ?? `Photo of ${listingAddress(listing).street}`}
            loading={first ? "eager" : "lazy"}
            fetchPriority={first ? "high" : undefined}
            decoding="async"
            width={photo.width}
            height={photo.height}
          />
        ) : null}
        <span className={statusClass(listing.StandardStatus)}>{humanize(listing.StandardStatus)}</span>
        {listing.isSample ? <span className="sample-flag">Sample listing</span> : null}
      </div>
      <div className="body">
        <div className="price">{formatPrice(price)}</div>
        <div className="facts">
          {listing.BedroomsTotal !== null ? (
            <span>
              <strong>{listing.BedroomsTotal}</strong> bd
            </span>
          ) : null}
          {listing.BathroomsTotalInteger !== null ? (
            <span>
              <strong>{listing.BathroomsTotalInteger}</strong> ba
            </span>
          ) : null}
          {listing.LivingArea ? (
            <span>
              <strong>{formatNumber(listing.LivingArea)}</strong> sq ft
            </span>
          ) : null}
        </div>
        <Heading className="address" style={{ fontSize: "0.95rem", fontWeight: 500, margin: 0 }}>
          <a className="stretched" href={listingPath(listing.ListingKey)}>
            {listingAddress(listing).full}
          </a>
        </Heading>
        <div className="type">{humanize(listing.PropertySubType ?? listing.PropertyType)}</div>
        <Courtesy listing={listing} />
      </div>
    </article>
  );
}

/** `top`: the grid is at the top of its page (search results): its first photo is fetched first. */
export function ListingGrid({ listings, headingLevel, top = false }: { listings: ListingCardData[]; headingLevel?: 2 | 3; top?: boolean }) {
  return (
    <div className="grid grid-3">
      {listings.map((l, i) => (
        <ListingCard key={l.ListingKey} listing={l} headingLevel={headingLevel} first={top && i === 0} />
      ))}
    </div>
  );
}
