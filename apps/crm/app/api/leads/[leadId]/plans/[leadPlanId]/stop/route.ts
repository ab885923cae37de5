import { isUuid, stopLeadPlan, ZLeadPlanStop } from "@real-estate/crm";
import { leadPlanItem } from "../../../../../lib/action-plan-contracts";
import { authenticateApi } from "../../../../../lib/api-auth";
import { json, jsonError, readJsonBody } from "../../../../../lib/responses";
import { apiRoutes } from "../../../../../lib/api-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ leadId: string; leadPlanId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** POST /api/leads/{leadId}/plans/{leadPlanId}/stop — stop the plan; its open steps are cancelled (a stopped plan answers as it is). */
  async POST(request: Request, { params }: Params) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const body = await readJsonBody(request, ZLeadPlanStop);
    if (!body.ok) return body.response;
    const { leadId, leadPlanId } = await params;
    if (!isUuid(leadId) || !isUuid(leadPlanId)) return jsonError(404, "not_found");
    const result = await stopLeadPlan({
      tenantId: auth.caller.tenantId,
      leadId,
      leadPlanId,
      actorUserId: auth.caller.actor.userId ?? null,
      reason: body.value.reason,
    });
    if (!result.ok) return jsonError(404, "not_found");
    return json(leadPlanItem(result.leadPlan));
  },
});
