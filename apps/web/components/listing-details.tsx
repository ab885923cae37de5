import type { TListingDetail } from "@real-estate/db/listings";
import { formatAcres, formatNumber, formatPrice, humanize } from "@/lib/format";
import { LeadForm } from "./forms/lead-form";
import { monogram } from "./site-header";

export function ListingGallery({ media, address }: { media: { url: string; caption?: string }[]; address: string }) {
  if (!media.length) return null;
  return (
    <>
      <div className="gallery">
        {media.slice(0, 3).map((m, i) => (
          <figure key={m.url}>
            <img src={m.url} alt={m.caption ?? `${address}, photo ${i + 1}`} width={800} height={520} loading={i === 0 ? "eager" : "lazy"} />
          </figure>
        ))}
      </div>
      {media.length > 3 ? (
        <div className="thumbs" aria-label="All photos">
          {media.map((m, i) => (
            <a key={m.url} href={m.url} aria-label={`Open photo ${i + 1}`}><img src={m.url} alt="" loading="lazy" width={160} height={104} /></a>
          ))}
        </div>
      ) : null}
    </>
  );
}

/** The listing's facts, labelled in plain words with their RESO Data Dictionary field names. */
export function ListingFacts({ listing }: { listing: TListingDetail }) {
  const rows: [string, string, string | null][] = [
    ["Status", "StandardStatus", humanize(listing.StandardStatus)],
    ["List price", "ListPrice", formatPrice(listing.ListPrice)],
    ["Sold price", "ClosePrice", listing.ClosePrice ? formatPrice(listing.ClosePrice) : null],
    ["Property type", "PropertyType", humanize(listing.PropertyType)],
    ["Property sub-type", "PropertySubType", humanize(listing.PropertySubType)],
    ["Bedrooms", "BedroomsTotal", listing.BedroomsTotal?.toString() ?? null],
    ["Bathrooms", "BathroomsTotalInteger", listing.BathroomsTotalInteger?.toString() ?? null],
    ["Living area (sq ft)", "LivingArea", listing.LivingArea ? formatNumber(listing.LivingArea) : null],
    ["Lot size (acres)", "LotSizeAcres", listing.LotSizeAcres !== null ? formatAcres(listing.LotSizeAcres) : null],
    ["Year built", "YearBuilt", listing.YearBuilt?.toString() ?? null],
    ["County", "CountyOrParish", listing.CountyOrParish],
    ["Days on market", "DaysOnMarket", listing.DaysOnMarket?.toString() ?? null],
    ["Listed on", "ListingContractDate", listing.ListingContractDate ? new Date(listing.ListingContractDate).toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" }) : null],
    ["Listing ID", "ListingId", listing.ListingId],
    ["Listing key", "ListingKey", listing.ListingKey],
    ["Listing office", "ListOfficeName", listing.ListOfficeName],
  ];
  return (
    <section aria-labelledby="facts-h" style={{ marginTop: 28 }}>
      <h2 id="facts-h">Facts and features</h2>
      <div className="table-wrap">
        <table className="reso-table">
          <tbody>
            {rows.filter(([, , v]) => v).map(([label, field, value]) => (
              <tr key={field}>
                <th scope="row">{label}<code>{field}</code></th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The listing agent and the inquiry form (it carries the listing key). */
export function ListingInquiryCard({ listing, street, officeName }: { listing: TListingDetail; street: string; officeName: string | null }) {
  return (
    <aside className="listing-aside" aria-label="Contact an agent">
      <div className="card card-pad">
        <div className="agent-card" style={{ marginBottom: 16 }}>
          <div className="agent-avatar" aria-hidden="true">{monogram(listing.ListAgentFullName ?? officeName ?? "Agent")}</div>
          <div>
            <strong>{listing.ListAgentFullName ?? "Listing agent"}</strong>
            <div className="small muted">{listing.ListOfficeName ?? officeName}</div>
          </div>
        </div>
        <h2 style={{ fontSize: "1.2rem" }}>Ask about this home</h2>
        <LeadForm idPrefix="inquiry" listingKey={listing.ListingKey} renderedAt={Date.now()} submitLabel="Request information" defaultMessage={`I'm interested in ${street}. Please send me more information.`} />
      </div>
    </aside>
  );
}
