import type { NextResponse } from "next/server";
import { requireMember } from "@real-estate/auth";
import { verifyApiKey } from "@real-estate/db/api-keys";
import { resolveTenantByHost } from "@real-estate/db/tenants";
import type { CrmActor } from "@real-estate/db/crm";
import { jsonError } from "./responses";

export type ApiCaller = {
  tenantId: string;
  actor: CrmActor;
  /** The member's own membership id (for `assignedTo=me`); null for API keys. */
  membershipId: string | null;
};

/**
 * Authenticates a REST call on the tenant of its Host: `Authorization: Bearer <api key>` of
 * that tenant, or a member's session cookie. A bad key or no credentials answer 401; a
 * signed-in user who is not a member of this tenant gets 404, as if nothing were here.
 */
export async function authenticateApi(request: Request): Promise<{ ok: true; caller: ApiCaller } | { ok: false; response: NextResponse }> {
  const tenant = await resolveTenantByHost({ host: request.headers.get("host"), kind: "CRM" }).catch(() => null);
  if (!tenant) return { ok: false, response: jsonError(404, "unknown_tenant") };
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const key = match ? await verifyApiKey({ tenantId: tenant.tenantId, key: match[1]! }) : null;
    if (!key) return { ok: false, response: jsonError(401, "invalid_api_key") };
    return { ok: true, caller: { tenantId: tenant.tenantId, actor: { userId: null, apiKeyId: key.id }, membershipId: null } };
  }
  const access = await requireMember({ tenantId: tenant.tenantId, headers: request.headers });
  if (!access.ok) {
    return { ok: false, response: access.reason === "unauthenticated" ? jsonError(401, "unauthenticated") : jsonError(404, "not_found") };
  }
  return {
    ok: true,
    caller: { tenantId: tenant.tenantId, actor: { userId: access.session.user.id }, membershipId: access.membership.id },
  };
}
