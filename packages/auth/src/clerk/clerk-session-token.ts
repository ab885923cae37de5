/** The cookie Clerk's frontend keeps the short-lived session token in. */
export const CLERK_SESSION_COOKIE = "__session";

/** The Clerk session token in the request's `__session` cookie, or null. */
export function clerkSessionToken(headers: Headers): string | null {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  for (const part of cookie.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== CLERK_SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return value || null;
  }
  return null;
}
