import { requireMember, VERIFIED_SESSION_TTL_MS } from "@real-estate/auth";
import { isSameOrigin } from "@real-estate/http";
import { VERIFIED_API_KEY_TTL_MS, verifyApiKey } from "@real-estate/crm";
import type { CrmActor } from "@real-estate/crm";
import type { RateLimitHit } from "@real-estate/http";
import type { MembershipRoleData } from "@real-estate/types";
import { hitApiKeyLimit, hitSessionLimit, rateLimitHeaders, requiredScope } from "./api-key-limits";
import { jsonError, tenantOfRequest } from "./responses";

export type ApiCaller = {
  tenantId: string;
  /** The brokerage's time zone: date-only filters are its days. */
  timeZone: string;
  /** The brokerage's country (ISO 3166-1 alpha-2): phone numbers without a country code are its. */
  country: string;
  actor: CrmActor;
  /** The member's own membership id (for `assignedTo=me`); null for API keys. */
  membershipId: string | null;
  /** The member's role, read with the session (owner-only routes check it); null for API keys. */
  role: MembershipRoleData | null;
  /** Where the API key, or the signed-in member, stands against its per-minute limit after this request. */
  rateLimit: RateLimitHit | null;
};

export type ApiAuth = { ok: true; caller: ApiCaller } | { ok: false; response: Response };

// One authentication per request: the route layer (idempotency, RateLimit headers) and the
// route itself ask for the same request, and a key's request must be counted once.
const authenticated = new WeakMap<Request, Promise<ApiAuth>>();

/** The authentication of this request if a route already asked for it (never counts a request itself). */
export function authenticationOf(request: Request): Promise<ApiAuth> | undefined {
  return authenticated.get(request);
}

/**
 * The API key in an Authorization header: `Bearer <key>`, or HTTP Basic with the key as the
 * user name and any (or no) password, as Follow Up Boss clients send it. Null when neither.
 */
export function apiKeyFromAuthorization(authorization: string): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (bearer) return bearer[1]!;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
  if (!basic) return null;
  const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
  const user = decoded.includes(":") ? decoded.slice(0, decoded.indexOf(":")) : decoded;
  return user || null;
}

/**
 * Authenticates a REST call on the tenant of its Host: an API key of that tenant (`Bearer`, or
 * Basic with the key as user name), or a member's session cookie. A bad key or no credentials answer 401; a
 * signed-in user who is not a member of this tenant gets 404, as if nothing were here.
 * An API key's request is counted against the key's per-minute limit (429 with Retry-After when
 * over it) and needs the key's "read" scope (GET, HEAD) or "write" scope (every other method):
 * 403 `insufficient_scope` naming the missing one. A member's requests are counted against the
 * per-member limit (CRM_API_SESSION_RATE_LIMIT_PER_MINUTE): 429 with Retry-After over it.
 */
export function authenticateApi(request: Request): Promise<ApiAuth> {
  let result = authenticated.get(request);
  if (!result) {
    result = authenticateOnce(request);
    authenticated.set(request, result);
  }
  return result;
}

/** What a read answers once its caller may have it. */
export type ApiRead<T> = { ok: true; caller: ApiCaller; value: T } | { ok: false; response: Response };

/**
 * Authenticates a read (GET, HEAD) as authenticateApi does, then answers `read(caller)`. For an
 * API key with the "read" scope, `read` starts as soon as the key is verified, beside the key's
 * count in the shared limit, rather than after it (decision 0120): the request waits for the
 * longer of the two round trips, not for both. Its value is handed out only once the count
 * allowed the request; a refused request (429) answers nothing of it. A key this process saw
 * refused within its window is counted first and read after, as before, so a caller over its
 * limit does not get reads made for it. `read` must not change anything when `besideCount` is
 * true (the default): it may run for a request that is then refused. A read that may write
 * (e.g. a list snapshot) passes `besideCount: false` and runs after the count. The caller `read`
 * is given may carry no `rateLimit` (the count may still be under way); the caller returned does.
 */
export async function authenticatedRead<T>(
  request: Request,
  read: (caller: ApiCaller) => Promise<T>,
  options: { besideCount?: boolean } = {},
): Promise<ApiRead<T>> {
  let beside: Promise<T> | undefined;
  let auth = authenticated.get(request);
  if (!auth) {
    auth = authenticateOnce(
      request,
      options.besideCount === false
        ? undefined
        : (caller) => {
            beside = read(caller);
            // Dropped unanswered when the count refuses the request (or fails): not an unhandled rejection.
            beside.catch(() => undefined);
          },
    );
    authenticated.set(request, auth);
  }
  const done = await auth;
  if (!done.ok) return done;
  return { ok: true, caller: done.caller, value: await (beside ?? read(done.caller)) };
}

/** Keys whose count this process saw refused, each with the time (ms) its refusal ends. */
const refusedUntil = new Map<string, number>();
/** Bound on the keys remembered (a key's entry ends with its window anyway). */
const REFUSED_KEYS_KEPT = 10_000;

