import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { hashSessionToken } from "./visitor-sessions";

/** Ends the session holding this token (sign out); a no-op for an unknown token. */
export async function deleteVisitorSession(options: { tenantId: string; token: string; db?: Db }): Promise<void> {
  const db = options.db ?? getDb();
  await db.visitorSession.deleteMany({ where: { tenantId: options.tenantId, tokenHash: hashSessionToken(options.token) } });
}
