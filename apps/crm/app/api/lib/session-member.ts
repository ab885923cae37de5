import { authenticateApi, type ApiCaller } from "./api-auth";
import { jsonError } from "./responses";

/**
 * A signed-in member of the Host's brokerage, for what belongs to the member themselves (their
 * profile): an API key gets 403 `session_required` (a key is the brokerage's, not a person's).
 */
export async function authenticateMemberSession(
  request: Request,
): Promise<{ ok: true; caller: ApiCaller & { membershipId: string; actor: { userId: string } } } | { ok: false; response: Response }> {
  const auth = await authenticateApi(request);
  if (!auth.ok) return auth;
  const { caller } = auth;
  if (caller.actor.apiKeyId || !caller.membershipId || !caller.actor.userId) {
    return { ok: false, response: jsonError(403, "session_required", { message: "A profile is changed by the signed-in member, not with an API key." }) };
  }
  return { ok: true, caller: { ...caller, membershipId: caller.membershipId, actor: { userId: caller.actor.userId } } };
}
