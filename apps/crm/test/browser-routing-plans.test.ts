// Lead routing, My day and action plans end to end, in Chromium against the production builds of
// the website and the CRM, the real ingestion worker process and the local SMTP sink: an owner
// writes a follow-up plan and a round-robin rule on the CRM's pages; two visitors send the
// website's contact form; the worker routes the two leads to two agents and runs the plan; the
// plan's first e-mail reaches the SMTP server; an agent opens My day, calls and marks the task done;
// a visitor's second message pauses their plan and their agent resumes it from the lead's page.
// One story: each step starts where the one before left off (the world: support/routing-plans-world.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { TestDatabase } from "@real-estate/db/testing";
import type { ReceivedMail, SmtpSink } from "@real-estate/smtp-sink";
import type { FixtureTenant } from "./support/crm-fixture";
import {
  CALL_TITLE,
  crmUrl,
  EMAIL_SUBJECT,
  PLAN_NAME,
  RULE_NAME,
  shot,
  startRoutingPlansWorld,
  STEP_TIMEOUT,
  TEXT_TITLE,
  VISITORS,
  waitFor,
  webUrl,
  type Agent,
  type RoutingPlansWorld,
} from "./support/routing-plans-world";

let world: RoutingPlansWorld | undefined;
let testDb: TestDatabase;
let sink: SmtpSink;
let fairfield: FixtureTenant;
let shoreline: FixtureTenant;
let agents: Agent[];

const newContext = () => world!.newContext();
const signIn = (page: Page, email: string) => world!.signIn(page, email);

beforeAll(async () => {
  world = await startRoutingPlansWorld();
  ({ testDb, sink, fairfield, shoreline, agents } = world);
}, 900_000);

afterAll(async () => {
  await world?.stop();
});

