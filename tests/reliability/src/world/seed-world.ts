// Two tenants whose records carry unique marker strings, so any response can be searched for
// data of the wrong tenant. Public markers are on what a tenant's website shows to anyone
// (site title, towns, listings); private markers on what only its members (CRM) or one visitor
// may see.
import crypto from "node:crypto";
import type { Db } from "@real-estate/db";
import { upsertNeighborhood, upsertTown } from "@real-estate/sites";
import { createListingFixture } from "@real-estate/demo";
import { createTenantFixture } from "@real-estate/db/testing";
import { createVisitor, createVisitorSession, saveSearch } from "@real-estate/sites";

export type TenantKey = "a" | "b" | "c" | "d";

export type SeededTenant = {
  key: TenantKey;
  tenantId: string;
  slug: string;
  webHost: string;
  crmHost: string;
  /** On public website content of this tenant. */
  publicMarker: string;
  /** On CRM records (contacts, leads, activities, dead letters, audit) of this tenant. */
  crmMarker: string;
  /** On the website visitor's own data (name, saved searches) of this tenant. */
  visitorMarker: string;
  /** Record ids by route parameter name (leadId, contactId, listingKey, town, ...). */
  ids: Record<string, string[]>;
  visitor: { id: string; email: string; password: string; cookie: string };
};

const hex = (n = 4) => crypto.randomBytes(n).toString("hex");

async function seedPublic(db: Db, tenantId: string, key: string, marker: string, ids: Record<string, string[]>) {
  await db.tenant.update({ where: { id: tenantId }, data: { name: `Realty ${key.toUpperCase()} ${marker}`, tagline: `Tagline ${marker}` } });
  await db.websiteConfig.update({
    where: { tenantId },
    data: { siteTitle: `Homes ${marker}`, heroHeadline: `Welcome ${marker}`, contactEmail: `office@${key}.example` },
  });
  const townSlug = `town-${key}-${hex(2)}`;
  await upsertTown({ db, tenantId, town: { slug: townSlug, name: `Town ${key.toUpperCase()} ${marker}`, state: "CT", summary: `About the town ${marker}` } });
  const hoodSlug = `hood-${key}-${hex(2)}`;
  await upsertNeighborhood({ db, tenantId, townSlug, neighborhood: { slug: hoodSlug, name: `Hood ${marker}`, summary: `About the neighbourhood ${marker}` } });
  const listingKeys: string[] = [];
  for (let i = 0; i < 3; i++) {
    const l = await createListingFixture(db, {
      tenantId,
      ListingKey: `LK${key.toUpperCase()}${hex(3)}${i}`,
      PublicRemarks: `Remarks ${marker}`,
      UnparsedAddress: `${i + 1} Marker Lane ${marker}`,
      townSlug,
      neighborhoodSlug: hoodSlug,
    });
    listingKeys.push(l.ListingKey);
  }
  Object.assign(ids, { town: [townSlug], neighborhood: [hoodSlug], listingKey: listingKeys, query: [`town-${townSlug}`] });
}

