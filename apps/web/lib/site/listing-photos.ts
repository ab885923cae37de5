import type { ListingMedia } from "@real-estate/sites";
import { PHOTO_WIDTHS } from "@real-estate/sites";

/** A listing photo as the site's pages use it: always from the site's own origin. */
export type SitePhoto = {
  /** A mid-size image (960 px wide for feed photos). */
  url: string;
  /** Every width the image route offers, for `srcSet` (feed photos only). */
  srcSet?: string;
  /** The largest size, for "open photo". */
  full: string;
  /** Intrinsic size for the `width`/`height` attributes, so the page does not shift while it loads. */
  width: number;
  height: number;
  caption?: string;
};

/**
 * The listing's photos with URLs on the site: a feed's photos (absolute URLs on the MLS's media
 * host) go through the image route `/photos/{key}/{n}?w=…`, which scales and caches them; photos
 * already on the site (the demo's drawn ones) are used as they are.
 */
export function listingPhotos(listing: { ListingKey: string; Media: ListingMedia }): SitePhoto[] {
  return listing.Media.map((m, i) => {
    const width = 800;
    const height = m.width && m.height ? Math.round((width * m.height) / m.width) : 520;
    const base = { width, height, ...(m.caption ? { caption: m.caption } : {}) };
    if (!/^https?:\/\//i.test(m.url)) return { ...base, url: m.url, full: m.url };
    const route = `/photos/${encodeURIComponent(listing.ListingKey)}/${i + 1}`;
    return { ...base, url: `${route}?w=960`, full: `${route}?w=1920`, srcSet: PHOTO_WIDTHS.map((w) => `${route}?w=${w} ${w}w`).join(", ") };
  });
}
