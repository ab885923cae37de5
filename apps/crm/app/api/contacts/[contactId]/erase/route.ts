import { eraseContact } from "@real-estate/crm";
import { requireOwnerForContact } from "../../../lib/owner-access";
import { json, jsonError } from "../../../lib/responses";
import { apiRoutes } from "../../../lib/api-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ contactId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /**
   * POST /api/contacts/:contactId/erase — removes the person from every table (queue payloads and
   * dead letters included) and leaves an audit row without personal data (owners only).
   */
  async POST(request: Request, { params }: Params) {
    const access = await requireOwnerForContact(request, (await params).contactId);
    if (!access.ok) return access.response;
    const result = await eraseContact({ tenantId: access.tenantId, contactId: access.contactId, actorUserId: access.userId });
    if (!result.erased) return jsonError(404, "not_found");
    return json({ erased: true, auditLogId: result.auditLogId, counts: result.counts });
  },
});
