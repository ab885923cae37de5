import crypto from "node:crypto";
import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { hashPassword } from "./password";

/** The job kind that e-mails a visitor the link proving the address (queued at sign-up, or when asked again). */
export const VISITOR_VERIFY_EMAIL_KIND = "visitor.verify-email";
/**
 * The job kind that e-mails a visitor a password-reset link. Queued for every request, known
 * address or not, with the address asked for; the worker looks the visitor up (decision 0097).
 */
export const VISITOR_PASSWORD_RESET_KIND = "visitor.password-reset";

/** An address as the visitor store keeps and looks it up: trimmed, lower-cased. */
export function normalizeVisitorEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The reset job for a request on this tenant's site: its payload is the normalized address (the
 * worker removes it once done), and its dedupe key a digest of tenant and address with the
 * `bucket` (a count of resend windows), so one address gets at most one job per window and the
 * key, which outlives the job in the effect ledger, names no address.
 */
export function visitorPasswordResetJob(options: { tenantId: string; email: string; bucket: number }): {
  kind: typeof VISITOR_PASSWORD_RESET_KIND;
  payload: { email: string };
  dedupeKey: string;
} {
  const email = normalizeVisitorEmail(options.email);
  const digest = crypto.createHash("sha256").update(`${options.tenantId}\n${email}`).digest("base64url");
  return { kind: VISITOR_PASSWORD_RESET_KIND, payload: { email }, dedupeKey: `address:${digest}:${options.bucket}` };
}

export type VisitorTokenPurpose = "verify-email" | "reset-password";

/** How long a link works: a verification link 3 days, a password reset 1 hour. */
export const VISITOR_TOKEN_TTL_MS: Record<VisitorTokenPurpose, number> = { "verify-email": 3 * 86_400_000, "reset-password": 3_600_000 };

/**
 * The most links of one purpose a visitor is sent in VISITOR_LINK_WINDOW_MS. Asking again is
 * possible once a minute (per visitor, per address for a reset), so without this an address
 * could be sent 1,440 verification or reset e-mails a day by whoever knows it: one sign-up with
 * it, or the forgot-password form, is enough. Past the cap no token and no e-mail is made.
 */
export const VISITOR_LINKS_PER_WINDOW = 5;
export const VISITOR_LINK_WINDOW_MS = 86_400_000;

const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/**
 * A one-use token for a link e-mailed to the visitor (only its hash is stored), bound to the
 * address it is sent to. Null when the visitor does not exist in this tenant, or has been sent
 * VISITOR_LINKS_PER_WINDOW links of this purpose in the last VISITOR_LINK_WINDOW_MS (nothing is
 * written then). The visitor's row is locked while the links are counted, until the transaction
 * ends, so concurrent callers cannot both pass the cap: a caller's transaction (the token is then
 * made with whatever else it writes), or one of its own when given the client. `emailVerified`:
 * whether the address is proven (the name the visitor typed is shown in the e-mail's header only then).
 */
export async function createVisitorToken(
  db: Db | DbTx,
  options: { tenantId: string; visitorId: string; purpose: VisitorTokenPurpose; now?: Date },
): Promise<VisitorToken | null> {
  // Given the client, each statement would be a transaction of its own and the row lock would end
  // before the count: twenty requests at once all counted none and all made a token.
  if ("$transaction" in db) return db.$transaction((tx) => makeVisitorToken(tx, options), { maxWait: 10_000, timeout: 30_000 });
  return makeVisitorToken(db, options);
}

type VisitorToken = { token: string; email: string; name: string | null; emailVerified: boolean; expiresAt: Date };

async function makeVisitorToken(
  db: DbTx,
  options: { tenantId: string; visitorId: string; purpose: VisitorTokenPurpose; now?: Date },
): Promise<VisitorToken | null> {
  const now = options.now ?? new Date();
  const rows = await db.$queryRaw<{ email: string; name: string | null; emailVerified: boolean }[]>`
    SELECT email, name, "emailVerifiedAt" IS NOT NULL AS "emailVerified" FROM "Visitor"
     WHERE "tenantId" = ${options.tenantId}::uuid AND id = ${options.visitorId}::uuid
       FOR UPDATE`;
  const visitor = rows[0];
  if (!visitor) return null;
  // Counted in a statement of its own, after the lock: its snapshot sees the links of a
  // transaction that held the lock before (one statement would count with its older snapshot).
  const [sent] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "VisitorToken"
     WHERE "tenantId" = ${options.tenantId}::uuid AND "visitorId" = ${options.visitorId}::uuid AND purpose = ${options.purpose}
       AND "createdAt" > ${new Date(now.getTime() - VISITOR_LINK_WINDOW_MS)}::timestamp(3)`;
  if ((sent?.n ?? 0) >= VISITOR_LINKS_PER_WINDOW) return null;
  const token = crypto.randomBytes(32).toString("base64url");
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
  return { token, email: visitor.email, name: visitor.name, emailVerified: visitor.emailVerified, expiresAt };
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
 * Sets a new password with the token of a reset e-mail (once, within the hour), ends every
 * session of the account, so whoever knew the old password is signed out, and every other reset
 * link of the account, so another e-mail of the same hour cannot change the password again. A
 * link sent to an address the visitor has since changed does nothing. True when the password was
 * changed.
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
    // The other reset links sent meanwhile die with this one: none of them changes the password again.
    await tx.visitorToken.updateMany({
      where: { tenantId: options.tenantId, visitorId: used.visitorId, purpose: "reset-password", usedAt: null },
      data: { usedAt: now },
    });
    await tx.visitorSession.deleteMany({ where: { tenantId: options.tenantId, visitorId: used.visitorId } });
    return true;
  });
}

/** The visitor of this tenant with this address (the reset job's lookup); null when none. */
export async function findVisitorIdByEmail(options: { tenantId: string; email: string; db?: Db | DbTx }): Promise<string | null> {
  const db = options.db ?? getDb();
  const v = await db.visitor.findUnique({
    where: { tenantId_email: { tenantId: options.tenantId, email: normalizeVisitorEmail(options.email) } },
    select: { id: true },
  });
  return v?.id ?? null;
}
