import { recordListingView, releaseListingView } from "@real-estate/sites";
import { jsonError, serviceUnavailable } from "@/lib/forms/responses";
import { visitorWrite } from "@/lib/visitors/visitor-api";
import { ZListingKey } from "@/lib/visitors/user-schemas";
import { emitVisitorEvent } from "@/lib/visitors/visitor-events";

const noStore = { "cache-control": "no-store" };

/**
 * A signed-in visitor opened a listing's page (sent by the page's script): queues `listing.viewed`
 * for the CRM at most once per visitor and listing per half hour (LISTING_VIEW_THROTTLE_SECONDS),
 * decided here on the server, so reloading or scripting the request queues nothing more.
 * 202 when queued, 200 `{recorded: false}` inside the window, 401 not signed in, 404 unknown listing.
 */
export async function POST(request: Request): Promise<Response> {
  const r = await visitorWrite(request);
  if (!r.ok) return r.response;
  const key = ZListingKey.safeParse(r.data.listingKey);
  if (!key.success) return jsonError(422, "validation_failed", { fields: { listingKey: key.error.issues[0]?.message ?? "invalid" } });
  const tenantId = r.tenant.tenantId;
  const target = { tenantId, visitorId: r.visitor.id, listingKey: key.data };
  try {
    const view = await recordListingView(target);
    if (!view.ok) return jsonError(404, "listing_not_found");
    if (!view.recorded) return Response.json({ listingKey: key.data, recorded: false, nextAt: view.nextAt.toISOString() }, { headers: noStore });
    const queued = await emitVisitorEvent({
      tenantId,
      visitor: r.visitor,
      body: { type: "listing.viewed", listingKey: key.data },
      eventKey: `${key.data}:${view.viewedAt.getTime()}`,
      request,
    });
    if (!queued) {
      // Not told to the CRM: the next view may try again rather than wait out the window.
      await releaseListingView({ ...target, viewedAt: view.viewedAt, previousAt: view.previousAt });
      return serviceUnavailable();
    }
    return Response.json({ listingKey: key.data, recorded: true }, { status: 202, headers: noStore });
  } catch {
    return serviceUnavailable();
  }
}
