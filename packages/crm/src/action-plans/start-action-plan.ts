import { v7 as uuidv7 } from "uuid";
import type { ActionPlanStepKind, Db, DbTx, TaskKind } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { enqueueJobs } from "@real-estate/queue";
import { isUuid } from "../shared/is-uuid";
import { leadPlanSelect, PLAN_STEP_KIND, type LeadPlanRow } from "./action-plan-select";

export type StartActionPlanResult =
  { ok: true; leadPlan: LeadPlanRow; created: boolean } | { ok: false; error: "not_found" | "plan_not_found" | "plan_archived" };

type StartOptions = {
  tenantId: string;
  leadId: string;
  planId: string;
  /** Who started it: a member, or the routing rule that placed the lead. */
  startedByUserId?: string | null;
  routingRuleId?: string | null;
  now: Date;
};

/**
 * Starts a plan on a lead inside the caller's transaction: copies its steps, each due at
 * now + offset, and queues one "plan.step" job per step for its due time (dedupe key: the step),
 * with an ACTION_PLAN entry on the timeline. The lead's row is locked first, so of several
 * requests starting the same plan at once exactly one creates the run; the others find it
 * running and answer it (`created: false`).
 */
export async function startActionPlanInTx(tx: DbTx, o: StartOptions): Promise<StartActionPlanResult> {
  const { tenantId, leadId, planId, now } = o;
  if (!isUuid(leadId)) return { ok: false, error: "not_found" };
  if (!isUuid(planId)) return { ok: false, error: "plan_not_found" };
  const [lead] = await tx.$queryRaw<{ contactId: string }[]>`
    SELECT "contactId"::text AS "contactId" FROM "Lead" WHERE "tenantId" = ${tenantId}::uuid AND id = ${leadId}::uuid FOR UPDATE`;
  if (!lead) return { ok: false, error: "not_found" };
  const plan = await tx.actionPlan.findUnique({
    where: { tenantId_id: { tenantId, id: planId } },
    select: { id: true, name: true, archivedAt: true, steps: { orderBy: { position: "asc" } } },
  });
  if (!plan) return { ok: false, error: "plan_not_found" };
  // A paused run of the same plan is answered too: the member resumes it rather than starting it twice.
  const running = await tx.leadPlan.findFirst({ where: { tenantId, leadId, planId, status: { in: ["ACTIVE", "PAUSED"] } }, select: leadPlanSelect });
  if (running) return { ok: true, leadPlan: running, created: false };
  if (plan.archivedAt) return { ok: false, error: "plan_archived" };
  const run = await tx.leadPlan.create({
    data: { tenantId, leadId, planId, planName: plan.name, startedAt: now, startedByUserId: o.startedByUserId ?? null, routingRuleId: o.routingRuleId ?? null },
    select: { id: true },
  });
  await tx.leadPlanStep.createMany({
    data: plan.steps.map((s) => ({
      tenantId,
      leadPlanId: run.id,
      position: s.position,
      kind: s.kind,
      taskKind: s.taskKind,
      title: s.title,
      emailSubject: s.emailSubject,
      emailBody: s.emailBody,
      dueAt: new Date(now.getTime() + s.offsetMinutes * 60_000),
    })),
  });
  const steps = await tx.leadPlanStep.findMany({ where: { tenantId, leadPlanId: run.id }, select: { id: true, dueAt: true } });
  await enqueueJobs(tx, {
    tenantId,
    jobs: steps.map((s) => ({ kind: PLAN_STEP_KIND, payload: { leadPlanStepId: s.id }, dedupeKey: s.id, runAt: s.dueAt })),
  });
  await tx.activity.create({
    data: {
      tenantId,
      contactId: lead.contactId,
      leadId,
      type: "ACTION_PLAN",
      title: `Action plan “${plan.name}” started${o.routingRuleId ? " by a routing rule" : ""}`,
      body: `${plan.steps.length} step${plan.steps.length === 1 ? "" : "s"} scheduled.`,
      actorUserId: o.startedByUserId ?? null,
      metadata: { leadPlanId: run.id, planId, event: "started", ...(o.routingRuleId && { routingRuleId: o.routingRuleId }) },
      occurredAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  const leadPlan = await tx.leadPlan.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: run.id } }, select: leadPlanSelect });
  return { ok: true, leadPlan, created: true };
}

type PlanToStart = {
  name: string;
  archived: boolean;
  steps: {
    position: number;
    kind: ActionPlanStepKind;
    taskKind: TaskKind | null;
    title: string;
    offsetMinutes: number;
    emailSubject: string | null;
    emailBody: string | null;
  }[];
};

