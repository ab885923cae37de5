import { z } from "zod";
import { fetchJson } from "./http-json";

/** What the site keeps from Walk Score: the scores and the link its terms ask us to show. */
export type WalkScores = { walk: number | null; transit: number | null; bike: number | null; description: string | null; link: string | null };

const ZScore = z.number().int().min(0).max(100);
const ZWalkScoreResponse = z
  .object({
    status: z.number(),
    walkscore: ZScore.optional(),
    description: z.string().max(200).optional(),
    ws_link: z.string().max(500).optional(),
    transit: z.object({ score: ZScore.optional() }).loose().optional(),
    bike: z.object({ score: ZScore.optional() }).loose().optional(),
  })
  .loose();

/**
 * The Walk Score API (https://api.walkscore.com/score). Base URL configurable so tests can run
 * it against a local fake. Returns null when the service does not answer with scores.
 */
export async function fetchWalkScore(options: {
  baseUrl: string;
  apiKey: string;
  latitude: number;
  longitude: number;
  address: string;
  timeoutMs: number;
}): Promise<WalkScores | null> {
  const url = new URL("/score", options.baseUrl);
  url.search = new URLSearchParams({
    format: "json",
    lat: String(options.latitude),
    lon: String(options.longitude),
    address: options.address,
    transit: "1",
    bike: "1",
    wsapikey: options.apiKey,
  }).toString();
  const res = await fetchJson<unknown>(url.toString(), { method: "GET", timeoutMs: options.timeoutMs });
  const parsed = ZWalkScoreResponse.safeParse(res?.body);
  if (!parsed.success || parsed.data.status !== 1 || parsed.data.walkscore === undefined) return null;
  const d = parsed.data;
  return {
    walk: d.walkscore ?? null,
    transit: d.transit?.score ?? null,
    bike: d.bike?.score ?? null,
    description: d.description ?? null,
    link: d.ws_link?.startsWith("https://") ? d.ws_link : null,
  };
}
