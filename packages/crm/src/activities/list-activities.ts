import type { ActivityType } from "@real-estate/db";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { activitySelect, type ActivityRow, type Keyset, type Page } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";
import { keysetWhere, toPage } from "../shared/keyset";

/**
 * The tenant's activities, newest first (by occurredAt), optionally for one contact or lead
 * and of some types; keyset-paginated (default 50 per page). Each row carries the actor's name.
 */
export async function listActivities(options: {
  tenantId: string;
  contactId?: string;
  leadId?: string;
  types?: ActivityType[];
  cursor?: Keyset;
  limit?: number;
  db?: Db;
}): Promise<Page<ActivityRow>> {
  const db = options.db ?? getDb();
  const limit = options.limit ?? 50;
  if ((options.contactId && !isUuid(options.contactId)) || (options.leadId && !isUuid(options.leadId))) return { items: [], nextCursor: null };
  const rows = await db.activity.findMany({
    where: {
      AND: [
        {
          tenantId: options.tenantId,
          ...(options.contactId && { contactId: options.contactId }),
          ...(options.leadId && { leadId: options.leadId }),
          ...(options.types?.length && { type: { in: options.types } }),
        },
        keysetWhere("occurredAt", "desc", options.cursor),
      ],
    },
    select: activitySelect,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is string => Boolean(id)))];
  // Users are platform-wide; the ids come from this tenant's own activities.
  const users = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const withNames = rows.map((r) => ({ ...r, actorName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null }));
  return toPage(withNames, limit, (row) => row.occurredAt);
}
