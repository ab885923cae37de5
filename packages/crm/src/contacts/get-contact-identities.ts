import { Prisma } from "@real-estate/db";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { isUuid } from "../shared/is-uuid";
import { listContactIdentities } from "./contact-identities";

/**
 * A live contact's version with every e-mail and phone it holds (primary first), read from one
 * snapshot so the version is the one those rows belong to (what an If-Match on the next edit
 * must name). Null when missing, another tenant's, or merged into another contact.
 */
export async function getContactIdentities(options: { tenantId: string; contactId: string; db?: Db }) {
  const db = options.db ?? getDb();
  const { tenantId, contactId } = options;
  if (!isUuid(contactId)) return null;
  return db.$transaction(
    async (tx) => {
      const contact = await tx.contact.findUnique({ where: { tenantId_id: { tenantId, id: contactId } }, select: { version: true, mergedIntoId: true } });
      if (!contact || contact.mergedIntoId) return null;
      const { emails, phones } = await listContactIdentities({ tenantId, contactId, db: tx });
      return { contactId, version: contact.version, emails, phones };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
}

export type ContactIdentitiesRow = NonNullable<Awaited<ReturnType<typeof getContactIdentities>>>;
