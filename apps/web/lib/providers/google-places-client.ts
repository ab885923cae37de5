import { z } from "zod";
import { fetchJson } from "./http-json";

export type Place = { id: string; name: string; kind: string | null; mapsUri: string | null };

const ZPlace = z
  .object({
    id: z.string().min(1).max(300),
    displayName: z
      .object({ text: z.string().max(200) })
      .loose()
      .optional(),
    primaryTypeDisplayName: z
      .object({ text: z.string().max(100) })
      .loose()
      .optional(),
    primaryType: z.string().max(100).optional(),
    googleMapsUri: z.string().max(500).optional(),
  })
  .loose();

const FIELDS = ["id", "displayName", "primaryType", "primaryTypeDisplayName", "googleMapsUri"];

function toPlace(p: z.infer<typeof ZPlace>): Place {
  return {
    id: p.id,
    name: p.displayName?.text ?? "Unnamed place",
    kind: p.primaryTypeDisplayName?.text ?? p.primaryType?.replace(/_/g, " ") ?? null,
    mapsUri: p.googleMapsUri?.startsWith("https://") ? p.googleMapsUri : null,
  };
}

/** Google Places API (New) `places:searchNearby`: places of the given types around a point. */
export async function searchNearbyPlaces(options: {
  baseUrl: string;
  apiKey: string;
  latitude: number;
  longitude: number;
  includedTypes: string[];
  radiusMeters?: number;
  maxResults?: number;
  timeoutMs: number;
}): Promise<Place[] | null> {
  const res = await fetchJson<unknown>(new URL("/v1/places:searchNearby", options.baseUrl).toString(), {
    method: "POST",
    timeoutMs: options.timeoutMs,
    headers: { "content-type": "application/json", "X-Goog-Api-Key": options.apiKey, "X-Goog-FieldMask": FIELDS.map((f) => `places.${f}`).join(",") },
    body: JSON.stringify({
      includedTypes: options.includedTypes,
      maxResultCount: options.maxResults ?? 8,
      locationRestriction: { circle: { center: { latitude: options.latitude, longitude: options.longitude }, radius: options.radiusMeters ?? 1_500 } },
    }),
  });
  if (!res) return null;
  const parsed = z
    .object({ places: z.array(ZPlace).max(20).optional() })
    .loose()
    .safeParse(res.body);
  return parsed.success ? (parsed.data.places ?? []).map(toPlace) : null;
}

/** Place Details (New) for one place id, with the same few fields. */
export async function getPlaceDetails(options: { baseUrl: string; apiKey: string; placeId: string; timeoutMs: number }): Promise<Place | null> {
  const url = new URL(`/v1/places/${encodeURIComponent(options.placeId)}`, options.baseUrl);
  const res = await fetchJson<unknown>(url.toString(), {
    method: "GET",
    timeoutMs: options.timeoutMs,
    headers: { "X-Goog-Api-Key": options.apiKey, "X-Goog-FieldMask": FIELDS.join(",") },
  });
  const parsed = ZPlace.safeParse(res?.body);
  return parsed.success ? toPlace(parsed.data) : null;
}
