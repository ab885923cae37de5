import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { hashSessionToken, newSessionToken, VISITOR_SESSION_TTL_MS } from "./visitor-sessions";

/** Opens a session for the visitor; returns the token for the cookie (only its hash is stored). */
export async function createVisitorSession(options: { tenantId: string; visitorId: string; db?: Db }) {
  const db = options.db ?? getDb();
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + VISITOR_SESSION_TTL_MS);
  await db.visitorSession.create({
    data: { tenantId: options.tenantId, visitorId: options.visitorId, tokenHash: hashSessionToken(token), expiresAt },
  });
  return { token, expiresAt };
}
