import { LRUCache } from "lru-cache";
import { renderListingPhotoSvg } from "@real-estate/demo/photos";
import { getListingCached, isTenantId } from "@/lib/site/site-data";
import { routeSiteParams } from "@/lib/site/site-params";

// Photos never change for a given listing key and number: browsers keep them a year
// (immutable). The server renders on request (about a millisecond of string building) rather than
// keeping thousands of SVGs in the page cache, where they would push out pages.
export const dynamic = "force-dynamic";

/** Recently served photos (at most 1,000, about 15 KB each), so a busy page does not re-render them. */
const globalForPhotos = globalThis as unknown as { __listingPhotoCache?: LRUCache<string, string> };
const photos = (globalForPhotos.__listingPhotoCache ??= new LRUCache<string, string>({ max: 1_000 }));

type Params = { params: Promise<{ site: string; listingKey: string; file: string }> };

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const resolved = await routeSiteParams(params);
  if (!resolved) return new Response("Not found", { status: 404 });
  const { tenantId, listingKey, file } = resolved;
  const match = /^(\d{1,2})\.svg$/.exec(file);
  const index = match ? Number(match[1]) : 0;
  if (!isTenantId(tenantId) || index < 1 || index > 40) return new Response("Not found", { status: 404 });
  const key = `${tenantId}|${listingKey}|${index}`;
  let svg = photos.get(key);
  if (svg === undefined) {
    const listing = await getListingCached({ tenantId, listingKey: decodeURIComponent(listingKey) });
    if (!listing || !listing.Media.some((m) => m.url.endsWith(`/${index}.svg`))) return new Response("Not found", { status: 404 });
    svg = renderListingPhotoSvg({ listingKey: listing.ListingKey, index, propertySubType: listing.PropertySubType });
    photos.set(key, svg);
  }
  return new Response(svg, {
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
