import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { invalidateTenantCache } from "@real-estate/sites";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { parseInput } from "../shared/parse-input";
import { ZTenantStatusInput } from "./tenant-inputs";
import { studioTenantSelect, type StudioTenant } from "./tenant-select";

/**
 * Suspends or reactivates a tenant. A suspended tenant's sites answer 503 "temporarily
 * unavailable"; its website events are still accepted and queued.
 */
export async function setTenantStatus(options: { tenantId: string; actor: OperatorActor; input: unknown; db?: Db }): Promise<StudioTenant> {
  const db = options.db ?? getDb();
  const { status } = parseInput(ZTenantStatusInput, options.input);
  if (!isUuid(options.tenantId)) throw new StudioNotFoundError("Tenant");
  const tenant = await db.$transaction(async (tx) => {
    const before = await tx.tenant.findUnique({ where: { id: options.tenantId }, select: { status: true } });
    if (!before) throw new StudioNotFoundError("Tenant");
    const after = await tx.tenant.update({ where: { id: options.tenantId }, data: { status }, select: studioTenantSelect });
    if (before.status !== status) {
      await recordOperatorAction(tx, {
        actor: options.actor,
        action: status === "SUSPENDED" ? "tenant.suspend" : "tenant.reactivate",
        targetType: "tenant",
        targetId: after.id,
        tenantId: after.id,
        before: { status: before.status },
        after: { status },
      });
    }
    return after;
  });
  invalidateTenantCache({ tenantId: options.tenantId });
  return tenant;
}