async function seedCrm(db: Db, tenantId: string, key: string, marker: string, ids: Record<string, string[]>) {
  const contact = await db.contact.create({
    data: {
      tenantId,
      firstName: `Con ${marker}`,
      lastName: marker,
      email: `${marker.toLowerCase()}@${key}.people.test`,
      phone: `+1203555${key === "a" ? "0101" : "0202"}`,
      source: "manual",
      notes: `Notes ${marker}`,
    },
  });
  const lead = await db.lead.create({ data: { tenantId, contactId: contact.id, source: "website_contact", message: `Message ${marker}` } });
  const activity = await db.activity.create({
    data: { tenantId, contactId: contact.id, leadId: lead.id, type: "NOTE", title: `Note ${marker}`, body: `Body ${marker}` },
  });
  const job = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, status, attempts, "lastError", "deadLetteredAt", "updatedAt")
    VALUES (${tenantId}::uuid, ${`dead-${key}-${hex()}`}, 'lead.submitted', ${JSON.stringify({ marker, contact: { email: contact.email } })}::jsonb, 'DEAD_LETTERED', 6, ${`failed ${marker}`}, now(), now())
    RETURNING id`;
  const audit = await db.tenantAuditLog.create({ data: { tenantId, action: "test.planted", entityType: "Contact", entityId: contact.id, detail: { marker } } });
  const invitation = await db.tenantInvitation.create({
    data: {
      tenantId,
      email: `invitee.${marker.toLowerCase()}@${key}.example`,
      role: "AGENT",
      tokenHash: hex(16),
      invitedByUserId: "seed",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const apiKey = await db.apiKey.create({ data: { tenantId, name: `Key ${marker}`, prefix: `re_${hex(2)}`, keyHash: hex(16), createdByUserId: "seed" } });
  Object.assign(ids, {
    contactId: [contact.id],
    leadId: [lead.id],
    activityId: [activity.id],
    jobId: [job[0]!.id.toString()],
    deadLetterId: [job[0]!.id.toString()],
    auditId: [audit.id],
    invitationId: [invitation.id],
    apiKeyId: [apiKey.id],
  });
}

async function seedVisitor(db: Db, tenantId: string, key: string, marker: string, ids: Record<string, string[]>) {
  const email = `visitor.${key}.${hex(2)}@people.test`;
  const password = `pw-${hex(6)}`;
  const created = await createVisitor({ db, tenantId, email, password, name: `Visitor ${marker}`, phone: `+1203555${key === "a" ? "0303" : "0404"}` });
  if (!created.ok) throw new Error("seed visitor: email taken");
  const session = await createVisitorSession({ db, tenantId, visitorId: created.visitor.id });
  const saved = await saveSearch({ db, tenantId, visitorId: created.visitor.id, name: `Search ${marker}`, query: { town: ids.town?.[0] } });
  if (!saved.ok) throw new Error(`seed saved search: ${JSON.stringify(saved)}`);
  Object.assign(ids, { visitorId: [created.visitor.id], savedSearchId: [saved.id] });
  return { id: created.visitor.id, email, password, cookie: `visitor_session=${encodeURIComponent(session.token)}; visitor_signed_in=1` };
}

const SLUGS: Record<TenantKey, string> = { a: "alpha", b: "beta", c: "gamma", d: "delta" };

export async function seedTenant(db: Db, key: TenantKey): Promise<SeededTenant> {
  const slug = SLUGS[key];
  const fixture = await createTenantFixture(db, { slug, webHosts: [`${slug}.test`, `www.${slug}.test`], crmHosts: [`crm.${slug}.test`] });
  const tag = hex(3).toUpperCase();
  const publicMarker = `PUBMK${key.toUpperCase()}${tag}`;
  const crmMarker = `CRMMK${key.toUpperCase()}${tag}`;
  const visitorMarker = `VISMK${key.toUpperCase()}${tag}`;
  const domains = await db.tenantDomain.findMany({ where: { tenantId: fixture.tenantId }, select: { id: true } });
  const ids: Record<string, string[]> = { tenantId: [fixture.tenantId], domainId: domains.map((d) => d.id) };
  await seedPublic(db, fixture.tenantId, key, publicMarker, ids);
  await seedCrm(db, fixture.tenantId, key, crmMarker, ids);
  const visitor = await seedVisitor(db, fixture.tenantId, key, visitorMarker, ids);
  return { key, tenantId: fixture.tenantId, slug, webHost: fixture.webHost, crmHost: fixture.crmHost, publicMarker, crmMarker, visitorMarker, ids, visitor };
}

export type World = { a: SeededTenant; b: SeededTenant };

export async function seedWorld(db: Db): Promise<World> {
  return { a: await seedTenant(db, "a"), b: await seedTenant(db, "b") };
}
