// Ingestion with lead routing and a starting action plan, against the same ingestion without them,
// in the same run: the cost an owner's routing rule and plan add to every new website lead. Both
// phases' brokerages have the same team (an owner and four agents), so both write each lead's
// alert e-mail (to the owner without a rule, to the routed agent with one); a third, reported
// phase runs brokerages without any member (no alert at all), the baseline used before.
import crypto from "node:crypto";
import { createActionPlan, createRoutingRule } from "@real-estate/crm";
import type { Db } from "@real-estate/db";
import type pg from "pg";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, type ScenarioResult } from "../../lib/figures";
import { createBenchTenants, openPlatformDb } from "../../lib/platform-db";
import { perSecond, sleep } from "../../lib/stats";
import { leadSubmittedEvents } from "../ingestion/lead-events";
import { drainRate, enqueueBacklog, waitCompleted } from "../ingestion/pipeline";
import { assertWorkerLanded, startBenchWorker } from "../../lib/worker";

/** The worker's default concurrency (INGESTION_CONCURRENCY). */
const CONCURRENCY = 8;
const AGENTS = 4;

async function addAgent(db: Db, tenantId: string, name: string): Promise<string> {
  const id = crypto.randomUUID();
  await db.user.create({ data: { id, name, email: `${name.toLowerCase().replace(/\W+/g, ".")}.${id.slice(0, 8)}@bench.example` } });
  return (await db.tenantMembership.create({ data: { tenantId, userId: id, role: "AGENT" } })).id;
}

/** A brokerage's team: an owner and four agents. */
async function addTeam(db: Db, tenantId: string): Promise<{ owner: string; memberIds: string[] }> {
  const owner = crypto.randomUUID();
  await db.user.create({ data: { id: owner, name: "Bench Owner", email: `owner.${owner.slice(0, 8)}@bench.example` } });
  await db.tenantMembership.create({ data: { tenantId, userId: owner, role: "OWNER" } });
  const memberIds: string[] = [];
  for (let i = 0; i < AGENTS; i++) memberIds.push(await addAgent(db, tenantId, `Bench Agent ${i + 1}`));
  return { owner, memberIds };
}

/** A round robin over the team's four agents that starts a plan: a call task at once, an e-mail after a day, a text after two. */
async function configureRouting(db: Db, tenantId: string, team: { owner: string; memberIds: string[] }): Promise<void> {
  const { owner, memberIds } = team;
  const plan = await createActionPlan({
    tenantId,
    actorUserId: owner,
    db,
    input: {
      name: "New buyer lead",
      steps: [
        { kind: "TASK", taskKind: "CALL", title: "Call within the hour", offsetMinutes: 0 },
        { kind: "EMAIL", title: "Follow-up", offsetMinutes: 1440, emailSubject: "Homes you may like", emailBody: "Hello again.\n\nHere are three more." },
        { kind: "TASK", taskKind: "TEXT", title: "Text to set a showing", offsetMinutes: 2 * 1440 },
      ],
    },
  });
  await createRoutingRule({
    tenantId,
    actorUserId: owner,
    db,
    input: { name: "Website leads", sources: [], towns: [], targetKind: "ROUND_ROBIN", memberIds, actionPlanId: plan.id },
  });
}

type Effects = { leads: number; assigned: number; leadPlans: number; tasks: number; alerts: number; dueJobsLeft: number };

async function effects(pool: pg.Pool): Promise<Effects> {
  const r = await pool.query<Record<keyof Effects, string>>(
    `SELECT (SELECT count(*) FROM "Lead") AS leads, (SELECT count(*) FROM "Lead" WHERE "assignedMembershipId" IS NOT NULL) AS assigned,
            (SELECT count(*) FROM "LeadPlan") AS "leadPlans", (SELECT count(*) FROM "Task") AS tasks,
            (SELECT count(*) FROM "EmailMessage" WHERE template = 'lead-alert') AS alerts,
            (SELECT count(*) FROM "IngestionJob" WHERE status IN ('PENDING', 'PROCESSING') AND "nextAttemptAt" <= now()) AS "dueJobsLeft"`,
  );
  return Object.fromEntries(Object.entries(r.rows[0]!).map(([k, v]) => [k, Number(v)])) as Effects;
}

/** Every job that was due (the leads and what their plans start at once) finished: first claim to last completion. */
async function drainAll(pool: pg.Pool): Promise<{ seconds: number; jobs: number }> {
  const r = await pool.query<{ n: string; seconds: number }>(
    `SELECT count(*) AS n, EXTRACT(EPOCH FROM max("completedAt") - min("firstAttemptAt"))::float8 AS seconds FROM "IngestionJob" WHERE status = 'COMPLETED'`,
  );
  return { seconds: r.rows[0]!.seconds, jobs: Number(r.rows[0]!.n) };
}

