import crypto from "node:crypto";
import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { hashPassword } from "./password";

/** The job kind that e-mails a visitor the link proving the address (queued at sign-up, or when asked again). */
export const VISITOR_VERIFY_EMAIL_KIND = "visitor.verify-email";
/** The job kind that e-mails a visitor a password-reset link. */
export const VISITOR_PASSWORD_RESET_KIND = "visitor.password-reset";

export type VisitorTokenPurpose = "verify-email" | "reset-password";

/** How long a link works: a verification link 3 days, a password reset 1 hour. */
export const VISITOR_TOKEN_TTL_MS: Record<VisitorTokenPurpose, number> = { "verify-email": 3 * 86_400_000, "reset-password": 3_600_000 };

const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/**
 * A one-use token for a link e-mailed to the visitor (only its hash is stored), bound to the
 * address it is sent to. Null when the visitor does not exist in this tenant.
 */
export async function createVisitorToken(
  db: Db | DbTx,
  options: { tenantId: string; visitorId: string; purpose: VisitorTokenPurpose; now?: Date },
): Promise<{ token: string; email: string; name: string | null; expiresAt: Date } | null> {
  const visitor = await db.visitor.findUnique({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.visitorId } },
    select: { email: true, name: true },
  });
  if (!visitor) return null;
  const token = crypto.randomBytes(32).toString("base64url");
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + VISITOR_TOKEN_TTL_MS[options.purpose]);
  await db.visitorToken.create({
    data: {
      tenantId: options.tenantId,
      visitorId: options.visitorId,
      purpose: options.purpose,
      tokenHash: hashOf(token),
      email: visitor.email,
      expiresAt,
      createdAt: now,
    },
  });
  return { token, email: visitor.email, name: visitor.name, expiresAt };
}

/**
 * Uses a token once: the first use within its lifetime answers the visitor (and the address the
 * token was sent to); a second use, an expired or unknown token, or another tenant's, answers
 * null. Atomic, so two clicks at once cannot both use it.
 */
export async function consumeVisitorToken(
  db: Db | DbTx,
  options: { tenantId: string; token: string; purpose: VisitorTokenPurpose; now?: Date },
): Promise<{ visitorId: string; email: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(options.token)) return null;
  const now = options.now ?? new Date();
  const rows = await db.$queryRaw<{ visitorId: string; email: string }[]>`
    UPDATE "VisitorToken" SET "usedAt" = ${now}::timestamp(3)
     WHERE "tenantId" = ${options.tenantId}::uuid AND "tokenHash" = ${hashOf(options.token)} AND purpose = ${options.purpose}
       AND "usedAt" IS NULL AND "expiresAt" > ${now}::timestamp(3)
    RETURNING "visitorId"::text AS "visitorId", email`;
  return rows[0] ?? null;
}

/**
 * Marks the visitor's address proven with the token of the verification link. A link sent to an
 * address the visitor has since changed proves nothing. True when the address is now verified.
 */
export async function verifyVisitorEmail(options: { tenantId: string; token: string; db?: Db; now?: Date }): Promise<boolean> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const used = await consumeVisitorToken(tx, { tenantId: options.tenantId, token: options.token, purpose: "verify-email", now });
    if (!used) return false;
    const r = await tx.visitor.updateMany({
      where: { tenantId: options.tenantId, id: used.visitorId, email: used.email },
      data: { emailVerifiedAt: now },
    });
    return r.count > 0;
  });
}

/**
 * Sets a new password with the token of a reset e-mail (once, within the hour) and ends every
 * session of the account, so whoever knew the old password is signed out. A link sent to an
 * address the visitor has since changed does nothing. True when the password was changed.
 */
export async function resetVisitorPassword(options: { tenantId: string; token: string; password: string; db?: Db; now?: Date }): Promise<boolean> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(options.password);
  return db.$transaction(async (tx) => {
    const used = await consumeVisitorToken(tx, { tenantId: options.tenantId, token: options.token, purpose: "reset-password", now });
    if (!used) return false;
    const r = await tx.visitor.updateMany({ where: { tenantId: options.tenantId, id: used.visitorId, email: used.email }, data: { passwordHash } });
    if (r.count === 0) return false;
    await tx.visitorSession.deleteMany({ where: { tenantId: options.tenantId, visitorId: used.visitorId } });
    return true;
  });
}

/** The visitor of this tenant with this address, for a reset request; null when none (the caller answers the same either way). */
export async function findVisitorIdByEmail(options: { tenantId: string; email: string; db?: Db }): Promise<string | null> {
  const db = options.db ?? getDb();
  const v = await db.visitor.findUnique({
    where: { tenantId_email: { tenantId: options.tenantId, email: options.email.trim().toLowerCase() } },
    select: { id: true },
  });
  return v?.id ?? null;
}
