import { getActionPlan, isUuid, updateActionPlan, ZActionPlanPatch } from "@real-estate/crm";
import { actionPlanItem } from "../../lib/action-plan-contracts";
import { authenticateApi } from "../../lib/api-auth";
import { expectedVersionFrom, preconditionFailed, versionedJson } from "../../lib/etag";
import { authenticateOwnerApi } from "../../lib/owner-api";
import { jsonError, readJsonBody } from "../../lib/responses";
import { apiRoutes } from "../../lib/api-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ planId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/action-plans/{planId} — one plan (ETag: its version); 404 for unknown or another tenant's. */
  async GET(request: Request, { params }: Params) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const { planId } = await params;
    const plan = await getActionPlan({ tenantId: auth.caller.tenantId, planId });
    if (!plan) return jsonError(404, "not_found");
    return versionedJson(actionPlanItem(plan), plan.version);
  },

  /**
   * PATCH /api/action-plans/{planId} — rename, describe, replace the steps, archive or restore
   * (owners and API keys). Runs already started keep their steps. With If-Match, 412 when changed since.
   */
  async PATCH(request: Request, { params }: Params) {
    const auth = await authenticateOwnerApi(request);
    if (!auth.ok) return auth.response;
    const body = await readJsonBody(request, ZActionPlanPatch);
    if (!body.ok) return body.response;
    const { planId } = await params;
    if (!isUuid(planId)) return jsonError(404, "not_found");
    const result = await updateActionPlan({
      tenantId: auth.caller.tenantId,
      planId,
      change: body.value,
      actorUserId: auth.caller.actor.userId ?? null,
      expectedVersion: expectedVersionFrom(request),
    });
    if (!result.ok) {
      if (result.error === "not_found") return jsonError(404, "not_found");
      return preconditionFailed("plan", actionPlanItem(result.plan), result.plan.version);
    }
    return versionedJson(actionPlanItem(result.plan), result.plan.version);
  },
});
