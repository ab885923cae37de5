import type { Prisma } from "../../generated/prisma/client";
import { tenantSelect } from "../../tenants/get-tenant";

/** The studio shows a tenant with the same fields as everywhere else. */
export const studioTenantSelect = tenantSelect;

export const studioDomainSelect = {
  id: true,
  tenantId: true,
  hostname: true,
  kind: true,
  isPrimary: true,
  createdAt: true,
} satisfies Prisma.TenantDomainSelect;

export type StudioTenant = Prisma.TenantGetPayload<{ select: typeof studioTenantSelect }>;
export type StudioDomain = Prisma.TenantDomainGetPayload<{ select: typeof studioDomainSelect }>;
