// Job kinds that e-mail a website visitor a one-use link: the address verification (after
// sign-up, or asked again) and the password reset. The token is made here, in the transaction
// that writes the e-mail to the outbox, so no link exists that was not sent and the web app
// never holds the token.
import { z } from "zod";
import { loadBranding, queueEmail } from "@real-estate/mail";
import { PermanentIngestionError } from "@real-estate/queue";
import { createVisitorToken, VISITOR_PASSWORD_RESET_KIND, VISITOR_TOKEN_TTL_MS, VISITOR_VERIFY_EMAIL_KIND } from "@real-estate/sites";
import type { JobHandlerContext, JobKind } from "./job-kinds";

const ZPayload = z.object({ visitorId: z.uuid() });
const retry = { attempts: 6, backoffMs: [5_000, 30_000, 120_000, 600_000, 3_600_000] };

function visitorLinkKind(purpose: "verify-email" | "reset-password"): JobKind {
  return {
    retry,
    handle: (ctx: JobHandlerContext) => {
      const parsed = ZPayload.safeParse(ctx.job.payload);
      if (!parsed.success) throw new PermanentIngestionError(`invalid ${ctx.job.kind} payload (visitorId)`);
      const tenantId = ctx.job.tenantId;
      return ctx.once(async (tx) => {
        const made = await createVisitorToken(tx, { tenantId, visitorId: parsed.data.visitorId, purpose, now: ctx.now });
        if (!made) return null; // the account was deleted meanwhile
        const brand = await loadBranding(tx, tenantId);
        const link = `${brand.webUrl}/${purpose === "verify-email" ? "verify-email" : "reset-password"}?token=${made.token}`;
        const common = {
          tenantId,
          brand,
          to: { address: made.email, name: made.name },
          visitorId: parsed.data.visitorId,
          dedupeKey: `${ctx.job.kind}:${ctx.job.id}`,
        };
        return purpose === "verify-email"
          ? queueEmail(tx, { ...common, template: "email-verification", props: { verifyUrl: link } })
          : queueEmail(tx, { ...common, template: "password-reset", props: { resetUrl: link, validMinutes: VISITOR_TOKEN_TTL_MS["reset-password"] / 60_000 } });
      });
    },
  };
}

/** The visitor e-mail kinds for the worker's registry. */
export const visitorEmailKinds: Record<string, JobKind> = {
  [VISITOR_VERIFY_EMAIL_KIND]: visitorLinkKind("verify-email"),
  [VISITOR_PASSWORD_RESET_KIND]: visitorLinkKind("reset-password"),
};
