import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { contactSelect, type ContactRow } from "../shared/crm-selects";

export type DuplicateMatch = { contact: ContactRow; matchedOn: "email" | "phone" };

/**
 * An existing live contact of the tenant that holds this e-mail (lower-cased) or phone (E.164)
 * among all its e-mails and phones, e-mail first; `excludeContactId` skips the contact being edited.
 */
export async function findDuplicateContact(options: {
  tenantId: string;
  email?: string | null;
  phone?: string | null;
  excludeContactId?: string;
  db?: Db | DbTx;
}): Promise<DuplicateMatch | null> {
  const db = options.db ?? getDb();
  const { tenantId } = options;
  const not = options.excludeContactId ? { id: { not: options.excludeContactId } } : {};
  if (options.email) {
    const contact = await db.contact.findFirst({
      where: { tenantId, mergedIntoId: null, emails: { some: { tenantId, email: options.email } }, ...not },
      select: contactSelect,
    });
    if (contact) return { contact, matchedOn: "email" };
  }
  if (options.phone) {
    const contact = await db.contact.findFirst({
      where: { tenantId, mergedIntoId: null, phones: { some: { tenantId, phone: options.phone } }, ...not },
      select: contactSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    if (contact) return { contact, matchedOn: "phone" };
  }
  return null;
}
