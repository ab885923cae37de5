import { getLead, isUuid, updateLead } from "@real-estate/db/crm";
import { authenticateApi } from "../../lib/api-auth";
import { ZLeadPatch } from "../../lib/contracts";
import { json, jsonError, readJsonBody } from "../../lib/responses";
import { leadDetail } from "../../lib/serialize";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ leadId: string }> };

/** GET /api/leads/{leadId} — one lead with its contact; 404 for unknown or another tenant's. */
export async function GET(request: Request, { params }: Params) {
  const auth = await authenticateApi(request);
  if (!auth.ok) return auth.response;
  const { leadId } = await params;
  const lead = isUuid(leadId) ? await getLead({ tenantId: auth.caller.tenantId, leadId }) : null;
  if (!lead) return jsonError(404, "not_found");
  return json(leadDetail(lead));
}

/** PATCH /api/leads/{leadId} — change status and/or assignee; each change becomes an activity. */
export async function PATCH(request: Request, { params }: Params) {
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
  });
  if (!result.ok) {
    if (result.error === "not_found") return jsonError(404, "not_found");
    return jsonError(422, "validation_failed", { fields: { assignedTo: ["not a member of this brokerage"] } });
  }
  return json(leadDetail(result.lead));
}
