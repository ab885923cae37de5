import { authenticateApi, type ApiCaller } from "./api-auth";
import { jsonError } from "./responses";

/**
 * A caller allowed to manage the brokerage's integrations (webhooks): an API key of the tenant
 * (only owners create keys), or a signed-in owner. An agent's session gets 404, as if nothing
 * were here.
 */
export async function authenticateOwnerApi(request: Request): Promise<{ ok: true; caller: ApiCaller } | { ok: false; response: Response }> {
  const auth = await authenticateApi(request);
  if (!auth.ok || auth.caller.actor.apiKeyId) return auth;
  // The role was read with the session, once (authenticateApi).
  if (auth.caller.role !== "OWNER") return { ok: false, response: jsonError(404, "not_found") };
  return auth;
}

/**
 * A signed-in owner of the Host's brokerage, for managing API keys. An API key gets 403
 * `session_required` (a key must not raise its own limit); an agent's session gets 404.
 */
export async function authenticateOwnerSession(request: Request): Promise<{ ok: true; caller: ApiCaller } | { ok: false; response: Response }> {
  const auth = await authenticateApi(request);
  if (!auth.ok) return auth;
  if (auth.caller.actor.apiKeyId) {
    return { ok: false, response: jsonError(403, "session_required", { message: "API keys are managed by a signed-in owner, not with an API key." }) };
  }
  // The role was read with the session, once (authenticateApi).
  if (auth.caller.role !== "OWNER") return { ok: false, response: jsonError(404, "not_found") };
  return auth;
}
