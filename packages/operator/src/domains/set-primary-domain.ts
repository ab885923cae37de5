import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { invalidateTenantCache } from "@real-estate/sites";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { lockTenantDomains } from "./lock-tenant-domains";
import { studioDomainSelect, type StudioDomain } from "../tenants/tenant-select";

/** Makes a host the primary one of its kind (canonical URLs); the previous primary is unmarked. */
export async function setPrimaryDomain(options: { tenantId: string; domainId: string; actor: OperatorActor; db?: Db }): Promise<StudioDomain> {
  const db = options.db ?? getDb();
  const { tenantId, domainId } = options;
  if (!isUuid(tenantId) || !isUuid(domainId)) throw new StudioNotFoundError("Domain");
  const result = await db.$transaction(async (tx) => {
    if (!(await lockTenantDomains(tx, tenantId))) throw new StudioNotFoundError("Domain");
    const domain = await tx.tenantDomain.findUnique({ where: { tenantId_id: { tenantId, id: domainId } }, select: studioDomainSelect });
    if (!domain) throw new StudioNotFoundError("Domain");
    if (domain.isPrimary) return domain;
    const previous = await tx.tenantDomain.findFirst({ where: { tenantId, kind: domain.kind, isPrimary: true }, select: { hostname: true } });
    await tx.tenantDomain.updateMany({ where: { tenantId, kind: domain.kind, isPrimary: true }, data: { isPrimary: false } });
    const updated = await tx.tenantDomain.update({ where: { tenantId_id: { tenantId, id: domainId } }, data: { isPrimary: true }, select: studioDomainSelect });
    await recordOperatorAction(tx, {
      actor: options.actor,
      action: "domain.primary",
      targetType: "domain",
      targetId: domainId,
      tenantId,
      before: { kind: domain.kind, primary: previous?.hostname ?? null },
      after: { kind: domain.kind, primary: updated.hostname },
    });
    return updated;
  });
  invalidateTenantCache({ tenantId });
  return result;
}
