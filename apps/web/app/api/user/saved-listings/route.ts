import { listSavedListingKeys, removeSavedListing, saveListing, visitorSaveLimitMessage } from "@real-estate/sites";
import { htmlProblem, jsonError, serviceUnavailable, seeOther } from "@/lib/forms/responses";
import { listingPath } from "@/lib/site/site-urls";
import { visitorRead, visitorWrite, type VisitorRequest } from "@/lib/visitors/visitor-api";
import { ZListingKey } from "@/lib/visitors/user-schemas";
import { emitVisitorEvent } from "@/lib/visitors/visitor-events";

const noStore = { "cache-control": "no-store" };

/** Keys of the visitor's saved homes. */
export async function GET(request: Request): Promise<Response> {
  const r = await visitorRead(request);
  if (!r.ok) return r.response;
  try {
    return Response.json({ listingKeys: await listSavedListingKeys({ tenantId: r.tenant.tenantId, visitorId: r.visitor.id }) }, { headers: noStore });
  } catch {
    return serviceUnavailable();
  }
}

/**
 * Saves a home (JSON or a plain form post from the listing page); queues `listing.saved` the first
 * time. A new home past the visitor's cap is a 409 `saved_listing_limit` naming the limit.
 */
export async function POST(request: Request): Promise<Response> {
  const peekKey = new URL(request.url).searchParams.get("listingKey") ?? "";
  const r = await visitorWrite(request, { signInPath: `/sign-in?next=${encodeURIComponent(listingPath(peekKey))}` });
  if (!r.ok) return r.response;
  // HTML forms cannot send DELETE: a form post with _method=delete removes (the account page's button).
  if (r.data._method === "delete") return remove(r, request);
  const key = ZListingKey.safeParse(r.data.listingKey ?? peekKey);
  if (!key.success) return jsonError(422, "validation_failed", { fields: { listingKey: key.error.issues[0]?.message ?? "invalid" } });
  const tenantId = r.tenant.tenantId;
  try {
    const saved = await saveListing({ tenantId, visitorId: r.visitor.id, listingKey: key.data });
    if (!saved.ok && saved.error === "saved_listing_limit") {
      const message = visitorSaveLimitMessage(saved.error);
      if (r.kind === "form") return htmlProblem(409, "Too many saved homes", [message], listingPath(key.data));
      return jsonError(409, saved.error, { limit: saved.limit, message });
    }
    if (!saved.ok) return jsonError(404, "listing_not_found");
    if (saved.created)
      await emitVisitorEvent({ tenantId, visitor: r.visitor, body: { type: "listing.saved", listingKey: key.data }, eventKey: key.data, request });
    if (r.kind === "form") return seeOther(`${listingPath(key.data)}?saved=1`);
    return Response.json({ listingKey: key.data, saved: true, created: saved.created }, { status: saved.created ? 201 : 200, headers: noStore });
  } catch {
    return serviceUnavailable();
  }
}

/** Removes a saved home (body or ?listingKey=). */
export async function DELETE(request: Request): Promise<Response> {
  const r = await visitorWrite(request);
  if (!r.ok) return r.response;
  return remove(r, request);
}

async function remove(r: Extract<VisitorRequest, { ok: true }>, request: Request): Promise<Response> {
  const key = ZListingKey.safeParse(r.data.listingKey ?? new URL(request.url).searchParams.get("listingKey"));
  if (!key.success) return jsonError(422, "validation_failed", { fields: { listingKey: key.error.issues[0]?.message ?? "invalid" } });
  try {
    const removed = await removeSavedListing({ tenantId: r.tenant.tenantId, visitorId: r.visitor.id, listingKey: key.data });
    if (r.kind === "form") return seeOther("/account");
    return Response.json({ listingKey: key.data, removed }, { headers: noStore });
  } catch {
    return serviceUnavailable();
  }
}
