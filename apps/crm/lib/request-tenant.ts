import { headers } from "next/headers";
import { resolveTenantByHost } from "@real-estate/db/tenants";
import type { TResolvedTenant } from "@real-estate/types";

/**
 * The tenant of the current request, resolved by the server from the Host header (CRM
 * domains only; cached briefly). Never read from a client-supplied header.
 */
export async function getRequestTenant(): Promise<TResolvedTenant | null> {
  const h = await headers();
  return resolveTenantByHost({ host: h.get("host"), kind: "CRM" }).catch(() => null);
}
