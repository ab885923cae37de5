import { errorResponse, PayloadTooLargeError, readBytes } from "@real-estate/http";
import { getMemberProfile, MAX_MEMBER_PHOTO_BYTES, PHOTO_PROBLEM_MESSAGES, removeMemberPhoto, setMemberPhoto } from "@real-estate/sites";
import { apiRoutes } from "../../lib/api-route";
import { profileJson } from "../../lib/profile-serialize";
import { authenticateMemberSession } from "../../lib/session-member";
import { json, jsonError } from "../../lib/responses";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /**
   * PUT /api/profile/photo — the signed-in member's photo: the image file itself as the body. Its
   * type is read from its first bytes, never from Content-Type or a file name: JPEG, PNG or WebP,
   * at most 2 MiB. Larger: 413; another type: 415; a broken image: 422. Nothing changes on a refusal.
   */
  async PUT(request: Request) {
    const auth = await authenticateMemberSession(request);
    if (!auth.ok) return auth.response;
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(request, MAX_MEMBER_PHOTO_BYTES);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) return jsonError(413, "payload_too_large", { fields: { photo: [PHOTO_PROBLEM_MESSAGES.too_large] } });
      return errorResponse(error, "crm profile photo");
    }
    const { tenantId, membershipId } = auth.caller;
    const result = await setMemberPhoto({ tenantId, membershipId, bytes });
    if (!result.ok) {
      if (result.problem === "not_found") return jsonError(404, "not_found");
      const status = result.problem === "too_large" ? 413 : result.problem === "unsupported_type" ? 415 : 422;
      const code =
        result.problem === "too_large" ? "payload_too_large" : result.problem === "unsupported_type" ? "unsupported_media_type" : "validation_failed";
      return jsonError(status, code, { fields: { photo: [PHOTO_PROBLEM_MESSAGES[result.problem]] } });
    }
    const profile = await getMemberProfile({ tenantId, membershipId });
    return profile ? json(profileJson(profile, auth.caller.country)) : jsonError(404, "not_found");
  },

  /** DELETE /api/profile/photo — removes the signed-in member's photo (the website shows their initials). */
  async DELETE(request: Request) {
    const auth = await authenticateMemberSession(request);
    if (!auth.ok) return auth.response;
    const { tenantId, membershipId } = auth.caller;
    await removeMemberPhoto({ tenantId, membershipId });
    const profile = await getMemberProfile({ tenantId, membershipId });
    return profile ? json(profileJson(profile, auth.caller.country)) : jsonError(404, "not_found");
  },
});
