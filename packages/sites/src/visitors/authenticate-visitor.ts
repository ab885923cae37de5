import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { getDummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "./password";
import { normalizeVisitorEmail } from "./visitor-tokens";

/** The visitor of this tenant with this email and password, or null (unknown email and wrong password look alike). */
export async function authenticateVisitor(options: { tenantId: string; email: string; password: string; db?: Db }) {
  const db = options.db ?? getDb();
  const visitor = await db.visitor.findUnique({
    where: { tenantId_email: { tenantId: options.tenantId, email: normalizeVisitorEmail(options.email) } },
    select: { id: true, email: true, name: true, phone: true, passwordHash: true },
  });
  const ok = await verifyPassword(options.password, visitor?.passwordHash ?? (await getDummyPasswordHash()));
  if (!visitor || !ok) return null;
  if (needsRehash(visitor.passwordHash)) {
    await db.visitor.update({
      where: { tenantId_id: { tenantId: options.tenantId, id: visitor.id } },
      data: { passwordHash: await hashPassword(options.password) },
    });
  }
  const { passwordHash: _hash, ...rest } = visitor;
  return rest;
}
