import crypto from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { getDb, type Db } from "@real-estate/db";
import { checkStaffPassword } from "../passwords/check-staff-password";

export type CreateStaffAccountResult = { ok: true; userId: string } | { ok: false; error: "email_taken" | "weak_password"; message: string };

/**
 * Creates a staff account (better-auth `user` + `credential` account, one transaction). The
 * public sign-up endpoint is disabled on the CRM and the studio; accounts come only from here:
 * accepting an invitation, the demo seed and tests. The password must pass checkStaffPassword.
 */
export async function createStaffAccount(options: { name: string; email: string; password: string; db?: Db }): Promise<CreateStaffAccountResult> {
  const email = options.email.trim().toLowerCase();
  const check = checkStaffPassword(options.password, { email });
  if (!check.ok) return { ok: false, error: "weak_password", message: check.message };
  const db = options.db ?? getDb();
  const taken = { ok: false, error: "email_taken", message: "An account with this email already exists; sign in instead." } as const;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return taken;
  // The same scrypt hash better-auth makes (create-auth.ts keeps its default hasher), without
  // needing an auth instance: the account goes to `db`, whichever database that is.
  const hash = await hashPassword(options.password);
  const userId = crypto.randomBytes(24).toString("base64url");
  try {
    await db.user.create({
      data: {
        id: userId,
        name: options.name,
        email,
        accounts: { create: { id: crypto.randomBytes(24).toString("base64url"), accountId: userId, providerId: "credential", password: hash } },
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return taken;
    throw error;
  }
  return { ok: true, userId };
}
