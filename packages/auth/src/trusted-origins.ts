import { resolveTenantByHost } from "@real-estate/sites";
import type { AuthEnv } from "./auth-env";

/**
 * Origins allowed to send credentialed requests to the auth endpoints: the studio's, and the
 * request's own origin when its host is a CRM domain of some tenant (TenantDomain, kind CRM).
 * Hosts matching AUTH_ALLOWED_HOSTS are trusted by better-auth itself.
 */
export async function trustedOriginsFor(env: AuthEnv, request: Request | undefined): Promise<string[]> {
  const origins = [...env.studioOrigins];
  const origin = request?.headers.get("origin");
  if (!origin) return origins;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return origins;
  }
  const tenant = await resolveTenantByHost({ host, kind: "CRM" }).catch(() => null);
  if (tenant) origins.push(origin);
  return origins;
}
