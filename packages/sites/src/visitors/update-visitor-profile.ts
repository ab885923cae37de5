import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { parseVisitorPreferences, ZVisitorPreferences, type VisitorPreferences, type VisitorProfile } from "./visitor-contracts";

/** Updates the visitor's name, phone and preferences (given fields only); null when no such visitor in this tenant. */
export async function updateVisitorProfile(options: {
  tenantId: string;
  visitorId: string;
  changes: { name?: string | null; phone?: string | null; phoneExtension?: string | null; preferences?: VisitorPreferences };
  db?: Db;
}): Promise<VisitorProfile | null> {
  const db = options.db ?? getDb();
  const { changes } = options;
  const data = {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.phone !== undefined ? { phone: changes.phone, phoneExtension: changes.phone ? (changes.phoneExtension ?? null) : null } : {}),
    ...(changes.preferences !== undefined ? { preferences: ZVisitorPreferences.parse(changes.preferences) } : {}),
  };
  const updated = await db.visitor.updateMany({ where: { tenantId: options.tenantId, id: options.visitorId }, data });
  if (updated.count === 0) return null;
  const v = await db.visitor.findUniqueOrThrow({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.visitorId } },
    select: { id: true, email: true, name: true, phone: true, phoneExtension: true, preferences: true, createdAt: true },
  });
  return { ...v, preferences: parseVisitorPreferences(v.preferences), createdAt: v.createdAt.toISOString() };
}
