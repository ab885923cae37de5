import type { Db, DbTx } from "@real-estate/db";
import { Prisma } from "@real-estate/db";
import type { OperatorActor } from "../shared/actor";

export type OperatorActionRecord = {
  actor: OperatorActor;
  /** Dotted verb, e.g. "tenant.update", "domain.add", "modules.save". */
  action: string;
  targetType: string;
  targetId?: string | null;
  tenantId?: string | null;
  before?: unknown;
  after?: unknown;
};

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  if (value === undefined || value === null) return Prisma.JsonNull;
  // Round-trip through JSON so dates become strings and undefined fields disappear.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Writes one OperatorAuditLog row; call it inside the transaction that makes the change. */
export async function recordOperatorAction(db: Db | DbTx, record: OperatorActionRecord): Promise<string> {
  const row = await db.operatorAuditLog.create({
    data: {
      actorUserId: record.actor.userId,
      actorEmail: record.actor.email,
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId ?? null,
      tenantId: record.tenantId ?? null,
      before: toJson(record.before),
      after: toJson(record.after),
    },
    select: { id: true },
  });
  return row.id;
}
