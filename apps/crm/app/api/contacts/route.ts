import { createContact, listContacts } from "@real-estate/crm";
import { authenticateApi } from "../lib/api-auth";
import { ZContactCreate } from "../lib/contracts";
import { encodeCursor, parseContactListQuery } from "../lib/query-params";
import { json, jsonError, readJsonBody } from "../lib/responses";
import { contactItem } from "../lib/serialize";
import { apiRoutes } from "../lib/api-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/contacts — the tenant's contacts, newest first, searchable, keyset-paginated. */
  async GET(request: Request) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const parsed = parseContactListQuery(new URL(request.url).searchParams);
    if (!parsed.ok) return jsonError(400, "validation_failed", { fields: parsed.error.fields });
    const page = await listContacts({ tenantId: auth.caller.tenantId, ...parsed.value });
    return json({ items: page.items.map(contactItem), nextCursor: page.nextCursor ? encodeCursor(page.nextCursor, "contacts") : null });
  },

  /** POST /api/contacts — 201 with the new contact, or 409 with the existing one (same email or phone). */
  async POST(request: Request) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const body = await readJsonBody(request, ZContactCreate);
    if (!body.ok) return body.response;
    const { openLead, ...input } = body.value;
    const viaApiKey = Boolean(auth.caller.actor.apiKeyId);
    const result = await createContact({
      tenantId: auth.caller.tenantId,
      input,
      source: viaApiKey ? "api" : "manual",
      openLead: openLead && { message: openLead.message, source: openLead.source ?? (viaApiKey ? "api" : "manual") },
      actor: auth.caller.actor,
    });
    if (!result.created && "error" in result)
      return jsonError(422, "validation_failed", { fields: Object.fromEntries(Object.entries(result.fields).map(([k, v]) => [k, [v]])) });
    if (!result.created) {
      return jsonError(409, "duplicate_contact", { matchedOn: result.matchedOn, existing: contactItem(result.contact) });
    }
    return json({ ...contactItem(result.contact), leadId: result.leadId }, 201);
  },
});
