import type { Prisma } from "@real-estate/db";

export const tenantSelect = {
  id: true,
  slug: true,
  name: true,
  status: true,
  primaryColor: true,
  accentColor: true,
  logoPath: true,
  tagline: true,
  country: true,
  timeZone: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.TenantSelect;
