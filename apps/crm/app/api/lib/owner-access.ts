import { NextResponse } from "next/server";
import { requireMember } from "@real-estate/auth";
import { resolveTenantByHost } from "@real-estate/db/tenants";
import { jsonError } from "./responses";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An owner of the Host's brokerage, for the personal-data routes (export, erasure). Signed out:
 * 401. Not a member, an agent, another brokerage's contact or a malformed id: 404, as if nothing
 * were here. A state-changing request sent by another site (Origin not this host): 403.
 */
export async function requireOwnerForContact(
  request: Request,
  contactId: string,
): Promise<{ ok: true; tenantId: string; userId: string; contactId: string } | { ok: false; response: NextResponse }> {
  const host = request.headers.get("host");
  const tenant = await resolveTenantByHost({ host, kind: "CRM" }).catch(() => null);
  if (!tenant) return { ok: false, response: jsonError(404, "unknown_tenant") };
  if (request.method !== "GET") {
    const origin = request.headers.get("origin");
    let originHost: string | null = null;
    try {
      originHost = origin ? new URL(origin).host : null;
    } catch {
      originHost = "invalid";
    }
    if (origin !== null && originHost !== host) {
      return { ok: false, response: NextResponse.json({ error: "cross_site_request" }, { status: 403, headers: { "cache-control": "no-store" } }) };
    }
  }
  const access = await requireMember({ tenantId: tenant.tenantId, role: "OWNER", headers: request.headers });
  if (!access.ok) return { ok: false, response: access.reason === "unauthenticated" ? jsonError(401, "unauthenticated") : jsonError(404, "not_found") };
  if (!UUID.test(contactId)) return { ok: false, response: jsonError(404, "not_found") };
  return { ok: true, tenantId: tenant.tenantId, userId: access.session.user.id, contactId };
}
