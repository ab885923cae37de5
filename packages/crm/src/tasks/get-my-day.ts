import type { Db } from "@real-estate/db";
import { getDb, Prisma } from "@real-estate/db";
import { DEFAULT_TIME_ZONE, localDateOf, startOfLocalDay } from "@real-estate/types";
import { isUuid } from "../shared/is-uuid";
import { TASK_ROW_COLUMNS, TASK_ROW_JOINS, taskRowOf, type FlatTaskRow } from "./task-rows";
import type { TaskRow } from "./task-select";

export type MyDayBucket = { count: number; items: TaskRow[] };
export type MyDay = {
  overdue: MyDayBucket;
  today: MyDayBucket;
  upcoming: MyDayBucket;
  /** Where "today" and "upcoming" end (start of tomorrow and of the day after the upcoming window), in UTC. */
  bounds: { now: Date; endOfToday: Date; endOfUpcoming: Date };
};

/**
 * One member's open tasks for their start page: overdue (due before now), today (due from now
 * until midnight in the tenant's time zone) and upcoming (the next `upcomingDays` days, default 7),
 * each with its full count and its first `limit` (default 50) items by due time, in one statement.
 */
export async function getMyDay(options: {
  tenantId: string;
  membershipId: string;
  timeZone?: string;
  now?: Date;
  limit?: number;
  upcomingDays?: number;
  db?: Db;
}): Promise<MyDay> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const today = localDateOf(now, tz);
  const endOfToday = startOfLocalDay(today, tz, 1);
  const endOfUpcoming = startOfLocalDay(today, tz, 1 + (options.upcomingDays ?? 7));
  const { tenantId, membershipId } = options;
  if (!isUuid(tenantId) || !isUuid(membershipId)) {
    const none = { count: 0, items: [] };
    return { overdue: none, today: none, upcoming: none, bounds: { now, endOfToday, endOfUpcoming } };
  }
  const open = Prisma.sql`t."tenantId" = ${tenantId}::uuid AND t."assignedMembershipId" = ${membershipId}::uuid AND t."completedAt" IS NULL`;
  const first = (bucket: number, from: Date | null, to: Date) => Prisma.sql`
    (SELECT ${bucket}::int AS bucket, t.* FROM "Task" t
      WHERE ${open} AND t."dueAt" < ${to}::timestamp(3) ${from ? Prisma.sql`AND t."dueAt" >= ${from}::timestamp(3)` : Prisma.empty}
      ORDER BY t."dueAt", t.id LIMIT ${limit})`;
  // One statement: the three counts from one range of the member's open-task index, and each
  // bucket's first items with their person, lead and assignee.
  const rows = await db.$queryRaw<(FlatTaskRow & { bucket: number | null; overdue: bigint; today: bigint; upcoming: bigint })[]>`
    WITH counts AS (
      SELECT count(*) FILTER (WHERE t."dueAt" < ${now}::timestamp(3)) AS overdue,
             count(*) FILTER (WHERE t."dueAt" >= ${now}::timestamp(3) AND t."dueAt" < ${endOfToday}::timestamp(3)) AS today,
             count(*) FILTER (WHERE t."dueAt" >= ${endOfToday}::timestamp(3)) AS upcoming
        FROM "Task" t WHERE ${open} AND t."dueAt" < ${endOfUpcoming}::timestamp(3)
    ), items AS (
      SELECT t.bucket, ${TASK_ROW_COLUMNS}
        FROM (${first(0, null, now)} UNION ALL ${first(1, now, endOfToday)} UNION ALL ${first(2, endOfToday, endOfUpcoming)}) AS t
        ${TASK_ROW_JOINS}
    )
    SELECT counts.*, items.* FROM counts LEFT JOIN items ON true ORDER BY items.bucket, items."dueAt", items.id`;
  const bucket = (n: number, count: bigint | undefined): MyDayBucket => ({
    count: Number(count ?? 0),
    items: rows.filter((r) => r.bucket === n).map(taskRowOf),
  });
  const overdue = bucket(0, rows[0]?.overdue);
  const dueToday = bucket(1, rows[0]?.today);
  const upcoming = bucket(2, rows[0]?.upcoming);
  return { overdue, today: dueToday, upcoming, bounds: { now, endOfToday, endOfUpcoming } };
}
