import { z } from "zod";
import type { DbTx } from "@real-estate/db";
import { PermanentIngestionError } from "@real-estate/queue";
import { formatPhone } from "@real-estate/types";

export const ZPlanStepPayload = z.object({
  leadPlanStepId: z.uuid(),
  /** The step's `rescheduled` count when the job was queued (absent: 0); a resume queues a new job. */
  rescheduled: z.number().int().min(0).default(0),
});

/** What running a step did; an e-mail step hands the caller the message to write to the outbox. */
export type PlanStepOutcome =
  | { action: "none"; reason: "gone" | "not_pending" | "stale" }
  | { action: "task"; taskId: string }
  | { action: "skipped"; note: string }
  | {
      action: "email";
      leadPlanStepId: string;
      leadId: string;
      contactId: string;
      to: { address: string; name: string | null };
      subject: string;
      body: string;
      agent: PlanEmailAgent | null;
    };

type StepRow = {
  id: string;
  leadPlanId: string;
  kind: "TASK" | "EMAIL";
  taskKind: "CALL" | "EMAIL" | "TEXT" | "SHOWING" | "OTHER" | null;
  title: string;
  emailSubject: string | null;
  emailBody: string | null;
  dueAt: Date;
  status: string;
  rescheduled: number;
  runStatus: string;
  planName: string;
  leadId: string;
  contactId: string;
  assignedMembershipId: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  agentName: string | null;
  agentEmail: string | null;
  agentPhone: string | null;
  agentPhoneExtension: string | null;
  agentPhotoSha256: string | null;
  country: string;
};

/** The lead's agent as the plan's e-mail signs it: their profile's name, phone and photo. */
export type PlanEmailAgent = {
  name: string | null;
  email: string | null;
  /** Formatted for the brokerage's country, or null. */
  phone?: string | null;
  /** With photoVersion, the photo's path on the brokerage's website (/agent-photos/…). */
  membershipId?: string | null;
  photoVersion?: string | null;
};

/**
 * Runs one scheduled step of a lead's plan (job kind "plan.step"), in the caller's transaction:
 * under a lock on the step, a PENDING step of an ACTIVE run creates its task (for the lead's agent,
 * due at the step's time) or answers the e-mail to write, and is marked DONE; anything else does
 * nothing, as does a job queued before the step was moved by a resume. So a re-run job, or two workers holding the same job, create one task or one e-mail.
 * The last step finishes the run.
 */
