import { createWebhookEndpoint, listWebhookEndpoints, ZWebhookEndpointInput } from "@real-estate/integrations";
import { authenticateOwnerApi } from "../lib/owner-api";
import { json, jsonError, readJsonBody } from "../lib/responses";
import { webhookEndpointJson } from "../lib/webhook-serialize";
import { apiRoutes } from "../lib/api-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/webhooks — the brokerage's webhook endpoints (owners and API keys). */
  async GET(request: Request) {
    const auth = await authenticateOwnerApi(request);
    if (!auth.ok) return auth.response;
    const endpoints = await listWebhookEndpoints({ tenantId: auth.caller.tenantId });
    return json({ items: endpoints.map(webhookEndpointJson) });
  },

  /**
   * POST /api/webhooks — registers an endpoint. 201 with its signing `secret`, shown this once.
   * A URL into this machine's networks is 422 (unless an operator allowed the host).
   */
  async POST(request: Request) {
    const auth = await authenticateOwnerApi(request);
    if (!auth.ok) return auth.response;
    const body = await readJsonBody(request, ZWebhookEndpointInput);
    if (!body.ok) return body.response;
    const created = await createWebhookEndpoint({ tenantId: auth.caller.tenantId, input: body.value, createdByUserId: auth.caller.actor.userId });
    if (!created.ok) return jsonError(422, "validation_failed", { fields: created.fields });
    return json({ ...webhookEndpointJson(created.endpoint), secret: created.secret }, 201);
  },
});
