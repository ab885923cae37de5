import type { ResolvedTenant } from "@real-estate/types";
import { normalizeHost } from "@real-estate/types";
import { resolveTenantByHost } from "@real-estate/sites";
import { isSameOrigin } from "@real-estate/http";
import { webEnv } from "../env";
import { siteOrigin } from "../site/site-urls";

/** Whether a page on `host` belongs to the tenant's own website (any of its website hosts). */
async function isTenantWebsiteHost(tenant: ResolvedTenant, host: string): Promise<boolean> {
  const normalized = normalizeHost(host);
  if (!normalized) return false;
  if (normalized === tenant.hostname || normalized === tenant.primaryHostname) return true;
  const other = await resolveTenantByHost({ host: normalized, kind: "WEB" });
  return other?.tenantId === tenant.tenantId;
}

/**
 * The request's own origin as the platform sees it: `https` when the request came over HTTPS
 * (X-Forwarded-Proto, which reaches the app only from a proxy TRUST_PROXY trusts, else Next.js
 * sets it from the socket) or when the site is configured as https (PUBLIC_URL_SCHEME, for an
 * edge that terminates TLS), else `http`; the host and port of its Host header.
 */
function ownOrigin(request: Request): string | null {
  const host = request.headers.get("host");
  const https = (request.headers.get("x-forwarded-proto") ?? "").includes("https") || webEnv().PUBLIC_URL_SCHEME === "https";
  const url = `${https ? "https" : "http"}://${host ?? ""}`;
  return host && URL.canParse(url) ? new URL(url).origin : null;
}

/**
 * The website's CSRF check: the page that sent an unsafe request (Origin, else Referer) must be on
 * one of the tenant's website hosts (see isSameOrigin: `null`, a non-URL and `Sec-Fetch-Site:
 * cross-site` refused, a request naming no page passed), and its whole origin (scheme, host and
 * port) either the public origin the platform gives that host (siteOrigin: PUBLIC_URL_SCHEME, the
 * local port for `*.localhost`) or the request's own origin. An `http` page posting to an `https`
 * site (a page anyone on the network path can write) or another port of the host is refused.
 */
export async function isFromTenantWebsite(request: Request, tenant: ResolvedTenant): Promise<boolean> {
  if (!(await isSameOrigin(request, (host) => isTenantWebsiteHost(tenant, host)))) return false;
  const source = request.headers.get("origin") ?? request.headers.get("referer");
  if (source === null || ["GET", "HEAD", "OPTIONS"].includes(request.method.toUpperCase())) return true;
  const from = new URL(source);
  return from.origin === siteOrigin(from.hostname) || from.origin === ownOrigin(request);
}
