import type { Prisma } from "@real-estate/db";
import { tenantSelect } from "@real-estate/sites";

/** The studio shows a tenant with the same fields as everywhere else, and its Clerk organization. */
export const studioTenantSelect = { ...tenantSelect, clerkOrganizationId: true } satisfies Prisma.TenantSelect;

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
