import { updateApiKey, ZApiKeyPatch } from "@real-estate/crm";
import { apiRoutes } from "../../lib/api-route";
import { apiKeyJson } from "../../lib/api-key-serialize";
import { authenticateOwnerSession } from "../../lib/owner-api";
import { json, jsonError, readJsonBody } from "../../lib/responses";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ apiKeyId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /**
   * PATCH /api/api-keys/{apiKeyId} — a key's name and/or requests per minute (signed-in owners);
   * its next request is counted against the new limit. Scopes are chosen at creation. Audited.
   */
  async PATCH(request: Request, { params }: Params) {
    const auth = await authenticateOwnerSession(request);
    if (!auth.ok) return auth.response;
    const body = await readJsonBody(request, ZApiKeyPatch);
    if (!body.ok) return body.response;
    const result = await updateApiKey({
      tenantId: auth.caller.tenantId,
      apiKeyId: (await params).apiKeyId,
      change: body.value,
      actorUserId: auth.caller.actor.userId!,
    });
    if (!result.ok) {
      return result.error === "revoked"
        ? jsonError(409, "api_key_revoked", { message: "This key is revoked; create a new one." })
        : jsonError(404, "not_found");
    }
    return json(apiKeyJson(result.apiKey));
  },
});
