import { getSessionCookie } from "better-auth/cookies";

/** Cookie names start with this (`re.session_token`). */
export const AUTH_COOKIE_PREFIX = "re";

/**
 * Whether the request carries a session cookie at all. A cheap check for proxy.ts redirects
 * only: it does not verify the session; pages and routes still call requireMember.
 */
export function hasSessionCookie(headers: Headers): boolean {
  return Boolean(getSessionCookie(headers, { cookiePrefix: AUTH_COOKIE_PREFIX }));
}
