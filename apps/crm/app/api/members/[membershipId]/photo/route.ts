import { memberPhotoResponse, readMemberPhoto } from "@real-estate/sites";
import { authenticateApi } from "../../../lib/api-auth";
import { apiRoutes } from "../../../lib/api-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ membershipId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /**
   * GET /api/members/{membershipId}/photo?v=… — a member's photo, for the brokerage's signed-in
   * members and API keys (the CRM's team list and profile page). Another brokerage's member: 404.
   */
  async GET(request: Request, { params }: Params): Promise<Response> {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const photo = await readMemberPhoto({ tenantId: auth.caller.tenantId, membershipId: (await params).membershipId });
    return memberPhotoResponse(photo, {
      version: new URL(request.url).searchParams.get("v"),
      ifNoneMatch: request.headers.get("if-none-match"),
      visibility: "private",
    });
  },
});
