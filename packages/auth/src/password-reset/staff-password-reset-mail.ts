// better-auth makes the reset token; this module decides whether and how it is e-mailed. A reset
// is asked on one tenant's CRM (its branding, its sender) or on the studio (an operator's, sent
// by the platform, decision 0035), so the request runs inside a context naming where it was
// asked; a call to better-auth's endpoint from anywhere else sends nothing.
import { AsyncLocalStorage } from "node:async_hooks";
import { getDb, type Db } from "@real-estate/db";
import { deliverPlatformEmail, loadBranding, platformBranding, queueEmail, queuePlatformEmail } from "@real-estate/mail";
import { OPERATOR_ROLE } from "../require-operator";

/** Minutes a staff reset link works (better-auth's resetPasswordTokenExpiresIn, default 60). */
export const STAFF_RESET_VALID_MINUTES = 60;

/** One reset e-mail per account and tenant in this window: more requests mail nothing more. */
const RESET_MAIL_WINDOW_MS = 2 * 60_000;

/**
 * The most reset e-mails one account is sent by one tenant in STAFF_RESET_MAIL_DAY_MS: staff
 * addresses are on the brokerage's website, and one request per window was 720 e-mails a day.
 */
export const STAFF_RESET_MAILS_PER_DAY = 5;
export const STAFF_RESET_MAIL_DAY_MS = 86_400_000;

/**
 * Where a reset was asked. `crmHost`: the tenant's CRM host the request came in on; the link is
 * built on it (when it is one of the tenant's CRM domains; its port, the client's, is dropped)
 * with the platform's scheme and CRM port, as every e-mailed CRM link (loadBranding).
 * `studioUrl`: the studio's configured public URL.
 */
type ResetRequest = { tenantId: string; crmHost?: string | null } | { studioUrl: string };

/** A reset request and the moment it was asked (its window and its day are counted from it). */
type AskedReset = ResetRequest & { askedAt: number };

const requestContext = new AsyncLocalStorage<AskedReset>();

/** Runs `fn` (better-auth's requestPasswordReset) as a reset asked now on this tenant's CRM or on the studio. */
export function withResetRequest<T>(request: ResetRequest, fn: () => Promise<T>): Promise<T> {
  return requestContext.run({ ...request, askedAt: Date.now() }, fn);
}

/**
 * better-auth's `sendResetPassword`: writes the reset e-mail to the tenant's outbox when the
 * account is a member of the tenant the reset was asked on and was sent fewer than
 * STAFF_RESET_MAILS_PER_DAY of them by this tenant in the day before the request; otherwise
 * nothing (the answer to the visitor is the same either way, and an unsent token expires unused).
 * Checked and written in one transaction under a lock of the tenant and address, so requests at
 * the same instant, in one process or several, cannot pass the cap together.
 */
export async function sendStaffPasswordReset(data: { user: { id: string; email: string; name?: string | null }; token: string }): Promise<void> {
  const request = requestContext.getStore();
  if (!request) return;
  if ("studioUrl" in request) return sendOperatorPasswordReset(data, request.studioUrl);
  const { tenantId, crmHost, askedAt } = request;
  const db = getDb();
  const membership = await db.tenantMembership.findFirst({ where: { tenantId, userId: data.user.id }, select: { id: true } });
  if (!membership) return;
  const address = data.user.email.trim().toLowerCase();
  await db.$transaction(
    async (tx) => {
      // One request of the account's at a time in the tenant, in every process (the database's
      // lock, held until commit). The e-mails are counted in a statement after it, so each sees
      // those of the requests that held it before: without it twenty requests at once (of as
      // many windows) all counted none and all were mailed.
      await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(hashtext(${tenantId} || ':staff-password-reset:' || ${address})))::int AS n`;
      const [sent] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "EmailMessage"
         WHERE "tenantId" = ${tenantId}::uuid AND template = 'password-reset' AND "toAddress" = ${address}
           AND "createdAt" > ${new Date(askedAt - STAFF_RESET_MAIL_DAY_MS)}::timestamp(3)`;
      if ((sent?.n ?? 0) >= STAFF_RESET_MAILS_PER_DAY) return;
      const brand = await loadBranding(tx, tenantId, { crmHost });
      const base = brand.crmUrl.replace(/\/+$/, "");
      const window = Math.floor(askedAt / RESET_MAIL_WINDOW_MS);
      await queueEmail(tx, {
        tenantId,
        brand,
        template: "password-reset",
        props: { resetUrl: `${base}/reset-password?token=${encodeURIComponent(data.token)}`, validMinutes: STAFF_RESET_VALID_MINUTES },
        to: { address: data.user.email, name: data.user.name ?? null },
        dedupeKey: `staff-password-reset:${data.user.id}:${window}`,
      });
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/**
 * better-auth's `onPasswordReset`: the account's other reset links end with the one just used
 * (better-auth consumes only that one), so another e-mail of the same hour cannot change the
 * password again.
 */
export async function endOtherStaffResetLinks(db: Db, userId: string): Promise<void> {
  // Reset identifiers are the only hashed ones (createAuth's storeIdentifier: the SHA-256 of
  // "reset-password:<token>", base64url); every other kind is stored as written, with its prefix.
  await db.$executeRaw`DELETE FROM "verification" WHERE value = ${userId} AND identifier ~ '^[A-Za-z0-9_-]{43}$'`;
}

/** Promises of the platform sends started by requests (tests wait for them; nothing else does). */
const inFlight = new Set<Promise<unknown>>();

/** Resolves when every operator reset e-mail started so far has been sent or given up on. */
export async function settleOperatorResetMail(): Promise<void> {
  await Promise.allSettled([...inFlight]);
}

/**
 * An operator's reset asked on the studio: stored in the platform outbox (one per account and
 * window) and sent at once, after the answer, so the answer takes as long whether or not the
 * address is an operator's. An account that is not an operator gets nothing.
 */
async function sendOperatorPasswordReset(data: { user: { id: string; email: string }; token: string }, studioUrl: string): Promise<void> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: data.user.id }, select: { platformRole: true } });
  if (user?.platformRole !== OPERATOR_ROLE) return;
  const window = Math.floor(Date.now() / RESET_MAIL_WINDOW_MS);
  const brand = platformBranding({ studioUrl });
  const send = queuePlatformEmail(db, {
    template: "password-reset",
    props: { resetUrl: `${brand.webUrl}/reset-password?token=${encodeURIComponent(data.token)}`, validMinutes: STAFF_RESET_VALID_MINUTES },
    userId: data.user.id,
    to: data.user.email,
    dedupeKey: `operator-password-reset:${data.user.id}:${window}`,
    brand,
  }).then((queued) => (queued.created ? deliverPlatformEmail(db, { id: queued.id }) : "skipped"));
  // A failure is kept on the message (or the message is not stored); the worker's sweep retries.
  const tracked = send.catch((error: unknown) => console.error(`[auth] operator reset e-mail: ${(error as Error).message}`));
  inFlight.add(tracked);
  void tracked.finally(() => inFlight.delete(tracked));
}
