import crypto from "node:crypto";
import type { Db, DbTx } from "@real-estate/db";

/**
 * The random token in a visitor's marketing e-mails (one-click unsubscribe, preferences page),
 * created on first use. It only reaches e-mail preferences, never the account.
 */
export async function ensureVisitorEmailToken(db: Db | DbTx, options: { tenantId: string; visitorId: string }): Promise<string> {
  const fresh = crypto.randomBytes(24).toString("base64url");
  const rows = await db.$queryRaw<{ emailToken: string }[]>`
    UPDATE "Visitor" SET "emailToken" = COALESCE("emailToken", ${fresh})
     WHERE "tenantId" = ${options.tenantId}::uuid AND id = ${options.visitorId}::uuid
    RETURNING "emailToken"`;
  if (!rows[0]) throw new Error("ensureVisitorEmailToken: no such visitor");
  return rows[0].emailToken;
}

export type EmailPreferencesVisitor = { id: string; email: string; name: string | null; emailAlerts: boolean };

/** The visitor an e-mail link's token belongs to, in this tenant only; null for an unknown token. */
export async function findVisitorByEmailToken(db: Db | DbTx, options: { tenantId: string; token: string }): Promise<EmailPreferencesVisitor | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(options.token)) return null;
  const v = await db.visitor.findUnique({
    where: { tenantId_emailToken: { tenantId: options.tenantId, emailToken: options.token } },
    select: { id: true, email: true, name: true, preferences: true },
  });
  if (!v) return null;
  const prefs = (v.preferences ?? {}) as { emailAlerts?: unknown };
  return { id: v.id, email: v.email, name: v.name, emailAlerts: prefs.emailAlerts === true };
}
