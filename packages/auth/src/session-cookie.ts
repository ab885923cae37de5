import { getSessionCookie } from "better-auth/cookies";
import { clerkSessionToken } from "./clerk/clerk-session-token";

/** Cookie names start with this (`re.session_token`). */
export const AUTH_COOKIE_PREFIX = "re";

/**
 * Whether the request carries a session cookie at all (better-auth's, or Clerk's `__session`
 * with AUTH_PROVIDER=clerk). A cheap check for proxy.ts redirects only: it does not verify the
 * session; pages and routes still call requireMember.
 */
export function hasSessionCookie(headers: Headers): boolean {
  if (process.env.AUTH_PROVIDER?.trim() === "clerk") return clerkSessionToken(headers) !== null;
  return Boolean(getSessionCookie(headers, { cookiePrefix: AUTH_COOKIE_PREFIX }));
}
