import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint, ZWebhookEndpointPatch } from "@real-estate/integrations";
import { authenticateOwnerApi } from "../../lib/owner-api";
import { json, jsonError, readJsonBody } from "../../lib/responses";
import { webhookEndpointJson } from "../../lib/webhook-serialize";
import { apiRoutes } from "../../lib/api-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ endpointId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/webhooks/{endpointId} — one endpoint (never its secret); 404 for another tenant's. */
  async GET(request: Request, { params }: Params) {
    const auth = await authenticateOwnerApi(request);
    if (!auth.ok) return auth.response;
    const endpoint = await getWebhookEndpoint({ tenantId: auth.caller.tenantId, endpointId: (await params).endpointId });
    return endpoint ? json(webhookEndpointJson(endpoint)) : jsonError(404, "not_found");
  },

  /** PATCH /api/webhooks/{endpointId} — URL, description, events, `enabled`. */
  async PATCH(request: Request, { params }: Params) {
    const auth = await authenticateOwnerApi(request);
    if (!auth.ok) return auth.response;
    const { endpointId } = await params;
    const body = await readJsonBody(request, ZWebhookEndpointPatch);
    if (!body.ok) return body.response;
    const result = await updateWebhookEndpoint({ tenantId: auth.caller.tenantId, endpointId, change: body.value, actorUserId: auth.caller.actor.userId });
    if (!result.ok) return result.error === "not_found" ? jsonError(404, "not_found") : jsonError(422, "validation_failed", { fields: result.fields });
    return json(webhookEndpointJson(result.endpoint));
  },

  /** DELETE /api/webhooks/{endpointId} — the endpoint and its delivery log. 204. */
  async DELETE(request: Request, { params }: Params) {
    const auth = await authenticateOwnerApi(request);
    if (!auth.ok) return auth.response;
    const deleted = await deleteWebhookEndpoint({
      tenantId: auth.caller.tenantId,
      endpointId: (await params).endpointId,
      actorUserId: auth.caller.actor.userId,
    });
    return deleted ? new Response(null, { status: 204 }) : jsonError(404, "not_found");
  },
});
