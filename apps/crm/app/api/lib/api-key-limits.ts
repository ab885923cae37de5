import { z } from "zod";
import { getDb, pgPoolOf } from "@real-estate/db";
import { createRateLimiter, type RateLimitHit, type SharedRateLimiter } from "@real-estate/http";

/** What a request needs of an API key: "read" for GET and HEAD, "write" for every other method. */
export function requiredScope(method: string): "read" | "write" {
  return method === "GET" || method === "HEAD" ? "read" : "write";
}

// Counted in Redis when REDIS_URL is set, else in PostgreSQL (the CRM's database): every instance
// of the CRM shares the count, as the website's form limits do.
const globalForLimiter = globalThis as unknown as { __crmApiKeyLimiter?: SharedRateLimiter };
/** Made at the first request (not at import: the environment is read then). */
function limiter(): SharedRateLimiter {
  return (globalForLimiter.__crmApiKeyLimiter ??= createRateLimiter({
    name: "crm-api-key",
    // Every key carries its own limit (`ApiKey.rateLimitPerMinute`), passed with each hit.
    points: () => 600,
    durationSeconds: 60,
    redisUrl: process.env.REDIS_URL || undefined,
    pgPool: pgPoolOf(getDb()) ?? undefined,
  }));
}

/** Requests per minute a signed-in member may make to the API unless CRM_API_SESSION_RATE_LIMIT_PER_MINUTE says otherwise. */
export const DEFAULT_SESSION_RATE_LIMIT_PER_MINUTE = 1_200;

const ZSessionLimit = z.coerce.number().int().min(1).max(100_000);
let warnedAboutSessionLimit = false;

/**
 * The per-member limit: CRM_API_SESSION_RATE_LIMIT_PER_MINUTE (an integer from 1 to 100,000),
 * default 1,200 — twice a new key's default, since the CRM's own pages call the API too. A value
 * that is not such a number is reported once and the default used.
 */
export function sessionRateLimitPerMinute(): number {
  const raw = process.env.CRM_API_SESSION_RATE_LIMIT_PER_MINUTE;
  if (raw === undefined || raw.trim() === "") return DEFAULT_SESSION_RATE_LIMIT_PER_MINUTE;
  const parsed = ZSessionLimit.safeParse(raw.trim());
  if (parsed.success) return parsed.data;
  if (!warnedAboutSessionLimit) {
    warnedAboutSessionLimit = true;
    console.error(
      `CRM_API_SESSION_RATE_LIMIT_PER_MINUTE=${JSON.stringify(raw)} is not an integer from 1 to 100000: using ${DEFAULT_SESSION_RATE_LIMIT_PER_MINUTE}`,
    );
  }
  return DEFAULT_SESSION_RATE_LIMIT_PER_MINUTE;
}

const globalForSessionLimiter = globalThis as unknown as { __crmApiSessionLimiter?: SharedRateLimiter };
function sessionLimiter(): SharedRateLimiter {
  return (globalForSessionLimiter.__crmApiSessionLimiter ??= createRateLimiter({
    name: "crm-api-session",
    points: sessionRateLimitPerMinute,
    durationSeconds: 60,
    redisUrl: process.env.REDIS_URL || undefined,
    pgPool: pgPoolOf(getDb()) ?? undefined,
  }));
}

/**
 * Counts one API request of a signed-in member (per member and brokerage, shared like the keys'
 * counts), so one runaway browser tab or script on a member's session cannot take the CRM's
 * capacity either.
 */
export function hitSessionLimit(options: { tenantId: string; userId: string }): Promise<RateLimitHit> {
  return sessionLimiter().hit(`${options.tenantId}|${options.userId}`);
}

/** Counts one request of an API key against its own per-minute limit. */
export function hitApiKeyLimit(options: { tenantId: string; apiKeyId: string; perMinute: number }): Promise<RateLimitHit> {
  return limiter().hit(`${options.tenantId}|${options.apiKeyId}`, { points: options.perMinute });
}

/**
 * The RateLimit header fields (IETF httpapi draft, the form most clients read) for one counted
 * request, plus Retry-After when it was refused.
 */
export function rateLimitHeaders(hit: RateLimitHit): Record<string, string> {
  return {
    "ratelimit-limit": String(hit.limit),
    "ratelimit-remaining": String(hit.remaining),
    "ratelimit-reset": String(hit.resetSeconds),
    "ratelimit-policy": `${hit.limit};w=60`,
    ...(!hit.ok && { "retry-after": String(hit.retryAfterSeconds) }),
  };
}
