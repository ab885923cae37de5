import { normalizeHost, type TResolvedTenant } from "@real-estate/types";
import { resolveTenantByHost } from "@real-estate/db/tenants";

/**
 * CSRF defence for POSTs: a browser always names the page that sent a form (Origin, else
 * Referer); that page must be on one of the tenant's own website hosts. A request naming
 * neither comes from a non-browser client and is allowed.
 */
export async function isSameOrigin(request: Request, tenant: TResolvedTenant): Promise<boolean> {
  const origin = request.headers.get("origin");
  if (origin === "null") return false;
  const source = origin ?? request.headers.get("referer");
  if (!source) return true;
  let host: string | null;
  try {
    host = normalizeHost(new URL(source).host);
  } catch {
    return false;
  }
  if (!host) return false;
  if (host === tenant.hostname || host === tenant.primaryHostname) return true;
  const other = await resolveTenantByHost({ host, kind: "WEB" });
  return other?.tenantId === tenant.tenantId;
}
