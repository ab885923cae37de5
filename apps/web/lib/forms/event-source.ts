import type { TEventSource } from "@real-estate/types";
import { clientIp } from "./client-ip";

const UTM: [string, keyof TEventSource][] = [
  ["utm_source", "utmSource"],
  ["utm_medium", "utmMedium"],
  ["utm_campaign", "utmCampaign"],
  ["utm_term", "utmTerm"],
  ["utm_content", "utmContent"],
];

const str = (v: unknown, max: number) => (typeof v === "string" && v.trim() ? v.trim().slice(0, max) : undefined);

/** Where a submission came from: the page (body `pageUrl`, else Referer), its referrer and UTM tags. */
export function eventSource(request: Request, data: Record<string, unknown>): TEventSource {
  const pageUrl = str(data.pageUrl, 2048) ?? str(request.headers.get("referer"), 2048);
  const source: TEventSource = { ip: clientIp(request.headers) };
  if (pageUrl) source.pageUrl = pageUrl;
  const referrer = str(data.referrer, 2048);
  if (referrer) source.referrer = referrer;
  const userAgent = str(request.headers.get("user-agent"), 512);
  if (userAgent) source.userAgent = userAgent;
  let params: URLSearchParams | undefined;
  try {
    params = pageUrl ? new URL(pageUrl, "http://x").searchParams : undefined;
  } catch {
    params = undefined;
  }
  for (const [param, field] of UTM) {
    const value = str(data[param], 200) ?? str(params?.get(param), 200);
    if (value) source[field] = value;
  }
  return source;
}
