import crypto from "node:crypto";

/** Session lifetime: 30 days. */
export const VISITOR_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function newSessionToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** Sessions are stored by the sha256 of their token, never the token itself. */
export function hashSessionToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
