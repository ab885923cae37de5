import { trackingText, type EventSourceData } from "@real-estate/types";
import { clientAddress, requestIdOf } from "@real-estate/http";

const UTM: [string, keyof EventSourceData][] = [
  ["utm_source", "utmSource"],
  ["utm_medium", "utmMedium"],
  ["utm_campaign", "utmCampaign"],
  ["utm_term", "utmTerm"],
  ["utm_content", "utmContent"],
];

/** Tracking values come from browsers: kept storable and cut on a character boundary, never refused. */
const str = trackingText;

/** Where a submission came from: the page (body `pageUrl`, else Referer), its referrer and UTM tags, and the request's id. */
export function eventSource(request: Request, data: Record<string, unknown>): EventSourceData {
  const pageUrl = str(data.pageUrl, 2048) ?? str(request.headers.get("referer"), 2048);
  const source: EventSourceData = { ip: clientAddress(request.headers) };
  if (pageUrl) source.pageUrl = pageUrl;
  const referrer = str(data.referrer, 2048);
  if (referrer) source.referrer = referrer;
  const userAgent = str(request.headers.get("user-agent"), 512);
  if (userAgent) source.userAgent = userAgent;
  const requestId = requestIdOf(request.headers);
  if (requestId) source.requestId = requestId;
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
