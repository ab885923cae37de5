import { isUuid } from "@real-estate/types";
import { authenticateApi } from "./api-auth";
import { jsonError } from "./responses";

/**
 * An owner of the Host's brokerage, signed in, for the personal-data routes (export, erasure,
 * merge and its undo). Authenticated as every API call is (`authenticateApi`): a request with an
 * `Authorization` header is an API key's call and never reads a session (a bad key: 401
 * `invalid_api_key`), and a session's call is refused when another site sent it (403) and counted
 * against the member's API limit (429). A valid key: 403 `session_required`. Signed out: 401. Not
 * a member, an agent, another brokerage's contact or a malformed id: 404, as if nothing were here.
 */
export async function requireOwnerForContact(
  request: Request,
  contactId: string,
): Promise<{ ok: true; tenantId: string; userId: string; contactId: string } | { ok: false; response: Response }> {
  const auth = await authenticateApi(request);
  if (!auth.ok) return auth;
  const { tenantId, actor } = auth.caller;
  if (actor.apiKeyId || !actor.userId) {
    const message = "A contact's personal data is exported, erased or merged by a signed-in owner, not with an API key.";
    return { ok: false, response: jsonError(403, "session_required", { message }) };
  }
  // The role was read with the session, once (authenticateApi).
  if (auth.caller.role !== "OWNER") return { ok: false, response: jsonError(404, "not_found") };
  if (!isUuid(contactId)) return { ok: false, response: jsonError(404, "not_found") };
  return { ok: true, tenantId, userId: actor.userId, contactId };
}
