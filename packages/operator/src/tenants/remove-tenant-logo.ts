import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { invalidateTenantCache } from "@real-estate/sites";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { studioTenantSelect, type StudioTenant } from "./tenant-select";

/** Clears a tenant's logo (the file stays on disk for the audit trail). */
export async function removeTenantLogo(options: { tenantId: string; actor: OperatorActor; db?: Db }): Promise<StudioTenant> {
  const db = options.db ?? getDb();
  if (!isUuid(options.tenantId)) throw new StudioNotFoundError("Tenant");
  const tenant = await db.$transaction(async (tx) => {
    const before = await tx.tenant.findUnique({ where: { id: options.tenantId }, select: { logoPath: true } });
    if (!before) throw new StudioNotFoundError("Tenant");
    const after = await tx.tenant.update({ where: { id: options.tenantId }, data: { logoPath: null }, select: studioTenantSelect });
    if (before.logoPath) {
      await recordOperatorAction(tx, {
        actor: options.actor,
        action: "tenant.logo.remove",
        targetType: "tenant",
        targetId: options.tenantId,
        tenantId: options.tenantId,
        before: { logoPath: before.logoPath },
        after: { logoPath: null },
      });
    }
    return after;
  });
  invalidateTenantCache({ tenantId: options.tenantId });
  return tenant;
}
