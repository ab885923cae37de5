import type { LeadStatus } from "@real-estate/db";
import { Prisma } from "@real-estate/db";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { contactSummarySelect, isSnapshotPosition, leadListSelect, type LeadListRow, type ListCursor, type Page } from "../shared/crm-selects";
import { contactSearchWhere } from "../contacts/contact-search";
import { keysetWhere, toPage } from "../shared/keyset";
import { createListSnapshot, listKeyOf } from "../list-snapshots/create-list-snapshot";
import { ListSnapshotExpiredError, readListSnapshot } from "../list-snapshots/read-list-snapshot";

export const LEAD_SORTS = ["-createdAt", "createdAt", "-lastActivityAt", "lastActivityAt"] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

export type LeadFilters = {
  status?: LeadStatus[];
  source?: string[];
  /** Membership ids; the literal "unassigned" matches leads with no agent. */
  assignedTo?: string[];
  /** Words matched against the contact's name, email and phone. */
  q?: string;
  /** Inclusive lower bound on createdAt. */
  createdFrom?: Date;
  /** Exclusive upper bound on createdAt. */
  createdTo?: Date;
};

export function leadFilterWhere(tenantId: string, f: LeadFilters): Prisma.LeadWhereInput {
  const where: Prisma.LeadWhereInput = { tenantId };
  if (f.status?.length) where.status = { in: f.status };
  if (f.source?.length) where.source = { in: f.source };
  if (f.assignedTo?.length) {
    const ids = f.assignedTo.filter((a) => a !== "unassigned");
    const or: Prisma.LeadWhereInput[] = [];
    if (ids.length) or.push({ assignedMembershipId: { in: ids } });
    if (ids.length !== f.assignedTo.length) or.push({ assignedMembershipId: null });
    where.OR = or;
  }
  if (f.createdFrom || f.createdTo) where.createdAt = { ...(f.createdFrom && { gte: f.createdFrom }), ...(f.createdTo && { lt: f.createdTo }) };
  const search = contactSearchWhere(f.q);
  if (search) where.contact = search;
  return where;
}

/** `%word%` for LIKE, with the pattern characters of the word taken literally. */
const likeContains = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** leadFilterWhere as SQL over "Lead" l, for statements Prisma cannot build (the snapshot of a list). */
export function leadFilterSql(tenantId: string, f: LeadFilters): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`l."tenantId" = ${tenantId}::uuid`];
  if (f.status?.length) and.push(Prisma.sql`l.status::text = ANY(${f.status}::text[])`);
  if (f.source?.length) and.push(Prisma.sql`l.source = ANY(${f.source}::text[])`);
  if (f.assignedTo?.length) {
    const ids = f.assignedTo.filter((a) => a !== "unassigned");
    const or: Prisma.Sql[] = [];
    if (ids.length) or.push(Prisma.sql`l."assignedMembershipId" = ANY(${ids}::uuid[])`);
    if (ids.length !== f.assignedTo.length) or.push(Prisma.sql`l."assignedMembershipId" IS NULL`);
    and.push(Prisma.sql`(${Prisma.join(or, " OR ")})`);
  }
  if (f.createdFrom) and.push(Prisma.sql`l."createdAt" >= ${f.createdFrom}::timestamp(3)`);
  if (f.createdTo) and.push(Prisma.sql`l."createdAt" < ${f.createdTo}::timestamp(3)`);
  const words = (f.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 6);
  if (words.length) {
    const matches = words.map((word) => {
      const w = likeContains(word);
      const digits = word.replace(/\D/g, "");
      const or = [Prisma.sql`c."firstName" ILIKE ${w}`, Prisma.sql`c."lastName" ILIKE ${w}`, Prisma.sql`c.email ILIKE ${w}`];
      if (digits.length >= 3) or.push(Prisma.sql`c.phone LIKE ${likeContains(digits)}`);
      return Prisma.sql`(${Prisma.join(or, " OR ")})`;
    });
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Contact" c WHERE c."tenantId" = l."tenantId" AND c.id = l."contactId" AND ${Prisma.join(matches, " AND ")})`);
  }
  return Prisma.join(and, " AND ");
}

const { contact: _contact, ...listColumns } = leadListSelect;
const leadColumns = { ...listColumns, contactId: true } satisfies Prisma.LeadSelect;
type LeadColumns = Prisma.LeadGetPayload<{ select: typeof leadColumns }>;

/** Sorts whose key changes while leads are worked: their pages are read from a frozen order. */
const MUTABLE_SORT_FIELDS = new Set(["lastActivityAt"]);

