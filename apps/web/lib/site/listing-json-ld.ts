import type { ListingDetail } from "@real-estate/sites";
import { listingAddress } from "../format";
import { listingPhotos } from "./listing-photos";
import { absoluteUrl } from "./site-urls";

function residenceType(subType: string | null): string {
  if (!subType) return "SingleFamilyResidence";
  if (/condo|apartment|cooperative/i.test(subType)) return "Apartment";
  if (/townhouse|duplex|triplex|quadruplex|multi/i.test(subType)) return "House";
  return "SingleFamilyResidence";
}

/** schema.org RealEstateListing for the listing page (absolute URLs on the tenant's primary host). */
export function listingJsonLd(listing: ListingDetail, url: string, primaryHostname: string | null) {
  return {
    "@context": "https://schema.org",
    "@type": "RealEstateListing",
    url,
    name: listingAddress(listing).full,
    ...(listing.PublicRemarks ? { description: listing.PublicRemarks } : {}),
    ...(listing.ListingContractDate ? { datePosted: listing.ListingContractDate.slice(0, 10) } : {}),
    image: listingPhotos(listing).map((m) => absoluteUrl(primaryHostname, m.url)),
    offers: {
      "@type": "Offer",
      price: listing.ListPrice,
      priceCurrency: "USD",
      availability: listing.StandardStatus === "Active" ? "https://schema.org/InStock" : "https://schema.org/SoldOut",
    },
    mainEntity: {
      "@type": residenceType(listing.PropertySubType),
      address: {
        "@type": "PostalAddress",
        streetAddress: listingAddress(listing).street,
        addressLocality: listing.City,
        addressRegion: listing.StateOrProvince,
        postalCode: listing.PostalCode,
        addressCountry: "US",
      },
      ...(listing.Latitude !== null && listing.Longitude !== null
        ? { geo: { "@type": "GeoCoordinates", latitude: listing.Latitude, longitude: listing.Longitude } }
        : {}),
      ...(listing.BedroomsTotal !== null ? { numberOfBedrooms: listing.BedroomsTotal } : {}),
      ...(listing.BathroomsTotalInteger !== null ? { numberOfBathroomsTotal: listing.BathroomsTotalInteger } : {}),
      ...(listing.LivingArea ? { floorSize: { "@type": "QuantitativeValue", value: listing.LivingArea, unitCode: "FTK" } } : {}),
      ...(listing.YearBuilt ? { yearBuilt: listing.YearBuilt } : {}),
    },
  };
}
