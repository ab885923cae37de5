import { headers } from "next/headers";
import { resolveTenantByHost } from "@real-estate/sites";
import type { ResolvedTenant } from "@real-estate/types";

/**
 * The tenant of the current request, resolved by the server from the Host header (CRM
 * domains only; cached briefly). Never read from a client-supplied header. Throws when the
 * database cannot be asked (the error page, not a "not found" for a brokerage that exists).
 */
export async function getRequestTenant(): Promise<ResolvedTenant | null> {
  const h = await headers();
  return resolveTenantByHost({ host: h.get("host"), kind: "CRM" });
}
