import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../src/testing";
import { LastOwnerError, listMemberships, removeMembership, updateMembershipRole, unsafeListMembershipsOfUser } from "../src/memberships";
import { acceptInvitation, createInvitation, getInvitationByToken, listPendingInvitations, revokeInvitation } from "../src/invitations";
import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from "../src/api-keys";
import { createCrmTenant, createUser, seedLead, type CrmTenant } from "./crm-fixtures";

const testDb = useTestDatabase("crmteam");

describe("team: memberships, invitations, API keys (two tenants)", () => {
  let a: CrmTenant;
  let b: CrmTenant;
  beforeAll(async () => {
    const { db } = testDb();
    a = await createCrmTenant(db, "team-a");
    b = await createCrmTenant(db, "team-b");
  });

  it("invites by link: token works once, for the invited email, on its tenant only", async () => {
    const { db } = testDb();
    const { invitation, token } = await createInvitation({ tenantId: a.tenantId, email: " New.Agent@Example.com ", role: "AGENT", invitedByUserId: a.ownerUserId });
    expect(invitation.email).toBe("new.agent@example.com");
    const stored = await db.tenantInvitation.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: invitation.id } } });
    expect(stored.tokenHash).not.toContain(token);
    expect((await getInvitationByToken({ tenantId: a.tenantId, token }))?.state).toBe("pending");
    expect(await getInvitationByToken({ tenantId: b.tenantId, token })).toBeNull();
    expect((await listPendingInvitations({ tenantId: a.tenantId })).map((i) => i.id)).toEqual([invitation.id]);

    const userId = await createUser(db, "Invitee");
    expect(await acceptInvitation({ tenantId: a.tenantId, token, userId, userEmail: "someone.else@example.com" })).toEqual({ ok: false, reason: "email_mismatch" });
    expect(await acceptInvitation({ tenantId: b.tenantId, token, userId, userEmail: "new.agent@example.com" })).toEqual({ ok: false, reason: "not_found" });
    const ok = await acceptInvitation({ tenantId: a.tenantId, token, userId, userEmail: "NEW.AGENT@example.com" });
    expect(ok).toMatchObject({ ok: true, membership: { role: "AGENT", userId } });
    expect(await acceptInvitation({ tenantId: a.tenantId, token, userId, userEmail: "new.agent@example.com" })).toEqual({ ok: false, reason: "accepted" });
    expect((await unsafeListMembershipsOfUser({ userId })).map((m) => m.tenant.slug)).toEqual(["team-a"]);
  });

  it("revoked and expired invitations cannot be accepted", async () => {
    const { db } = testDb();
    const userId = await createUser(db, "Late");
    const r = await createInvitation({ tenantId: a.tenantId, email: "late@example.com", role: "AGENT", invitedByUserId: a.ownerUserId });
    expect(await revokeInvitation({ tenantId: b.tenantId, invitationId: r.invitation.id, actorUserId: b.ownerUserId })).toBe(false);
    expect(await revokeInvitation({ tenantId: a.tenantId, invitationId: r.invitation.id, actorUserId: a.ownerUserId })).toBe(true);
    expect(await acceptInvitation({ tenantId: a.tenantId, token: r.token, userId, userEmail: "late@example.com" })).toEqual({ ok: false, reason: "revoked" });
    const e = await createInvitation({ tenantId: a.tenantId, email: "late@example.com", role: "AGENT", invitedByUserId: a.ownerUserId, ttlDays: -1 });
    expect(await acceptInvitation({ tenantId: a.tenantId, token: e.token, userId, userEmail: "late@example.com" })).toEqual({ ok: false, reason: "expired" });
  });

  it("changes roles and removes members, never the last owner, never across tenants", async () => {
    const { db } = testDb();
    await expect(updateMembershipRole({ tenantId: a.tenantId, membershipId: a.ownerMembershipId, role: "AGENT", actorUserId: a.ownerUserId })).rejects.toBeInstanceOf(LastOwnerError);
    await expect(removeMembership({ tenantId: a.tenantId, membershipId: a.ownerMembershipId, actorUserId: a.ownerUserId })).rejects.toBeInstanceOf(LastOwnerError);
    expect(await updateMembershipRole({ tenantId: b.tenantId, membershipId: a.agentMembershipId, role: "OWNER", actorUserId: b.ownerUserId })).toBeNull();
    expect(await removeMembership({ tenantId: b.tenantId, membershipId: a.agentMembershipId, actorUserId: b.ownerUserId })).toBe(false);
    const promoted = await updateMembershipRole({ tenantId: a.tenantId, membershipId: a.agentMembershipId, role: "OWNER", actorUserId: a.ownerUserId });
    expect(promoted?.role).toBe("OWNER");
    const demoted = await updateMembershipRole({ tenantId: a.tenantId, membershipId: a.ownerMembershipId, role: "AGENT", actorUserId: a.agentUserId });
    expect(demoted?.role).toBe("AGENT");
    // Removing a member clears their lead assignments but keeps the leads.
    const { leadId } = await seedLead(db, a.tenantId, { first: "Kept", assignedMembershipId: a.ownerMembershipId });
    expect(await removeMembership({ tenantId: a.tenantId, membershipId: a.ownerMembershipId, actorUserId: a.agentUserId })).toBe(true);
    const lead = await db.lead.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: leadId } } });
    expect(lead.assignedMembershipId).toBeNull();
    expect((await listMemberships({ tenantId: a.tenantId })).map((m) => m.role)).toEqual(["OWNER", "AGENT"]);
    expect(await db.tenantAuditLog.count({ where: { tenantId: a.tenantId, action: { startsWith: "membership." } } })).toBe(3);
  });

  it("API keys: shown once, stored as sha256, work only on their tenant until revoked", async () => {
    const { db } = testDb();
    const { apiKey, key } = await createApiKey({ tenantId: a.tenantId, name: "Zapier", createdByUserId: a.ownerUserId });
    expect(key).toMatch(/^rek_[A-Za-z0-9_-]{43}$/);
    expect(apiKey.prefix).toBe(key.slice(0, 12));
    const row = await db.apiKey.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: apiKey.id } } });
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key);
    expect((await verifyApiKey({ tenantId: a.tenantId, key }))?.id).toBe(apiKey.id);
    expect(await verifyApiKey({ tenantId: b.tenantId, key })).toBeNull();
    expect(await verifyApiKey({ tenantId: a.tenantId, key: `${key}x` })).toBeNull();
    expect(await verifyApiKey({ tenantId: a.tenantId, key: "not-a-key" })).toBeNull();
    expect((await listApiKeys({ tenantId: a.tenantId }))[0]?.lastUsedAt).toBeInstanceOf(Date);
    expect(await listApiKeys({ tenantId: b.tenantId })).toEqual([]);
    expect(await revokeApiKey({ tenantId: b.tenantId, apiKeyId: apiKey.id, actorUserId: b.ownerUserId })).toBe(false);
    expect(await revokeApiKey({ tenantId: a.tenantId, apiKeyId: apiKey.id, actorUserId: a.ownerUserId })).toBe(true);
    expect(await verifyApiKey({ tenantId: a.tenantId, key })).toBeNull();
  });
});