/**
 * One page of the tenant's leads, filtered and sorted (default 50 per page).
 *
 * By creation time (which never changes) the pages are keyset-paginated on (createdAt, id). By
 * last activity, which changes whenever a lead is worked, a keyset would skip a lead that moved
 * from a later page to an earlier one and repeat one that moved the other way: so the first page
 * freezes the list's order (its ids, in a `ListSnapshot`, for an hour) and later pages read the
 * next ids from it, with the leads' current values. No lead that was in the list when paging
 * began is skipped or repeated; leads added since are not in it; deleted ones are left out.
 */
export async function listLeads(options: {
  tenantId: string;
  filters?: LeadFilters;
  sort?: LeadSort;
  cursor?: ListCursor;
  limit?: number;
  db?: Db;
}): Promise<Page<LeadListRow, ListCursor>> {
  const db = options.db ?? getDb();
  const { tenantId } = options;
  const limit = options.limit ?? 50;
  const sort = options.sort ?? "-createdAt";
  const direction: Prisma.SortOrder = sort.startsWith("-") ? "desc" : "asc";
  const field = sort.replace(/^-/, "") as "createdAt" | "lastActivityAt";
  const filterWhere = leadFilterWhere(tenantId, options.filters ?? {});
  const orderBy: Prisma.LeadOrderByWithRelationInput[] = [{ [field]: direction }, { id: direction }];
  const cursor = options.cursor;

  if (!MUTABLE_SORT_FIELDS.has(field)) {
    if (cursor && isSnapshotPosition(cursor)) throw new ListSnapshotExpiredError();
    const leads = await db.lead.findMany({
      where: { AND: [filterWhere, keysetWhere(field, direction, cursor)] },
      select: leadColumns,
      orderBy,
      take: limit + 1,
    });
    return toPage(await withContacts(db, tenantId, leads), limit, (row) => row[field]);
  }

  const listKey = listKeyOf("leads", sort, options.filters ?? {});
  if (cursor && !isSnapshotPosition(cursor)) throw new ListSnapshotExpiredError();
  if (cursor) {
    const { ids, next } = await readListSnapshot(db, tenantId, cursor, listKey, limit);
    return { items: await leadsByIds(db, tenantId, ids), nextCursor: next };
  }
  // A list that fits on one page needs no snapshot.
  const firstIds = (await db.lead.findMany({ where: filterWhere, select: { id: true }, orderBy, take: limit + 1 })).map((l) => l.id);
  if (firstIds.length <= limit) return { items: await leadsByIds(db, tenantId, firstIds), nextCursor: null };
  const sqlDirection = direction === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const snapshotId = await createListSnapshot(
    db,
    tenantId,
    listKey,
    Prisma.sql`SELECT l.id FROM "Lead" l WHERE ${leadFilterSql(tenantId, options.filters ?? {})} ORDER BY l."lastActivityAt" ${sqlDirection}, l.id ${sqlDirection}`,
  );
  // The first page too comes from the snapshot, so all pages are one consistent moment.
  const { ids, next } = await readListSnapshot(db, tenantId, { snapshotId, offset: 0 }, listKey, limit);
  return { items: await leadsByIds(db, tenantId, ids), nextCursor: next };
}

/** The leads with these ids, in this order; ids of leads deleted since are left out. */
async function leadsByIds(db: Db, tenantId: string, ids: string[]): Promise<LeadListRow[]> {
  if (!ids.length) return [];
  const rows = await db.lead.findMany({ where: { tenantId, id: { in: ids } }, select: leadColumns });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return withContacts(
    db,
    tenantId,
    ids.flatMap((id) => byId.get(id) ?? []),
  );
}

async function withContacts(db: Db, tenantId: string, leads: LeadColumns[]): Promise<LeadListRow[]> {
  // The contacts are loaded here rather than through the relation: Prisma's relation query
  // repeats the tenant once per lead ("tenantId" IN ($1, ..., $101) AND id IN (...)), which the
  // planner misjudges at 100 leads and answers with a sequential scan of every tenant's contacts
  // (measured: 70 ms at 500,000 contacts); with one tenantId it is a primary-key lookup.
  const contactIds = [...new Set(leads.map((l) => l.contactId))];
  const contacts = contactIds.length ? await db.contact.findMany({ where: { tenantId, id: { in: contactIds } }, select: contactSummarySelect }) : [];
  const byId = new Map(contacts.map((c) => [c.id, c]));
  return leads.map(({ contactId, ...lead }) => {
    const contact = byId.get(contactId);
    if (!contact) throw new Error(`listLeads: contact ${contactId} of lead ${lead.id} not found`);
    return { ...lead, contact };
  });
}
