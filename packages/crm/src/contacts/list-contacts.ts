import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { contactSelect, type ContactRow, type Keyset, type Page } from "../shared/crm-selects";
import { contactSearchWhere } from "./contact-search";
import { keysetWhere, toPage } from "../shared/keyset";

export type ContactListRow = ContactRow & { _count: { leads: number } };

/** One page of the tenant's contacts, newest first, optionally searched (default 50 per page). */
export async function listContacts(options: { tenantId: string; q?: string; cursor?: Keyset; limit?: number; db?: Db }): Promise<Page<ContactListRow>> {
  const db = options.db ?? getDb();
  const limit = options.limit ?? 50;
  const search = contactSearchWhere(options.q);
  const rows = await db.contact.findMany({
    where: { AND: [{ tenantId: options.tenantId, mergedIntoId: null }, search ?? {}, keysetWhere("createdAt", "desc", options.cursor)] },
    select: { ...contactSelect, _count: { select: { leads: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  return toPage(rows, limit, (row) => row.createdAt);
}
