import { listLeads, ListSnapshotExpiredError } from "@real-estate/crm";
import { authenticatedRead, type ApiCaller } from "../lib/api-auth";
import { encodeCursor, parseLeadListQuery } from "../lib/query-params";
import { json, jsonError } from "../lib/responses";
import { leadItem } from "../lib/serialize";
import { apiRoutes } from "../lib/api-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /**
   * GET /api/leads — the tenant's leads, filtered, sorted and keyset-paginated. An API key's page
   * is read beside the key's count in the shared limit (decision 0120) and answered once the
   * count allowed it.
   */
  async GET(request: Request) {
    // The first page by last activity stores the list's order (a ListSnapshot): read after the count.
    const sort = new URL(request.url).searchParams.get("sort");
    const besideCount = sort === null || sort === "createdAt" || sort === "-createdAt";
    const read = await authenticatedRead(request, (caller) => leadPage(request, caller), { besideCount });
    return read.ok ? read.value : read.response;
  },
});

/** The page the query asks for, or its 400; reads only. */
async function leadPage(request: Request, caller: ApiCaller): Promise<Response> {
  const parsed = parseLeadListQuery(new URL(request.url).searchParams, { timeZone: caller.timeZone });
  if (!parsed.ok) return jsonError(400, "validation_failed", { fields: parsed.error.fields });
  const { status, source, assignedTo, q, createdFrom, createdTo, sort, cursor, limit } = parsed.value;
  const me = caller.membershipId;
  if (assignedTo?.includes("me") && !me)
    return jsonError(400, "validation_failed", { fields: { assignedTo: ['"me" needs a signed-in member, not an API key'] } });
  let page;
  try {
    page = await listLeads({
      tenantId: caller.tenantId,
      filters: { status, source, q, createdFrom, createdTo, assignedTo: assignedTo?.map((a) => (a === "me" ? me! : a)) },
      sort,
      cursor,
      limit,
    });
  } catch (error) {
    if (error instanceof ListSnapshotExpiredError) return jsonError(400, "validation_failed", { fields: { cursor: [error.message] } });
    throw error;
  }
  return json({ items: page.items.map(leadItem), nextCursor: page.nextCursor ? encodeCursor(page.nextCursor, sort) : null });
}
