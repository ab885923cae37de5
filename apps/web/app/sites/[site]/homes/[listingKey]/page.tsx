import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs, SampleNote } from "@/components/breadcrumbs";
import { SaveHomeButton } from "@/components/forms/save-home-button";
import { ListingViewBeacon } from "@/components/listing-view-beacon";
import { ListingGrid, statusClass } from "@/components/listing-card";
import { ListingFacts, ListingGallery, ListingInquiryCard, ListingOpenHouses } from "@/components/listing-details";
import { Courtesy, MlsNotice } from "@/components/mls-notice";
import { SmallMap } from "@/components/small-map";
import { formatAcres, formatNumber, formatPrice, humanize, listingAddress } from "@/lib/format";
import { listingJsonLd } from "@/lib/site/listing-json-ld";
import { listingPhotos } from "@/lib/site/listing-photos";
import { getListingAgent, getListingCached, getListingPointsCached, getSite, searchListingsCached } from "@/lib/site/site-data";
import { absoluteUrl, listingPath, townPath } from "@/lib/site/site-urls";
import { siteParams } from "@/lib/site/site-params";
import { siteMapStyleUrl } from "@/lib/site/map-style";

export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

/** Homes drawn around the listing on its small map. */
const SMALL_MAP_POINTS = 200;

type Props = { params: Promise<{ site: string; listingKey: string }> };

async function load(params: Props["params"]) {
  const { tenantId, listingKey } = await siteParams(params);
  return { tenantId, listing: await getListingCached({ tenantId, listingKey: decodeURIComponent(listingKey) }) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { listing } = await load(params);
  if (!listing) return { title: "Listing not found" };
  const facts = [
    listing.BedroomsTotal !== null ? `${listing.BedroomsTotal} bd` : null,
    listing.BathroomsTotalInteger !== null ? `${listing.BathroomsTotalInteger} ba` : null,
    listing.LivingArea ? `${formatNumber(listing.LivingArea)} sq ft` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const title = listingAddress(listing).full;
  return {
    title,
    description: `${formatPrice(listing.ListPrice)} · ${facts}. ${listing.PublicRemarks?.slice(0, 140) ?? ""}`,
    alternates: { canonical: listingPath(listing.ListingKey) },
    openGraph: { title, images: listing.Media.length ? [{ url: listingPhotos(listing)[0]!.url }] : [] },
  };
}

export default async function ListingPage({ params }: Props) {
  const { tenantId, listing } = await load(params);
  if (!listing) notFound();
  // The small map: this home (unless the MLS withholds its address, which also withholds its
  // position) among the other homes for sale in its town.
  const located = listing.Latitude !== null && listing.Longitude !== null;
  const [site, nearby, townPoints, agent] = await Promise.all([
    getSite({ tenantId }),
    listing.townSlug ? searchListingsCached({ tenantId, filters: { town: listing.townSlug }, pageSize: 4 }) : null,
    located && listing.townSlug ? getListingPointsCached({ tenantId, filters: { town: listing.townSlug }, limit: SMALL_MAP_POINTS }) : null,
    getListingAgent({ tenantId, listingKey: listing.ListingKey }),
  ]);
  const more = nearby?.items.filter((l) => l.ListingKey !== listing.ListingKey).slice(0, 3) ?? [];
  const jsonLd = listingJsonLd(listing, absoluteUrl(site?.primaryHostname, listingPath(listing.ListingKey)), site?.primaryHostname ?? null);
  const address = listingAddress(listing);
  const price = listing.StandardStatus === "Closed" && listing.ClosePrice ? listing.ClosePrice : listing.ListPrice;
  return (
    <div className="section" style={{ paddingTop: 24 }}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }} />
      <div className="container">
        <Breadcrumbs
          items={[
            { href: "/", label: "Home" },
            { href: "/homes", label: "Homes for sale" },
            ...(listing.townSlug ? [{ href: townPath(listing.townSlug), label: listing.City }] : []),
            { label: address.street },
          ]}
        />
        <ListingGallery media={listingPhotos(listing)} address={address.street} />
        <div className="listing-layout">
          <div>
            <div className="listing-title">
              <div>
                <span className={statusClass(listing.StandardStatus)}>{humanize(listing.StandardStatus)}</span>{" "}
                {listing.isSample ? <SampleNote>Sample listing</SampleNote> : null}
                <div className="price" style={{ marginTop: 8 }}>
                  {formatPrice(price)}
                </div>
                <h1>{address.full}</h1>
                <Courtesy listing={listing} />
              </div>
              <SaveHomeButton listingKey={listing.ListingKey} />
              <ListingViewBeacon listingKey={listing.ListingKey} />
            </div>
            <ul className="key-facts" aria-label="Key facts">
              {listing.BedroomsTotal !== null ? (
                <li>
                  <strong>{listing.BedroomsTotal}</strong>
                  <span>Bedrooms</span>
                </li>
              ) : null}
              {listing.BathroomsTotalInteger !== null ? (
                <li>
                  <strong>{listing.BathroomsTotalInteger}</strong>
                  <span>Bathrooms</span>
                </li>
              ) : null}
              {listing.LivingArea ? (
                <li>
                  <strong>{formatNumber(listing.LivingArea)}</strong>
                  <span>Sq ft</span>
                </li>
              ) : null}
              {listing.LotSizeAcres !== null ? (
                <li>
                  <strong>{formatAcres(listing.LotSizeAcres)}</strong>
                  <span>Acres</span>
                </li>
              ) : null}
              {listing.YearBuilt ? (
                <li>
                  <strong>{listing.YearBuilt}</strong>
                  <span>Built</span>
                </li>
              ) : null}
            </ul>
            {listing.PublicRemarks ? (
              <section className="prose" aria-labelledby="about-h">
                <h2 id="about-h">About this home</h2>
                <p>{listing.PublicRemarks}</p>
              </section>
            ) : null}
            <ListingOpenHouses openHouses={listing.OpenHouses} timeZone={site?.timeZone ?? "America/New_York"} />
            <ListingFacts listing={listing} />
            {located ? (
              <SmallMap
                label={`Map of ${address.street}`}
                styleUrl={await siteMapStyleUrl(tenantId)}
                focus={{ key: listing.ListingKey, lat: listing.Latitude!, lng: listing.Longitude!, price: listing.ListPrice }}
                points={(townPoints?.points ?? []).map((p) => ({ key: p.key, lat: p.lat, lng: p.lng, price: p.price }))}
              />
            ) : null}
          </div>
          <ListingInquiryCard listing={listing} street={address.street} officeName={site?.name ?? null} agent={agent} country={site?.country ?? "US"} />
        </div>
        {more.length ? (
          <section className="section" style={{ paddingBottom: 0 }} aria-labelledby="more-h">
            <div className="section-head">
              <h2 id="more-h">More homes in {listing.City}</h2>
            </div>
            <ListingGrid listings={more} />
          </section>
        ) : null}
        <MlsNotice tenantId={tenantId} listings={[listing, ...more]} />
      </div>
    </div>
  );
}
