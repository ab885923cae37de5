import { beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { LastOwnerError, listMemberships, removeMembership, updateMembershipRole, unsafeListMembershipsOfUser } from "../src/memberships";
import { acceptInvitation, createInvitation, getInvitationByToken, listPendingInvitations, revokeInvitation } from "../src/invitations";
import { createApiKey, listApiKeys, revokeApiKey, updateApiKey, VERIFIED_API_KEY_TTL_MS, verifyApiKey } from "../src/api-keys";
import { createCrmTenant, createUser, seedLead, type CrmTenant } from "./support/crm-fixtures";

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
    const { invitation, token } = await createInvitation({
      tenantId: a.tenantId,
      email: " New.Agent@Example.com ",
      role: "AGENT",
      invitedByUserId: a.ownerUserId,
    });
    expect(invitation.email).toBe("new.agent@example.com");
    const stored = await db.tenantInvitation.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenantId, id: invitation.id } } });
    expect(stored.tokenHash).not.toContain(token);
    expect((await getInvitationByToken({ tenantId: a.tenantId, token }))?.state).toBe("pending");
    expect(await getInvitationByToken({ tenantId: b.tenantId, token })).toBeNull();
    expect((await listPendingInvitations({ tenantId: a.tenantId })).map((i) => i.id)).toEqual([invitation.id]);

    const userId = await createUser(db, "Invitee");
    expect(await acceptInvitation({ tenantId: a.tenantId, token, userId, userEmail: "someone.else@example.com" })).toEqual({
      ok: false,
      reason: "email_mismatch",
    });
    expect(await acceptInvitation({ tenantId: b.tenantId, token, userId, userEmail: "new.agent@example.com" })).toEqual({ ok: false, reason: "not_found" });
    const ok = await acceptInvitation({ tenantId: a.tenantId, token, userId, userEmail: "NEW.AGENT@example.com" });
    expect(ok).toMatchObject({ ok: true, membership: { role: "AGENT", userId } });
    expect(await acceptInvitation({ tenantId: a.tenantId, token, userId, userEmail: "new.agent@example.com" })).toEqual({ ok: false, reason: "accepted" });
    expect((await unsafeListMembershipsOfUser({ userId })).map((m) => m.tenant.slug)).toEqual(["team-a"]);
  });

  it("puts the link on the tenant's CRM domain the request came in on, with the platform's scheme and port: never the Host's port or another tenant's host", async () => {
    const { db } = testDb();
    const c = await createTenantFixture(db, { slug: "team-c", crmHosts: ["crm.team-c.test", "office.team-c.test"] });
    const owner = await createUser(db, "team-c Owner");
    await db.tenantMembership.create({ data: { tenantId: c.tenantId, userId: owner, role: "OWNER" } });
    const invite = (email: string, crmHost: string) => createInvitation({ tenantId: c.tenantId, email, role: "AGENT", invitedByUserId: owner, crmHost });
    // The second CRM domain, asked with a port the platform does not serve on.
    const viaOffice = await invite("office.invitee@example.com", "Office.Team-C.test:6666");
    expect(viaOffice.acceptUrl).toBe(`http://office.team-c.test:3001/accept-invitation?token=${viaOffice.token}`);
    const mailed = await db.emailMessage.findFirstOrThrow({ where: { id: viaOffice.emailId } });
    expect(mailed.text).toContain(viaOffice.acceptUrl);
    expect(mailed.text).not.toContain("6666");
    // A host that is not this tenant's CRM domain (another tenant's): the primary one.
    const viaOther = await invite("other.invitee@example.com", "crm.team-a.test:6666");
    expect(viaOther.acceptUrl).toBe(`http://crm.team-c.test:3001/accept-invitation?token=${viaOther.token}`);
  });

  it("e-mails the invitation through the outbox in the same transaction, branded by its tenant", async () => {
    const { db } = testDb();
    const r = await createInvitation({
      tenantId: a.tenantId,
      email: "mailed.agent@example.com",
      role: "AGENT",
      invitedByUserId: a.ownerUserId,
      crmHost: "crm.team-a.test",
    });
    expect(r.acceptUrl).toBe(`http://crm.team-a.test:3001/accept-invitation?token=${r.token}`);
    const messages = await db.emailMessage.findMany({ where: { toAddress: "mailed.agent@example.com" } });
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).toMatchObject({ tenantId: a.tenantId, id: r.emailId, template: "invitation", category: "transactional", status: "QUEUED" });
    expect(message!.fromAddress).toMatch(/^team-a@/);
    expect(message!.text).toContain(r.acceptUrl);
    expect(message!.html).toContain(r.acceptUrl.replace(/&/g, "&amp;"));
    expect(message!.subject).toContain("CRM");
    const job = await db.ingestionJob.findFirst({ where: { tenantId: a.tenantId, kind: "email.deliver", payload: { path: ["emailId"], equals: r.emailId } } });
    expect(job?.status).toBe("PENDING");
    // The other tenant's outbox holds nothing of it.
    expect(await db.emailMessage.count({ where: { tenantId: b.tenantId, toAddress: "mailed.agent@example.com" } })).toBe(0);
    const other = await createInvitation({ tenantId: b.tenantId, email: "mailed.agent@example.com", role: "OWNER", invitedByUserId: b.ownerUserId });
    const mine = await db.emailMessage.findFirstOrThrow({ where: { tenantId: b.tenantId, toAddress: "mailed.agent@example.com" } });
    expect(mine.id).toBe(other.emailId);
    expect(mine.fromAddress).toMatch(/^team-b@/);
    expect(mine.text).toContain(other.token);
    expect(mine.text).not.toContain(r.token);
  });

  it("names the inviter by their member profile in the inviting tenant, else by their account's name", async () => {
    const { db } = testDb();
    const c = await createCrmTenant(db, "team-names-c");
    const d = await createCrmTenant(db, "team-names-d");
    // One person in both brokerages, with a profile name in c only.
    const both = await createUser(db, "Morgan Account");
    await db.tenantMembership.create({ data: { tenantId: c.tenantId, userId: both, role: "OWNER", displayName: "Morgan Lee" } });
    await db.tenantMembership.create({ data: { tenantId: d.tenantId, userId: both, role: "OWNER" } });
    const inC = await createInvitation({ tenantId: c.tenantId, email: "named.c@example.com", role: "AGENT", invitedByUserId: both });
    const inD = await createInvitation({ tenantId: d.tenantId, email: "named.d@example.com", role: "AGENT", invitedByUserId: both });
    const mailC = await db.emailMessage.findFirstOrThrow({ where: { tenantId: c.tenantId, id: inC.emailId } });
    const mailD = await db.emailMessage.findFirstOrThrow({ where: { tenantId: d.tenantId, id: inD.emailId } });
    expect(mailC.text).toContain("Morgan Lee invited you");
    expect(mailC.text).not.toContain("Morgan Account");
    expect(mailD.text).toContain("Morgan Account invited you");
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
    await expect(
      updateMembershipRole({ tenantId: a.tenantId, membershipId: a.ownerMembershipId, role: "AGENT", actorUserId: a.ownerUserId }),
    ).rejects.toBeInstanceOf(LastOwnerError);
    await expect(removeMembership({ tenantId: a.tenantId, membershipId: a.ownerMembershipId, actorUserId: a.ownerUserId })).rejects.toBeInstanceOf(
      LastOwnerError,
    );
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

  it("a key verified on a request path is not read again for a few seconds: revoked or edited here it applies at once, elsewhere within the bound", async () => {
    const { db } = testDb();
    const maxAgeMs = VERIFIED_API_KEY_TTL_MS;
    const { apiKey, key } = await createApiKey({ tenantId: a.tenantId, name: "cached", createdByUserId: a.ownerUserId, rateLimitPerMinute: 600 });
    expect((await verifyApiKey({ tenantId: a.tenantId, key, maxAgeMs }))?.rateLimitPerMinute).toBe(600);
    // Remembered per tenant: the same secret is still nothing on another tenant.
    expect(await verifyApiKey({ tenantId: b.tenantId, key, maxAgeMs })).toBeNull();
    // Changed behind this process's back (another instance): the remembered row answers until it is too old.
    await db.apiKey.update({ where: { tenantId_id: { tenantId: a.tenantId, id: apiKey.id } }, data: { rateLimitPerMinute: 300 } });
    expect((await verifyApiKey({ tenantId: a.tenantId, key, maxAgeMs }))?.rateLimitPerMinute).toBe(600);
    expect((await verifyApiKey({ tenantId: a.tenantId, key }))?.rateLimitPerMinute).toBe(300);
    // Edited through this process: its next request reads the new limit.
    expect((await updateApiKey({ tenantId: a.tenantId, apiKeyId: apiKey.id, change: { rateLimitPerMinute: 60 }, actorUserId: a.ownerUserId })).ok).toBe(true);
    expect((await verifyApiKey({ tenantId: a.tenantId, key, maxAgeMs }))?.rateLimitPerMinute).toBe(60);
    // Revoked by another instance: refused here once the remembered verification is older than the bound.
    await db.apiKey.update({ where: { tenantId_id: { tenantId: a.tenantId, id: apiKey.id } }, data: { revokedAt: new Date() } });
    expect((await verifyApiKey({ tenantId: a.tenantId, key, maxAgeMs }))?.id).toBe(apiKey.id);
    const revokedAt = Date.now();
    // No request asked later than the bound after the revocation is answered with the key.
    let lastAcceptedAfterMs = 0;
    let refused = false;
    while (!refused && Date.now() - revokedAt < maxAgeMs + 10_000) {
      const askedAfterMs = Date.now() - revokedAt;
      if ((await verifyApiKey({ tenantId: a.tenantId, key, maxAgeMs })) === null) refused = true;
      else lastAcceptedAfterMs = askedAfterMs;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refused).toBe(true);
    expect(lastAcceptedAfterMs).toBeLessThan(maxAgeMs);

    // Revoked through this process: refused on its very next request.
    const second = await createApiKey({ tenantId: a.tenantId, name: "cached 2", createdByUserId: a.ownerUserId });
    expect((await verifyApiKey({ tenantId: a.tenantId, key: second.key, maxAgeMs }))?.id).toBe(second.apiKey.id);
    expect(await revokeApiKey({ tenantId: a.tenantId, apiKeyId: second.apiKey.id, actorUserId: a.ownerUserId })).toBe(true);
    expect(await verifyApiKey({ tenantId: a.tenantId, key: second.key, maxAgeMs })).toBeNull();
  }, 30_000);
});
