import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { Prisma } from "@real-estate/db";
import { hashPassword } from "./password";
import { normalizeVisitorEmail } from "./visitor-tokens";

export type CreateVisitorResult =
  | { ok: true; visitor: { id: string; email: string; name: string | null; phone: string | null; phoneExtension: string | null } }
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
  /** E.164, and its extension apart. */
  phone?: string | null;
  phoneExtension?: string | null;
  db?: Db;
}): Promise<CreateVisitorResult> {
  const db = options.db ?? getDb();
  const email = normalizeVisitorEmail(options.email);
  const passwordHash = await hashPassword(options.password);
  try {
    const visitor = await db.visitor.create({
      data: {
        tenantId: options.tenantId,
        email,
        passwordHash,
        name: options.name ?? null,
        phone: options.phone ?? null,
        phoneExtension: options.phone ? (options.phoneExtension ?? null) : null,
      },
      select: { id: true, email: true, name: true, phone: true, phoneExtension: true },
    });
    return { ok: true, visitor };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, error: "email_taken" };
    throw error;
  }
}
