import { getContact, isUuid, updateContact } from "@real-estate/crm";
import { authenticateApi } from "../../lib/api-auth";
import { ZContactPatch } from "../../lib/contracts";
import { expectedVersionFrom, preconditionFailed, versionedJson } from "../../lib/etag";
import { jsonError, readJsonBody } from "../../lib/responses";
import { contactItem } from "../../lib/serialize";
import { apiRoutes } from "../../lib/api-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ contactId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/contacts/{contactId} — one contact with its version as ETag; 404 for unknown or another tenant's. */
  async GET(request: Request, { params }: Params) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const { contactId } = await params;
    const contact = isUuid(contactId) ? await getContact({ tenantId: auth.caller.tenantId, contactId }) : null;
    if (!contact || contact.mergedIntoId) return jsonError(404, "not_found");
    return versionedJson(contactItem(contact), contact.version);
  },

  /**
   * PATCH /api/contacts/{contactId} — edit names, primary e-mail and phone, notes. With If-Match, a
   * contact changed since answers 412 with the contact as it is now; an e-mail or phone another
   * contact holds answers 409 with that contact.
   */
  async PATCH(request: Request, { params }: Params) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const { contactId } = await params;
    if (!isUuid(contactId)) return jsonError(404, "not_found");
    const body = await readJsonBody(request, ZContactPatch);
    if (!body.ok) return body.response;
    const result = await updateContact({
      tenantId: auth.caller.tenantId,
      contactId,
      input: body.value,
      actor: auth.caller.actor,
      expectedVersion: expectedVersionFrom(request),
    });
    if (result.ok) return versionedJson(contactItem(result.contact), result.contact.version);
    switch (result.error) {
      case "not_found":
        return jsonError(404, "not_found");
      case "invalid":
        return jsonError(422, "validation_failed", { fields: Object.fromEntries(Object.entries(result.fields).map(([k, v]) => [k, [v]])) });
      case "version_mismatch":
        return preconditionFailed("contact", contactItem(result.contact), result.contact.version);
      case "duplicate":
        return jsonError(409, "duplicate_contact", { matchedOn: result.matchedOn, existing: contactItem(result.contact) });
    }
  },
});