describe("routing, My day and action plans in the browser", () => {
  it(
    "an owner writes a follow-up plan and a round-robin rule that starts it, on the CRM's pages",
    async () => {
      const context = await newContext();
      const page = await context.newPage();
      await signIn(page, fairfield.owner.email);

      await page.goto(crmUrl("/plans"));
      const plan = page.locator("[data-testid=plan-form]");
      await plan.locator("#plan-name").fill(PLAN_NAME);
      await plan.locator("#step0-what").selectOption("EMAIL");
      await plan.locator("#step0-title").fill("Welcome e-mail");
      await plan.locator("#step0-subject").fill(EMAIL_SUBJECT);
      await plan.locator("#step0-body").fill("Thanks for your message. I will call you today to hear what you are looking for.");
      await plan.locator("#step1-what").selectOption("CALL");
      await plan.locator("#step1-title").fill(CALL_TITLE);
      await plan.locator("#step2-what").selectOption("TEXT");
      await plan.locator("#step2-title").fill(TEXT_TITLE);
      await plan.locator("#step2-days").fill("2");
      await plan.locator("button[type=submit]").click();
      await expect(plan.locator("[role=status]").textContent()).resolves.toBe(`Plan “${PLAN_NAME}” added with 3 steps.`);
      await shot(page, "routing-01-plan-added.png");

      await page.goto(crmUrl("/routing"));
      const rule = page.locator("[data-testid=routing-rule-form]");
      // Only this brokerage's people are offered as round-robin members.
      const offered = await rule.locator("fieldset:has(input[name=memberIds]) label").allTextContents();
      expect(offered.map((t) => t.trim()).sort()).toEqual(["Avery Stone", "Blake Rivers", "Fairfield Agent", "Fairfield Owner"]);
      await rule.locator("#rule-name").fill(RULE_NAME);
      await rule.locator("#rule-target").selectOption("ROUND_ROBIN");
      for (const a of agents) await rule.locator(`input[name=memberIds][value="${a.membershipId}"]`).check();
      await rule.locator("#rule-plan").selectOption({ label: PLAN_NAME });
      await rule.locator("button[type=submit]").click();
      await expect(rule.locator("[role=status]").textContent()).resolves.toBe(`Rule “${RULE_NAME}” added.`);
      const row = page.locator("[data-testid=routing-rules] tbody tr");
      await expect(row.count()).resolves.toBe(1);
      const cells = await row.first().locator("td").allTextContents();
      expect(cells[1]).toBe(RULE_NAME);
      expect(cells[2]).toBe("Every lead");
      expect(cells[3]).toContain("round robin: Avery Stone, Blake Rivers");
      expect(cells[5]).toBe(PLAN_NAME);
      await shot(page, "routing-02-rule-added.png");
      await context.close();

      const rules = await testDb.db.routingRule.findMany({ where: { tenantId: fairfield.tenantId }, include: { members: true } });
      expect(rules).toHaveLength(1);
      expect(rules[0]!.targetKind).toBe("ROUND_ROBIN");
      expect(rules[0]!.members.map((m) => m.membershipId).sort()).toEqual(agents.map((a) => a.membershipId).sort());
      expect(await testDb.db.routingRule.count({ where: { tenantId: shoreline.tenantId } })).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    "two visitors send the website's contact form: the leads go to two agents, each gets the plan's call task and the plan's first e-mail",
    async () => {
      for (const v of VISITORS) {
        const context = await newContext();
        const page = await context.newPage();
        await page.goto(webUrl("/contact"));
        await page.fill("#contact-name", v.name);
        await page.fill("#contact-email", v.email);
        await page.fill("#contact-phone", v.phone);
        await page.fill("#contact-message", v.message);
        // The form is ready once its script has given it an event id (the retry key of the post).
        await page.waitForFunction(() => [...document.querySelectorAll<HTMLInputElement>("input[name=eventId]")].every((i) => i.value !== ""));
        await page.locator("form button[type=submit]").click();
        await page.locator("[data-testid=lead-confirmation]").waitFor();
        await shot(page, `routing-03-website-lead-${v.name.split(" ")[0]!.toLowerCase()}.png`);
        await context.close();
      }

      const leadOf = (email: string) =>
        testDb.db.lead.findFirst({
          where: { tenantId: fairfield.tenantId, contact: { email } },
          select: { id: true, assignedMembershipId: true, source: true },
        });
      const leads = await waitFor(
        "both website leads routed",
        () => Promise.all(VISITORS.map((v) => leadOf(v.email))),
        (ls) => ls.every((l) => l?.assignedMembershipId),
      );
      // Round robin: one lead each, whatever order the worker took them in.
      expect(leads.map((l) => l!.assignedMembershipId).sort()).toEqual(agents.map((a) => a.membershipId).sort());
      expect(leads.every((l) => l!.source === "website_contact")).toBe(true);
      for (const lead of leads) {
        const agent = agents.find((a) => a.membershipId === lead!.assignedMembershipId)!;
        const assignments = await testDb.db.activity.findMany({ where: { tenantId: fairfield.tenantId, leadId: lead!.id, type: "ASSIGNMENT" } });
        expect(assignments.map((a) => a.title)).toEqual([`Assigned to ${agent.name} by routing rule “${RULE_NAME}” (round robin)`]);
      }

      // The plan ran on each lead: its call task went to that lead's agent...
      const tasks = await waitFor(
        "the plan's call tasks",
        () =>
          testDb.db.task.findMany({
            where: { tenantId: fairfield.tenantId, title: CALL_TITLE },
            select: { leadId: true, kind: true, assignedMembershipId: true },
          }),
        (ts) => ts.length === 2,
      );
      for (const lead of leads) {
        expect(tasks.filter((t) => t.leadId === lead!.id)).toEqual([{ leadId: lead!.id, kind: "CALL", assignedMembershipId: lead!.assignedMembershipId }]);
      }
      // ...and its first step, the e-mail, reached the SMTP server addressed to the visitor.
      const toVisitors = (mail: ReceivedMail[]) => mail.filter((m) => m.subject === EMAIL_SUBJECT);
      const mails = await waitFor(
        "the plan's e-mails at the SMTP server",
        async () => toVisitors(sink.messages()),
        (ms) => ms.length >= 2,
      );
      expect(mails.map((m) => m.envelope.to).sort()).toEqual(VISITORS.map((v) => [v.email]).sort());
      for (const v of VISITORS) {
        const mail = mails.find((m) => m.envelope.to.includes(v.email))!;
        expect(mail.to).toContain(v.email);
        expect(mail.text).toContain("I will call you today");
      }
      // Each e-mail is signed by the agent the lead was routed to.
      for (const [i, v] of VISITORS.entries()) {
        const agent = agents.find((a) => a.membershipId === leads[i]!.assignedMembershipId)!;
        expect(mails.find((m) => m.envelope.to.includes(v.email))!.text).toContain(agent.name);
      }
      // Nothing of this reached the other brokerage.
      expect(await testDb.db.lead.count({ where: { tenantId: shoreline.tenantId } })).toBe(0);
      expect(await testDb.db.task.count({ where: { tenantId: shoreline.tenantId } })).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    "an agent opens My day, calls the person and marks the call done: the task is closed and the call is on the lead's timeline",
    async () => {
      const lead = await testDb.db.lead.findFirstOrThrow({
        where: { tenantId: fairfield.tenantId, contact: { email: VISITORS[0]!.email } },
        select: { id: true, assignedMembershipId: true },
      });
      const agent = agents.find((a) => a.membershipId === lead.assignedMembershipId)!;
      const other = agents.find((a) => a !== agent)!;
      const task = await testDb.db.task.findFirstOrThrow({ where: { tenantId: fairfield.tenantId, leadId: lead.id, title: CALL_TITLE } });

      const context = await newContext();
      const page = await context.newPage();
      await signIn(page, agent.email);
      await page.locator("nav a", { hasText: "My day" }).first().click();
      await page.waitForURL(crmUrl("/my-day"));
      await expect(page.locator("[data-testid=my-day-greeting]").textContent()).resolves.toContain(`Good to see you, ${agent.name.split(" ")[0]}.`);
      const row = page.locator(`[data-testid=task][data-task-id="${task.id}"]`);
      await row.waitFor();
      // Only this agent's task: the other visitor's call belongs to the other agent.
      await expect(page.locator("[data-testid=task]").count()).resolves.toBe(1);
      expect(await row.textContent()).toContain(VISITORS[0]!.name);
      expect(await row.locator("[data-testid=task-call]").getAttribute("href")).toBe("tel:+12035550101");
      await shot(page, "routing-04-my-day.png");

      await row.locator("[data-testid=task-done]").click();
      await row.locator("input[name=outcome]").fill("Called Robin: showing booked for Saturday at 10.");
      await row.locator("[data-testid=task-done-confirm]").click();
      // My day lists open tasks only: the done call leaves the page.
      await row.waitFor({ state: "detached" });
      await expect(page.locator("[data-testid=task]").count()).resolves.toBe(0);
      await shot(page, "routing-05-call-done.png");

      await page.goto(crmUrl(`/leads/${lead.id}`));
      await page.locator("text=Called Robin: showing booked for Saturday at 10.").waitFor();
      await page.locator('[data-activity-type="TASK_COMPLETED"]').waitFor();
      await shot(page, "routing-06-lead-timeline.png");
      await context.close();

      const done = await testDb.db.task.findUniqueOrThrow({ where: { tenantId_id: { tenantId: fairfield.tenantId, id: task.id } } });
      expect(done.completedAt).not.toBeNull();
      expect(done.completedByUserId).toBe(agent.userId);
      const logged = await testDb.db.activity.findMany({ where: { tenantId: fairfield.tenantId, leadId: lead.id, type: "TASK_COMPLETED" } });
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({
        actorUserId: agent.userId,
        title: `Call done: ${CALL_TITLE}`,
        body: "Called Robin: showing booked for Saturday at 10.",
      });
      const touched = await testDb.db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: fairfield.tenantId, id: lead.id } } });
      expect(touched.firstContactedAt).not.toBeNull();
      // The other agent's call is still open.
      const open = await testDb.db.task.findMany({ where: { tenantId: fairfield.tenantId, title: CALL_TITLE, completedAt: null } });
      expect(open.map((t) => t.assignedMembershipId)).toEqual([other.membershipId]);
    },
    STEP_TIMEOUT,
  );

  it(
    "the other visitor writes again: the plan pauses on the reply, and the agent resumes it from the lead's page with the open step moved later",
    async () => {
      const visitor = VISITORS[1]!;
      const lead = await testDb.db.lead.findFirstOrThrow({
        where: { tenantId: fairfield.tenantId, contact: { email: visitor.email } },
        select: { id: true, assignedMembershipId: true },
      });
      const agent = agents.find((a) => a.membershipId === lead.assignedMembershipId)!;
      const run = await testDb.db.leadPlan.findFirstOrThrow({ where: { tenantId: fairfield.tenantId, leadId: lead.id } });
      expect(run.status).toBe("ACTIVE");
      const openStep = () => testDb.db.leadPlanStep.findFirstOrThrow({ where: { tenantId: fairfield.tenantId, leadPlanId: run.id, title: TEXT_TITLE } });
      const before = await openStep();
      expect(before.status).toBe("PENDING");

      const visit = await newContext();
      const form = await visit.newPage();
      await form.goto(webUrl("/contact"));
      await form.fill("#contact-name", visitor.name);
      await form.fill("#contact-email", visitor.email);
      await form.fill("#contact-message", "Could we also see the cape on Elm Street?");
      await form.waitForFunction(() => [...document.querySelectorAll<HTMLInputElement>("input[name=eventId]")].every((i) => i.value !== ""));
      await form.locator("form button[type=submit]").click();
      await form.locator("[data-testid=lead-confirmation]").waitFor();
      await visit.close();

      const paused = await waitFor(
        "the plan paused by the reply",
        () => testDb.db.leadPlan.findUniqueOrThrow({ where: { tenantId_id: { tenantId: fairfield.tenantId, id: run.id } } }),
        (r) => r.status === "PAUSED",
      );
      expect(paused.pausedAt).not.toBeNull();
      // The reply is on the same open lead, not a new one.
      expect(await testDb.db.lead.count({ where: { tenantId: fairfield.tenantId, contact: { email: visitor.email } } })).toBe(1);

      const context = await newContext();
      const page = await context.newPage();
      await signIn(page, agent.email);
      await page.goto(crmUrl(`/leads/${lead.id}`));
      const panel = page.locator("[data-testid=lead-plan]", { hasText: PLAN_NAME });
      await expect(panel.locator("strong + .muted").textContent()).resolves.toBe("— paused");
      expect(await panel.locator("[data-testid=lead-plan-progress]").textContent()).toContain("; paused: ");
      await shot(page, "routing-07-plan-paused.png");
      await panel.getByRole("button", { name: "Resume plan" }).click();
      await panel.locator("strong + .muted", { hasText: "— running" }).waitFor();
      expect(await panel.locator("[data-testid=lead-plan-progress]").textContent()).toContain(`next: ${TEXT_TITLE}`);
      await shot(page, "routing-08-plan-resumed.png");
      await context.close();

      const resumed = await testDb.db.leadPlan.findUniqueOrThrow({ where: { tenantId_id: { tenantId: fairfield.tenantId, id: run.id } } });
      expect(resumed.status).toBe("ACTIVE");
      const after = await openStep();
      expect(after.status).toBe("PENDING");
      // Moved by the time the plan was paused (at least the seconds between the reply and the resume).
      expect(after.dueAt.getTime()).toBeGreaterThan(before.dueAt.getTime());
      const entries = await testDb.db.activity.findMany({
        where: { tenantId: fairfield.tenantId, leadId: lead.id, type: "ACTION_PLAN" },
        orderBy: { occurredAt: "asc" },
      });
      expect(entries.at(-1)!.actorUserId).toBe(agent.userId);
    },
    STEP_TIMEOUT,
  );
});
