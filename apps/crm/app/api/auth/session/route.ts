import { requireMember } from "@real-estate/auth";
import { apiRoutes } from "../../lib/api-route";
import { json, jsonError, tenantOfRequest } from "../../lib/responses";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /**
   * GET /api/auth/session — who is signed in and their role in this host's brokerage.
   * 401 when signed out; `membership: null` when signed in but not a member here.
   */
  async GET(request: Request) {
    const resolved = await tenantOfRequest(request);
    if (!resolved.ok) return resolved.response;
    const { tenant } = resolved;
    const access = await requireMember({ tenantId: tenant.tenantId, headers: request.headers });
    if (!access.ok && access.reason === "unauthenticated") return jsonError(401, "unauthenticated");
    const { session } = access as Exclude<typeof access, { reason: "unauthenticated" }>;
    return json({
      user: { id: session.user.id, name: session.user.name, email: session.user.email },
      expiresAt: session.session.expiresAt.toISOString(),
      tenant: { id: tenant.tenantId, slug: tenant.slug, name: tenant.name },
      membership: access.ok ? { id: access.membership.id, role: access.membership.role } : null,
    });
  },
});
