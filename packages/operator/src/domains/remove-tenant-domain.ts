import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { invalidateTenantCache } from "@real-estate/sites";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { lockTenantDomains } from "./lock-tenant-domains";

/**
 * Removes a host name from a tenant. When it was the primary host of its kind, the oldest
 * remaining host of that kind becomes primary.
 */
export async function removeTenantDomain(options: { tenantId: string; domainId: string; actor: OperatorActor; db?: Db }): Promise<void> {
  const db = options.db ?? getDb();
  const { tenantId, domainId } = options;
  if (!isUuid(tenantId) || !isUuid(domainId)) throw new StudioNotFoundError("Domain");
  await db.$transaction(async (tx) => {
    if (!(await lockTenantDomains(tx, tenantId))) throw new StudioNotFoundError("Domain");
    const domain = await tx.tenantDomain.findUnique({
      where: { tenantId_id: { tenantId, id: domainId } },
      select: { hostname: true, kind: true, isPrimary: true },
    });
    if (!domain) throw new StudioNotFoundError("Domain");
    await tx.tenantDomain.delete({ where: { tenantId_id: { tenantId, id: domainId } } });
    let promoted: string | null = null;
    if (domain.isPrimary) {
      const next = await tx.tenantDomain.findFirst({
        where: { tenantId, kind: domain.kind },
        orderBy: [{ createdAt: "asc" }, { hostname: "asc" }],
        select: { id: true, hostname: true },
      });
      if (next) {
        await tx.tenantDomain.update({ where: { tenantId_id: { tenantId, id: next.id } }, data: { isPrimary: true } });
        promoted = next.hostname;
      }
    }
    await recordOperatorAction(tx, {
      actor: options.actor,
      action: "domain.remove",
      targetType: "domain",
      targetId: domainId,
      tenantId,
      before: domain,
      after: promoted ? { promotedToPrimary: promoted } : null,
    });
  });
  invalidateTenantCache({ tenantId });
}
