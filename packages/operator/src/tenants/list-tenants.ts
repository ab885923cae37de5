import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { studioDomainSelect, studioTenantSelect, type StudioDomain, type StudioTenant } from "./tenant-select";

export type StudioTenantListItem = StudioTenant & { domains: StudioDomain[] };

/** Every tenant with its domains, by name. Tenant is a platform table, so no tenant scope applies. */
export async function listTenants(options: { status?: "ACTIVE" | "SUSPENDED"; search?: string; db?: Db } = {}): Promise<StudioTenantListItem[]> {
  const db = options.db ?? getDb();
  const search = options.search?.trim();
  return db.tenant.findMany({
    where: {
      slug: { not: "" },
      ...(options.status ? { status: options.status } : {}),
      ...(search
        ? {
            OR: [
              { name: { contains: search, mode: "insensitive" as const } },
              { slug: { contains: search.toLowerCase() } },
              { domains: { some: { hostname: { contains: search.toLowerCase() } } } },
            ],
          }
        : {}),
    },
    orderBy: [{ name: "asc" }],
    select: { ...studioTenantSelect, domains: { select: studioDomainSelect, orderBy: [{ kind: "asc" }, { isPrimary: "desc" }, { hostname: "asc" }] } },
  });
}
