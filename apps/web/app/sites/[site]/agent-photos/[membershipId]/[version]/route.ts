import { memberPhotoResponse, readMemberPhoto } from "@real-estate/sites";
import { routeSiteParams } from "@/lib/site/site-params";

// An agent's profile photo on the brokerage's own host: /agent-photos/<membershipId>/<version>.
// Only this tenant's members answer (another brokerage's member id is a 404). The current
// version's URL is immutable; a new photo is a new URL.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ site: string; membershipId: string; version: string }> };

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const resolved = await routeSiteParams(params);
  if (!resolved) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  const photo = await readMemberPhoto({ tenantId: resolved.tenantId, membershipId: resolved.membershipId });
  return memberPhotoResponse(photo, { version: resolved.version, ifNoneMatch: request.headers.get("if-none-match") });
}
