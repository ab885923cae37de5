import { listSavedSearches, removeSavedSearch, saveSearch, visitorSaveLimitMessage } from "@real-estate/sites";
import { fieldErrors } from "@/lib/forms/fields";
import { htmlProblem, jsonError, serviceUnavailable, seeOther } from "@/lib/forms/responses";
import { invalidResponse } from "@/lib/forms/submit-event";
import { pickSearchParams, searchHref } from "@/lib/search/search-path";
import { visitorRead, visitorWrite, type VisitorRequest } from "@/lib/visitors/visitor-api";
import { ZSavedSearchInput } from "@/lib/visitors/user-schemas";
import { emitVisitorEvent } from "@/lib/visitors/visitor-events";

const noStore = { "cache-control": "no-store" };

export async function GET(request: Request): Promise<Response> {
  const r = await visitorRead(request);
  if (!r.ok) return r.response;
  try {
    return Response.json({ searches: await listSavedSearches({ tenantId: r.tenant.tenantId, visitorId: r.visitor.id }) }, { headers: noStore });
  } catch {
    return serviceUnavailable();
  }
}

/**
 * Saves a search ({ name, query } as JSON, or a form post with `name` and `search`, the /homes
 * query string) in the search page's own form; a parameter the page would ignore (min price above
 * max, unknown town, ...) is a 422 naming it, and nothing is saved. A new search past the
 * visitor's cap is a 409 `saved_search_limit` naming the limit (a page saying so for a form post).
 */
export async function POST(request: Request): Promise<Response> {
  const r = await visitorWrite(request, { signInPath: "/sign-in?next=%2Fhomes" });
  if (!r.ok) return r.response;
  if (r.data._method === "delete") return remove(r, request);
  const input =
    r.kind === "form" && typeof r.data.search === "string" ? { name: r.data.name, query: pickSearchParams(new URLSearchParams(r.data.search)) } : r.data;
  const parsed = ZSavedSearchInput.safeParse(input);
  if (!parsed.success) return jsonError(422, "validation_failed", { fields: fieldErrors(parsed.error) });
  const { page: _page, ...query } = parsed.data.query;
  const tenantId = r.tenant.tenantId;
  try {
    const saved = await saveSearch({ tenantId, visitorId: r.visitor.id, name: parsed.data.name, query });
    if (!saved.ok && saved.error === "saved_search_limit") {
      const message = visitorSaveLimitMessage(saved.error);
      if (r.kind === "form") return htmlProblem(409, "Too many saved searches", [message], "/account#saved-searches");
      return jsonError(409, saved.error, { limit: saved.limit, message });
    }
    if (!saved.ok) return invalidResponse(r.kind === "form" ? "form" : "json", saved.fields, searchHref(query));
    if (saved.created) {
      await emitVisitorEvent({
        tenantId,
        visitor: r.visitor,
        body: { type: "search.saved", name: parsed.data.name, query: saved.query },
        eventKey: saved.queryKey || "all",
        request,
      });
    }
    if (r.kind === "form") return seeOther("/account#saved-searches");
    return Response.json({ id: saved.id, created: saved.created, query: saved.query }, { status: saved.created ? 201 : 200, headers: noStore });
  } catch {
    return serviceUnavailable();
  }
}

export async function DELETE(request: Request): Promise<Response> {
  const r = await visitorWrite(request);
  if (!r.ok) return r.response;
  return remove(r, request);
}

async function remove(r: Extract<VisitorRequest, { ok: true }>, request: Request): Promise<Response> {
  const id = r.data.id ?? new URL(request.url).searchParams.get("id");
  if (typeof id !== "string" || !id) return jsonError(422, "validation_failed", { fields: { id: "id is required" } });
  try {
    const removed = await removeSavedSearch({ tenantId: r.tenant.tenantId, visitorId: r.visitor.id, savedSearchId: id });
    if (r.kind === "form") return seeOther("/account#saved-searches");
    return removed ? Response.json({ id, removed }, { headers: noStore }) : jsonError(404, "not_found");
  } catch {
    return serviceUnavailable();
  }
}