/**
 * One phase in its own fresh database: `n` lead.submitted events queued, then drained by the real
 * worker. "bare": brokerages without members; "plain": with a team, no rule or plan; "routed":
 * the team with a round robin starting a plan.
 */
async function phase(ctx: BenchContext, label: "bare" | "plain" | "routed", n: number) {
  const p = await openPlatformDb(`routing_${label}`, { poolSize: 8 });
  try {
    const tenants = await createBenchTenants(p.db, [`rt-${label}-a-${ctx.runId}`, `rt-${label}-b-${ctx.runId}`]);
    for (const t of tenants) {
      if (label === "bare") continue;
      const team = await addTeam(p.db, t.tenantId);
      if (label === "routed") await configureRouting(p.db, t.tenantId, team);
    }
    const tag = `${ctx.runId}${label.slice(0, 2)}`;
    await enqueueBacklog(
      p.db,
      leadSubmittedEvents(
        tenants.map((t) => t.tenantId),
        n,
        tag,
      ),
    );
    const worker = startBenchWorker({ databaseUrl: p.url, concurrency: CONCURRENCY });
    try {
      await waitCompleted(p.pool, `lead-${tag}-`, n, worker, Math.max(600_000, n * 200));
      const leads = await drainRate(p.pool, `lead-${tag}-`);
      // What the plans start at once (the call task, its reminder e-mail and that e-mail's delivery) are jobs too.
      for (let i = 0; i < 600 && (await effects(p.pool)).dueJobsLeft > 0; i++) await sleep(200);
      const all = await drainAll(p.pool);
      const e = await effects(p.pool);
      const leadsPerSecond = leads.perSecond;
      const allPerSecond = perSecond(n, all.seconds * 1000);
      log(
        `${label}: ${fmt(n)} events in ${fmt(leads.seconds, 1)} s = ${fmt(leadsPerSecond)} events/s; with the ${fmt(all.jobs - n)} jobs they started, ${fmt(all.seconds, 1)} s = ${fmt(allPerSecond)} events/s (${JSON.stringify(e)})`,
      );
      return { leadsPerSecond, allPerSecond, seconds: leads.seconds, allSeconds: all.seconds, jobs: all.jobs, effects: e };
    } finally {
      await worker.stop();
    }
  } finally {
    await p.close();
  }
}

export async function runRoutingScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  assertWorkerLanded();
  const n = ctx.args.quick ? 1_000 : 5_000;
  log(
    `${fmt(n)} lead.submitted events, two tenants of an owner and ${AGENTS} agents each; with routing: a round robin over the agents starting a three-step plan`,
  );
  const bare = await phase(ctx, "bare", n);
  const plain = await phase(ctx, "plain", n);
  const routed = await phase(ctx, "routed", n);
  // Both compared phases alert someone of every new lead (the owner, or the routed agent).
  for (const [label, ph] of [
    ["plain", plain],
    ["routed", routed],
  ] as const)
    if (ph.effects.alerts < ph.effects.leads) throw new Error(`${label}: ${ph.effects.alerts} lead alerts for ${ph.effects.leads} leads`);
  // A returning person's message pauses their lead's plan, so some first steps rightly never run.
  if (routed.effects.assigned !== routed.effects.leads || routed.effects.leadPlans !== routed.effects.leads || routed.effects.tasks === 0)
    throw new Error(`routing did not give every lead an agent and a plan: ${JSON.stringify(routed.effects)}`);
  return {
    scenario: "routing",
    figures: [
      figure({
        scenario: "routing",
        name: "ingestion with routing and a starting plan (every lead routed, its plan started)",
        unit: "events/s",
        better: "higher",
        value: routed.leadsPerSecond,
        baseline: { label: "the same team's ingestion without routing or plan", value: plain.leadsPerSecond },
        goal: { text: ">= 0.8 x without", ratioAtLeast: 0.8 },
      }),
      figure({
        scenario: "routing",
        name: "the same, until the plans' first steps ran (call task, reminder e-mail sent)",
        unit: "events/s",
        better: "higher",
        value: routed.allPerSecond,
        baseline: { label: "the same team's ingestion without routing or plan", value: plain.allPerSecond },
        note: `${fmt(routed.jobs - n)} jobs started by the plans included`,
      }),
      figure({
        scenario: "routing",
        name: "ingestion with routing and a starting plan, against brokerages without members (no alert e-mails: the baseline before 2026-12-04)",
        unit: "events/s",
        better: "higher",
        value: routed.leadsPerSecond,
        baseline: { label: "ingestion for brokerages without members", value: bare.leadsPerSecond },
        note: "reported: the goal's baseline is the same team without routing or plan",
      }),
    ],
    details: { events: n, concurrency: CONCURRENCY, agents: AGENTS, bare, plain, routed },
  };
}
