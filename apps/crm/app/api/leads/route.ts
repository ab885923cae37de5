import { listLeads, ListSnapshotExpiredError } from "@real-estate/crm";
import { authenticateApi } from "../lib/api-auth";
import { encodeCursor, parseLeadListQuery } from "../lib/query-params";
import { json, jsonError } from "../lib/responses";
import { leadItem } from "../lib/serialize";
import { apiRoutes } from "../lib/api-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/leads — the tenant's leads, filtered, sorted and keyset-paginated. */
  async GET(request: Request) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const parsed = parseLeadListQuery(new URL(request.url).searchParams, { timeZone: auth.caller.timeZone });
    if (!parsed.ok) return jsonError(400, "validation_failed", { fields: parsed.error.fields });
    const { status, source, assignedTo, q, createdFrom, createdTo, sort, cursor, limit } = parsed.value;
    const me = auth.caller.membershipId;
    if (assignedTo?.includes("me") && !me)
      return jsonError(400, "validation_failed", { fields: { assignedTo: ['"me" needs a signed-in member, not an API key'] } });
    let page;
    try {
      page = await listLeads({
        tenantId: auth.caller.tenantId,
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
  },
});
