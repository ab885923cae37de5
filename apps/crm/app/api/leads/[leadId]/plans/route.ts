import { getLead, isUuid, listLeadPlans, startActionPlan, ZLeadPlanStart } from "@real-estate/crm";
import { leadPlanItem } from "../../../lib/action-plan-contracts";
import { authenticateApi } from "../../../lib/api-auth";
import { json, jsonError, readJsonBody } from "../../../lib/responses";
import { apiRoutes } from "../../../lib/api-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ leadId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/leads/{leadId}/plans — the lead's action plans, newest first, with each step's state and the next step. */
  async GET(request: Request, { params }: Params) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const { leadId } = await params;
    if (!isUuid(leadId) || !(await getLead({ tenantId: auth.caller.tenantId, leadId }))) return jsonError(404, "not_found");
    const runs = await listLeadPlans({ tenantId: auth.caller.tenantId, leadId });
    return json({ items: runs.map(leadPlanItem) });
  },

  /**
   * POST /api/leads/{leadId}/plans — start a plan on the lead: 201 with the run, or 200 with the run
   * already going (starting the same plan twice, even at once, starts it once).
   */
  async POST(request: Request, { params }: Params) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const body = await readJsonBody(request, ZLeadPlanStart);
    if (!body.ok) return body.response;
    const { leadId } = await params;
    if (!isUuid(leadId)) return jsonError(404, "not_found");
    const result = await startActionPlan({ tenantId: auth.caller.tenantId, leadId, planId: body.value.planId, actorUserId: auth.caller.actor.userId ?? null });
    if (!result.ok) {
      if (result.error === "not_found") return jsonError(404, "not_found");
      const why = result.error === "plan_archived" ? "the plan is archived" : "not a plan of this brokerage";
      return jsonError(422, "validation_failed", { fields: { planId: [why] } });
    }
    return json(leadPlanItem(result.leadPlan), result.created ? 201 : 200, result.created ? { location: `/api/leads/${leadId}/plans` } : {});
  },
});
