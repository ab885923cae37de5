import type { ResolvedTenant } from "@real-estate/types";
import { resolveTenantByHost } from "@real-estate/sites";

/**
 * The tenant of an API request: the id proxy.ts stamped (it drops any x-tenant-* a client
 * sends), confirmed against the server's own (cached) resolution of the Host header.
 * Throws when the database cannot be asked; callers answer 503.
 */
export async function requestTenant(request: Request): Promise<ResolvedTenant | null> {
  const tenantId = request.headers.get("x-tenant-id");
  if (!tenantId) return null;
  const tenant = await resolveTenantByHost({ host: request.headers.get("host"), kind: "WEB" });
  return tenant && tenant.tenantId === tenantId ? tenant : null;
}
