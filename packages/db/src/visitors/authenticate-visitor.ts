import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { getDummyPasswordHash, verifyPassword } from "./password";

/** The visitor of this tenant with this email and password, or null (unknown email and wrong password look alike). */
export async function authenticateVisitor(options: { tenantId: string; email: string; password: string; db?: Db }) {
  const db = options.db ?? getDb();
  const visitor = await db.visitor.findUnique({
    where: { tenantId_email: { tenantId: options.tenantId, email: options.email.trim().toLowerCase() } },
    select: { id: true, email: true, name: true, phone: true, passwordHash: true },
  });
  const ok = await verifyPassword(options.password, visitor?.passwordHash ?? (await getDummyPasswordHash()));
  if (!visitor || !ok) return null;
  const { passwordHash: _hash, ...rest } = visitor;
  return rest;
}
