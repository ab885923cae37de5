import { listApiKeys } from "@real-estate/crm";
import { apiRoutes } from "../lib/api-route";
import { apiKeyJson } from "../lib/api-key-serialize";
import { authenticateOwnerSession } from "../lib/owner-api";
import { json } from "../lib/responses";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/api-keys — the brokerage's API keys, newest first (signed-in owners; never a secret). */
  async GET(request: Request) {
    const auth = await authenticateOwnerSession(request);
    if (!auth.ok) return auth.response;
    const keys = await listApiKeys({ tenantId: auth.caller.tenantId });
    return json({ items: keys.map(apiKeyJson) });
  },
});
