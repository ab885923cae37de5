import { clientIpFrom } from "@real-estate/auth/client-ip";
import { RateLimiter } from "@real-estate/auth/rate-limit";

/**
 * Password guessing is slowed per client address and per account: at most
 * CRM_SIGN_IN_PER_IP attempts (default 30: an office shares one address) from one address and CRM_SIGN_IN_PER_EMAIL
 * (default 5) against one email in a minute, counted in this process. The sign-in form is a
 * server action, which better-auth's own HTTP rate limiter does not see.
 */
const perMinute = (name: string, fallback: number) => () => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

const globalForThrottle = globalThis as unknown as { __crmSignInThrottle?: { ip: RateLimiter; email: RateLimiter } };
const limiters = (globalForThrottle.__crmSignInThrottle ??= {
  ip: new RateLimiter(perMinute("CRM_SIGN_IN_PER_IP", 30)),
  email: new RateLimiter(perMinute("CRM_SIGN_IN_PER_EMAIL", 5)),
});

/** Counts one sign-in attempt; `retryAfterSeconds` when this address or this email is over its limit. */
export function countSignInAttempt(headers: Headers, email: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
  const ip = limiters.ip.hit(clientIpFrom(headers, process.env.CRM_TRUST_PROXY === "1"));
  const account = limiters.email.hit(email.trim().toLowerCase());
  if (ip.ok && account.ok) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(ip.ok ? 0 : ip.retryAfterSeconds, account.ok ? 0 : account.retryAfterSeconds) };
}
