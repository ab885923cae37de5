import type { LeadStatus } from "@real-estate/db";
import { Prisma } from "@real-estate/db";
import type { Db } from "@real-estate/db";
import { getDb, pgPoolOf } from "@real-estate/db";
import { contactSummarySelect, isSnapshotPosition, leadListSelect, type LeadListRow, type ListCursor, type Page } from "../shared/crm-selects";
import { contactSearchWhere } from "../contacts/contact-search";
import { toPage } from "../shared/keyset";
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
  // Compared as the enum, not as text: the (tenantId, status, createdAt, id) index serves it.
  if (f.status?.length) and.push(Prisma.sql`l.status = ANY(${f.status}::"LeadStatus"[])`);
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
  const cursor = options.cursor;

  if (!MUTABLE_SORT_FIELDS.has(field)) {
    if (cursor && isSnapshotPosition(cursor)) throw new ListSnapshotExpiredError();
    const rows = await keysetPage(db, tenantId, options.filters ?? {}, direction, cursor, limit + 1);
    return toPage(rows, limit, (row) => row[field]);
  }

  const listKey = listKeyOf("leads", sort, options.filters ?? {});
  if (cursor && !isSnapshotPosition(cursor)) throw new ListSnapshotExpiredError();
  if (cursor) {
    const { ids, next } = await readListSnapshot(db, tenantId, cursor, listKey, limit);
    return { items: await leadsByIds(db, tenantId, ids), nextCursor: next };
  }
  const filterWhere = leadFilterWhere(tenantId, options.filters ?? {});
  const orderBy: Prisma.LeadOrderByWithRelationInput[] = [{ [field]: direction }, { id: direction }];
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

/** A keyset page's row: the lead with its contact's and its assignee's columns side by side. */
type KeysetRow = {
  id: string;
  status: LeadStatus;
  source: string;
  listingKey: string | null;
  assignedMembershipId: string | null;
  firstContactedAt: Date | string | null;
  lastActivityAt: Date | string;
  createdAt: Date | string;
  contactId: string;
  contactFirstName: string | null;
  contactLastName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactPhoneExtension: string | null;
  assigneeRole: NonNullable<LeadListRow["assignedTo"]>["role"] | null;
  assigneeUserId: string | null;
  assigneeName: string | null;
  assigneeEmail: string | null;
};

/** Prisma's raw results may carry timestamps as strings; node-postgres's parser gives Dates. */
const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/**
 * One page of a list sorted by creation time: the leads after `cursor` with their contacts and
 * assignees, in one statement. This is the CRM API's most frequent read: through Prisma it was four
 * statements (the leads, the assignees' memberships, their users, the contacts) and Prisma's query
 * building and result mapping for each, which cost more server time per request than the rows
 * themselves (decision 0063). On the app's own client it runs on node-postgres (pgPoolOf); on any
 * other client (a transaction, a recording client) as the same statement through Prisma.
 */
async function keysetPage(
  db: Db,
  tenantId: string,
  filters: LeadFilters,
  direction: Prisma.SortOrder,
  cursor: ListCursor | undefined,
  take: number,
): Promise<LeadListRow[]> {
  const and = [leadFilterSql(tenantId, filters)];
  if (cursor && !isSnapshotPosition(cursor)) {
    // As keysetWhere: the leading bound lets the (tenantId, createdAt, id) index start at the cursor.
    const at = Prisma.sql`${cursor.value}::timestamp(3)`;
    const id = Prisma.sql`${cursor.id}::uuid`;
    and.push(
      direction === "desc"
        ? Prisma.sql`l."createdAt" <= ${at} AND (l."createdAt" < ${at} OR (l."createdAt" = ${at} AND l.id < ${id}))`
        : Prisma.sql`l."createdAt" >= ${at} AND (l."createdAt" > ${at} OR (l."createdAt" = ${at} AND l.id > ${id}))`,
    );
  }
  const order = direction === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const statement = Prisma.sql`
    SELECT l.id, l.status, l.source, l."listingKey", l."assignedMembershipId", l."firstContactedAt", l."lastActivityAt", l."createdAt",
           c.id AS "contactId", c."firstName" AS "contactFirstName", c."lastName" AS "contactLastName", c.email AS "contactEmail",
           c.phone AS "contactPhone", c."phoneExtension" AS "contactPhoneExtension",
           m.role AS "assigneeRole", u.id AS "assigneeUserId", u.name AS "assigneeName", u.email AS "assigneeEmail"
      FROM "Lead" l
      JOIN "Contact" c ON c."tenantId" = l."tenantId" AND c.id = l."contactId"
      LEFT JOIN "TenantMembership" m ON m."tenantId" = l."tenantId" AND m.id = l."assignedMembershipId"
      LEFT JOIN "user" u ON u.id = m."userId"
     WHERE ${Prisma.join(and, " AND ")}
     ORDER BY l."createdAt" ${order}, l.id ${order}
     LIMIT ${take}`;
  const pool = pgPoolOf(db);
  // Dates as ISO text: node-postgres would send a Date in the process's time zone, and the
  // columns are UTC without a zone (the ::timestamp(3) casts read the text's UTC wall time).
  const rows = pool
    ? (
        await pool.query<KeysetRow>(
          statement.text,
          statement.values.map((v) => (v instanceof Date ? v.toISOString() : v)),
        )
      ).rows
    : await db.$queryRaw<KeysetRow[]>(statement);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    source: r.source,
    listingKey: r.listingKey,
    assignedMembershipId: r.assignedMembershipId,
    firstContactedAt: r.firstContactedAt === null ? null : asDate(r.firstContactedAt),
    lastActivityAt: asDate(r.lastActivityAt),
    createdAt: asDate(r.createdAt),
    // In contactSummarySelect's order: the API spreads the contact as it is.
    contact: {
      id: r.contactId,
      firstName: r.contactFirstName,
      lastName: r.contactLastName,
      email: r.contactEmail,
      phone: r.contactPhone,
      phoneExtension: r.contactPhoneExtension,
    },
    assignedTo:
      r.assignedMembershipId !== null && r.assigneeUserId !== null
        ? { id: r.assignedMembershipId, role: r.assigneeRole!, user: { id: r.assigneeUserId, name: r.assigneeName!, email: r.assigneeEmail! } }
        : null,
  }));
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
