import { addContactIdentity, isUuid } from "@real-estate/crm";
import { authenticateApi } from "../../../lib/api-auth";
import { ZContactIdentityAdd } from "../../../lib/contracts";
import { expectedVersionFrom } from "../../../lib/etag";
import { answerIdentityEdit, identitiesResponse } from "../../../lib/identity-answers";
import { jsonError, readJsonBody } from "../../../lib/responses";
import { apiRoutes } from "../../../lib/api-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ contactId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/contacts/{contactId}/identities — every e-mail and phone of the contact (ids, source, times), ETag: its version. */
  async GET(request: Request, { params }: Params) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const { contactId } = await params;
    if (!isUuid(contactId)) return jsonError(404, "not_found");
    return identitiesResponse(auth.caller.tenantId, contactId);
  },

  /**
   * POST /api/contacts/{contactId}/identities {"kind": "email" | "phone", "value"} — adds one (a
   * phone read in the brokerage's country, its extension kept apart); primary only when the contact
   * has none of that kind. 201 when added, 200 when the contact already had it, 409 when another
   * contact holds it, 412 when If-Match names an older version.
   */
  async POST(request: Request, { params }: Params) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const { contactId } = await params;
    if (!isUuid(contactId)) return jsonError(404, "not_found");
    const body = await readJsonBody(request, ZContactIdentityAdd);
    if (!body.ok) return body.response;
    const result = await addContactIdentity({
      tenantId: auth.caller.tenantId,
      contactId,
      kind: body.value.kind,
      value: body.value.value,
      actor: auth.caller.actor,
      expectedVersion: expectedVersionFrom(request),
    });
    return answerIdentityEdit(result, { tenantId: auth.caller.tenantId, contactId, createdStatus: 201 });
  },
});
