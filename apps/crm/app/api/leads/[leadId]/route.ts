import { getLead, isUuid, updateLead } from "@real-estate/crm";
import { authenticateApi } from "../../lib/api-auth";
import { ZLeadPatch } from "../../lib/contracts";
import { expectedVersionFrom, preconditionFailed, versionedJson } from "../../lib/etag";
import { jsonError, readJsonBody } from "../../lib/responses";
import { leadDetail } from "../../lib/serialize";
import { apiRoutes } from "../../lib/api-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ leadId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/leads/{leadId} — one lead with its contact and its version as ETag; 404 for unknown or another tenant's. */
  async GET(request: Request, { params }: Params) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const { leadId } = await params;
    const lead = isUuid(leadId) ? await getLead({ tenantId: auth.caller.tenantId, leadId }) : null;
    if (!lead) return jsonError(404, "not_found");
    return versionedJson(leadDetail(lead), lead.version);
  },

  /**
   * PATCH /api/leads/{leadId} — change status and/or assignee; each change becomes an activity.
   * With If-Match (the ETag of a GET), a lead changed since answers 412 with the lead as it is now.
   */
  async PATCH(request: Request, { params }: Params) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const { leadId } = await params;
    if (!isUuid(leadId)) return jsonError(404, "not_found");
    const body = await readJsonBody(request, ZLeadPatch);
    if (!body.ok) return body.response;
    const result = await updateLead({
      tenantId: auth.caller.tenantId,
      leadId,
      change: { status: body.value.status, assignedMembershipId: body.value.assignedTo },
      actor: auth.caller.actor,
      expectedVersion: expectedVersionFrom(request),
    });
    if (!result.ok) {
      if (result.error === "not_found") return jsonError(404, "not_found");
      if (result.error === "version_mismatch") {
        return preconditionFailed("lead", leadDetail(result.lead), result.lead.version);
      }
      return jsonError(422, "validation_failed", { fields: { assignedTo: ["not a member of this brokerage"] } });
    }
    return versionedJson(leadDetail(result.lead), result.lead.version);
  },
});
