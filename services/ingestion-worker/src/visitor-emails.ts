// Job kinds that e-mail a website visitor a one-use link: the address verification (after
// sign-up, or asked again) and the password reset. The token is made here, in the transaction
// that writes the e-mail to the outbox, so no link exists that was not sent and the web app
// never holds the token.
import { z } from "zod";
import type { Db, DbTx } from "@real-estate/db";
import { loadBranding, queueEmail } from "@real-estate/mail";
import { PermanentIngestionError, type ClaimedJob } from "@real-estate/queue";
import {
  createVisitorToken,
  findVisitorIdByEmail,
  normalizeVisitorEmail,
  VISITOR_PASSWORD_RESET_KIND,
  VISITOR_TOKEN_TTL_MS,
  VISITOR_VERIFY_EMAIL_KIND,
} from "@real-estate/sites";
import type { JobHandlerContext, JobKind } from "./job-kinds";

type Purpose = "verify-email" | "reset-password";

const ZVerifyPayload = z.object({ visitorId: z.uuid() });
/**
 * A reset job's payload (decision 0097): the normalized address asked for; `email: null` once the
 * job has done its work and removed it; `visitorId` on jobs queued before, still handled.
 */
const ZResetPayload = z.union([
  z.object({
    email: z
      .email()
      .max(254)
      .refine((v) => v === normalizeVisitorEmail(v), "a normalized address"),
  }),
  z.object({ email: z.null() }),
  z.object({ visitorId: z.uuid() }),
]);
const retry = { attempts: 6, backoffMs: [5_000, 30_000, 120_000, 600_000, 3_600_000] };

/** Makes the token and writes the e-mail with its link to the outbox, once per job; `alsoInTx` runs in that transaction. */
function sendLink(ctx: JobHandlerContext, purpose: Purpose, visitorId: string, alsoInTx?: (tx: DbTx) => Promise<unknown>) {
  const tenantId = ctx.job.tenantId;
  return ctx.once(async (tx) => {
    const made = await createVisitorToken(tx, { tenantId, visitorId, purpose, now: ctx.now });
    await alsoInTx?.(tx);
    if (!made) return null; // the account was deleted meanwhile, or was sent its day's links of this kind
    const brand = await loadBranding(tx, tenantId);
    const link = `${brand.webUrl}/${purpose === "verify-email" ? "verify-email" : "reset-password"}?token=${made.token}`;
    // The name is whatever was typed at sign-up: shown in the To header only once the address is
    // proven its owner's, so a sign-up with someone else's address cannot put its text in front of them.
    const to = { address: made.email, name: made.emailVerified ? made.name : null };
    const common = { tenantId, brand, to, visitorId, dedupeKey: `${ctx.job.kind}:${ctx.job.id}` };
    return purpose === "verify-email"
      ? queueEmail(tx, { ...common, template: "email-verification", props: { verifyUrl: link } })
      : queueEmail(tx, { ...common, template: "password-reset", props: { resetUrl: link, validMinutes: VISITOR_TOKEN_TTL_MS["reset-password"] / 60_000 } });
  });
}

/** Replaces the address in the job's payload: the finished job row keeps no address (it is kept for the completed-job retention). */
async function forgetAddress(db: Db | DbTx, job: ClaimedJob): Promise<void> {
  await db.ingestionJob.updateMany({ where: { tenantId: job.tenantId, id: BigInt(job.id), kind: job.kind }, data: { payload: { email: null } } });
}

const verifyEmailKind: JobKind = {
  retry,
  handle: (ctx) => {
    const parsed = ZVerifyPayload.safeParse(ctx.job.payload);
    if (!parsed.success) throw new PermanentIngestionError(`invalid ${ctx.job.kind} payload (visitorId)`);
    return sendLink(ctx, "verify-email", parsed.data.visitorId);
  },
};

/**
 * The reset request's job, queued whatever the address: the visitor is looked up here, within the
 * job's tenant only; an address with no account leaves nothing but the finished job (no token, no
 * e-mail, no effect-ledger row). The address is removed from the payload once the job has done its
 * work (with the e-mail's transaction when there is one), so it lives only while the job is pending.
 */
const passwordResetKind: JobKind = {
  retry,
  handle: async (ctx) => {
    const parsed = ZResetPayload.safeParse(ctx.job.payload);
    if (!parsed.success) throw new PermanentIngestionError(`invalid ${ctx.job.kind} payload (email or visitorId)`);
    const payload = parsed.data;
    if ("visitorId" in payload) return sendLink(ctx, "reset-password", payload.visitorId);
    if (payload.email === null) return null; // done by an earlier attempt whose completion was not recorded
    const visitorId = await findVisitorIdByEmail({ tenantId: ctx.job.tenantId, email: payload.email, db: ctx.db });
    if (!visitorId) {
      await forgetAddress(ctx.db, ctx.job);
      return null;
    }
    return sendLink(ctx, "reset-password", visitorId, (tx) => forgetAddress(tx, ctx.job));
  },
};

/** The visitor e-mail kinds for the worker's registry. */
export const visitorEmailKinds: Record<string, JobKind> = {
  [VISITOR_VERIFY_EMAIL_KIND]: verifyEmailKind,
  [VISITOR_PASSWORD_RESET_KIND]: passwordResetKind,
};
