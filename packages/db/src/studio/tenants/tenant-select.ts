import type { Prisma } from "../../generated/prisma/client";

export const studioTenantSelect = {
  id: true,
  slug: true,
  name: true,
  status: true,
  primaryColor: true,
  accentColor: true,
  logoPath: true,
  tagline: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.TenantSelect;

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
