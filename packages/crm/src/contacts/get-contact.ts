import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { contactSelect, leadListSelect } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";

/** A contact with its leads (newest first); null when missing or another tenant's. A merged-away contact names its survivor (mergedIntoId). */
export async function getContact(options: { tenantId: string; contactId: string; db?: Db }) {
  const db = options.db ?? getDb();
  if (!isUuid(options.contactId)) return null;
  return db.contact.findUnique({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.contactId } },
    select: { ...contactSelect, mergedIntoId: true, leads: { select: leadListSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] } },
  });
}

export type ContactDetailRow = NonNullable<Awaited<ReturnType<typeof getContact>>>;
