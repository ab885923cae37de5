import { getMyDay } from "@real-estate/crm";
import { authenticateApi } from "../lib/api-auth";
import { json, jsonError } from "../lib/responses";
import { myDayBody } from "../lib/task-contracts";
import { apiRoutes } from "../lib/api-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/my-day — the signed-in member's open tasks: overdue, due today (the brokerage's day), upcoming 7 days. */
  async GET(request: Request) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    if (!auth.caller.membershipId)
      return jsonError(400, "validation_failed", { fields: { authorization: ["My day belongs to a signed-in member, not an API key"] } });
    if (new URL(request.url).search) return jsonError(400, "validation_failed", { fields: { query: ["takes no parameters"] } });
    const day = await getMyDay({ tenantId: auth.caller.tenantId, membershipId: auth.caller.membershipId, timeZone: auth.caller.timeZone });
    return json(myDayBody(day));
  },
});
