import { exportContactData } from "@real-estate/crm";
import { requireOwnerForContact } from "../../../lib/owner-access";
import { jsonError } from "../../../lib/responses";
import { apiRoutes } from "../../../lib/api-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ contactId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/contacts/:contactId/export — everything held about the contact, as one JSON download (owners only). */
  async GET(request: Request, { params }: Params) {
    const access = await requireOwnerForContact(request, (await params).contactId);
    if (!access.ok) return access.response;
    const doc = await exportContactData({ tenantId: access.tenantId, contactId: access.contactId, actorUserId: access.userId });
    if (!doc) return jsonError(404, "not_found");
    const body = JSON.stringify(doc, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value), 2);
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="contact-${access.contactId}.json"`,
        "cache-control": "no-store",
      },
    });
  },
});
