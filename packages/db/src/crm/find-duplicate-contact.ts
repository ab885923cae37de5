import type { Db, DbTx } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { contactSelect, type ContactRow } from "./crm-selects";

export type DuplicateMatch = { contact: ContactRow; matchedOn: "email" | "phone" };

/**
 * An existing contact of the tenant with the same email (lower-cased) or phone (E.164),
 * email first; `excludeContactId` skips the contact being edited.
 */
export async function findDuplicateContact(options: {
  tenantId: string;
  email?: string | null;
  phone?: string | null;
  excludeContactId?: string;
  db?: Db | DbTx;
}): Promise<DuplicateMatch | null> {
  const db = options.db ?? getDb();
  const not = options.excludeContactId ? { id: { not: options.excludeContactId } } : {};
  if (options.email) {
    const contact = await db.contact.findFirst({ where: { tenantId: options.tenantId, email: options.email, ...not }, select: contactSelect });
    if (contact) return { contact, matchedOn: "email" };
  }
  if (options.phone) {
    const contact = await db.contact.findFirst({
      where: { tenantId: options.tenantId, phone: options.phone, ...not },
      select: contactSelect,
      orderBy: { createdAt: "asc" },
    });
    if (contact) return { contact, matchedOn: "phone" };
  }
  return null;
}
