import { getMemberProfile, updateMemberProfile, ZProfilePatch } from "@real-estate/sites";
import { apiRoutes } from "../lib/api-route";
import { profileJson } from "../lib/profile-serialize";
import { authenticateMemberSession } from "../lib/session-member";
import { json, jsonError, readJsonBody } from "../lib/responses";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/profile — the signed-in member's own profile in this brokerage. */
  async GET(request: Request) {
    const auth = await authenticateMemberSession(request);
    if (!auth.ok) return auth.response;
    const profile = await getMemberProfile({ tenantId: auth.caller.tenantId, membershipId: auth.caller.membershipId });
    if (!profile) return jsonError(404, "not_found");
    return json(profileJson(profile, auth.caller.country), 200, { "cache-control": "no-store" });
  },

  /**
   * PATCH /api/profile — the signed-in member changes their display name, phone (read in the
   * brokerage's country, stored E.164) or MLS agent id. Only the fields sent change; null clears.
   * A bad field: 422 naming it, nothing changed.
   */
  async PATCH(request: Request) {
    const auth = await authenticateMemberSession(request);
    if (!auth.ok) return auth.response;
    const body = await readJsonBody(request, ZProfilePatch);
    if (!body.ok) return body.response;
    const result = await updateMemberProfile({
      tenantId: auth.caller.tenantId,
      membershipId: auth.caller.membershipId,
      patch: body.value,
      country: auth.caller.country,
    });
    if (!result) return jsonError(404, "not_found");
    if (!result.ok) return jsonError(422, "validation_failed", { fields: result.fields });
    return json(profileJson(result.profile, auth.caller.country));
  },
});
