import type { AreaContent } from "@real-estate/types";
import { getProviderCacheEntry, putProviderCacheEntry } from "@real-estate/sites";
import { webEnv } from "../env";
import { getPlaceDetails, searchNearbyPlaces, type Place } from "./google-places-client";
import { fetchWalkScore, type WalkScores } from "./walk-score-client";

/** Scores are refreshed daily; place ids (which Google allows to keep) weekly. */
export const WALKSCORE_TTL_MS = 24 * 60 * 60 * 1000;
export const PLACE_IDS_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Place names and types are not stored: they live in this process for an hour at most. */
const PLACE_DETAILS_TTL_MS = 60 * 60 * 1000;

const globalForPlaces = globalThis as unknown as { __placeDetails?: Map<string, { place: Place; until: number }> };
const placeDetails = (globalForPlaces.__placeDetails ??= new Map());

export type AreaPoint = { latitude: number | null; longitude: number | null; address: string };
export type WalkScoreView = { source: "walkscore" | "sample"; scores: WalkScores };
export type PlacesView = { source: "google" | "sample"; places: { id: string; name: string; kind: string | null; mapsUri: string | null }[] };

const pointKey = (p: AreaPoint) => `${p.latitude!.toFixed(4)},${p.longitude!.toFixed(4)}`;
const hasPoint = (p: AreaPoint) => p.latitude !== null && p.longitude !== null;

/** Walk Score for an area: the live API when a key is configured (cached per tenant and point), else the seeded values, else nothing. */
export async function loadWalkScore(options: {
  tenantId: string;
  point: AreaPoint;
  apiKey: string | null;
  seeded: AreaContent["walkScore"];
}): Promise<WalkScoreView | null> {
  const { tenantId, point, apiKey } = options;
  if (apiKey && hasPoint(point)) {
    const cacheKey = pointKey(point);
    const cached = await getProviderCacheEntry<WalkScores>({ tenantId, provider: "walkscore", cacheKey }).catch(() => null);
    if (cached) return { source: "walkscore", scores: cached };
    const env = webEnv();
    const fresh = await fetchWalkScore({
      baseUrl: env.WALKSCORE_BASE_URL,
      apiKey,
      latitude: point.latitude!,
      longitude: point.longitude!,
      address: point.address,
      timeoutMs: env.PROVIDER_TIMEOUT_MS,
    });
    if (fresh) {
      await putProviderCacheEntry({ tenantId, provider: "walkscore", cacheKey, value: fresh, ttlMs: WALKSCORE_TTL_MS }).catch(() => {});
      return { source: "walkscore", scores: fresh };
    }
  }
  const s = options.seeded;
  if (!s || (s.walk === undefined && s.transit === undefined && s.bike === undefined)) return null;
  return { source: "sample", scores: { walk: s.walk ?? null, transit: s.transit ?? null, bike: s.bike ?? null, description: null, link: null } };
}

async function placesFromIds(ids: string[], apiKey: string): Promise<Place[]> {
  const env = webEnv();
  const now = Date.now();
  const places = await Promise.all(
    ids.map(async (id) => {
      const hit = placeDetails.get(id);
      if (hit && hit.until > now) return hit.place;
      const place = await getPlaceDetails({ baseUrl: env.GOOGLE_PLACES_BASE_URL, apiKey, placeId: id, timeoutMs: env.PROVIDER_TIMEOUT_MS });
      if (place) placeDetails.set(id, { place, until: now + PLACE_DETAILS_TTL_MS });
      return place;
    }),
  );
  return places.filter((p): p is Place => p !== null);
}

/**
 * Nearby places: Google Places (New) when a key is configured. Only place ids are stored (per
 * tenant and point); names come from this process's short-lived memory or Place Details.
 * Without a key, the seeded places; without those, nothing.
 */
export async function loadNearbyPlaces(options: {
  tenantId: string;
  point: AreaPoint;
  apiKey: string | null;
  types: string[];
  seeded: AreaContent["nearbyPlaces"];
}): Promise<PlacesView | null> {
  const { tenantId, point, apiKey } = options;
  if (apiKey && hasPoint(point)) {
    const types = [...options.types].sort();
    const cacheKey = `${pointKey(point)}|${types.join(",")}`;
    const cached = await getProviderCacheEntry<{ placeIds: string[] }>({ tenantId, provider: "google-places", cacheKey }).catch(() => null);
    if (cached?.placeIds.length) {
      const places = await placesFromIds(cached.placeIds, apiKey);
      if (places.length) return { source: "google", places };
    }
    const env = webEnv();
    const fresh = await searchNearbyPlaces({
      baseUrl: env.GOOGLE_PLACES_BASE_URL,
      apiKey,
      latitude: point.latitude!,
      longitude: point.longitude!,
      includedTypes: types,
      timeoutMs: env.PROVIDER_TIMEOUT_MS,
    });
    if (fresh?.length) {
      const until = Date.now() + PLACE_DETAILS_TTL_MS;
      for (const place of fresh) placeDetails.set(place.id, { place, until });
      await putProviderCacheEntry({
        tenantId,
        provider: "google-places",
        cacheKey,
        value: { placeIds: fresh.map((p) => p.id) },
        ttlMs: PLACE_IDS_TTL_MS,
      }).catch(() => {});
      return { source: "google", places: fresh };
    }
  }
  const seeded = options.seeded?.places ?? [];
  if (!seeded.length) return null;
  return { source: "sample", places: seeded.map((p, i) => ({ id: `sample-${i}`, name: p.name, kind: p.kind, mapsUri: null })) };
}

/** For tests: forget place details held in memory. */
export function clearPlaceDetailsMemory(): void {
  placeDetails.clear();
}
