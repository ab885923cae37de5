import { listingPhotoCaption } from "./photo-scenes";

/** Path the web app serves a sample listing photo from (rendered by renderListingPhotoSvg). */
export function listingPhotoUrl(listingKey: string, index: number): string {
  return `/media/listings/${encodeURIComponent(listingKey)}/${index}.svg`;
}

/** The Media JSON of a sample listing: `count` local, rendered photos. */
export function listingMediaFor(options: {
  listingKey: string;
  count: number;
  propertySubType: string | null | undefined;
}): { url: string; caption: string }[] {
  return Array.from({ length: options.count }, (_, i) => ({
    url: listingPhotoUrl(options.listingKey, i + 1),
    caption: `${listingPhotoCaption(i + 1, options.propertySubType)} (sample photo)`,
  }));
}
