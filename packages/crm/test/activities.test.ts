import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { getDashboardStats, listActivities, logActivity, updateLead } from "../src";
import { createCrmTenant, seedLead, type CrmTenant } from "./support/crm-fixtures";

const testDb = useTestDatabase("crmacts");
const now = new Date("2026-11-20T15:00:00Z"); // 10:00 in New York
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe("CRM activities and dashboard (two tenants)", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  let leadA: { leadId: string; contactId: string };
  let leadB: { leadId: string; contactId: string };

  beforeAll(async () => {
    const { db } = testDb();
    a = await createCrmTenant(db, "acts-a");
    b = await createCrmTenant(db, "acts-b");
    leadA = await seedLead(db, a.tenantId, { first: "Lia", email: "lia@example.com", createdAt: hoursAgo(2), source: "valuation" });
    leadB = await seedLead(db, b.tenantId, { first: "Bo", email: "bo@example.com", createdAt: hoursAgo(2) });
  });

  it("logs notes and calls on a lead; the first call stamps first contact", async () => {
    const { db } = testDb();
    const note = await logActivity({ tenantId: a.tenantId, type: "NOTE", leadId: leadA.leadId, body: "Wants a 3-bed", actor: { userId: a.agentUserId } });
    expect(note).toMatchObject({
      ok: true,
      activity: { type: "NOTE", title: "Note", body: "Wants a 3-bed", contactId: leadA.contactId, actorName: "acts-a Agent" },
    });
    let lead = await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: leadA.leadId } } });
    expect(lead.firstContactedAt).toBeNull();
    const callAt = hoursAgo(1);
    const call = await logActivity({
      tenantId: a.tenantId,
      type: "CALL",
      leadId: leadA.leadId,
      body: "Left voicemail",
      occurredAt: callAt,
      actor: { userId: a.agentUserId },
    });
    expect(call.ok).toBe(true);
    lead = await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: leadA.leadId } } });
    expect(lead.firstContactedAt?.toISOString()).toBe(callAt.toISOString());
    const onContact = await logActivity({ tenantId: a.tenantId, type: "MEETING", contactId: leadA.contactId, actor: { userId: a.ownerUserId } });
    expect(onContact).toMatchObject({ ok: true, activity: { leadId: null, title: "Meeting logged" } });
  });

  it("refuses other tenants' leads and contacts, and mismatched pairs", async () => {
    const { db } = testDb();
    const before = await db.activity.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } });
    expect(await logActivity({ tenantId: a.tenantId, type: "NOTE", leadId: leadB.leadId, body: "x", actor: { userId: a.agentUserId } })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await logActivity({ tenantId: a.tenantId, type: "NOTE", contactId: leadB.contactId, body: "x", actor: { userId: a.agentUserId } })).toEqual({
      ok: false,
      error: "not_found",
    });
    const other = await seedLead(db, a.tenantId, { first: "Zed", createdAt: hoursAgo(30) });
    expect(
      await logActivity({ tenantId: a.tenantId, type: "NOTE", leadId: leadA.leadId, contactId: other.contactId, actor: { userId: a.agentUserId } }),
    ).toEqual({
      ok: false,
      error: "lead_contact_mismatch",
    });
    expect(await db.activity.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } })).toBe(before);
  });

  it("lists activities newest first with filters, never another tenant's", async () => {
    await logActivity({ tenantId: b.tenantId, type: "NOTE", leadId: leadB.leadId, body: "B only", actor: { userId: b.agentUserId } });
    const all = await listActivities({ tenantId: a.tenantId });
    expect(all.items.length).toBe(3);
    expect(all.items.some((x) => x.body === "B only")).toBe(false);
    const times = all.items.map((x) => x.occurredAt.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect((await listActivities({ tenantId: a.tenantId, leadId: leadA.leadId })).items).toHaveLength(2);
    expect((await listActivities({ tenantId: a.tenantId, types: ["CALL"] })).items.map((x) => x.body)).toEqual(["Left voicemail"]);
    expect((await listActivities({ tenantId: a.tenantId, leadId: leadB.leadId })).items).toHaveLength(0);
    const paged = await listActivities({ tenantId: a.tenantId, limit: 2 });
    expect(paged.nextCursor).not.toBeNull();
    const rest = await listActivities({ tenantId: a.tenantId, limit: 2, cursor: paged.nextCursor! });
    expect(rest.items.map((x) => x.id)).toEqual([all.items[2]!.id]);
  });

  it("computes dashboard numbers for the tenant only", async () => {
    const { db } = testDb();
    await seedLead(db, a.tenantId, { first: "Old", createdAt: hoursAgo(24 * 10), source: "website_contact" });
    await seedLead(db, a.tenantId, { first: "Ancient", createdAt: hoursAgo(24 * 40), status: "WON" });
    await seedLead(db, a.tenantId, { first: "Yesterday", createdAt: hoursAgo(20), source: "valuation" });
    const moved = await seedLead(db, a.tenantId, { first: "Moved", createdAt: hoursAgo(5) });
    await updateLead({ tenantId: a.tenantId, leadId: moved.leadId, change: { status: "CONTACTED" }, actor: { userId: a.ownerUserId } });
    const stats = await getDashboardStats({ tenantId: a.tenantId, now, timeZone: "America/New_York" });
    // Today (since midnight New York = 05:00Z): Lia (2h ago) and Moved (5h ago); Zed was 30h ago.
    expect(stats.newLeads).toEqual({ today: 2, last7Days: 4, last30Days: 5 });
    expect(stats.bounds.today.toISOString()).toBe("2026-11-20T05:00:00.000Z");
    const byStatus = Object.fromEntries(stats.byStatus.map((s) => [s.status, s.count]));
    expect(byStatus).toEqual({ NEW: 4, CONTACTED: 1, WON: 1 });
    expect(stats.bySource[0]).toEqual({ source: "website_contact", count: 3 });
    expect(stats.bySource.find((s) => s.source === "valuation")?.count).toBe(2);
    expect(stats.speedToFirstContact.contacted).toBe(2);
    expect(stats.speedToFirstContact.awaiting).toBe(3);
    expect(stats.speedToFirstContact.medianSeconds).toBeGreaterThan(0);
    expect(stats.recentActivities.every((x) => x.contactId)).toBe(true);
    const bStats = await getDashboardStats({ tenantId: b.tenantId, now });
    expect(bStats.newLeads.last30Days).toBe(1);
  });
});
