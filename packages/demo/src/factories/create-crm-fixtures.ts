// CRM rows for tests, with sensible defaults: `createContactFixture(db, { tenantId })`.
import crypto from "node:crypto";
import type { Db } from "@real-estate/db";
import type { Prisma } from "@real-estate/db";

type ContactOverrides = Partial<Omit<Prisma.ContactCreateManyInput, "tenantId">>;
type LeadOverrides = Partial<Omit<Prisma.LeadCreateManyInput, "tenantId" | "contactId">>;

/** A contact with a unique @example.com email and a 555 phone number. */
export async function createContactFixture(db: Db, options: { tenantId: string } & ContactOverrides) {
  const { tenantId, ...overrides } = options;
  const tag = crypto.randomBytes(4).toString("hex");
  return db.contact.create({
    data: {
      tenantId,
      firstName: "Casey",
      lastName: "Example",
      email: `casey.${tag}@example.com`,
      phone: `+120355501${String(parseInt(tag.slice(0, 2), 16) % 100).padStart(2, "0")}`,
      source: "manual",
      ...overrides,
    },
  });
}

/** A NEW lead for a contact (one is created when `contactId` is not given). */
export async function createLeadFixture(db: Db, options: { tenantId: string; contactId?: string } & LeadOverrides) {
  const { tenantId, contactId, ...overrides } = options;
  const contact = contactId ?? (await createContactFixture(db, { tenantId })).id;
  return db.lead.create({ data: { tenantId, contactId: contact, status: "NEW", source: "website_contact", ...overrides } });
}

/** A NOTE activity on a contact's timeline. */
