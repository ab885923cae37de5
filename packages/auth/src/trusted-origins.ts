import { resolveTenantByHost } from "@real-estate/sites";
import type { AuthEnv } from "./auth-env";

/**
 * Origins allowed to send credentialed requests to the auth endpoints: the studio's, and the
 * request's own origin when it is a CRM domain of some tenant (TenantDomain, kind CRM): the
 * Origin's host (with its port) must be the request's own Host. A page on one CRM host, of the
 * same tenant or another, is not trusted on any other CRM host. Hosts matching
 * AUTH_ALLOWED_HOSTS are trusted by better-auth itself.
 */
export async function trustedOriginsFor(env: AuthEnv, request: Request | undefined): Promise<string[]> {
  const origins = [...env.studioOrigins];
  const origin = request?.headers.get("origin");
  if (!request || !origin) return origins;
  let originHost: string;
  let ownHost: string;
  try {
    originHost = new URL(origin).host;
    ownHost = new URL(`http://${request.headers.get("host") ?? new URL(request.url).host}`).host;
  } catch {
    return origins;
  }
  if (originHost !== ownHost) return origins;
  const tenant = await resolveTenantByHost({ host: ownHost, kind: "CRM" }).catch(() => null);
  if (tenant) origins.push(origin);
  return origins;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True for a state-changing auth request sent by a page that is neither on the request's own
 * host nor one of the studio's origins. better-auth trusts, besides `trustedOriginsFor`, every
 * host matching AUTH_ALLOWED_HOSTS (`*.localhost:*` by default; a wildcard over the platform's
 * CRM hosts in a deployment): on its own that would let a page on one tenant's CRM host call
 * another tenant's. The source is the Origin, else the Referer, as better-auth reads it; a
 * request naming none (not a browser's) or `null` is left to better-auth's own check.
 */
export function isForeignAuthOrigin(env: AuthEnv, request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const source = request.headers.get("origin") || request.headers.get("referer");
  if (!source || source === "null") return false;
  let sourceOrigin: URL;
  let ownHost: string;
  try {
    sourceOrigin = new URL(source);
    ownHost = new URL(`http://${request.headers.get("host") ?? new URL(request.url).host}`).host;
  } catch {
    return true;
  }
  if (sourceOrigin.host === ownHost) return false;
  return !env.studioOrigins.some((studio) => URL.canParse(studio) && new URL(studio).origin === sourceOrigin.origin);
}
