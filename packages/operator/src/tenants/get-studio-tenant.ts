import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import type { StudioTenantListItem } from "./list-tenants";
import { studioDomainSelect, studioTenantSelect } from "./tenant-select";

/** One tenant with its domains; throws StudioNotFoundError when there is none. */
export async function getStudioTenant(options: { tenantId: string; db?: Db }): Promise<StudioTenantListItem> {
  const db = options.db ?? getDb();
  if (!isUuid(options.tenantId)) throw new StudioNotFoundError("Tenant");
  const tenant = await db.tenant.findUnique({
    where: { id: options.tenantId },
    select: { ...studioTenantSelect, domains: { select: studioDomainSelect, orderBy: [{ kind: "asc" }, { isPrimary: "desc" }, { hostname: "asc" }] } },
  });
  if (!tenant) throw new StudioNotFoundError("Tenant");
  return tenant;
}
