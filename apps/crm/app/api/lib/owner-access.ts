import { requireMember } from "@real-estate/auth";
import { isSameOrigin } from "@real-estate/http";
import { jsonError, tenantOfRequest } from "./responses";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An owner of the Host's brokerage, for the personal-data routes (export, erasure). Signed out:
 * 401. Not a member, an agent, another brokerage's contact or a malformed id: 404, as if nothing
 * were here. A state-changing request sent by another site (Origin not this host): 403.
 */
export async function requireOwnerForContact(
  request: Request,
  contactId: string,
): Promise<{ ok: true; tenantId: string; userId: string; contactId: string } | { ok: false; response: Response }> {
  const resolved = await tenantOfRequest(request);
  if (!resolved.ok) return resolved;
  const { tenant } = resolved;
  if (!(await isSameOrigin(request))) return { ok: false, response: jsonError(403, "cross_site_request") };
  const access = await requireMember({ tenantId: tenant.tenantId, role: "OWNER", headers: request.headers });
  if (!access.ok) return { ok: false, response: access.reason === "unauthenticated" ? jsonError(401, "unauthenticated") : jsonError(404, "not_found") };
  if (!UUID.test(contactId)) return { ok: false, response: jsonError(404, "not_found") };
  return { ok: true, tenantId: tenant.tenantId, userId: access.session.user.id, contactId };
}
