import { getContact, mergeContacts } from "@real-estate/crm";
import { ZContactMerge } from "../../../lib/contracts";
import { etagOf, expectedVersionFrom, preconditionFailed } from "../../../lib/etag";
import { requireOwnerForContact } from "../../../lib/owner-access";
import { json, jsonError, readJsonBody } from "../../../lib/responses";
import { apiRoutes } from "../../../lib/api-route";
import { contactItem } from "../../../lib/serialize";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ contactId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /**
   * POST /api/contacts/{contactId}/merge {"contactId": other} — owners only: the other contact's
   * leads, timeline, e-mails and phones move to this one. Recorded in the audit trail; undo with
   * POST /api/contact-merges/{auditLogId}/undo. With If-Match (this contact's ETag), a contact
   * changed since answers 412 with it as it is now and nothing is merged.
   */
  async POST(request: Request, { params }: Params) {
    const access = await requireOwnerForContact(request, (await params).contactId);
    if (!access.ok) return access.response;
    const body = await readJsonBody(request, ZContactMerge);
    if (!body.ok) return body.response;
    const result = await mergeContacts({
      tenantId: access.tenantId,
      survivorId: access.contactId,
      absorbedId: body.value.contactId,
      actor: { userId: access.userId },
      expectedVersion: expectedVersionFrom(request),
    });
    if (!result.ok) {
      if (result.error === "not_found") return jsonError(404, "not_found");
      if (result.error === "version_mismatch") {
        const current = await getContact({ tenantId: access.tenantId, contactId: access.contactId });
        if (!current) return jsonError(404, "not_found");
        return preconditionFailed("contact", contactItem(current), current.version);
      }
      return jsonError(422, "validation_failed", {
        fields: { contactId: [result.error === "same_contact" ? "cannot merge a contact into itself" : "that contact was already merged"] },
      });
    }
    const survivor = await getContact({ tenantId: access.tenantId, contactId: access.contactId });
    return json(result, 200, survivor ? { etag: etagOf(survivor.version) } : {});
  },
});
