import { listActivities, logActivity } from "@real-estate/crm";
import { authenticateApi } from "../lib/api-auth";
import { ZActivityCreate } from "../lib/contracts";
import { encodeCursor, parseActivityListQuery } from "../lib/query-params";
import { json, jsonError, readJsonBody } from "../lib/responses";
import { activityItem } from "../lib/serialize";
import { apiRoutes } from "../lib/api-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/activities — recent activities, optionally for one contact or lead, of some types. */
  async GET(request: Request) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const parsed = parseActivityListQuery(new URL(request.url).searchParams);
    if (!parsed.ok) return jsonError(400, "validation_failed", { fields: parsed.error.fields });
    const { type, ...rest } = parsed.value;
    const page = await listActivities({ tenantId: auth.caller.tenantId, ...rest, types: type });
    return json({ items: page.items.map(activityItem), nextCursor: page.nextCursor ? encodeCursor(page.nextCursor, "activities") : null });
  },

  /** POST /api/activities — log a note, call, meeting or email on a lead or contact of this tenant. */
  async POST(request: Request) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const body = await readJsonBody(request, ZActivityCreate);
    if (!body.ok) return body.response;
    const { occurredAt, ...rest } = body.value;
    const result = await logActivity({
      tenantId: auth.caller.tenantId,
      ...rest,
      occurredAt: occurredAt ? new Date(occurredAt) : undefined,
      actor: auth.caller.actor,
    });
    if (!result.ok) {
      if (result.error === "not_found") return jsonError(404, "not_found");
      return jsonError(422, "validation_failed", { fields: { contactId: ["this lead belongs to another contact"] } });
    }
    return json(activityItem(result.activity), 201);
  },
});
