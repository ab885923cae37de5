import type { ListingDetail, MemberProfile } from "@real-estate/sites";
import { AgentProfileCard } from "./agent-profile-card";
import { formatAcres, formatNumber, formatPrice, humanize } from "@/lib/format";
import type { SitePhoto } from "@/lib/site/listing-photos";
import { LeadForm } from "./forms/lead-form";
import { monogram } from "./site-header";

export function ListingGallery({ media, address }: { media: SitePhoto[]; address: string }) {
  if (!media.length) return null;
  return (
    <>
      <div className="gallery">
        {media.slice(0, 3).map((m, i) => (
          <figure key={m.url}>
            <img
              src={m.url}
              srcSet={m.srcSet}
              sizes={m.srcSet ? "(max-width: 900px) 100vw, 50vw" : undefined}
              alt={m.caption ?? `${address}, photo ${i + 1}`}
              width={m.width}
              height={m.height}
              loading={i === 0 ? "eager" : "lazy"}
              fetchPriority={i === 0 ? "high" : undefined}
            />
          </figure>
        ))}
      </div>
      {media.length > 3 ? (
        <div className="thumbs" role="group" aria-label="All photos">
          {media.map((m, i) => (
            <a key={m.url} href={m.full} aria-label={`Open photo ${i + 1}`}>
              <img
                src={m.srcSet ? m.url.replace(/\?w=\d+$/, "?w=320") : m.url}
                alt=""
                loading="lazy"
                width={160}
                height={Math.round((160 * m.height) / m.width)}
              />
            </a>
          ))}
        </div>
      ) : null}
    </>
  );
}

/**
 * The listing's facts in plain words. Each row names its RESO Data Dictionary field in
 * `data-field` (for feeds and tests), never in the text a visitor reads.
 */
export function ListingFacts({ listing }: { listing: ListingDetail }) {
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
    [
      "Listed on",
      "ListingContractDate",
      listing.ListingContractDate ? new Date(listing.ListingContractDate).toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" }) : null,
    ],
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
            {rows
              .filter(([, , v]) => v)
              .map(([label, field, value]) => (
                <tr key={field} data-field={field}>
                  <th scope="row">{label}</th>
                  <td>{value}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The listing agent and the inquiry form (it carries the listing key). When the agent is one of
 * the brokerage's members, their profile (photo, name, phone); else the feed's agent name and office.
 */
export function ListingInquiryCard({
  listing,
  street,
  officeName,
  agent,
  country,
}: {
  listing: ListingDetail;
  street: string;
  officeName: string | null;
  agent: MemberProfile | null;
  country: string;
}) {
  return (
    <aside className="listing-aside" aria-label="Contact an agent">
      <div className="card card-pad">
        {agent ? (
          <div style={{ marginBottom: 16 }}>
            <AgentProfileCard agent={agent} country={country} subtitle={officeName ?? listing.ListOfficeName} />
          </div>
        ) : (
          <div className="agent-card" style={{ marginBottom: 16 }}>
            <div className="agent-avatar" aria-hidden="true">
              {monogram(listing.ListAgentFullName ?? officeName ?? "Agent")}
            </div>
            <div>
              <strong>{listing.ListAgentFullName ?? "Listing agent"}</strong>
              <div className="small muted">{listing.ListOfficeName ?? officeName}</div>
            </div>
          </div>
        )}
        <h2 style={{ fontSize: "1.2rem" }}>Ask about this home</h2>
        <LeadForm
          idPrefix="inquiry"
          listingKey={listing.ListingKey}
          renderedAt={Date.now()}
          submitLabel="Request information"
          defaultMessage={`I'm interested in ${street}. Please send me more information.`}
        />
      </div>
    </aside>
  );
}

/** "Saturday, December 5 · 1:00 – 3:00 PM" in the site's time zone. */
function openHouseWhen(start: string, end: string, timeZone: string): { day: string; hours: string } {
  const day = new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric", timeZone }).format(new Date(start));
  const time = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone });
  return { day, hours: `${time.format(new Date(start))} – ${time.format(new Date(end))}` };
}

/** The listing's upcoming public open houses (the feed's OpenHouse resource); nothing when none. */
export function ListingOpenHouses({ openHouses, timeZone }: { openHouses: ListingDetail["OpenHouses"]; timeZone: string }) {
  if (!openHouses.length) return null;
  return (
    <section aria-labelledby="open-houses-h" style={{ marginTop: 28 }} data-testid="open-houses">
      <h2 id="open-houses-h">Open houses</h2>
      <ul className="open-houses">
        {openHouses.map((o) => {
          const when = openHouseWhen(o.start, o.end, timeZone);
          return (
            <li key={o.start} data-start={o.start}>
              <strong>{when.day}</strong> · {when.hours}
              {o.remarks ? <div className="small muted">{o.remarks}</div> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
