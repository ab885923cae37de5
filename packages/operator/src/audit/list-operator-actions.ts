import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { Prisma } from "@real-estate/db";

export const operatorActionSelect = {
  id: true,
  actorUserId: true,
  actorEmail: true,
  action: true,
  targetType: true,
  targetId: true,
  tenantId: true,
  before: true,
  after: true,
  createdAt: true,
} satisfies Prisma.OperatorAuditLogSelect;

export type OperatorActionRow = Prisma.OperatorAuditLogGetPayload<{ select: typeof operatorActionSelect }>;

/**
 * The operator audit log, newest first. The log is platform-level (not tenant-owned); the
 * optional filters narrow it. `before` is a cursor: the id of the last row of the previous page.
 */
export async function listOperatorActions(
  options: { tenantId?: string; action?: string; actorEmail?: string; limit?: number; before?: string; db?: Db } = {},
): Promise<{ rows: OperatorActionRow[]; nextCursor: string | null }> {
  const db = options.db ?? getDb();
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const rows = await db.operatorAuditLog.findMany({
    where: {
      createdAt: { lte: new Date(8.64e15) },
      ...(options.tenantId ? { tenantId: options.tenantId } : {}),
      ...(options.action ? { action: { startsWith: options.action } } : {}),
      ...(options.actorEmail ? { actorEmail: { contains: options.actorEmail, mode: "insensitive" as const } } : {}),
      ...(options.before ? { id: { lt: options.before } } : {}),
    },
    orderBy: [{ id: "desc" }],
    take: limit + 1,
    select: operatorActionSelect,
  });
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
