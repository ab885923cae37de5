import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { parseVisitorPreferences, type VisitorProfile } from "./visitor-contracts";
import { hashSessionToken } from "./visitor-sessions";

/** The visitor whose unexpired session of this tenant holds the token; null otherwise. */
export async function getVisitorBySession(options: { tenantId: string; token: string | null | undefined; db?: Db }): Promise<VisitorProfile | null> {
  if (!options.token || options.token.length > 200) return null;
  const db = options.db ?? getDb();
  const session = await db.visitorSession.findUnique({
    where: { tenantId_tokenHash: { tenantId: options.tenantId, tokenHash: hashSessionToken(options.token) } },
    select: {
      expiresAt: true,
      visitor: { select: { id: true, email: true, name: true, phone: true, phoneExtension: true, preferences: true, createdAt: true } },
    },
  });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  const v = session.visitor;
  return { ...v, preferences: parseVisitorPreferences(v.preferences), createdAt: v.createdAt.toISOString() };
}