/**
 * Starts a routing rule's plan on a lead created in the caller's transaction, in three statements
 * (the plan read; the run, its steps and the timeline entry in one insert; the step jobs) where
 * startActionPlanInTx takes nine: nobody else can see the new lead yet, so there is no row to lock
 * and no run to find. The same rows as startActionPlanInTx. Returns false when the plan is
 * missing or archived (nothing is started).
 */
export async function startPlanOnNewLead(
  tx: DbTx,
  o: { tenantId: string; leadId: string; contactId: string; planId: string; routingRuleId: string; now: Date },
): Promise<boolean> {
  const { tenantId, leadId, planId, now } = o;
  const [plan] = await tx.$queryRaw<PlanToStart[]>`
    SELECT p.name, p."archivedAt" IS NOT NULL AS archived,
           COALESCE((SELECT json_agg(json_build_object('position', s.position, 'kind', s.kind, 'taskKind', s."taskKind", 'title', s.title,
                                                       'offsetMinutes', s."offsetMinutes", 'emailSubject', s."emailSubject", 'emailBody', s."emailBody")
                                     ORDER BY s.position)
                       FROM "ActionPlanStep" s WHERE s."tenantId" = p."tenantId" AND s."planId" = p.id), '[]'::json) AS steps
      FROM "ActionPlan" p WHERE p."tenantId" = ${tenantId}::uuid AND p.id = ${planId}::uuid`;
  if (!plan || plan.archived) return false;
  const runId = uuidv7();
  const steps = plan.steps.map((s) => ({ ...s, id: uuidv7(), dueAt: new Date(now.getTime() + s.offsetMinutes * 60_000) }));
  const metadata = { leadPlanId: runId, planId, event: "started", routingRuleId: o.routingRuleId };
  await tx.$executeRaw`
    WITH run AS (
      INSERT INTO "LeadPlan" ("tenantId", id, "leadId", "planId", "planName", "startedAt", "routingRuleId", "updatedAt")
      VALUES (${tenantId}::uuid, ${runId}::uuid, ${leadId}::uuid, ${planId}::uuid, ${plan.name}, ${now}::timestamp(3), ${o.routingRuleId}::uuid, now())
      RETURNING id
    ), steps AS (
      INSERT INTO "LeadPlanStep" ("tenantId", id, "leadPlanId", position, kind, "taskKind", title, "emailSubject", "emailBody", "dueAt")
      SELECT ${tenantId}::uuid, s.id, run.id, s.position, s.kind::"ActionPlanStepKind", s."taskKind"::"TaskKind", s.title, s."emailSubject", s."emailBody", s."dueAt"
        FROM run, unnest(${steps.map((s) => s.id)}::uuid[], ${steps.map((s) => s.position)}::int[], ${steps.map((s) => s.kind)}::text[],
                         ${steps.map((s) => s.taskKind)}::text[], ${steps.map((s) => s.title)}::text[], ${steps.map((s) => s.emailSubject)}::text[],
                         ${steps.map((s) => s.emailBody)}::text[], ${steps.map((s) => s.dueAt.toISOString())}::timestamp(3)[])
             AS s(id, position, kind, "taskKind", title, "emailSubject", "emailBody", "dueAt")
    )
    INSERT INTO "Activity" ("tenantId", id, "contactId", "leadId", type, title, body, metadata, "occurredAt", "createdAt")
    SELECT ${tenantId}::uuid, ${uuidv7()}::uuid, ${o.contactId}::uuid, ${leadId}::uuid, 'ACTION_PLAN'::"ActivityType",
           ${`Action plan “${plan.name}” started by a routing rule`}, ${`${steps.length} step${steps.length === 1 ? "" : "s"} scheduled.`},
           ${JSON.stringify(metadata)}::jsonb, ${now}::timestamp(3), ${now}::timestamp(3)
      FROM run`;
  await enqueueJobs(tx, {
    tenantId,
    jobs: steps.map((s) => ({ kind: PLAN_STEP_KIND, payload: { leadPlanStepId: s.id }, dedupeKey: s.id, runAt: s.dueAt })),
  });
  return true;
}

/** Starts a plan on a lead by hand (see startActionPlanInTx). */
export async function startActionPlan(options: {
  tenantId: string;
  leadId: string;
  planId: string;
  actorUserId: string | null;
  now?: Date;
  db?: Db;
}): Promise<StartActionPlanResult> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  return db.$transaction((tx) =>
    startActionPlanInTx(tx, { tenantId: options.tenantId, leadId: options.leadId, planId: options.planId, startedByUserId: options.actorUserId, now }),
  );
}
