import type { Db, Prisma } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { DEFAULT_TIME_ZONE, localDateOf, startOfLocalDay } from "@real-estate/types";
import { taskSelect, type TaskRow } from "./task-select";

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
 * each with its full count and its first `limit` (default 50) items by due time.
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
  const base = { tenantId: options.tenantId, assignedMembershipId: options.membershipId, completedAt: null } satisfies Prisma.TaskWhereInput;
  const bucket = async (dueAt: Prisma.DateTimeFilter): Promise<MyDayBucket> => {
    const where = { ...base, dueAt };
    const [items, count] = await Promise.all([
      db.task.findMany({ where, select: taskSelect, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: limit }),
      db.task.count({ where }),
    ]);
    return { count, items };
  };
  const [overdue, dueToday, upcoming] = await Promise.all([
    bucket({ lt: now }),
    bucket({ gte: now, lt: endOfToday }),
    bucket({ gte: endOfToday, lt: endOfUpcoming }),
  ]);
  return { overdue, today: dueToday, upcoming, bounds: { now, endOfToday, endOfUpcoming } };
}
