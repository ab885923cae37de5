import type { TResolvedTenant } from "@real-estate/types";
import { webEnv } from "../env";
import { requestTenant } from "../site/request-tenant";
import { clientIp } from "./client-ip";
import { RateLimiter } from "@real-estate/auth/rate-limit";
import { bodyKind, readBody, type TBodyKind } from "./read-body";
import { htmlProblem, jsonError } from "./responses";
import { isSameOrigin } from "./same-origin";

/** Budgets: "forms" (lead, valuation, sign-up, sign-in) use WEB_RATE_LIMIT_PER_MINUTE; "user" actions get five times that. */
export type TRateScope = "forms" | "user";

const globalForLimiters = globalThis as unknown as { __webLimiters?: Record<TRateScope, RateLimiter> };
const limiters = (globalForLimiters.__webLimiters ??= {
  forms: new RateLimiter(() => webEnv().WEB_RATE_LIMIT_PER_MINUTE),
  user: new RateLimiter(() => webEnv().WEB_RATE_LIMIT_PER_MINUTE * 5),
});

export type TGuardedPost =
  | { ok: true; tenant: TResolvedTenant; kind: TBodyKind; data: Record<string, unknown> }
  | { ok: false; response: Response };

function problem(kind: TBodyKind | null, status: number, error: string, message: string, headers: Record<string, string> = {}) {
  if (kind === "form") {
    const res = htmlProblem(status, "We could not send that", [message], "javascript:history.back()");
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  }
  return jsonError(status, error, {}, headers);
}

/**
 * Everything a POST from a visitor passes before its content is looked at: the tenant
 * (404 unknown, 503 when the database cannot be asked), the same-origin check (403), the rate
 * limit per client IP and tenant (429 + Retry-After) and the body size limit (413).
 */
export async function guardPost(request: Request, options: { scope: TRateScope }): Promise<TGuardedPost> {
  const declaredKind = bodyKind(request.headers);
  let tenant: TResolvedTenant | null;
  try {
    tenant = await requestTenant(request);
  } catch {
    return { ok: false, response: problem(declaredKind, 503, "service_unavailable", "The site is busy. Please try again in a moment.", { "retry-after": "5" }) };
  }
  if (!tenant) return { ok: false, response: jsonError(404, "unknown_tenant") };
  if (!(await isSameOrigin(request, tenant).catch(() => false))) {
    return { ok: false, response: problem(declaredKind, 403, "cross_site_request", "This form can only be sent from this website.") };
  }
  const limit = limiters[options.scope].hit(`${tenant.tenantId}|${clientIp(request.headers)}`);
  if (!limit.ok) {
    const retry = { "retry-after": String(limit.retryAfterSeconds) };
    return { ok: false, response: problem(declaredKind, 429, "rate_limited", `Too many submissions. Please wait ${limit.retryAfterSeconds} seconds and try again.`, retry) };
  }
  const body = await readBody(request, webEnv().WEB_MAX_BODY_BYTES);
  if (!body.ok) {
    const message = body.status === 413 ? "That submission is too large." : "That submission could not be read.";
    return { ok: false, response: problem(declaredKind, body.status, body.error, message) };
  }
  return { ok: true, tenant, kind: body.kind, data: body.data };
}