function recentlyRefused(apiKeyId: string): boolean {
  const until = refusedUntil.get(apiKeyId);
  if (until === undefined) return false;
  if (until > Date.now()) return true;
  refusedUntil.delete(apiKeyId);
  return false;
}

function rememberRefusal(apiKeyId: string, retryAfterSeconds: number): void {
  if (refusedUntil.size >= REFUSED_KEYS_KEPT) refusedUntil.delete(refusedUntil.keys().next().value!);
  refusedUntil.delete(apiKeyId);
  refusedUntil.set(apiKeyId, Date.now() + retryAfterSeconds * 1000);
}

/** Off with CRM_API_READ_BESIDE_COUNT=off: every read waits for its count (as before decision 0120). */
function readsBesideCount(): boolean {
  return process.env.CRM_API_READ_BESIDE_COUNT?.trim().toLowerCase() !== "off";
}

/** The answer's extra field Follow Up Boss clients read (`errorMessage`), on its API's paths only. */
function messageFields(request: Request, message: string): Record<string, string> {
  return new URL(request.url).pathname.startsWith("/v1/") ? { message, errorMessage: message } : { message };
}

/**
 * `beside`, when given, is called with the caller (no `rateLimit` yet) once an API key with the
 * scope a read needs is verified, while the key's count is under way (see authenticatedRead).
 */
async function authenticateOnce(request: Request, beside?: (caller: ApiCaller) => void): Promise<ApiAuth> {
  const resolved = await tenantOfRequest(request);
  if (!resolved.ok) return resolved;
  const { tenant } = resolved;
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const secret = apiKeyFromAuthorization(authorization);
    // A key this process verified in the last few seconds is not read again (decision 0033):
    // revoking it, or changing its limit, reaches every instance within VERIFIED_API_KEY_TTL_MS.
    const key = secret ? await verifyApiKey({ tenantId: tenant.tenantId, key: secret, maxAgeMs: VERIFIED_API_KEY_TTL_MS }) : null;
    if (!key) return { ok: false, response: jsonError(401, "invalid_api_key") };
    const counting = hitApiKeyLimit({ tenantId: tenant.tenantId, apiKeyId: key.id, perMinute: key.rateLimitPerMinute });
    const scope = requiredScope(request.method);
    const caller = (rateLimit: RateLimitHit | null): ApiCaller => ({
      tenantId: tenant.tenantId,
      timeZone: tenant.timeZone,
      country: tenant.country,
      actor: { userId: null, apiKeyId: key.id },
      membershipId: null,
      role: null,
      rateLimit,
    });
    if (beside && scope === "read" && key.scopes.includes(scope) && readsBesideCount() && !recentlyRefused(key.id)) beside(caller(null));
    const hit = await counting;
    if (!hit.ok) {
      rememberRefusal(key.id, hit.retryAfterSeconds);
      const message = `This API key may make ${hit.limit} requests per minute; try again in ${hit.retryAfterSeconds} s.`;
      return { ok: false, response: jsonError(429, "rate_limited", messageFields(request, message), rateLimitHeaders(hit)) };
    }
    if (!key.scopes.includes(scope)) {
      const message = `This API key lacks the "${scope}" scope (it has: ${key.scopes.join(", ") || "none"}); an owner can create a key with ${scope} access.`;
      return {
        ok: false,
        response: jsonError(
          403,
          "insufficient_scope",
          { requiredScope: scope, ...messageFields(request, message) },
          {
            ...rateLimitHeaders(hit),
            "www-authenticate": `Bearer error="insufficient_scope", scope="${scope}"`,
          },
        ),
      };
    }
    return { ok: true, caller: caller(hit) };
  }
  // A session cookie rides along with any site's request: writes must come from the CRM's own pages.
  if (!(await isSameOrigin(request))) return { ok: false, response: jsonError(403, "cross_site_request") };
  // A member this process verified in the last few seconds is not read again (decision 0050): a
  // sign-out or membership change reaches every instance within VERIFIED_SESSION_TTL_MS.
  const access = await requireMember({ tenantId: tenant.tenantId, headers: request.headers, maxAgeMs: VERIFIED_SESSION_TTL_MS });
  if (!access.ok) {
    return { ok: false, response: access.reason === "unauthenticated" ? jsonError(401, "unauthenticated") : jsonError(404, "not_found") };
  }
  const hit = await hitSessionLimit({ tenantId: tenant.tenantId, userId: access.session.user.id });
  if (!hit.ok) {
    const message = `A member may make ${hit.limit} API requests per minute; try again in ${hit.retryAfterSeconds} s.`;
    return { ok: false, response: jsonError(429, "rate_limited", messageFields(request, message), rateLimitHeaders(hit)) };
  }
  return {
    ok: true,
    caller: {
      tenantId: tenant.tenantId,
      timeZone: tenant.timeZone,
      country: tenant.country,
      actor: { userId: access.session.user.id },
      membershipId: access.membership.id,
      role: access.membership.role,
      rateLimit: hit,
    },
  };
}
