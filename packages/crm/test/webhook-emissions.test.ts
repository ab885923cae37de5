// The webhook events a task's completion and a pond claim queue (decision 0021), on PostgreSQL,
// two tenants: each change queues exactly one delivery per subscribed endpoint of its own tenant,
// in the change's transaction, however many people make the change at once.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { createWebhookEndpoint, type WebhookEventType } from "@real-estate/integrations";
import { claimPondLead, completeTask, createTask, processWebsiteEvent, unsafeRerouteOverdueLeads, ZTaskCreate } from "../src";
import { createCrmTenant, seedLead, type CrmTenant } from "./support/crm-fixtures";
import { leadSubmitted } from "@real-estate/queue/testing";

const testDb = useTestDatabase("api18_hook_emissions");

async function subscribe(tenantId: string, events: WebhookEventType[]): Promise<string> {
  const created = await createWebhookEndpoint({ tenantId, input: { url: "https://hooks.example.com/crm", events }, createdByUserId: null });
  if (!created.ok) throw new Error(JSON.stringify(created.fields));
  return created.endpoint.id;
}

const deliveries = (tenantId: string, eventType: WebhookEventType) =>
  testDb().db.webhookDelivery.findMany({ where: { tenantId, eventType }, select: { endpointId: true, contactId: true, payload: true } });

