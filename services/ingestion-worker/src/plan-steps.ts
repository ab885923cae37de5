// The job kind that runs one scheduled step of a lead's action plan ("plan.step"): a task for
// the lead's agent, or a follow-up e-mail to the lead written to the outbox in the same
// transaction. Exactly once per step: ctx.once guards the job, and the step's own state
// (PENDING under a row lock) guards against a second job or worker.
import { PLAN_STEP_KIND, runPlanStep } from "@real-estate/crm";
import { queueEmail } from "@real-estate/mail";
import type { JobKind } from "./job-kinds";

export { PLAN_STEP_KIND };

export const planStepKind: JobKind = {
  retry: { attempts: 6, backoffMs: [5_000, 30_000, 120_000, 600_000, 3_600_000] },
  handle: (ctx) =>
    ctx.once(async (tx) => {
      const tenantId = ctx.job.tenantId;
      const outcome = await runPlanStep(tx, { tenantId, payload: ctx.job.payload, now: ctx.now });
      if (outcome.action !== "email") return outcome;
      const queued = await queueEmail(tx, {
        tenantId,
        template: "plan-email",
        to: outcome.to,
        contactId: outcome.contactId,
        leadId: outcome.leadId,
        dedupeKey: `plan-step:${outcome.leadPlanStepId}`,
        props: { recipientName: outcome.to.name, subject: outcome.subject, body: outcome.body, agent: outcome.agent },
        now: ctx.now,
      });
      return { action: "email", emailId: queued.id };
    }),
};
