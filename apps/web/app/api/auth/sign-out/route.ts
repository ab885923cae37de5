import { deleteVisitorSession } from "@real-estate/sites";
import { guardPost } from "@/lib/forms/guard-post";
import { serviceUnavailable, seeOther } from "@/lib/forms/responses";
import { readCookie, SESSION_COOKIE, signOutCookies, withCookies } from "@/lib/visitors/session-cookie";

/** Ends the visitor's session and clears its cookies. */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardPost(request, { scope: "user" });
  if (!guard.ok) return guard.response;
  const token = readCookie(request.headers, SESSION_COOKIE);
  try {
    if (token) await deleteVisitorSession({ tenantId: guard.tenant.tenantId, token });
  } catch {
    return serviceUnavailable();
  }
  const response = guard.kind === "form" ? seeOther("/") : Response.json({ signedOut: true }, { headers: { "cache-control": "no-store" } });
  return withCookies(response, signOutCookies());
}
