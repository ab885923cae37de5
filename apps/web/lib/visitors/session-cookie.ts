import { webEnv } from "../env";

/** httpOnly cookie holding the session token (only its sha256 is stored). */
export const SESSION_COOKIE = "visitor_session";
/** Readable by scripts, holds no secret: lets cached pages show "My account" instead of "Sign in". */
export const SIGNED_IN_HINT_COOKIE = "visitor_signed_in";

export function readCookie(headers: Headers, name: string): string | null {
  const header = headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

function cookie(name: string, value: string, options: { maxAgeSeconds: number; httpOnly: boolean }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", `Max-Age=${options.maxAgeSeconds}`, "SameSite=Lax"];
  if (options.httpOnly) parts.push("HttpOnly");
  if (webEnv().PUBLIC_URL_SCHEME === "https") parts.push("Secure");
  return parts.join("; ");
}

/** Set-Cookie values that sign the visitor in on this host. */
export function signInCookies(token: string, expiresAt: Date): string[] {
  const maxAgeSeconds = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return [cookie(SESSION_COOKIE, token, { maxAgeSeconds, httpOnly: true }), cookie(SIGNED_IN_HINT_COOKIE, "1", { maxAgeSeconds, httpOnly: false })];
}

export function signOutCookies(): string[] {
  return [cookie(SESSION_COOKIE, "", { maxAgeSeconds: 0, httpOnly: true }), cookie(SIGNED_IN_HINT_COOKIE, "", { maxAgeSeconds: 0, httpOnly: false })];
}

export function withCookies(response: Response, cookies: string[]): Response {
  for (const c of cookies) response.headers.append("set-cookie", c);
  return response;
}
