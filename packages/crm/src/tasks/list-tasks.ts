import type { Db, Prisma } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { Keyset } from "../shared/crm-selects";
import { taskSelect, type TaskRow } from "./task-select";

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

/** The tenant's tasks by due time (then id), filtered, keyset-paginated (default 50, at most 200). */
export async function listTasks(options: { tenantId: string; filters?: TaskFilters; cursor?: Keyset; limit?: number; db?: Db }): Promise<TaskPage> {
  const db = options.db ?? getDb();
  const f = options.filters ?? {};
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const and: Prisma.TaskWhereInput[] = [];
  if (f.assignedTo?.length) {
    const ids = f.assignedTo.filter((a): a is string => a !== null);
    const or: Prisma.TaskWhereInput[] = [];
    if (ids.length) or.push({ assignedMembershipId: { in: ids } });
    if (f.assignedTo.includes(null)) or.push({ assignedMembershipId: null });
    and.push({ OR: or });
  }
  if (f.dueFrom || f.dueBefore) and.push({ dueAt: { ...(f.dueFrom && { gte: f.dueFrom }), ...(f.dueBefore && { lt: f.dueBefore }) } });
  if (options.cursor) and.push({ OR: [{ dueAt: { gt: options.cursor.value } }, { dueAt: options.cursor.value, id: { gt: options.cursor.id } }] });
  const status = f.status ?? "open";
  const where: Prisma.TaskWhereInput = {
    tenantId: options.tenantId,
    ...(f.leadId && { leadId: f.leadId }),
    ...(f.contactId && { contactId: f.contactId }),
    ...(status === "open" && { completedAt: null }),
    ...(status === "done" && { completedAt: { not: null } }),
    ...(and.length && { AND: and }),
  };
  const rows = await db.task.findMany({ where, select: taskSelect, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: limit + 1 });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? { value: last.dueAt, id: last.id } : null };
}
