// The website's image route behind listing photos from a feed: finds the photo in the tenant's
// listing (so only photos of listings the tenant may show are ever fetched), fetches it from the
// feed's media host, scales it to the requested width and keeps the result in memory; the
// response is cacheable by browsers and the HTTP cache in front. A photo that cannot be had
// (host down, not an image) becomes a neutral placeholder with a short lifetime, never a broken page.
import crypto from "node:crypto";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { LRUCache } from "lru-cache";
import { internetDisplayWhere, parseListingMedia } from "../listings/listing-select";
import { fetchRemotePhoto } from "./fetch-remote-photo";
import { resizePhoto, type PhotoFormat, type PhotoWidth } from "./resize-photo";

export type PhotoResponse = { status: number; headers: Record<string, string>; body: Buffer | string };

/** Seconds browsers and shared caches keep a photo (a feed changes a photo by changing its URL). */
export const PHOTO_MAX_AGE_SECONDS = 86_400;
/** Seconds a placeholder for an unavailable photo is kept before the photo is tried again. */
export const PHOTO_RETRY_SECONDS = 60;

type CachedPhoto = { body: Buffer; contentType: string; etag: string };

const store = globalThis as unknown as { __listingPhotos?: LRUCache<string, CachedPhoto>; __listingPhotoFlights?: Map<string, Promise<CachedPhoto>> };
/** Scaled photos by source URL, width and format: at most 64 MB. */
const photos = (store.__listingPhotos ??= new LRUCache<string, CachedPhoto>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (p) => p.body.length + 200 }));
/** One fetch and resize per photo at a time: concurrent requests for it wait for the same one. */
const inFlight = (store.__listingPhotoFlights ??= new Map<string, Promise<CachedPhoto>>());

/** Empties the in-memory photo cache (tests). */
export function clearPhotoCache(): void {
  photos.clear();
}

/**
 * The Nth (1-based) photo URL of the tenant's listing, and the host of its feed's service root
 * (the only host a photo may come from on this machine or its networks, and only when allowed in
 * FEED_ALLOWED_HOSTS); null when there is none.
 */
export async function getListingPhotoSource(options: { tenantId: string; listingKey: string; index: number; db?: Db }) {
  const db = options.db ?? getDb();
  const row = await db.listing.findFirst({
    where: { tenantId: options.tenantId, ListingKey: options.listingKey, ...internetDisplayWhere },
    select: { Media: true, feed: { select: { baseUrl: true } } },
  });
  const photo = row ? parseListingMedia(row.Media)[options.index - 1] : undefined;
  if (!row || !photo || !/^https?:\/\//i.test(photo.url)) return null;
  let feedHost: string | null = null;
  try {
    feedHost = row.feed ? new URL(row.feed.baseUrl).host : null;
  } catch {
    feedHost = null;
  }
  return { url: photo.url, feedHost };
}

/** WebP when the browser says it takes it, else JPEG. */
export function photoFormatFor(accept: string | null): PhotoFormat {
  return accept?.includes("image/webp") ? "webp" : "jpeg";
}

function placeholder(width: number): PhotoResponse {
  const height = Math.round((width * 2) / 3);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Photo unavailable"><rect width="100%" height="100%" fill="#e5e7eb"/><text x="50%" y="50%" fill="#6b7280" font-family="system-ui,sans-serif" font-size="${Math.max(10, Math.round(width / 24))}" text-anchor="middle" dominant-baseline="middle">Photo unavailable</text></svg>`;
  return {
    status: 200,
    body: svg,
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": `public, max-age=${PHOTO_RETRY_SECONDS}`,
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      "x-photo-status": "unavailable",
    },
  };
}

async function produce(source: { url: string; feedHost: string | null }, width: PhotoWidth, format: PhotoFormat): Promise<CachedPhoto> {
  const remote = await fetchRemotePhoto({ url: source.url, feedHost: source.feedHost });
  const resized = await resizePhoto({ body: remote.body, contentType: remote.contentType, width, format });
  const etag = `"${crypto.createHash("sha256").update(resized.body).digest("base64url").slice(0, 27)}"`;
  return { body: resized.body, contentType: resized.contentType, etag };
}

/**
 * Answers GET /photos/{listingKey}/{n}?w={width}: 404 when the tenant has no such listing or
 * photo, 304 for a matching If-None-Match, the scaled photo, or the placeholder.
 */
export async function serveListingPhoto(options: {
  tenantId: string;
  listingKey: string;
  index: number;
  width: PhotoWidth;
  accept: string | null;
  ifNoneMatch?: string | null;
  db?: Db;
  /** Called with the reason when a photo could not be served (for the server log). */
  onUnavailable?: (reason: string) => void;
}): Promise<PhotoResponse | null> {
  const source = await getListingPhotoSource({ tenantId: options.tenantId, listingKey: options.listingKey, index: options.index, db: options.db });
  if (!source) return null;
  const format = photoFormatFor(options.accept);
  const key = `${format}|${options.width}|${source.url}`;
  let photo = photos.get(key);
  if (!photo) {
    let flight = inFlight.get(key);
    if (!flight) {
      flight = produce(source, options.width, format).finally(() => inFlight.delete(key));
      inFlight.set(key, flight);
    }
    const produced = await flight.then(
      (p) => p,
      (error: unknown) => {
        options.onUnavailable?.(error instanceof Error ? error.message : String(error));
        return null;
      },
    );
    if (!produced) return placeholder(options.width);
    photos.set(key, produced);
    photo = produced;
  }
  const etag = photo.etag;
  const headers = {
    "content-type": photo.contentType,
    "cache-control": `public, max-age=${PHOTO_MAX_AGE_SECONDS}, stale-while-revalidate=${PHOTO_MAX_AGE_SECONDS * 7}`,
    etag: photo.etag,
    vary: "Accept",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
  };
  if (options.ifNoneMatch && options.ifNoneMatch.split(",").some((t) => t.trim() === etag)) return { status: 304, headers, body: "" };
  return { status: 200, headers, body: photo.body };
}
