import type { Db } from "@real-estate/db";
import { getDb, Prisma } from "@real-estate/db";
import type { Keyset } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";
import { findTaskRows } from "./task-rows";
import type { TaskRow } from "./task-select";
export type TaskFilters = {
  leadId?: string;
  contactId?: string;
  /** Membership ids; null in the list means unassigned tasks. */
  assignedTo?: (string | null)[];
  /** open (default), done or all. */
  status?: "open" | "done" | "all";
  dueFrom?: Date;
  dueBefore?: Date;
};

export type TaskPage = { items: TaskRow[]; nextCursor: Keyset | null };

/**
 * The tenant's tasks by due time (then id), filtered, keyset-paginated (default 50, at most 200),
 * in one statement with their person, lead and assignee. Ids that are not UUIDs match nothing.
 */
export async function listTasks(options: { tenantId: string; filters?: TaskFilters; cursor?: Keyset; limit?: number; db?: Db }): Promise<TaskPage> {
  const db = options.db ?? getDb();
  const f = options.filters ?? {};
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const empty: TaskPage = { items: [], nextCursor: null };
  if (!isUuid(options.tenantId) || (f.leadId && !isUuid(f.leadId)) || (f.contactId && !isUuid(f.contactId))) return empty;
  const and: Prisma.Sql[] = [Prisma.sql`t."tenantId" = ${options.tenantId}::uuid`];
  if (f.leadId) and.push(Prisma.sql`t."leadId" = ${f.leadId}::uuid`);
  if (f.contactId) and.push(Prisma.sql`t."contactId" = ${f.contactId}::uuid`);
  const status = f.status ?? "open";
  if (status === "open") and.push(Prisma.sql`t."completedAt" IS NULL`);
  if (status === "done") and.push(Prisma.sql`t."completedAt" IS NOT NULL`);
  if (f.assignedTo?.length) {
    const ids = f.assignedTo.filter((a): a is string => a !== null && isUuid(a));
    const or: Prisma.Sql[] = [];
    // One member: an equality, so the (tenant, assignee, completedAt, dueAt) index gives the order.
    if (ids.length === 1) or.push(Prisma.sql`t."assignedMembershipId" = ${ids[0]}::uuid`);
    if (ids.length > 1) or.push(Prisma.sql`t."assignedMembershipId" = ANY(${ids}::uuid[])`);
    if (f.assignedTo.includes(null)) or.push(Prisma.sql`t."assignedMembershipId" IS NULL`);
    if (!or.length) return empty;
    and.push(or.length === 1 ? or[0]! : Prisma.sql`(${Prisma.join(or, " OR ")})`);
  }
  if (f.dueFrom) and.push(Prisma.sql`t."dueAt" >= ${f.dueFrom}::timestamp(3)`);
  if (f.dueBefore) and.push(Prisma.sql`t."dueAt" < ${f.dueBefore}::timestamp(3)`);
  if (options.cursor) {
    if (!isUuid(options.cursor.id)) return empty;
    const { value, id } = options.cursor;
    // The first condition lets an index on dueAt start at the cursor; the second is the keyset.
    and.push(Prisma.sql`t."dueAt" >= ${value}::timestamp(3) AND (t."dueAt", t.id) > (${value}::timestamp(3), ${id}::uuid)`);
  }
  const rows = await findTaskRows(db, Prisma.join(and, " AND "), limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? { value: last.dueAt, id: last.id } : null };
}
