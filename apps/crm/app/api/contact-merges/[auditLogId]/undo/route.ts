import { undoContactMerge } from "@real-estate/crm";
import { requireOwnerForContact } from "../../../lib/owner-access";
import { json, jsonError } from "../../../lib/responses";
import { apiRoutes } from "../../../lib/api-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ auditLogId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** POST /api/contact-merges/{auditLogId}/undo — owners only: separates two merged contacts again. */
  async POST(request: Request, { params }: Params) {
    // The audit row id stands where the owner check expects a record id: the same 404 rules apply.
    const access = await requireOwnerForContact(request, (await params).auditLogId);
    if (!access.ok) return access.response;
    const result = await undoContactMerge({ tenantId: access.tenantId, auditLogId: access.contactId, actor: { userId: access.userId } });
    if (!result.ok) {
      if (result.error === "not_found") return jsonError(404, "not_found");
      return jsonError(422, "validation_failed", {
        fields: { auditLogId: [result.error === "already_undone" ? "this merge was already undone" : "one of the contacts was erased"] },
      });
    }
    return json(result);
  },
});
