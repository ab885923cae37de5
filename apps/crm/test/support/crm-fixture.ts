// Two brokerages with an owner and an agent each, plus a few leads, for the CRM's route and
// browser tests. Users are made the way the demo seed makes them (better-auth's scrypt hash),
// so sign-in goes through the real auth code.
import crypto from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "@real-estate/db";
import { createTenantFixture } from "@real-estate/db/testing";

export const PASSWORD = "test-pass-1234";

export type FixtureUser = { userId: string; email: string; membershipId: string };
export type FixtureTenant = {
  tenantId: string;
  slug: string;
  name: string;
  crmHost: string;
  owner: FixtureUser;
  agent: FixtureUser;
  leadIds: string[];
  contactIds: string[];
};

let hashed: Promise<string> | undefined;

export async function createUserWithPassword(db: Db, email: string, name: string): Promise<string> {
  const userId = crypto.randomUUID();
  await db.user.create({ data: { id: userId, email, name, emailVerified: true } });
  await db.account.create({
    data: { id: crypto.randomUUID(), userId, accountId: userId, providerId: "credential", password: await (hashed ??= hashPassword(PASSWORD)) },
  });
  return userId;
}

async function member(db: Db, tenantId: string, slug: string, role: "OWNER" | "AGENT"): Promise<FixtureUser> {
  const email = `${role.toLowerCase()}@${slug}.example`;
  const userId = await createUserWithPassword(db, email, `${slug[0]!.toUpperCase()}${slug.slice(1)} ${role === "OWNER" ? "Owner" : "Agent"}`);
  const m = await db.tenantMembership.create({ data: { tenantId, userId, role } });
  return { userId, email, membershipId: m.id };
}

export async function createCrmFixtureTenant(
  db: Db,
  options: {
    slug: string;
    name: string;
    crmHosts: string[];
    webHosts?: string[];
    people: { first: string; last: string; email: string; phone?: string; source?: string }[];
  },
): Promise<FixtureTenant> {
  const t = await createTenantFixture(db, { slug: options.slug, name: options.name, crmHosts: options.crmHosts, webHosts: options.webHosts });
  const owner = await member(db, t.tenantId, options.slug, "OWNER");
  const agent = await member(db, t.tenantId, options.slug, "AGENT");
  const leadIds: string[] = [];
  const contactIds: string[] = [];
  let minutes = options.people.length * 90;
  for (const p of options.people) {
    const createdAt = new Date(Date.now() - minutes-- * 60_000);
    const contact = await db.contact.create({
      data: {
        tenantId: t.tenantId,
        firstName: p.first,
        lastName: p.last,
        email: p.email,
        phone: p.phone ?? null,
        source: p.source ?? "website_contact",
        createdAt,
      },
    });
    const lead = await db.lead.create({
      data: {
        tenantId: t.tenantId,
        contactId: contact.id,
        source: p.source ?? "website_contact",
        createdAt,
        lastActivityAt: createdAt,
        message: `Sample message from ${p.first}`,
      },
    });
    await db.activity.create({
      data: {
        tenantId: t.tenantId,
        contactId: contact.id,
        leadId: lead.id,
        type: "WEBSITE_EVENT",
        title: "Contact form submitted on the website",
        body: `Sample message from ${p.first}`,
        occurredAt: createdAt,
      },
    });
    leadIds.push(lead.id);
    contactIds.push(contact.id);
  }
  return { tenantId: t.tenantId, slug: options.slug, name: options.name, crmHost: t.crmHost, owner, agent, leadIds, contactIds };
}
