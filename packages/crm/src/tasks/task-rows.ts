import type { Db, LeadStatus, TaskKind } from "@real-estate/db";
import { Prisma } from "@real-estate/db";
import type { TaskRow } from "./task-select";

/** One task with its person, lead and assignee as one flat row (see taskRowOf). */
export type FlatTaskRow = {
  id: string;
  kind: TaskKind;
  title: string;
  notes: string | null;
  dueAt: Date;
  contactId: string;
  leadId: string | null;
  assignedMembershipId: string | null;
  completedAt: Date | null;
  completedByUserId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  phoneExtension: string | null;
  leadStatus: LeadStatus | null;
  leadSource: string | null;
  leadListingKey: string | null;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
};

/**
 * The columns of a TaskRow over `t` (a Task row or a subquery of them): the task, its contact,
 * lead, assignee and the assignee's user, joined in the same statement (one round trip where
 * the relation selects take five).
 */
export const TASK_ROW_COLUMNS = Prisma.sql`
  t.id::text AS id, t.kind, t.title, t.notes, t."dueAt", t."contactId"::text AS "contactId", t."leadId"::text AS "leadId",
  t."assignedMembershipId"::text AS "assignedMembershipId", t."completedAt", t."completedByUserId", t.version, t."createdAt", t."updatedAt",
  c."firstName", c."lastName", c.email, c.phone, c."phoneExtension",
  l.status AS "leadStatus", l.source AS "leadSource", l."listingKey" AS "leadListingKey",
  u.id AS "userId", u.name AS "userName", u.email AS "userEmail"`;

/** The joins TASK_ROW_COLUMNS reads from. */
export const TASK_ROW_JOINS = Prisma.sql`
  JOIN "Contact" c ON c."tenantId" = t."tenantId" AND c.id = t."contactId"
  LEFT JOIN "Lead" l ON l."tenantId" = t."tenantId" AND l.id = t."leadId"
  LEFT JOIN "TenantMembership" m ON m."tenantId" = t."tenantId" AND m.id = t."assignedMembershipId"
  LEFT JOIN "user" u ON u.id = m."userId"`;

export function taskRowOf(r: FlatTaskRow): TaskRow {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    notes: r.notes,
    dueAt: r.dueAt,
    contactId: r.contactId,
    leadId: r.leadId,
    assignedMembershipId: r.assignedMembershipId,
    completedAt: r.completedAt,
    completedByUserId: r.completedByUserId,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    contact: { id: r.contactId, firstName: r.firstName, lastName: r.lastName, email: r.email, phone: r.phone, phoneExtension: r.phoneExtension },
    lead: r.leadId && r.leadStatus ? { id: r.leadId, status: r.leadStatus, source: r.leadSource!, listingKey: r.leadListingKey } : null,
    assignedTo: r.assignedMembershipId && r.userId ? { id: r.assignedMembershipId, user: { id: r.userId, name: r.userName!, email: r.userEmail! } } : null,
  };
}

/** Tasks matching `where` (over `t`, the Task table), by due time then id, at most `limit`. */
export async function findTaskRows(db: Db, where: Prisma.Sql, limit: number): Promise<TaskRow[]> {
  const rows = await db.$queryRaw<FlatTaskRow[]>`
    SELECT ${TASK_ROW_COLUMNS}
      FROM (SELECT * FROM "Task" t WHERE ${where} ORDER BY t."dueAt", t.id LIMIT ${limit}) AS t
      ${TASK_ROW_JOINS}
     ORDER BY t."dueAt", t.id`;
  return rows.map(taskRowOf);
}
