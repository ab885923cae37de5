// The task API's contracts (requests come from @real-estate/crm's ZTaskCreate / ZTaskUpdate),
// its query and its serializer.
import { z } from "zod";
import { TASK_KINDS } from "@real-estate/types";
import type { MyDay, TaskRow } from "@real-estate/crm";
import { parseQuery, decodeCursor, DEFAULT_LIMIT, type Keyset, type ParseResult } from "./query-params";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ZInstant = z.iso.datetime({ offset: true, message: "an ISO 8601 date-time" }).transform((v) => new Date(v));

export const ZTask = z
  .object({
    id: z.uuid(),
    kind: z.enum(TASK_KINDS),
    title: z.string(),
    notes: z.string().nullable(),
    dueAt: z.iso.datetime(),
    done: z.boolean(),
    completedAt: z.iso.datetime().nullable(),
    contactId: z.uuid(),
    leadId: z.uuid().nullable(),
    assignedTo: z.object({ membershipId: z.uuid(), userId: z.string(), name: z.string() }).nullable(),
    contact: z.object({
      id: z.uuid(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Task" });

export const ZTaskList = z.object({ items: z.array(ZTask), nextCursor: z.string().nullable() }).meta({ id: "TaskList" });
const ZMyDayBucket = z.object({ count: z.number().int(), items: z.array(ZTask) });
export const ZMyDay = z.object({ overdue: ZMyDayBucket, today: ZMyDayBucket, upcoming: ZMyDayBucket, endOfToday: z.iso.datetime() }).meta({
  id: "MyDay",
  description: "Open tasks of the signed-in member: overdue, due today (the brokerage's day), due in the next 7 days; counts are full, items the first 50.",
});

export function taskItem(row: TaskRow): z.infer<typeof ZTask> {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    notes: row.notes,
    dueAt: row.dueAt.toISOString(),
    done: row.completedAt !== null,
    completedAt: row.completedAt?.toISOString() ?? null,
    contactId: row.contactId,
    leadId: row.leadId,
    assignedTo: row.assignedTo ? { membershipId: row.assignedTo.id, userId: row.assignedTo.user.id, name: row.assignedTo.user.name } : null,
    contact: { id: row.contact.id, firstName: row.contact.firstName, lastName: row.contact.lastName, email: row.contact.email, phone: row.contact.phone },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function myDayBody(day: MyDay) {
  const bucket = (b: MyDay["today"]) => ({ count: b.count, items: b.items.map(taskItem) });
  return { overdue: bucket(day.overdue), today: bucket(day.today), upcoming: bucket(day.upcoming), endOfToday: day.bounds.endOfToday.toISOString() };
}

const ZLimit = z.string().regex(/^\d+$/, "a whole number").transform(Number).pipe(z.number().int().min(1, "at least 1").max(100, "at most 100"));
export const taskListQueryShape = {
  /** Comma-separated or repeated (the leads list's convention): member ids, "me", "unassigned". */
  assignedTo: z
    .array(z.string().refine((v) => v === "unassigned" || v === "me" || UUID.test(v), 'a member id, "me" or "unassigned"'))
    .max(20)
    .optional(),
  leadId: z.string().regex(UUID, "a UUID").optional(),
  contactId: z.string().regex(UUID, "a UUID").optional(),
  /** open (default), done, or all; a list like the leads' statuses (`open,done` is all). */
  status: z
    .array(z.enum(["open", "done", "all"], "each status must be one of open, done, all"))
    .max(3)
    .optional(),
  dueFrom: ZInstant.optional(),
  dueBefore: ZInstant.optional(),
  cursor: z.string().optional(),
  limit: ZLimit.optional(),
};

export type TaskListQuery = {
  assignedTo?: string[];
  leadId?: string;
  contactId?: string;
  status: "open" | "done" | "all";
  dueFrom?: Date;
  dueBefore?: Date;
  cursor?: Keyset;
  limit: number;
};

export function parseTaskListQuery(params: URLSearchParams): ParseResult<TaskListQuery> {
  const parsed = parseQuery(taskListQueryShape, params);
  if (!parsed.ok) return parsed;
  const { cursor, limit, status: statuses, ...rest } = parsed.value;
  const status = !statuses?.length ? "open" : statuses.includes("all") || new Set(statuses).size > 1 ? "all" : statuses[0]!;
  const decoded = cursor === undefined ? undefined : decodeCursor(cursor, "tasks");
  if (decoded === null || (decoded && "snapshotId" in decoded))
    return { ok: false, error: { error: "validation_failed", fields: { cursor: ["not a cursor from this list"] } } };
  return { ok: true, value: { ...rest, status, cursor: decoded, limit: limit ?? DEFAULT_LIMIT } };
}
