import { eraseContact } from "@real-estate/crm";
import { requireOwnerForContact } from "../../../lib/owner-access";
import { json, jsonError } from "../../../lib/responses";
import { apiRoute } from "../../../lib/api-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ contactId: string }> };

/**
 * POST /api/contacts/:contactId/erase — removes the person from every table (queue payloads and
 * dead letters included) and leaves an audit row without personal data (owners only).
 */
export const POST = apiRoute(async function POST(request: Request, { params }: Params) {
  const access = await requireOwnerForContact(request, (await params).contactId);
  if (!access.ok) return access.response;
  const result = await eraseContact({ tenantId: access.tenantId, contactId: access.contactId, actorUserId: access.userId });
  if (!result.erased) return jsonError(404, "not_found");
  return json({ erased: true, auditLogId: result.auditLogId, counts: result.counts });
});
