// Tokens as better-auth makes them, signed with a secret of our choosing: what an attacker who
// knows a published secret would send.
import crypto from "node:crypto";

const b64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

/** An HS256 JWT (better-auth's email verification and email-change tokens). */
export function forgeJwt(secret: string, payload: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64url(JSON.stringify({ iat: now, exp: now + 3600, ...payload }))}`;
  return `${head}.${crypto.createHmac("sha256", secret).update(head).digest("base64url")}`;
}

/** A signed session cookie value (`token.base64(HMAC-SHA256)`, URL-encoded), as better-call signs cookies. */
export function forgeSignedCookie(secret: string, token: string): string {
  const signature = crypto.createHmac("sha256", secret).update(token).digest("base64");
  return encodeURIComponent(`${token}.${signature}`);
}
