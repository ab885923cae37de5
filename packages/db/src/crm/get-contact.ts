import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";
import { contactSelect, leadListSelect } from "./crm-selects";
import { isUuid } from "./is-uuid";

/** A contact with its leads (newest first); null when missing or another tenant's. */
export async function getContact(options: { tenantId: string; contactId: string; db?: Db }) {
  const db = options.db ?? getDb();
  if (!isUuid(options.contactId)) return null;
  return db.contact.findUnique({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.contactId } },
    select: { ...contactSelect, leads: { select: leadListSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] } },
  });
}

export type ContactDetailRow = NonNullable<Awaited<ReturnType<typeof getContact>>>;
