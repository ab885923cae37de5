import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { Prisma } from "../generated/prisma/client";
import { hashPassword } from "./password";

export type TCreateVisitorResult =
  | { ok: true; visitor: { id: string; email: string; name: string | null; phone: string | null } }
  | { ok: false; error: "email_taken" };

/**
 * Registers a visitor account on the tenant's site. The email is stored lower-cased; the same
 * email on another tenant is a different account. A taken email answers `email_taken`.
 */
export async function createVisitor(options: {
  tenantId: string;
  email: string;
  password: string;
  name?: string | null;
  phone?: string | null;
  db?: Db;
}): Promise<TCreateVisitorResult> {
  const db = options.db ?? getDb();
  const email = options.email.trim().toLowerCase();
  const passwordHash = await hashPassword(options.password);
  try {
    const visitor = await db.visitor.create({
      data: { tenantId: options.tenantId, email, passwordHash, name: options.name ?? null, phone: options.phone ?? null },
      select: { id: true, email: true, name: true, phone: true },
    });
    return { ok: true, visitor };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, error: "email_taken" };
    throw error;
  }
}
