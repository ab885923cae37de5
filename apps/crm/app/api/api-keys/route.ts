import { listApiKeys } from "@real-estate/crm";
import { apiRoute } from "../lib/api-route";
import { apiKeyJson } from "../lib/api-key-serialize";
import { authenticateOwnerSession } from "../lib/owner-api";
import { json } from "../lib/responses";

export const dynamic = "force-dynamic";

/** GET /api/api-keys — the brokerage's API keys, newest first (signed-in owners; never a secret). */
export const GET = apiRoute(async function GET(request: Request) {
  const auth = await authenticateOwnerSession(request);
  if (!auth.ok) return auth.response;
  const keys = await listApiKeys({ tenantId: auth.caller.tenantId });
  return json({ items: keys.map(apiKeyJson) });
});
