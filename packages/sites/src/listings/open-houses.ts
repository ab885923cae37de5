import type { Prisma } from "@real-estate/db";

/** An upcoming open house as the listing page shows it (ISO times; remarks as the MLS wrote them). */
export type OpenHouse = { start: string; end: string; remarks?: string };

/**
 * Open houses a visitor may go to: public (or not typed by the feed), not canceled or ended, and
 * not over yet. The listing page lists them; the search's open-house filter matches on them.
 */
export function upcomingOpenHouseWhere(now: Date = new Date()): Prisma.OpenHouseWhereInput {
  return {
    OpenHouseStatus: "Active",
    OpenHouseEndTime: { gte: now },
    OR: [{ OpenHouseType: "Public" }, { OpenHouseType: null }],
  };
}

/** The listing page's read of its open houses: the next few, soonest first. */
export function upcomingOpenHousesSelect(now: Date = new Date()) {
  return {
    where: upcomingOpenHouseWhere(now),
    orderBy: [{ OpenHouseStartTime: "asc" as const }, { OpenHouseKey: "asc" as const }],
    take: 10,
    select: { OpenHouseStartTime: true, OpenHouseEndTime: true, OpenHouseRemarks: true },
  };
}

export function toOpenHouse(row: { OpenHouseStartTime: Date; OpenHouseEndTime: Date; OpenHouseRemarks: string | null }): OpenHouse {
  return {
    start: row.OpenHouseStartTime.toISOString(),
    end: row.OpenHouseEndTime.toISOString(),
    ...(row.OpenHouseRemarks ? { remarks: row.OpenHouseRemarks } : {}),
  };
}