describe("webhook emissions", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  let endpointA: string;
  let endpointB: string;
  beforeAll(async () => {
    const { db } = testDb();
    a = await createCrmTenant(db, "emit-a");
    b = await createCrmTenant(db, "emit-b");
    endpointA = await subscribe(a.tenantId, ["task.completed", "lead.assigned"]);
    endpointB = await subscribe(b.tenantId, ["task.completed", "lead.assigned"]);
    // An endpoint of A that did not choose these events gets none of them.
    await subscribe(a.tenantId, ["contact.created"]);
  });

  it("task.completed: once per completion, even when two people complete it at once; not for the other tenant", async () => {
    const lead = await seedLead(testDb().db, a.tenantId, { first: "Tia", email: "tia@example.com" });
    const made = await createTask({
      tenantId: a.tenantId,
      input: ZTaskCreate.parse({ kind: "CALL", title: "Call Tia", dueAt: new Date(Date.now() + 3_600_000).toISOString(), leadId: lead.leadId }),
      actor: { userId: a.agentUserId },
    });
    if (!made.ok) throw new Error("task not created");
    const results = await Promise.all([
      completeTask({ tenantId: a.tenantId, taskId: made.task.id, outcome: "Left a voicemail", actor: { userId: a.agentUserId } }),
      completeTask({ tenantId: a.tenantId, taskId: made.task.id, outcome: "Spoke to her", actor: { userId: a.ownerUserId } }),
    ]);
    expect(results.filter((r) => r.ok && r.completed)).toHaveLength(1);
    const sent = await deliveries(a.tenantId, "task.completed");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ endpointId: endpointA, contactId: lead.contactId });
    const payload = sent[0]!.payload as { type: string; data: { task: Record<string, unknown>; outcome: string; actor: Record<string, unknown> } };
    expect(payload.type).toBe("task.completed");
    expect(payload.data.task).toMatchObject({ id: made.task.id, kind: "CALL", title: "Call Tia", leadId: lead.leadId, contactId: lead.contactId });
    expect(["Left a voicemail", "Spoke to her"]).toContain(payload.data.outcome);
    expect(payload.data.actor.kind).toBe("member");
    // Completing it again changes nothing and queues nothing; another tenant cannot complete it.
    await completeTask({ tenantId: a.tenantId, taskId: made.task.id, actor: { userId: a.agentUserId } });
    expect(await completeTask({ tenantId: b.tenantId, taskId: made.task.id, actor: { userId: b.agentUserId } })).toEqual({ ok: false, error: "not_found" });
    expect(await deliveries(a.tenantId, "task.completed")).toHaveLength(1);
    expect(await deliveries(b.tenantId, "task.completed")).toHaveLength(0);
  });

  it("lead.assigned when a lead is claimed from the pond: once, by the winner of two claims; none for a refused claim", async () => {
    const { db } = testDb();
    const lead = await seedLead(db, a.tenantId, { first: "Pia", email: "pia@example.com" });
    await db.lead.updateMany({ where: { tenantId: a.tenantId, id: lead.leadId }, data: { pooledAt: new Date() } });
    expect(await claimPondLead({ tenantId: b.tenantId, leadId: lead.leadId, membershipId: b.agentMembershipId, actorUserId: b.agentUserId })).toBe(false);
    const claims = await Promise.all([
      claimPondLead({ tenantId: a.tenantId, leadId: lead.leadId, membershipId: a.agentMembershipId, actorUserId: a.agentUserId }),
      claimPondLead({ tenantId: a.tenantId, leadId: lead.leadId, membershipId: a.ownerMembershipId, actorUserId: a.ownerUserId }),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = claims[0] ? a.agentMembershipId : a.ownerMembershipId;
    const sent = await deliveries(a.tenantId, "lead.assigned");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ endpointId: endpointA, contactId: lead.contactId });
    expect((sent[0]!.payload as { data: Record<string, unknown> }).data).toMatchObject({
      leadId: lead.leadId,
      contactId: lead.contactId,
      from: null,
      to: winner,
      reason: "claimed_from_pond",
    });
    expect(await deliveries(b.tenantId, "lead.assigned")).toHaveLength(0);
    expect(endpointB).toBeTruthy();
  });

  it("lead.assigned when a lead nobody contacted is re-routed (here to the pond: no rule)", async () => {
    const { db } = testDb();
    const lead = await seedLead(db, a.tenantId, { first: "Ria", email: "ria@example.com", assignedMembershipId: a.agentMembershipId });
    const now = new Date();
    await db.lead.updateMany({ where: { tenantId: a.tenantId, id: lead.leadId }, data: { contactDueAt: new Date(now.getTime() - 60_000) } });
    expect(await unsafeRerouteOverdueLeads({ now })).toBeGreaterThanOrEqual(1);
    const sent = (await deliveries(a.tenantId, "lead.assigned")).filter((d) => d.contactId === lead.contactId);
    expect(sent).toHaveLength(1);
    expect((sent[0]!.payload as { data: Record<string, unknown> }).data).toMatchObject({
      leadId: lead.leadId,
      from: a.agentMembershipId,
      to: null,
      reason: "rerouted_to_pond",
      actor: { kind: "routing", ruleId: null },
    });
  });

  it("a website event queues only the types an endpoint chose, with the contact; nothing where no endpoint chose one", async () => {
    const { db } = testDb();
    const inA = await processWebsiteEvent({ tenantId: a.tenantId, event: leadSubmitted(a.tenantId, { firstName: "Oda", email: "oda@example.com" }) });
    const inB = await processWebsiteEvent({ tenantId: b.tenantId, event: leadSubmitted(b.tenantId, { firstName: "Per", email: "per@example.com" }) });
    if (inA.outcome !== "applied" || inB.outcome !== "applied") throw new Error("expected leads");
    const created = (await deliveries(a.tenantId, "contact.created")).filter((d) => d.contactId === inA.contactId);
    expect(created).toHaveLength(1);
    expect((created[0]!.payload as { data: { contact: Record<string, unknown> } }).data.contact).toMatchObject({
      id: inA.contactId,
      firstName: "Oda",
      email: "oda@example.com",
    });
    // No endpoint of A chose lead.created; B's endpoints chose none of the event's types.
    expect(await deliveries(a.tenantId, "lead.created")).toHaveLength(0);
    expect(await db.webhookDelivery.count({ where: { tenantId: b.tenantId, contactId: inB.contactId } })).toBe(0);
  });
});
