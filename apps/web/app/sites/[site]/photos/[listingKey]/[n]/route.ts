import { isPhotoWidth, PHOTO_WIDTHS, serveListingPhoto } from "@real-estate/sites";
import { isTenantId } from "@/lib/site/site-data";
import { routeSiteParams } from "@/lib/site/site-params";

// Listing photos from a feed, scaled to the width asked for and cached (packages/sites/src/photos).
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ site: string; listingKey: string; n: string }> };

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=60" } });

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const resolved = await routeSiteParams(params);
  if (!resolved) return new Response("Not found", { status: 404 });
  const { tenantId, listingKey, n } = resolved;
  const index = /^\d{1,3}$/.test(n) ? Number(n) : 0;
  if (!isTenantId(tenantId) || index < 1 || index > 100) return notFound();
  const w = new URL(request.url).searchParams.get("w");
  const width = w === null ? 960 : /^\d{1,5}$/.test(w) ? Number(w) : NaN;
  if (!isPhotoWidth(width)) {
    return Response.json(
      { error: "validation_failed", fields: { w: [`must be one of ${PHOTO_WIDTHS.join(", ")}`] } },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }
  const answer = await serveListingPhoto({
    tenantId,
    listingKey: decodeURIComponent(listingKey),
    index,
    width,
    accept: request.headers.get("accept"),
    ifNoneMatch: request.headers.get("if-none-match"),
    onUnavailable: (reason) => console.warn(`listing photo unavailable (${listingKey}/${index}): ${reason}`),
  });
  if (!answer) return notFound();
  return new Response(answer.status === 304 ? null : new Uint8Array(typeof answer.body === "string" ? Buffer.from(answer.body) : answer.body), {
    status: answer.status,
    headers: answer.headers,
  });
}
