import type { ResolvedTenant } from "@real-estate/types";
import { getDb, pgPoolOf } from "@real-estate/db";
import { bodyKind, clientAddress, createRateLimiter, HttpError, rateLimitKey, readBody, type BodyKind, type SharedRateLimiter } from "@real-estate/http";
import { webEnv } from "../env";
import { requestTenant } from "../site/request-tenant";
import { htmlProblem, jsonError } from "./responses";
import { isFromTenantWebsite } from "./website-origin";

/** Budgets: "forms" (lead, valuation, sign-up, sign-in) use WEB_RATE_LIMIT_PER_MINUTE; "user" actions get five times that. */
export type RateScope = "forms" | "user";

/** Free text a browser fills (where a page was, where it came from, its campaign tags): broken characters are dropped, not refused. */
const BROWSER_FREE_TEXT = ["pageUrl", "referrer", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;

// Counted in Redis when REDIS_URL is set, else in PostgreSQL (the site's database): every
// instance of the website shares the count.
const globalForLimiters = globalThis as unknown as { __webLimiters?: Record<RateScope, SharedRateLimiter> };
/** Made at the first post (not at import: the environment is read then). */
function limiters(): Record<RateScope, SharedRateLimiter> {
  if (globalForLimiters.__webLimiters) return globalForLimiters.__webLimiters;
  const store = { redisUrl: webEnv().REDIS_URL, pgPool: pgPoolOf(getDb()) ?? undefined };
  return (globalForLimiters.__webLimiters = {
    forms: createRateLimiter({ name: "web-forms", points: () => webEnv().WEB_RATE_LIMIT_PER_MINUTE, durationSeconds: 60, ...store }),
    user: createRateLimiter({ name: "web-user", points: () => webEnv().WEB_RATE_LIMIT_PER_MINUTE * 5, durationSeconds: 60, ...store }),
  });
}

export type GuardedPost = { ok: true; tenant: ResolvedTenant; kind: BodyKind; data: Record<string, unknown> } | { ok: false; response: Response };

function problem(
  kind: BodyKind | null,
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
  detail: Record<string, unknown> = {},
) {
  if (kind === "form") {
    const res = htmlProblem(status, "We could not send that", [message], "javascript:history.back()");
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  }
  return jsonError(status, error, detail, headers);
}

/**
 * Everything a POST from a visitor passes before its content is looked at: the tenant
 * (404 unknown, 503 when the database cannot be asked), the same-origin check (403: the sending
 * page must be of the tenant's website, scheme and port included: isFromTenantWebsite), the rate
 * limit per client address (from the socket, see @real-estate/http) and tenant (429 +
 * Retry-After) and the shared body reader
 * (413 too large, 415, 400, 422 naming a field with text that cannot be stored).
 */
export async function guardPost(request: Request, options: { scope: RateScope }): Promise<GuardedPost> {
  const declaredKind = bodyKind(request.headers);
  let tenant: ResolvedTenant | null;
  try {
    tenant = await requestTenant(request);
  } catch {
    return {
      ok: false,
      response: problem(declaredKind, 503, "service_unavailable", "The site is busy. Please try again in a moment.", { "retry-after": "5" }),
    };
  }
  if (!tenant) return { ok: false, response: jsonError(404, "unknown_tenant") };
  if (!(await isFromTenantWebsite(request, tenant).catch(() => false))) {
    return { ok: false, response: problem(declaredKind, 403, "cross_site_request", "This form can only be sent from this website.") };
  }
  const limit = await limiters()[options.scope].hit(rateLimitKey({ scope: options.scope, tenantId: tenant.tenantId, address: clientAddress(request.headers) }));
  if (!limit.ok) {
    const retry = { "retry-after": String(limit.retryAfterSeconds) };
    return {
      ok: false,
      response: problem(declaredKind, 429, "rate_limited", `Too many submissions. Please wait ${limit.retryAfterSeconds} seconds and try again.`, retry),
    };
  }
  try {
    const body = await readBody(request, { maxBytes: webEnv().WEB_MAX_BODY_BYTES, accept: ["json", "form"], stripFields: BROWSER_FREE_TEXT });
    return { ok: true, tenant, kind: body.kind, data: body.data };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const message =
      error.status === 413
        ? "That submission is too large."
        : error.status === 422
          ? "That submission contains characters we cannot accept."
          : "That submission could not be read.";
    return { ok: false, response: problem(declaredKind, error.status, error.code, message, error.headers, error.detail) };
  }
}
