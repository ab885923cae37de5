import { createActionPlan, listActionPlans, ZActionPlanInput } from "@real-estate/crm";
import { actionPlanItem } from "../lib/action-plan-contracts";
import { authenticateApi } from "../lib/api-auth";
import { etagOf } from "../lib/etag";
import { authenticateOwnerApi } from "../lib/owner-api";
import { json, readJsonBody } from "../lib/responses";
import { apiRoutes } from "../lib/api-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/action-plans — the brokerage's plans (`?archived=include` adds archived ones), each with its running leads. */
  async GET(request: Request) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const includeArchived = new URL(request.url).searchParams.get("archived") === "include";
    const plans = await listActionPlans({ tenantId: auth.caller.tenantId, includeArchived });
    return json({ items: plans.map((p) => ({ ...actionPlanItem(p), activeLeads: p.activeLeads })) });
  },

  /** POST /api/action-plans — a new plan (owners and API keys). 201 with the plan. */
  async POST(request: Request) {
    const auth = await authenticateOwnerApi(request);
    if (!auth.ok) return auth.response;
    const body = await readJsonBody(request, ZActionPlanInput);
    if (!body.ok) return body.response;
    const plan = await createActionPlan({ tenantId: auth.caller.tenantId, input: body.value, actorUserId: auth.caller.actor.userId ?? null });
    return json(actionPlanItem(plan), 201, { etag: etagOf(plan.version), location: `/api/action-plans/${plan.id}` });
  },
});