export async function runPlanStep(tx: DbTx, options: { tenantId: string; payload: unknown; now: Date }): Promise<PlanStepOutcome> {
  const parsed = ZPlanStepPayload.safeParse(options.payload);
  if (!parsed.success) throw new PermanentIngestionError("invalid plan.step payload");
  const { tenantId, now } = options;
  const stepId = parsed.data.leadPlanStepId;
  // Rows are locked in the order every writer of a lead takes them (its contact, the lead, the run,
  // then the step), so a step never runs on a plan that a concurrent reply, status change or
  // reassignment has just paused, and none of them deadlock with it.
  const [run] = await tx.$queryRaw<{ leadPlanId: string; leadId: string; contactId: string }[]>`
    SELECT r.id::text AS "leadPlanId", l.id::text AS "leadId", l."contactId"::text AS "contactId"
      FROM "LeadPlanStep" s
      JOIN "LeadPlan" r ON r."tenantId" = s."tenantId" AND r.id = s."leadPlanId"
      JOIN "Lead" l ON l."tenantId" = r."tenantId" AND l.id = r."leadId"
     WHERE s."tenantId" = ${tenantId}::uuid AND s.id = ${stepId}::uuid`;
  if (run) {
    await tx.$queryRaw`SELECT 1 FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid AND id = ${run.contactId}::uuid FOR NO KEY UPDATE`;
    await tx.$queryRaw`SELECT 1 FROM "Lead" WHERE "tenantId" = ${tenantId}::uuid AND id = ${run.leadId}::uuid FOR NO KEY UPDATE`;
    await tx.$queryRaw`SELECT 1 FROM "LeadPlan" WHERE "tenantId" = ${tenantId}::uuid AND id = ${run.leadPlanId}::uuid FOR UPDATE`;
  }
  const [step] = await tx.$queryRaw<StepRow[]>`
    SELECT s.id::text AS id, s."leadPlanId"::text AS "leadPlanId", s.kind::text AS kind, s."taskKind"::text AS "taskKind", s.title,
           s."emailSubject", s."emailBody", s."dueAt", s.status::text AS status, s.rescheduled, r.status::text AS "runStatus", r."planName",
           l.id::text AS "leadId", l."contactId"::text AS "contactId", l."assignedMembershipId"::text AS "assignedMembershipId",
           c.email, c."firstName", c."lastName", COALESCE(m."displayName", u.name) AS "agentName", u.email AS "agentEmail",
           m.phone AS "agentPhone", m."phoneExtension" AS "agentPhoneExtension", m."photoSha256" AS "agentPhotoSha256",
           (SELECT t.country FROM "Tenant" t WHERE t.id = s."tenantId") AS country
      FROM "LeadPlanStep" s
      JOIN "LeadPlan" r ON r."tenantId" = s."tenantId" AND r.id = s."leadPlanId"
      JOIN "Lead" l ON l."tenantId" = r."tenantId" AND l.id = r."leadId"
      JOIN "Contact" c ON c."tenantId" = l."tenantId" AND c.id = l."contactId"
      LEFT JOIN "TenantMembership" m ON m."tenantId" = l."tenantId" AND m.id = l."assignedMembershipId"
      LEFT JOIN "user" u ON u.id = m."userId"
     WHERE s."tenantId" = ${tenantId}::uuid AND s.id = ${stepId}::uuid
     FOR UPDATE OF s`;
  if (!step) return { action: "none", reason: "gone" };
  if (step.status !== "PENDING" || step.runStatus !== "ACTIVE") return { action: "none", reason: "not_pending" };
  if (step.rescheduled !== parsed.data.rescheduled) return { action: "none", reason: "stale" };

  let outcome: PlanStepOutcome;
  if (step.kind === "TASK") {
    const task = await tx.task.create({
      data: {
        tenantId,
        contactId: step.contactId,
        leadId: step.leadId,
        kind: step.taskKind ?? "OTHER",
        title: step.title,
        notes: `Step of the action plan “${step.planName}”.`,
        dueAt: step.dueAt,
        assignedMembershipId: step.assignedMembershipId,
      },
      select: { id: true },
    });
    await tx.leadPlanStep.update({ where: { tenantId_id: { tenantId, id: stepId } }, data: { status: "DONE", ranAt: now, taskId: task.id } });
    outcome = { action: "task", taskId: task.id };
  } else if (!step.email) {
    const note = "The lead has no e-mail address.";
    await tx.leadPlanStep.update({ where: { tenantId_id: { tenantId, id: stepId } }, data: { status: "SKIPPED", ranAt: now, note } });
    outcome = { action: "skipped", note };
  } else {
    await tx.leadPlanStep.update({ where: { tenantId_id: { tenantId, id: stepId } }, data: { status: "DONE", ranAt: now } });
    outcome = {
      action: "email",
      leadPlanStepId: stepId,
      leadId: step.leadId,
      contactId: step.contactId,
      to: { address: step.email, name: [step.firstName, step.lastName].filter(Boolean).join(" ") || null },
      subject: step.emailSubject ?? step.title,
      body: step.emailBody ?? "",
      agent:
        step.agentName || step.agentEmail
          ? {
              name: step.agentName,
              email: step.agentEmail,
              phone: step.agentPhone ? formatPhone(step.agentPhone, { extension: step.agentPhoneExtension, homeCountry: step.country }) : null,
              membershipId: step.assignedMembershipId,
              photoVersion: step.agentPhotoSha256 ? step.agentPhotoSha256.slice(0, 16) : null,
            }
          : null,
    };
  }
  await finishRunIfDone(tx, { tenantId, leadPlanId: step.leadPlanId, leadId: step.leadId, contactId: step.contactId, planName: step.planName, now });
  return outcome;
}

async function finishRunIfDone(tx: DbTx, o: { tenantId: string; leadPlanId: string; leadId: string; contactId: string; planName: string; now: Date }) {
  const pending = await tx.leadPlanStep.count({ where: { tenantId: o.tenantId, leadPlanId: o.leadPlanId, status: "PENDING" } });
  if (pending > 0) return;
  const done = await tx.leadPlan.updateMany({
    where: { tenantId: o.tenantId, id: o.leadPlanId, status: "ACTIVE" },
    data: { status: "COMPLETED", completedAt: o.now },
  });
  if (done.count === 0) return;
  await tx.activity.create({
    data: {
      tenantId: o.tenantId,
      contactId: o.contactId,
      leadId: o.leadId,
      type: "ACTION_PLAN",
      title: `Action plan “${o.planName}” finished: every step ran`,
      metadata: { leadPlanId: o.leadPlanId, event: "completed" },
      occurredAt: o.now,
      createdAt: o.now,
    },
    select: { id: true },
  });
}
